#include "engines/scenario/scenario.h"

#include "engines/core/read_blocks.h"
#include "engines/scenario/btree_scenario.h"
#include "engines/scenario/downsample_scenario.h"
#include "engines/scenario/hashslot_scenario.h"
#include "engines/scenario/json_text.h"
#include "engines/scenario/kafka_scenario.h"
#include "engines/scenario/lsm_scenario.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <istream>
#include <nlohmann/json.hpp>

namespace fg::scenario {

namespace {

struct EngineEntry {
    const char* name;
    Status (*run)(const nlohmann::json&, nlohmann::json&);
    const char* ops; // its op names, for `fieldguide run --help`
};

const std::vector<EngineEntry>& engines() {
    static const std::vector<EngineEntry> all = {
        {"btree", &runBtreeScenario, "insert, search, delete, range, insert-random"},
        {"lsm", &runLsmScenario, "put, delete, get, flush, compact, put-random"},
        {"hashslot", &runHashslotScenario,
         "route, add-node, remove-node, migrate, fail-node, client-map"},
        {"kafka", &runKafkaScenario, "produce, join, leave, fail-broker, recover-broker, consume"},
        {"downsample", &runDownsampleScenario, "ingest, advance, query"},
    };
    return all;
}

std::string nameList() {
    std::string out;
    for (const auto& e : engines()) {
        out += (out.empty() ? "" : ", ") + std::string(e.name);
    }
    return out;
}

} // namespace

const std::vector<std::string>& engineNames() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (const auto& e : engines()) {
            n.emplace_back(e.name);
        }
        return n;
    }();
    return names;
}

std::string engineList(const std::string& indent) {
    std::string out;
    for (const auto& e : engines()) {
        std::string name = e.name;
        name.resize(std::max<std::size_t>(name.size() + 2, 12), ' ');
        out += indent + name + e.ops + "\n";
    }
    return out;
}

Status run(const nlohmann::json& scenario, nlohmann::json& result) {
    if (!scenario.is_object()) {
        return Status::error("/", "expected a JSON object with \"engine\", \"params\" and \"ops\"");
    }
    const auto engine = scenario.find("engine");
    if (engine == scenario.end() || !engine->is_string()) {
        return Status::error("/engine", "expected the engine's name: one of " + nameList());
    }
    const std::string name = engine->get<std::string>();
    for (const auto& e : engines()) {
        if (name == e.name) {
            try {
                return e.run(scenario, result);
            } catch (const std::exception& ex) { // a last guard at the edge: never a crash
                return Status::error("/", std::string("could not run the scenario: ") + ex.what());
            }
        }
    }
    return Status::error("/engine",
                         "unknown engine \"" + name + "\": expected one of " + nameList());
}

Status readText(std::istream& in, const std::string& source, std::string& text) {
    text.clear();
    const Status read = readBlocks(in, source, [&](std::string_view block) {
        if (text.size() + block.size() > kMaxScenarioBytes) {
            return Status::error(source, "more than 64 MB: a scenario holds at most 64 MB (is "
                                         "this the right file?)");
        }
        text.append(block);
        return Status::ok();
    });
    if (!read) {
        text.clear();
    }
    return read;
}

Status readText(const std::string& path, std::istream& standardInput, std::string& text) {
    if (path == "-") {
        return readText(standardInput, "<stdin>", text);
    }
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        return Status::error(path, "cannot be read: no such file, or not readable");
    }
    // Room for the whole file at once (a 30 MB file grew by copies, each touching new pages).
    std::error_code ec;
    if (const auto size = std::filesystem::file_size(path, ec); !ec) {
        text.reserve(std::min<std::uintmax_t>(size, kMaxScenarioBytes) + 1);
    }
    return readText(f, path, text);
}

Status readFile(const std::string& path, std::istream& standardInput, nlohmann::json& out) {
    std::string text;
    if (Status read = readText(path, standardInput, text); !read) {
        return read;
    }
    return parse(text, path == "-" ? "<stdin>" : path, out);
}

Status parseHeader(const std::string& text, const std::string& source, nlohmann::json& header) {
    return parseJsonHeader(text, source, header);
}

Status runText(const std::string& text, const std::string& source, const nlohmann::json& header,
               nlohmann::json& result) {
    const bool btree = header.is_object() && header.value("engine", nlohmann::json()) == "btree";
    if (btree) {
        try {
            return runBtreeScenarioText(text, header, result);
        } catch (const std::exception& ex) { // as run(): never a crash
            return Status::error("/", std::string("could not run the scenario: ") + ex.what());
        }
    }
    nlohmann::json whole;
    if (Status s = parse(text, source, whole); !s) {
        return s;
    }
    return run(whole, result);
}

Status parse(const std::string& text, const std::string& source, nlohmann::json& out) {
    return parseJsonText(text, source, out);
}

} // namespace fg::scenario
