// grade(): a submitted answer against the engine's (practice.h). Kept apart from the exercise
// makers: it reads only an exercise's answer and given, never an engine.
#include "engines/practice/practice.h"
#include "engines/practice/practice_detail.h"
#include "engines/practice/practice_routing.h"
#include "engines/practice/practice_storage.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace fg::practice {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

namespace detail {

// A whole number given as JSON (7437 or 7437.0), or nullopt.
std::optional<std::int64_t> wholeNumber(const json& v) {
    if (v.is_number_integer()) {
        return v.get<std::int64_t>();
    }
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15) {
            return static_cast<std::int64_t>(d);
        }
    }
    return std::nullopt;
}

// One whole-number field ("slot", "master", "partition", "bits").
void gradeNumber(const ojson& answer, const json& submitted, const char* field, Grading& g) {
    const std::int64_t want = answer[field].get<std::int64_t>();
    const auto it = submitted.find(field);
    const std::optional<std::int64_t> got = it == submitted.end() ? std::nullopt : wholeNumber(*it);
    if (!got) {
        g.differences.push_back(std::string("no whole number given for \"") + field + "\"");
    } else if (*got != want) {
        g.differences.push_back(std::string(field) + ": you gave " + std::to_string(*got) +
                                ", the engine " + "says " + std::to_string(want));
    }
}

std::string listText(std::vector<std::string> items) {
    std::sort(items.begin(), items.end());
    std::string out;
    for (const auto& s : items) {
        out += (out.empty() ? "" : ", ") + s;
    }
    return out.empty() ? "nothing" : out;
}

} // namespace detail

namespace {

using namespace detail;

void gradeAssignment(const ojson& answer, const json& submitted, Grading& g) {
    const auto it = submitted.find("assignment");
    if (it == submitted.end() || !it->is_object()) {
        g.differences.push_back("no \"assignment\" object given (member: [\"topic-partition\"])");
        return;
    }
    const ojson& want = answer["assignment"];
    for (const auto& [member, parts] : it->items()) {
        if (!want.contains(member)) {
            g.differences.push_back(member + " is not a member of the group");
        }
        if (!parts.is_array()) {
            g.differences.push_back(member + ": expected a list of \"topic-partition\"");
        }
    }
    for (const auto& [member, parts] : want.items()) {
        std::vector<std::string> expected = parts.get<std::vector<std::string>>(), given;
        if (const auto m = it->find(member); m != it->end() && m->is_array()) {
            for (const auto& p : *m) {
                given.push_back(p.is_string() ? p.get<std::string>() : p.dump());
            }
        }
        std::sort(expected.begin(), expected.end());
        std::sort(given.begin(), given.end());
        if (given != expected) {
            g.differences.push_back(member + ": you gave " + listText(given) +
                                    "; the assignor gives " + listText(expected));
        }
    }
}

// The same tree: the same keys in every node and the same children, a leaf's "children"
// empty or left out. `where` names the node ("the root", "the root's child 2").
bool sameTree(const json& got, const ojson& want, const std::string& where, Grading& g) {
    const auto keys = got.find("keys");
    if (!got.is_object() || keys == got.end() || !keys->is_array()) {
        g.differences.push_back(where + ": expected {\"keys\": [...], \"children\": [...]}");
        return false;
    }
    std::vector<std::int64_t> gotKeys;
    for (const auto& k : *keys) {
        const auto n = wholeNumber(k);
        gotKeys.push_back(n ? *n : INT64_MIN);
    }
    const auto wantKeys = want["keys"].get<std::vector<std::int64_t>>();
    if (gotKeys != wantKeys) {
        g.differences.push_back(where + " holds " + keys->dump() + ", the engine's " +
                                json(wantKeys).dump());
        return false;
    }
    const json none = json::array();
    const auto c = got.find("children");
    const json& children = c == got.end() ? none : *c;
    const ojson& wantChildren = want["children"];
    if (!children.is_array() || children.size() != wantChildren.size()) {
        g.differences.push_back(where + " has " +
                                std::to_string(children.is_array() ? children.size() : 0) +
                                " children, the engine's " + std::to_string(wantChildren.size()));
        return false;
    }
    for (std::size_t i = 0; i < children.size(); ++i) {
        if (!sameTree(children[i], wantChildren[i],
                      (where == "the root" ? "the root's" : where + "'s") + " child " +
                          std::to_string(static_cast<std::int64_t>(i + 1)),
                      g)) {
            return false;
        }
    }
    return true;
}

void gradeInsert(const ojson& answer, const json& submitted, Grading& g) {
    const auto promoted = submitted.find("promoted");
    std::vector<std::int64_t> given;
    bool readable = promoted != submitted.end() && promoted->is_array();
    if (readable) {
        for (const auto& k : *promoted) {
            const auto n = wholeNumber(k);
            readable = readable && n.has_value();
            given.push_back(n ? *n : 0);
        }
    }
    const auto want = answer["promoted"].get<std::vector<std::int64_t>>();
    if (!readable) {
        g.differences.push_back("no \"promoted\" list of keys given (an empty list: none)");
    } else if (given != want) {
        g.differences.push_back("moved up: you gave " + json(given).dump() + ", the engine " +
                                "moves up " + json(want).dump() + ", in that order");
    }
    const auto tree = submitted.find("tree");
    if (tree == submitted.end()) {
        g.differences.push_back("no \"tree\" given");
        return;
    }
    sameTree(*tree, answer["tree"], "the root", g);
}

void gradeBuckets(const Exercise& e, const json& submitted, Grading& g) {
    const auto it = submitted.find("buckets");
    if (it == submitted.end() || !it->is_array()) {
        g.differences.push_back("no \"buckets\" list given ([[start_ms, value], ...])");
        return;
    }
    const ojson& want = e.answer["buckets"];
    const bool count = e.given["agg"] == "count";
    if (it->size() != want.size()) {
        g.differences.push_back("you gave " + std::to_string(it->size()) +
                                " buckets, the series has " + std::to_string(want.size()) +
                                " that are not empty");
    }
    for (std::size_t i = 0; i < std::min(it->size(), want.size()); ++i) {
        const json& b = (*it)[i];
        const std::string name = "bucket " + std::to_string(static_cast<std::int64_t>(i + 1));
        const auto start = b.is_array() && b.size() == 2 ? wholeNumber(b[0]) : std::nullopt;
        if (!start || !b[1].is_number()) {
            g.differences.push_back(name + ": expected [start_ms, value]");
            continue;
        }
        const std::int64_t wantStart = want[i][0].get<std::int64_t>();
        if (*start != wantStart) {
            g.differences.push_back(name + " starts at " + std::to_string(*start) +
                                    ", the engine's at " + std::to_string(wantStart));
        }
        const double got = b[1].get<double>(), value = want[i][1].get<double>();
        // Counts exactly; other values as written to two decimals (10.33 for 10.3333...).
        const double slack = count ? 0.0 : 0.005 + 1e-9 * std::max(1.0, std::fabs(value));
        if (std::fabs(got - value) > slack) {
            g.differences.push_back(name + ": you gave " + b[1].dump() + ", the " +
                                    e.given["agg"].get<std::string>() + " is " + want[i][1].dump());
        }
    }
}

} // namespace

namespace detail {

void gradeTree(const ojson& answer, const json& submitted, const char* field, Grading& g) {
    const auto tree = submitted.find(field);
    if (tree == submitted.end()) {
        g.differences.push_back(std::string("no \"") + field + "\" given");
        return;
    }
    sameTree(*tree, answer[field], "the root", g);
}

} // namespace detail

Grading grade(const Exercise& e, const nlohmann::json& submitted) {
    Grading g;
    if (!submitted.is_object()) {
        g.differences.push_back("the answer must be a JSON object, as the exercise's is");
        return g;
    }
    if (routing::grade(e, submitted, g)) { // the types of practice_routing.h
        g.right = g.differences.empty();
        return g;
    }
    if (e.type == "slot-of-key") {
        gradeNumber(e.answer, submitted, "slot", g);
    } else if (e.type == "owner-of-key") {
        gradeNumber(e.answer, submitted, "master", g);
    } else if (e.type == "partition-of-key") {
        gradeNumber(e.answer, submitted, "partition", g);
    } else if (e.type == "gorilla-bits") {
        gradeNumber(e.answer, submitted, "bits", g);
    } else if (e.type == "assignment") {
        gradeAssignment(e.answer, submitted, g);
    } else if (e.type == "insert") {
        gradeInsert(e.answer, submitted, g);
    } else if (isStorageType(e)) {
        gradeStorage(e, submitted, g);
    } else if (e.type == "bucket") {
        gradeBuckets(e, submitted, g);
    } else {
        g.differences.push_back("no grading for the type \"" + e.type + "\"");
    }
    g.right = g.differences.empty();
    return g;
}

} // namespace fg::practice
