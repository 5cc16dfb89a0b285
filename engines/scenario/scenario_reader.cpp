#include "engines/scenario/scenario_reader.h"

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

} // namespace fg
