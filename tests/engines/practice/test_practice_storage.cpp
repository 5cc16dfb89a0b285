// Practice exercises of the storage engines (practice_storage.h): every answer is re-derived here
// from the exercise's `given` alone, by a second reading of the rule its prompt states: a B-Tree
// of its own (split around the lower middle key; delete by predecessor, borrow left first, then
// right, else merge) for deletes and search paths; the LSM read order and stop rule over the
// given tables; newest-version-wins and the tombstone rule over a compaction's inputs; Cassandra's
// gc_grace_seconds over times read from their text. Grading accepts the answer in every form that
// means the same and names the part a near miss gets wrong.
#include "engines/practice/practice.h"
#include "tests/engines/practice/reference_btree.h"
#include "tests/suite_main.h"

#include <QTest>
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace practice_storage_test {

using fg::practice::Exercise;
using fg::practice::Level;
using json = nlohmann::json;

constexpr Level kAllLevels[] = {Level::Easy, Level::Medium, Level::Hard};

Exercise made(const char* engine, const char* type, std::uint64_t seed, Level level) {
    const fg::practice::ExerciseType* t = fg::practice::findExerciseType(engine, type);
    return t ? t->make(seed, level) : Exercise{};
}

json parsed(const Exercise& e) {
    return json::parse(e.answer.dump());
}

RefTree treeOfGiven(const json& given) {
    RefTree t(given["order"].get<int>());
    for (const auto& k : given["keys"]) {
        t.insert(k.get<std::int64_t>());
    }
    return t;
}

std::string label(const Keys& keys) {
    std::string out = "[";
    for (const auto k : keys) {
        out += (out.size() > 1 ? " " : "") + std::to_string(k);
    }
    return out + "]";
}

// ---- the LSM rules, read from the given ----

// The tables a get reads and what it finds: the memtable, then level 0 by id, newest (highest)
// first, then each deeper level's one table whose range holds the key; a table is read when its
// range holds the key and its bloom filter says "maybe"; the first that holds the key ends it.
json referenceGet(const json& g) {
    const std::int64_t key = g["key"];
    for (const auto& m : g["memtable"]) {
        if (m["key"] == key) {
            return {{"reads", json::array()}, {"found", m["holds"]}};
        }
    }
    std::vector<json> order;
    for (const auto& t : g["tables"]) {
        order.push_back(t);
    }
    std::stable_sort(order.begin(), order.end(), [](const json& a, const json& b) {
        const int la = a["level"], lb = b["level"];
        return la != lb ? la < lb : (la == 0 ? a["id"] > b["id"] : a["min"] < b["min"]);
    });
    json reads = json::array();
    for (const auto& t : order) {
        if (key < t["min"].get<std::int64_t>() || key > t["max"].get<std::int64_t>() ||
            t["bloom"] == "no") {
            continue;
        }
        reads.push_back("#" + std::to_string(t["id"].get<int>()));
        if (t["holds"] != "no") {
            return {{"reads", reads}, {"found", t["holds"]}};
        }
    }
    return {{"reads", reads}, {"found", "missing"}};
}

// The newest version of each input key, a tombstone dropped unless a table outside holds an
// older version of its key.
std::vector<std::string> referenceCompaction(const json& g) {
    std::map<std::int64_t, std::pair<std::uint64_t, json>> newest;
    for (const auto& t : g["inputs"]) {
        for (const auto& e : t["entries"]) {
            auto& slot = newest[e["key"].get<std::int64_t>()];
            if (e["seq"].get<std::uint64_t>() > slot.first) {
                slot = {e["seq"].get<std::uint64_t>(), e["value"]};
            }
        }
    }
    const auto older = g["older_outside"].get<std::set<std::int64_t>>();
    std::vector<std::string> out;
    for (const auto& [key, version] : newest) {
        if (version.second.is_null() && !older.count(key)) {
            continue;
        }
        out.push_back(std::to_string(key) + "=" +
                      (version.second.is_null() ? "tombstone" : version.second.get<std::string>()));
    }
    return out;
}

// Seconds since the epoch of "YYYY-MM-DD HH:MM:SS" (UTC), by the civil calendar.
std::int64_t secondsOf(const std::string& text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (std::sscanf(text.c_str(), "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6) {
        return -1;
    }
    static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    std::int64_t days = 0;
    for (int year = 1970; year < y; ++year) {
        days += (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 366 : 365;
    }
    const bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    days += before[mo - 1] + (leap && mo > 2 ? 1 : 0) + d - 1;
    return days * 86400 + h * 3600 + mi * 60 + s;
}

// Cassandra: gc_grace_seconds passed strictly, and no "maybe" table with a write not after the
// delete.
json referenceTombstone(const json& g) {
    const std::int64_t deleted = secondsOf(g["deleted_at"]);
    const bool grace =
        deleted + g["gc_grace_seconds"].get<std::int64_t>() < secondsOf(g["compaction_at"]);
    bool older = false;
    for (const auto& t : g["outside"]) {
        older = older || (t["bloom"] == "maybe" && secondsOf(t["oldest_write"]) <= deleted);
    }
    const char* why = grace && !older ? "gc_grace_seconds have passed and no table outside may "
                                        "hold older data"
                      : !grace && older
                          ? "both: gc_grace_seconds have not passed, and a table outside may "
                            "hold older data"
                      : !grace ? "gc_grace_seconds have not passed yet"
                               : "a table outside the compaction may hold older data for the key";
    return {{"drop", grace && !older ? "yes" : "no"}, {"why", why}};
}

bool right(const Exercise& e, const json& answer) {
    return fg::practice::grade(e, answer).right;
}

// Wrong, with a first difference that names `part`.
bool wrongAt(const Exercise& e, const json& answer, const std::string& part) {
    const fg::practice::Grading g = fg::practice::grade(e, answer);
    return !g.right && !g.differences.empty() &&
           g.differences.front().find(part) != std::string::npos;
}

} // namespace practice_storage_test

using namespace practice_storage_test;

class TestPracticeStorage : public QObject {
    Q_OBJECT
private slots:
    void aBtreeDeleteIsTheStatedRuleOnATreeOfItsOwn() {
        std::map<std::string, int> fixes;
        int inner = 0, shrink = 0;
        for (const Level level : kAllLevels) {
            for (std::uint64_t seed = 0; seed < 600; ++seed) {
                const Exercise e = made("btree", "delete", seed, level);
                RefTree t = treeOfGiven(e.given);
                const std::int64_t k = e.given["delete"];
                const auto [path, found] = t.search(k);
                QVERIFY(found); // the key deleted is in the tree
                const std::size_t heightBefore = t.search(-1).first.size();
                const std::string fix = t.remove(k);
                QCOMPARE(e.answer["fix"].get<std::string>(), fix);
                QVERIFY2(parsed(e)["tree"] == t.toJson(), e.answer.dump().c_str());
                ++fixes[fix];
                if (level == Level::Hard) {
                    inner += path.size() < heightBefore; // k sat above the leaves
                    shrink += t.search(-1).first.size() < heightBefore;
                }
            }
        }
        QVERIFY(fixes["none"] > 100 && fixes["borrow-left"] > 100 && fixes["borrow-right"] > 100 &&
                fixes["merge"] > 300);
        QVERIFY2(inner > 300 && shrink > 150, qPrintable(QString("%1 %2").arg(inner).arg(shrink)));
    }

    void aBtreePathIsTheSearchOfATreeOfItsOwn() {
        int absent = 0, early = 0;
        for (const Level level : kAllLevels) {
            for (std::uint64_t seed = 0; seed < 600; ++seed) {
                const Exercise e = made("btree", "path", seed, level);
                const RefTree t = treeOfGiven(e.given);
                const auto [path, found] = t.search(e.given["find"]);
                std::vector<std::string> labels;
                std::transform(path.begin(), path.end(), std::back_inserter(labels), label);
                QCOMPARE(e.answer["path"].get<std::vector<std::string>>(), labels);
                QCOMPARE(e.answer["found"].get<std::string>(), std::string(found ? "yes" : "no"));
                if (level == Level::Easy) {
                    QVERIFY(found);
                }
                if (level == Level::Hard) {
                    absent += !found;
                    early += found && path.size() < t.search(-1).first.size();
                }
            }
        }
        QVERIFY(absent > 120 && early > 120);
    }

    void anLsmGetReadsInTheEnginesOrderAndStopsAtTheFirstVersion() {
        int falsePositive = 0, tombstone = 0, outOfRange = 0, memtable = 0;
        for (const Level level : kAllLevels) {
            for (std::uint64_t seed = 0; seed < 600; ++seed) {
                const Exercise e = made("lsm", "get-reads", seed, level);
                const json& g = e.given;
                QVERIFY2(parsed(e) == referenceGet(g), e.answer.dump().c_str());
                const std::int64_t key = g["key"];
                std::map<int, std::vector<std::pair<std::int64_t, std::int64_t>>> ranges;
                bool fp = false, skipped = false;
                for (const auto& t : g["tables"]) {
                    const bool inRange = t["min"] <= key && key <= t["max"];
                    // A table holds the key only within its range, and its filter never says no.
                    QVERIFY(t["holds"] == "no" || (inRange && t["bloom"] == "maybe"));
                    fp = fp || (inRange && t["bloom"] == "maybe" && t["holds"] == "no");
                    skipped = skipped || !inRange;
                    ranges[t["level"]].push_back({t["min"], t["max"]});
                }
                for (auto& [lv, rs] : ranges) { // deeper levels do not overlap
                    std::sort(rs.begin(), rs.end());
                    for (std::size_t i = 1; lv > 0 && i < rs.size(); ++i) {
                        QVERIFY(rs[i - 1].second < rs[i].first);
                    }
                }
                if (level == Level::Hard) {
                    falsePositive += fp && e.answer["reads"].size() >= 1;
                    tombstone += e.answer["found"] == "tombstone";
                    outOfRange += skipped;
                    memtable += e.answer["reads"].empty() && e.answer["found"] != "missing";
                }
            }
        }
        QVERIFY2(falsePositive > 250 && tombstone > 100 && outOfRange > 400,
                 qPrintable(QString("%1 %2 %3").arg(falsePositive).arg(tombstone).arg(outOfRange)));
        Q_UNUSED(memtable);
    }

    void anLsmCompactionKeepsTheNewestAndDropsSpentTombstones() {
        int kept = 0, dropped = 0, below = 0;
        for (const Level level : kAllLevels) {
            for (std::uint64_t seed = 0; seed < 600; ++seed) {
                const Exercise e = made("lsm", "compaction", seed, level);
                const std::vector<std::string> want = referenceCompaction(e.given);
                QCOMPARE(e.answer["entries"].get<std::vector<std::string>>(), want);
                if (e.given["bottom"].get<bool>()) {
                    QVERIFY(e.given["older_outside"].empty()); // nothing lies below
                }
                std::size_t tombstones = 0;
                for (const auto& t : e.given["inputs"]) {
                    for (const auto& x : t["entries"]) {
                        tombstones += x["value"].is_null();
                    }
                }
                const auto written = std::count_if(want.begin(), want.end(), [](const auto& s) {
                    return s.ends_with("=tombstone");
                });
                if (level == Level::Hard) {
                    kept += written > 0;
                    dropped += tombstones > static_cast<std::size_t>(written);
                    below += !e.given["bottom"].get<bool>();
                }
            }
        }
        QVERIFY2(kept > 150 && dropped > 300 && below > 300,
                 qPrintable(QString("%1 %2 %3").arg(kept).arg(dropped).arg(below)));
    }

    void aTombstoneDropFollowsCassandrasRule() {
        std::map<std::string, int> reasons;
        int atBoundary = 0;
        for (const Level level : kAllLevels) {
            for (std::uint64_t seed = 0; seed < 1000; ++seed) {
                const Exercise e = made("lsm", "tombstone-drop", seed, level);
                QVERIFY2(parsed(e) == referenceTombstone(e.given), e.answer.dump().c_str());
                ++reasons[e.answer["why"]];
                // A compaction after the delete, as it must be (a tester found one before it).
                QVERIFY2(secondsOf(e.given["compaction_at"]) > secondsOf(e.given["deleted_at"]),
                         e.given.dump().c_str());
                if (level == Level::Hard) {
                    const std::int64_t gap =
                        secondsOf(e.given["compaction_at"]) - secondsOf(e.given["deleted_at"]);
                    atBoundary += gap == e.given["gc_grace_seconds"].get<std::int64_t>();
                }
            }
        }
        QCOMPARE(reasons.size(), std::size_t(4));
        for (const auto& [why, n] : reasons) {
            QVERIFY2(n > 200, why.c_str());
        }
        QVERIFY(atBoundary > 50); // exactly gc_grace_seconds later: kept
        QCOMPARE(secondsOf("1970-01-02 00:00:01"), std::int64_t(86401));
        QCOMPARE(secondsOf("2024-03-01 00:00:00"), std::int64_t(1709251200)); // after Feb 29
    }

    // Grading: the engine's answer in every form that means the same is right; a near miss of
    // each part is wrong, and the difference names that part.
    void gradingAcceptsEveryFormAndNamesTheWrongPart() {
        for (const Level level : kAllLevels) {
            for (std::uint64_t seed = 0; seed < 300; ++seed) {
                gradeGetReads(made("lsm", "get-reads", seed, level));
                gradeCompaction(made("lsm", "compaction", seed, level));
                gradeTombstone(made("lsm", "tombstone-drop", seed, level));
                gradeDelete(made("btree", "delete", seed, level));
                gradePath(made("btree", "path", seed, level));
            }
        }
    }

private:
    static void gradeGetReads(const Exercise& e) {
        const json answer = parsed(e);
        QVERIFY(right(e, answer));
        json numbers = answer, bare = answer;
        for (std::size_t i = 0; i < answer["reads"].size(); ++i) {
            const std::string id = answer["reads"][i].get<std::string>().substr(1);
            numbers["reads"][i] = std::stoi(id); // 3 for "#3"
            bare["reads"][i] = id;               // "3"
        }
        bare["found"] = " " + answer["found"].get<std::string>() + " ";
        std::string upper = answer["found"];
        upper[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[0])));
        numbers["found"] = upper; // "Value"
        QVERIFY(right(e, numbers));
        QVERIFY(right(e, bare));
        json miss = answer;
        if (answer["reads"].empty()) {
            miss["reads"].push_back(e.given["tables"][0]["id"].get<int>());
        } else {
            miss["reads"].erase(miss["reads"].size() - 1);
        }
        QVERIFY(wrongAt(e, miss, "reads"));
        if (answer["reads"].size() >= 2) {
            json reversed = answer;
            std::reverse(reversed["reads"].begin(), reversed["reads"].end());
            QVERIFY(wrongAt(e, reversed, "in that order"));
        }
        json found = answer;
        found["found"] = answer["found"] == "missing" ? "value" : "missing";
        QVERIFY(wrongAt(e, found, "found"));
    }

    static void gradeCompaction(const Exercise& e) {
        const json answer = parsed(e);
        QVERIFY(right(e, answer));
        json objects = answer, spaced = answer;
        objects["entries"] = json::array();
        for (std::size_t i = 0; i < answer["entries"].size(); ++i) {
            const std::string v = answer["entries"][i];
            const std::string key = v.substr(0, v.find('=')), value = v.substr(v.find('=') + 1);
            objects["entries"].push_back(
                {{"key", std::stoll(key)}, {"value", value == "tombstone" ? json() : json(value)}});
            spaced["entries"][i] = key + " = " + value;
        }
        QVERIFY(right(e, objects));
        QVERIFY(right(e, spaced));
        if (!answer["entries"].empty()) {
            json fewer = answer;
            fewer["entries"].erase(0);
            QVERIFY(wrongAt(e, fewer, "is missing"));
        }
        if (answer["entries"].size() >= 2) {
            json swapped = answer;
            std::swap(swapped["entries"][0], swapped["entries"][1]);
            QVERIFY(wrongAt(e, swapped, "key order"));
        }
        // Every version the compaction does not write, added where its key sorts.
        const std::vector<std::string> want = answer["entries"];
        for (const auto& t : e.given["inputs"]) {
            for (const auto& x : t["entries"]) {
                const std::string v =
                    std::to_string(x["key"].get<std::int64_t>()) + "=" +
                    (x["value"].is_null() ? "tombstone" : x["value"].get<std::string>());
                if (std::find(want.begin(), want.end(), v) != want.end()) {
                    continue;
                }
                json more = answer;
                more["entries"].push_back(v);
                const bool tomb = x["value"].is_null();
                QVERIFY(wrongAt(e, more, "entries: ") &&
                        wrongAt(e, more, tomb ? "key " : v.substr(0, v.find('='))));
            }
        }
    }

    static void gradeTombstone(const Exercise& e) {
        const json answer = parsed(e);
        QVERIFY(right(e, answer));
        json boolean = answer;
        boolean["drop"] = answer["drop"] == "yes";
        QVERIFY(right(e, boolean));
        json flipped = answer;
        flipped["drop"] = answer["drop"] == "yes" ? "no" : "yes";
        QVERIFY(wrongAt(e, flipped, "drop"));
        for (const auto& why : e.fields[1].options) {
            if (why != answer["why"]) {
                json other = answer;
                other["why"] = why;
                QVERIFY(wrongAt(e, other, "why"));
            }
        }
    }

    static void gradeDelete(const Exercise& e) {
        const json answer = parsed(e);
        QVERIFY(right(e, answer));
        std::function<void(json&)> bare = [&](json& n) {
            if (n["children"].empty()) {
                n.erase("children");
                return;
            }
            for (auto& c : n["children"]) {
                bare(c);
            }
        };
        json leaves = answer;
        bare(leaves["tree"]);
        QVERIFY(right(e, leaves));
        for (const auto& fix : e.fields[0].options) {
            if (fix != answer["fix"]) {
                json other = answer;
                other["fix"] = fix;
                QVERIFY(wrongAt(e, other, "fix"));
            }
        }
        json tree = answer;
        tree["tree"]["keys"].push_back(
            e.given["delete"].get<std::int64_t>()); // the key still there
        QVERIFY(wrongAt(e, tree, "the root"));
    }

    static void gradePath(const Exercise& e) {
        const json answer = parsed(e);
        QVERIFY(right(e, answer));
        json arrays = answer, commas = answer;
        for (std::size_t i = 0; i < answer["path"].size(); ++i) {
            std::string s = answer["path"][i];
            json keys = json::array();
            for (char& c : s) {
                c = c == '[' || c == ']' ? ' ' : c;
            }
            std::string withCommas;
            for (std::size_t at = s.find_first_not_of(' '); at != std::string::npos;
                 at = s.find_first_not_of(' ', s.find(' ', at))) {
                const std::string word = s.substr(at, s.find(' ', at) - at);
                keys.push_back(std::stoll(word));
                withCommas += (withCommas.empty() ? "" : ", ") + word;
            }
            arrays["path"][i] = keys;
            commas["path"][i] = "[" + withCommas + "]";
        }
        QVERIFY(right(e, arrays));
        QVERIFY(right(e, commas));
        json shorter = answer;
        shorter["path"].erase(shorter["path"].size() - 1);
        QVERIFY(wrongAt(e, shorter, "path"));
        json found = answer;
        found["found"] = answer["found"] == "yes" ? "no" : "yes";
        QVERIFY(wrongAt(e, found, "found"));
    }
};

FG_TEST_APPLESS_MAIN(TestPracticeStorage)
#include "test_practice_storage.moc"
