// Grading of hashslot moved-or-ask, kafka sticky-keyless and rebalance, and downsample
// tier-of-query (practice_routing.h). Reads an exercise's given and answer, never an engine. A
// sticky rebalance has several right answers: any balanced assignment that leaves as many
// partitions with their owner as the engine's does is right, and its moved and revoked
// partitions are judged against that assignment.
#include "engines/practice/practice_detail.h"
#include "engines/practice/practice_routing.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fg::practice::routing {

namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;
using namespace detail;

std::string lowered(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// A word answer ("ASK", "5m", "yes"), in any case; "-ASK" as Redis writes it; for yes or no,
// true or false too.
void gradeWord(const ojson& answer, const json& submitted, const char* field, Grading& g) {
    const std::string want = answer[field].get<std::string>();
    const auto it = submitted.find(field);
    std::optional<std::string> got;
    if (it != submitted.end() && it->is_string()) {
        std::string s = lowered(it->get<std::string>());
        s.erase(0, s.find_first_not_of(" -"));
        s.erase(s.find_last_not_of(' ') + 1);
        got = s;
    } else if (it != submitted.end() && it->is_boolean()) {
        got = it->get<bool>() ? "yes" : "no";
    }
    if (!got) {
        g.differences.push_back(std::string("no \"") + field + "\" given");
    } else if (*got != lowered(want)) {
        g.differences.push_back(std::string(field) + ": you gave " + it->dump() + ", the engine " +
                                "says " + want);
    }
}

// A master written as a string: "2", "master 2" or "master 2 (slots ...)"; -1 for anything else.
std::int64_t masterInText(std::string s) {
    s = lowered(std::move(s));
    s.erase(0, s.rfind("master ", 0) == 0 ? 7 : 0);
    const std::size_t digits = s.find_first_not_of("0123456789");
    if (s.empty() || digits == 0 || (digits != std::string::npos && s[digits] != ' ')) {
        return -1;
    }
    return std::stoll(s.substr(0, std::min<std::size_t>(digits, 9)));
}

// A master as 2, 2.0, "2", "master 2" or "master 2 (slots ...)".
void gradeMaster(const ojson& answer, const json& submitted, const char* field, Grading& g) {
    const auto it = submitted.find(field);
    std::int64_t got = -1;
    if (it != submitted.end() && it->is_string()) {
        got = masterInText(it->get<std::string>());
    } else if (it != submitted.end()) {
        got = wholeNumber(*it).value_or(-1);
    }
    const std::int64_t want = answer[field].get<std::int64_t>();
    if (got < 0) {
        g.differences.push_back(std::string("no master given for \"") + field + "\"");
    } else if (got != want) {
        g.differences.push_back(std::string(field) + ": you gave master " + std::to_string(got) +
                                ", the engine says master " + std::to_string(want));
    }
}

void gradeRecords(const ojson& answer, const json& submitted, Grading& g) {
    const auto want = answer["partitions"].get<std::vector<std::int64_t>>();
    const auto it = submitted.find("partitions");
    std::vector<std::int64_t> got;
    bool readable = it != submitted.end() && it->is_array();
    for (std::size_t i = 0; readable && i < it->size(); ++i) {
        const auto n = wholeNumber((*it)[i]);
        readable = n.has_value();
        got.push_back(n.value_or(-1));
    }
    if (!readable) {
        g.differences.push_back(
            "no \"partitions\" list given (the partition of each record, in order)");
        return;
    }
    if (got.size() != want.size()) {
        g.differences.push_back("you gave " + std::to_string(got.size()) + " partitions for " +
                                std::to_string(want.size()) + " records");
    }
    int shown = 0, more = 0;
    for (std::size_t i = 0; i < std::min(got.size(), want.size()); ++i) {
        if (got[i] == want[i]) {
            continue;
        }
        if (shown == 3) { // three said, the rest counted
            ++more;
            continue;
        }
        ++shown;
        g.differences.push_back(
            "record " + std::to_string(i + 1) + ": you gave partition " + std::to_string(got[i]) +
            ", the partitioner sends it to partition " + std::to_string(want[i]));
    }
    if (more > 0) {
        g.differences.push_back("and " + std::to_string(more) + " more records differ");
    }
}

} // namespace

// ---- kafka rebalance ---------------------------------------------------------------------------

namespace {

using Owners = std::map<std::string, std::set<std::string>>; // member -> partitions

Owners ownersOf(const ojson& v) {
    Owners out;
    for (const auto& [member, parts] : v.items()) {
        out[member] = parts.get<std::set<std::string>>();
    }
    return out;
}

// The submitted assignment, its members and partitions as given (duplicates noted), or nullopt
// when it is not {member: ["topic-partition", ...]}.
struct Submitted {
    std::map<std::string, std::vector<std::string>> lists;
};

std::optional<Submitted> readAssignment(const json& submitted) {
    const auto it = submitted.find("assignment");
    if (it == submitted.end() || !it->is_object()) {
        return std::nullopt;
    }
    Submitted s;
    for (const auto& [member, parts] : it->items()) {
        if (!parts.is_array()) {
            return std::nullopt;
        }
        for (const auto& p : parts) {
            if (!p.is_string()) {
                return std::nullopt;
            }
            s.lists[member].push_back(p.get<std::string>());
        }
        s.lists[member]; // a member given with no partitions
    }
    return s;
}

// Every partition exactly once, to the group's members (one left out reads nothing): the
// assignment as Owners, or nullopt with the differences said.
std::optional<Owners> wellFormed(const Submitted& s, const Owners& want,
                                 const std::set<std::string>& all, Grading& g) {
    const std::size_t before = g.differences.size();
    Owners got;
    for (const auto& [member, parts] : want) {
        got[member];
    }
    std::map<std::string, std::string> owner;
    for (const auto& [member, parts] : s.lists) {
        if (!want.count(member)) {
            g.differences.push_back(member + " is not a member of the group after the change");
        }
        for (const auto& tp : parts) {
            if (!all.count(tp)) {
                g.differences.push_back(member + ": " + tp + " is not a partition of the topics");
            } else if (const auto [it, fresh] = owner.emplace(tp, member); !fresh) {
                g.differences.push_back(tp + " is given twice (" + it->second + ", " + member +
                                        ")");
            }
            got[member].insert(tp);
        }
    }
    for (const auto& tp : all) {
        if (!owner.count(tp)) {
            g.differences.push_back("nobody reads " + tp);
        }
    }
    return g.differences.size() == before ? std::optional<Owners>(got) : std::nullopt;
}

std::int64_t keptCount(const Owners& before, const Owners& after) {
    std::int64_t kept = 0;
    for (const auto& [member, parts] : after) {
        if (const auto it = before.find(member); it != before.end()) {
            for (const auto& tp : parts) {
                kept += it->second.count(tp);
            }
        }
    }
    return kept;
}

// Sticky: balanced to within one partition, and as many left with their owner as the engine's.
bool stickyValid(const Owners& got, const Owners& want, const Owners& before, Grading& g) {
    const auto fewest = std::min_element(got.begin(), got.end(), [](const auto& a, const auto& b) {
        return a.second.size() < b.second.size();
    });
    const auto most = std::max_element(got.begin(), got.end(), [](const auto& a, const auto& b) {
        return a.second.size() < b.second.size();
    });
    bool valid = true;
    if (most->second.size() > fewest->second.size() + 1) {
        g.differences.push_back("not balanced: " + most->first + " reads " +
                                std::to_string(most->second.size()) + " partitions and " +
                                fewest->first + " " + std::to_string(fewest->second.size()) +
                                " (no member may have two more than another)");
        valid = false;
    }
    const std::int64_t kept = keptCount(before, got), best = keptCount(before, want);
    if (kept < best) {
        g.differences.push_back("your assignment leaves " + std::to_string(kept) +
                                " partitions with their owner; the sticky assignor leaves " +
                                std::to_string(best) + ", so fewer move");
        valid = false;
    }
    return valid;
}

bool sameAsEngine(const Owners& got, const Owners& want, Grading& g) {
    bool same = true;
    for (const auto& [member, parts] : want) {
        const std::set<std::string>& given = got.at(member);
        if (given != parts) {
            g.differences.push_back(member + ": you gave " +
                                    listText(std::vector<std::string>(given.begin(), given.end())) +
                                    "; the assignor gives " +
                                    listText(std::vector<std::string>(parts.begin(), parts.end())));
            same = false;
        }
    }
    return same;
}

// A set of partitions ("moved", "revoked") against the one `after` implies.
void gradeSet(const json& submitted, const char* field, const std::set<std::string>& want,
              const char* meaning, Grading& g) {
    const auto it = submitted.find(field);
    std::set<std::string> got;
    bool readable = it != submitted.end() && it->is_array();
    for (std::size_t i = 0; readable && i < it->size(); ++i) {
        readable = (*it)[i].is_string();
        got.insert(readable ? (*it)[i].get<std::string>() : "");
    }
    if (!readable) {
        g.differences.push_back(std::string("no \"") + field +
                                "\" list given (an empty list: none)");
        return;
    }
    std::vector<std::string> extra, missing;
    std::set_difference(got.begin(), got.end(), want.begin(), want.end(),
                        std::back_inserter(extra));
    std::set_difference(want.begin(), want.end(), got.begin(), got.end(),
                        std::back_inserter(missing));
    if (!missing.empty()) {
        g.differences.push_back(std::string(field) + ": you left out " + listText(missing) +
                                " (they " + meaning + ")");
    }
    if (!extra.empty()) {
        g.differences.push_back(std::string(field) + ": " + listText(extra) + " (they do not " +
                                meaning + ")");
    }
}

void gradeRebalance(const Exercise& e, const json& submitted, Grading& g) {
    const Owners want = ownersOf(e.answer["assignment"]), before = ownersOf(e.given["before"]);
    std::set<std::string> all;
    for (const auto& [topic, count] : e.given["topics"].items()) {
        for (int p = 0; p < count.get<int>(); ++p) {
            all.insert(topic + "-" + std::to_string(p));
        }
    }
    const std::string assignor = e.given["assignor"];
    const bool sticky = assignor == "sticky" || assignor == "cooperative-sticky";
    const std::optional<Submitted> s = readAssignment(submitted);
    std::optional<Owners> got;
    if (!s) {
        g.differences.push_back("no \"assignment\" object given (member: [\"topic-partition\"])");
    } else {
        got = wellFormed(*s, want, all, g);
    }
    const bool valid =
        got && (sticky ? stickyValid(*got, want, before, g) : sameAsEngine(*got, want, g));
    const Owners& after = valid ? *got : want;
    std::set<std::string> moved, revoked;
    for (const auto& [member, parts] : before) {
        const auto now = after.find(member);
        for (const auto& tp : parts) {
            if (now == after.end() || !now->second.count(tp)) {
                moved.insert(tp);
                // Only a member still in the group revokes; a leaving member's partitions go.
                if (now != after.end()) {
                    revoked.insert(tp);
                }
            }
        }
    }
    gradeSet(submitted, "moved", moved, "change owner", g);
    if (assignor == "cooperative-sticky") {
        gradeSet(submitted, "revoked", revoked, "are revoked in the first round", g);
    }
}

} // namespace

bool grade(const Exercise& e, const nlohmann::json& submitted, Grading& g) {
    if (e.type == "moved-or-ask") {
        gradeWord(e.answer, submitted, "reply", g);
        gradeMaster(e.answer, submitted, "node", g);
    } else if (e.type == "sticky-keyless") {
        gradeRecords(e.answer, submitted, g);
    } else if (e.type == "rebalance") {
        gradeRebalance(e, submitted, g);
    } else if (e.type == "tier-of-query") {
        gradeWord(e.answer, submitted, "tier", g);
        gradeWord(e.answer, submitted, "whole_range", g);
    } else {
        return false;
    }
    return true;
}

} // namespace fg::practice::routing
