#include "engines/scenario/scenario_reader.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace fg {

namespace {
std::string at(const std::string& path, const char* key) {
    return path + "/" + key;
}
} // namespace

Status ScenarioReader::params(const json& scenario, json& out) {
    if (Status s = object(scenario, ""); !s) {
        return s;
    }
    out = scenario.value("params", json::object());
    return object(out, "/params");
}

Status ScenarioReader::knownKeys(const json& obj, const std::string& path,
                                 std::initializer_list<std::string_view> known) {
    if (!obj.is_object()) {
        return Status::ok(); // the caller says what the object should have been
    }
    for (const auto& [key, value] : obj.items()) {
        if (std::find(known.begin(), known.end(), std::string_view(key)) != known.end()) {
            continue;
        }
        std::string list;
        for (const std::string_view k : known) {
            list += (list.empty() ? "" : ", ") + std::string(k);
        }
        return Status::error(path + "/" + key, "unknown key: " + (path.empty() ? "/" : path) +
                                                   " takes " + list + " (is it misspelled?)");
    }
    return Status::ok();
}

Status ScenarioReader::scenarioKeys(const json& scenario) {
    return knownKeys(scenario, "", {"engine", "title", "params", "ops", "narrate"});
}

Status ScenarioReader::object(const json& v, const std::string& path) {
    return v.is_object()
               ? Status::ok()
               : Status::error(path.empty() ? "/" : path, "expected a JSON object { ... }");
}

Status ScenarioReader::integer(const json& obj, const std::string& path, const char* key,
                               std::int64_t lo, std::int64_t hi, std::int64_t fallback,
                               std::int64_t& out) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        out = fallback;
        return Status::ok();
    }
    if (!it->is_number_integer()) {
        return Status::error(at(path, key), "expected a whole number from " + std::to_string(lo) +
                                                " to " + std::to_string(hi));
    }
    const std::int64_t v = it->is_number_unsigned() && it->get<std::uint64_t>() > INT64_MAX
                               ? INT64_MAX
                               : it->get<std::int64_t>();
    if (v < lo || v > hi) {
        return Status::error(at(path, key), "expected a whole number from " + std::to_string(lo) +
                                                " to " + std::to_string(hi) + ", got " +
                                                std::to_string(v));
    }
    out = v;
    return Status::ok();
}

Status ScenarioReader::requiredInteger(const json& obj, const std::string& path, const char* key,
                                       std::int64_t lo, std::int64_t hi, std::int64_t& out) {
    if (!obj.contains(key)) {
        return Status::error(at(path, key), "missing: expected a whole number from " +
                                                std::to_string(lo) + " to " + std::to_string(hi));
    }
    return integer(obj, path, key, lo, hi, 0, out);
}

Status ScenarioReader::requiredString(const json& obj, const std::string& path, const char* key,
                                      std::string& out) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        return Status::error(at(path, key), "missing: expected a text in quotes");
    }
    if (!it->is_string()) {
        return Status::error(at(path, key), "expected a text in quotes");
    }
    out = it->get<std::string>();
    return Status::ok();
}

Status ScenarioReader::requiredName(const json& obj, const std::string& path, const char* key,
                                    std::string& out) {
    if (Status s = requiredString(obj, path, key, out); !s) {
        return s;
    }
    if (out.find_first_not_of(" \t\r\n") == std::string::npos) {
        return Status::error(at(path, key), "expected a name: an empty one names no one");
    }
    return Status::ok();
}

Status ScenarioReader::optionalString(const json& obj, const std::string& path, const char* key,
                                      std::optional<std::string>& out) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        out.reset();
        return Status::ok();
    }
    if (!it->is_string()) {
        return Status::error(at(path, key), "expected a text in quotes");
    }
    out = it->get<std::string>();
    return Status::ok();
}

Status ScenarioReader::narrate(const json& scenario, bool& out) {
    const auto it = scenario.find("narrate");
    if (it == scenario.end()) {
        out = true;
        return Status::ok();
    }
    if (!it->is_boolean()) {
        return Status::error("/narrate", "expected true or false");
    }
    out = it->get<bool>();
    return Status::ok();
}

Status ScenarioReader::ops(const json& scenario, const json*& out) {
    const auto it = scenario.find("ops");
    if (it == scenario.end()) {
        return Status::error("/ops", "missing: expected a list of ops [ { \"op\": ... }, ... ]");
    }
    if (!it->is_array()) {
        return Status::error("/ops", "expected a list of ops [ { \"op\": ... }, ... ]");
    }
    out = &*it;
    return Status::ok();
}

Status ScenarioReader::opName(const json& op, const std::string& path, std::string& out) {
    if (Status s = object(op, path); !s) {
        return s;
    }
    return requiredString(op, path, "op", out);
}

Status ScenarioReader::forEachOp(const json& scenario, const OpVisit& visit) {
    const json* list = nullptr;
    if (Status s = ops(scenario, list); !s) {
        return s;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = "/ops/" + std::to_string(i);
        const json& op = (*list)[i];
        std::string name;
        if (Status s = opName(op, path, name); !s) {
            return s;
        }
        if (Status s = visit(op, path, name); !s) {
            return s;
        }
    }
    return Status::ok();
}

std::string grouped(std::int64_t n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out.push_back(',');
        }
        out.push_back(digits[i]);
    }
    return out;
}

Status WorkBudget::add(std::int64_t items, const std::string& path) {
    const std::int64_t most = narrate_ ? kMaxNarratedWork : kMaxBulkWork;
    total_ = items > INT64_MAX - total_ ? INT64_MAX : total_ + items;
    if (total_ > most && firstOver_.empty()) {
        firstOver_ = path;
    }
    // Far past the limit, counting on is pointless: the message says "at least".
    if (total_ > most * 100) {
        return finish();
    }
    return Status::ok();
}

Status WorkBudget::finish() const {
    const std::int64_t most = narrate_ ? kMaxNarratedWork : kMaxBulkWork;
    if (total_ <= most) {
        return Status::ok();
    }
    const std::int64_t times = total_ / most;
    // Appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) on long chains of +.
    std::string what = "the scenario asks for ";
    what += total_ > most * 100 ? "at least " : "";
    what += grouped(total_);
    what += " keys, records or ops in all, ";
    what += times >= 2 ? std::to_string(times) + " times the most"
                       : grouped(total_ - most) + " over the most";
    what += " a ";
    what += narrate_ ? "narrated " : "";
    what += "scenario may ask for (";
    what += grouped(most);
    what += ")";
    if (narrate_) {
        what += ": set \"narrate\": false to run up to ";
        what += grouped(kMaxBulkWork);
        what += " in bulk, without the step-by-step story";
    }
    return Status::error(firstOver_, what);
}

Status playableOnAPage(std::int64_t work) {
    if (work <= kMaxPlayedWork) {
        return Status::ok();
    }
    std::string what = "the scenario asks for ";
    what += grouped(work);
    what += " keys, records or ops in all; a diagram plays at most ";
    what += grouped(kMaxPlayedWork);
    what += " step by step (fieldguide run gives the end state of up to ";
    what += grouped(kMaxBulkWork);
    what += ")";
    return Status::error("/ops", what);
}

nlohmann::json writeScenarioDocument(const char* engine, nlohmann::json params, nlohmann::json ops,
                                     bool narrate) {
    nlohmann::json j = {{"engine", engine}, {"params", std::move(params)}, {"ops", std::move(ops)}};
    if (!narrate) {
        j["narrate"] = false;
    }
    return j;
}

} // namespace fg
