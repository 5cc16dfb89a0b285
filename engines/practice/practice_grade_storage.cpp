// Grading of the storage exercises (practice_storage.h): the LSM-tree's get-reads, compaction and
// tombstone-drop, the B-Tree's delete and path. Like grade() it reads only the exercise's given
// and answer, never an engine. Each part is graded on its own, and a wrong one is named in the
// difference ("reads: ...", "the root's child 2 ...").
#include "engines/practice/practice.h"
#include "engines/practice/practice_detail.h"
#include "engines/practice/practice_storage.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace fg::practice {

namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;
using namespace detail;

// Words as a student may write them: no spaces around, lower case, "_" or " " as "-".
std::string plainWord(std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    for (char& c : s) {
        c = c == '_' || c == ' ' ? '-'
                                 : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return s;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) {
        out += (out.empty() ? "" : ", ") + s;
    }
    return out.empty() ? "nothing" : out;
}

// One choice of the answer ("found", "fix", "drop"): the same word, in any case; true and false
// for "yes" and "no".
void gradeChoice(const ojson& answer, const json& submitted, const char* field, Grading& g) {
    const std::string want = answer[field].get<std::string>();
    const auto it = submitted.find(field);
    std::optional<std::string> got; // as written
    if (it != submitted.end() && it->is_string()) {
        got = it->get<std::string>();
    } else if (it != submitted.end() && it->is_boolean() && (want == "yes" || want == "no")) {
        got = it->get<bool>() ? "yes" : "no";
    }
    if (!got) {
        g.differences.push_back(std::string("no \"") + field + "\" given");
    } else if (plainWord(*got) != plainWord(want)) {
        g.differences.push_back(std::string(field) + ": you gave \"" + *got +
                                "\", the engine says \"" + want + "\"");
    }
}

// The submitted list `field`, each item read by `read` (nullopt: unreadable); nullopt when
// there is no such list or an item cannot be read (a difference says so).
template <class T, class Read>
std::optional<std::vector<T>> readList(const json& submitted, const char* field, Read read,
                                       const char* shape, Grading& g) {
    const auto it = submitted.find(field);
    std::vector<T> out;
    bool readable = it != submitted.end() && it->is_array();
    for (std::size_t i = 0; readable && i < it->size(); ++i) {
        const std::optional<T> item = read((*it)[i]);
        readable = item.has_value();
        if (item) {
            out.push_back(*item);
        }
    }
    if (!readable) {
        g.differences.push_back(std::string("no \"") + field + "\" list of " + shape + " given");
        return std::nullopt;
    }
    return out;
}

// ---- lsm get-reads ----

// A table id as "#3", "3" or 3.
std::optional<std::string> tableId(const json& v) {
    if (const auto n = wholeNumber(v)) {
        return "#" + std::to_string(*n);
    }
    if (!v.is_string()) {
        return std::nullopt;
    }
    std::string s = plainWord(v.get<std::string>());
    s.erase(0, s.rfind('#', 0) == 0 ? 1 : 0);
    const bool digits = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
    });
    return digits ? std::optional<std::string>("#" + std::to_string(std::stoll(s))) : std::nullopt;
}

void gradeGetReads(const ojson& answer, const json& submitted, Grading& g) {
    const auto want = answer["reads"].get<std::vector<std::string>>();
    const auto got = readList<std::string>(submitted, "reads", tableId, "table ids (\"#3\")", g);
    if (got && *got != want) {
        g.differences.push_back("reads: you gave " + joined(*got) + "; the read looks in " +
                                joined(want) + ", in that order");
    }
    gradeChoice(answer, submitted, "found", g);
}

// ---- lsm compaction ----

// A version as "12=v7" (spaces allowed), or {"key": 12, "value": "v7"} (null: a tombstone).
std::optional<std::string> versionOf(const json& v) {
    if (v.is_object() && v.contains("key") && v.contains("value")) {
        const auto key = wholeNumber(v["key"]);
        const json& value = v["value"];
        if (key && (value.is_null() || value.is_string())) {
            return std::to_string(*key) + "=" +
                   (value.is_null() ? "tombstone" : plainWord(value.get<std::string>()));
        }
        return std::nullopt;
    }
    if (!v.is_string()) {
        return std::nullopt;
    }
    std::string s = v.get<std::string>();
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' '; }), s.end());
    const std::size_t eq = s.find('=');
    return eq == std::string::npos || eq == 0 ? std::nullopt
                                              : std::optional<std::string>(plainWord(s));
}

std::string keyOf(const std::string& version) {
    return version.substr(0, version.find('='));
}

void gradeCompaction(const ojson& answer, const json& submitted, Grading& g) {
    const auto want = answer["entries"].get<std::vector<std::string>>();
    const auto got =
        readList<std::string>(submitted, "entries", versionOf, "\"key=value\" entries", g);
    if (!got || *got == want) {
        return;
    }
    const auto has = [](const std::vector<std::string>& list, const std::string& s) {
        return std::find(list.begin(), list.end(), s) != list.end();
    };
    for (const auto& v : *got) {
        if (has(want, v)) {
            continue;
        }
        const auto kept = std::find_if(want.begin(), want.end(),
                                       [&](const std::string& w) { return keyOf(w) == keyOf(v); });
        g.differences.push_back(
            kept != want.end() ? "entries: " + v + " is not what the compaction keeps of key " +
                                     keyOf(v) + " (the newest version wins)"
            : v.ends_with("=tombstone")
                ? "entries: the tombstone of key " + keyOf(v) +
                      " is dropped: no table outside holds an older version of it"
                : "entries: the compaction writes nothing for key " + keyOf(v));
    }
    for (const auto& w : want) {
        if (!has(*got, w)) {
            g.differences.push_back("entries: " + w + " is missing");
        }
    }
    if (g.differences.empty()) {
        g.differences.push_back("entries: the right entries, but not in key order: " +
                                joined(want));
    }
}

// ---- btree path ----

// A node as "[20 40]" (commas or spaces between keys) or as [20, 40].
std::optional<std::vector<std::int64_t>> nodeKeys(const json& v) {
    std::vector<std::int64_t> keys;
    if (v.is_array()) {
        for (const auto& k : v) {
            const auto n = wholeNumber(k);
            if (!n) {
                return std::nullopt;
            }
            keys.push_back(*n);
        }
        return keys;
    }
    if (!v.is_string()) {
        return std::nullopt;
    }
    std::string s = v.get<std::string>();
    for (char& c : s) {
        c = c == '[' || c == ']' || c == ',' ? ' ' : c;
    }
    std::size_t at = 0;
    while ((at = s.find_first_not_of(' ', at)) != std::string::npos) {
        const std::size_t end = s.find(' ', at);
        const std::string word = s.substr(at, end - at);
        if (word.find_first_not_of("-0123456789") != std::string::npos || word == "-") {
            return std::nullopt;
        }
        keys.push_back(std::stoll(word));
        at = end;
    }
    return keys;
}

std::string nodeText(const std::vector<std::int64_t>& keys) {
    std::string out = "[";
    for (const auto k : keys) {
        out += (out.size() > 1 ? " " : "") + std::to_string(k);
    }
    return out + "]";
}

void gradePath(const ojson& answer, const json& submitted, Grading& g) {
    std::vector<std::vector<std::int64_t>> want;
    for (const auto& label : answer["path"]) {
        want.push_back(*nodeKeys(json(label.get<std::string>())));
    }
    const auto got =
        readList<std::vector<std::int64_t>>(submitted, "path", nodeKeys, "nodes (\"[20 40]\")", g);
    if (got && *got != want) {
        std::vector<std::string> gotText, wantText;
        std::transform(got->begin(), got->end(), std::back_inserter(gotText), nodeText);
        std::transform(want.begin(), want.end(), std::back_inserter(wantText), nodeText);
        g.differences.push_back("path: you gave " + joined(gotText) + "; the search reads " +
                                joined(wantText) + ", in that order");
    }
    gradeChoice(answer, submitted, "found", g);
}

} // namespace

bool isStorageType(const Exercise& e) {
    if (e.engine == "lsm") {
        return e.type == "get-reads" || e.type == "compaction" || e.type == "tombstone-drop";
    }
    return e.engine == "btree" && (e.type == "delete" || e.type == "path");
}

void gradeStorage(const Exercise& e, const nlohmann::json& submitted, Grading& g) {
    if (e.type == "get-reads") {
        gradeGetReads(e.answer, submitted, g);
    } else if (e.type == "compaction") {
        gradeCompaction(e.answer, submitted, g);
    } else if (e.type == "tombstone-drop") {
        gradeChoice(e.answer, submitted, "drop", g);
        gradeChoice(e.answer, submitted, "why", g);
    } else if (e.type == "delete") {
        gradeChoice(e.answer, submitted, "fix", g);
        gradeTree(e.answer, submitted, "tree", g);
    } else if (e.type == "path") {
        gradePath(e.answer, submitted, g);
    }
}

} // namespace fg::practice
