// Walkthroughs (practice_walk.h): for the nine types no live diagram replays, over many seeds and
// every level, the answer the steps settle grades right (a sticky rebalance's is the engine's
// own), every step says a short sentence, and its marks name only what the exercise holds (a table
// that exists, a point of the list, a non-empty bucket and its own points, a member or a partition
// of the group); the other seven types have none. Then one exercise of each type
// read by hand: the steps name the right table, draw, window and bit count. And the merge rule of
// settledAnswer.
#include "engines/practice/practice.h"
#include "engines/practice/practice_session.h"
#include "engines/practice/practice_walk.h"
#include "tests/suite_main.h"

#include <QTest>
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace walk_test {

using fg::practice::Exercise;
using fg::practice::Level;
using fg::practice::WalkStep;
using json = nlohmann::json;

struct TypeName {
    const char* engine;
    const char* type;
};

constexpr TypeName kWalked[] = {
    {"hashslot", "moved-or-ask"}, {"kafka", "sticky-keyless"},    {"kafka", "rebalance"},
    {"lsm", "get-reads"},         {"lsm", "compaction"},          {"lsm", "tombstone-drop"},
    {"downsample", "bucket"},     {"downsample", "gorilla-bits"}, {"downsample", "tier-of-query"},
};
constexpr Level kWalkLevels[] = {Level::Easy, Level::Medium, Level::Hard};
constexpr std::uint64_t kWalkSeeds = 300;

Exercise walked(const char* engine, const char* type, std::uint64_t seed, Level level) {
    const fg::practice::ExerciseType* t = fg::practice::findExerciseType(engine, type);
    return t ? t->make(seed, level) : Exercise{};
}

std::string walkName(const Exercise& e) {
    return e.engine + " " + e.type + " seed " + std::to_string(e.seed) + " " +
           fg::practice::levelName(e.level);
}

bool stepSays(const WalkStep& s, const std::string& part) {
    return s.text.find(part) != std::string::npos;
}

std::set<std::string> markSet(const WalkStep& s) {
    return {s.marks.begin(), s.marks.end()};
}

json givenOf(const Exercise& e) {
    return json::parse(e.given.dump());
}

// The bucket of a time: its start, a multiple of the step from the epoch (times here are after
// 1970, so integer division rounds down).
std::int64_t bucketOf(std::int64_t t, std::int64_t stepMs) {
    return t / stepMs * stepMs;
}

// Every name a mark of `e` may be, read from its given.
std::set<std::string> markable(const Exercise& e) {
    const json g = givenOf(e);
    std::set<std::string> out;
    if (e.type == "get-reads") {
        out.insert("memtable");
        for (const auto& t : g["tables"]) {
            out.insert("#" + std::to_string(t["id"].get<int>()));
        }
    } else if (e.type == "bucket" || e.type == "gorilla-bits") {
        for (std::size_t i = 0; i < g["points"].size(); ++i) {
            out.insert("point:" + std::to_string(i));
            if (e.type == "bucket") {
                out.insert("bucket:" +
                           std::to_string(bucketOf(g["points"][i][0].get<std::int64_t>(),
                                                   g["step_s"].get<std::int64_t>() * 1000)));
            }
        }
    } else if (e.type == "rebalance") {
        for (const auto& [member, parts] : g["before"].items()) {
            out.insert(member);
        }
        for (const auto& [id, who] : g["change"].items()) {
            out.insert(who.get<std::string>());
        }
        for (const auto& [topic, n] : g["topics"].items()) {
            for (int p = 0; p < n.get<int>(); ++p) {
                out.insert(topic + "-" + std::to_string(p));
            }
        }
    }
    return out;
}

// A bucket step's points lie in its bucket; a get's read marks the table read.
void checkMarksBelong(const Exercise& e, const WalkStep& s) {
    const json g = givenOf(e);
    if (e.type == "bucket" && !s.marks.empty()) {
        const std::string bucket = s.marks.front();
        QVERIFY2(bucket.rfind("bucket:", 0) == 0, (walkName(e) + ": " + s.text).c_str());
        for (std::size_t i = 1; i < s.marks.size(); ++i) {
            const auto p = std::stoul(s.marks[i].substr(6));
            QCOMPARE("bucket:" + std::to_string(bucketOf(g["points"][p][0].get<std::int64_t>(),
                                                         g["step_s"].get<std::int64_t>() * 1000)),
                     bucket);
        }
    }
    if (e.type == "get-reads" && s.settles.contains("reads") && !s.settles["reads"].empty()) {
        QCOMPARE(s.marks, std::vector<std::string>{s.settles["reads"][0].get<std::string>()});
    }
}

std::map<std::string, std::set<std::string>> ownersIn(const json& assignment) {
    std::map<std::string, std::set<std::string>> out;
    for (const auto& [member, parts] : assignment.items()) {
        out[member] = parts.get<std::set<std::string>>();
    }
    return out;
}

} // namespace walk_test

using namespace walk_test;

class TestPracticeWalk : public QObject {
    Q_OBJECT

private slots:
    void everyWalkthroughSettlesTheEnginesAnswer() {
        for (const auto& [engine, type] : kWalked) {
            for (const Level level : kWalkLevels) {
                for (std::uint64_t seed = 1; seed <= kWalkSeeds; ++seed) {
                    const Exercise e = walked(engine, type, seed, level);
                    const std::vector<WalkStep> steps = fg::practice::walkthrough(e);
                    QVERIFY2(!steps.empty() && steps.size() <= 40, walkName(e).c_str());
                    for (const WalkStep& s : steps) {
                        QVERIFY2(!s.text.empty() && s.text.size() <= 240,
                                 (walkName(e) + ": " + s.text).c_str());
                        QVERIFY2(s.settles.is_object(), (walkName(e) + ": " + s.text).c_str());
                    }
                    const json settled = fg::practice::settledAnswer(steps);
                    const fg::practice::Grading g = fg::practice::grade(e, settled);
                    QVERIFY2(g.right, (walkName(e) + ": " + settled.dump() + " " +
                                       (g.differences.empty() ? "" : g.differences.front()))
                                          .c_str());
                    if (e.type == "rebalance") { // the engine's, not only a right one
                        QCOMPARE(ownersIn(settled["assignment"]),
                                 ownersIn(json::parse(e.answer["assignment"].dump())));
                    }
                }
            }
        }
    }

    // The nine types whose state the exercise builds itself have a walkthrough, the seven whose
    // state is a plain run of the engine (a B-Tree's inserts, a key's slot) have none; every
    // exercise has a live Show me or a walkthrough (three have both: the page then plays the
    // diagram and lists the walkthrough under "What the engine did").
    void theNineTypesHaveAWalkthroughAndEveryTypeAShowMe() {
        std::set<std::string> walkedTypes, both;
        for (const auto& t : fg::practice::exerciseTypes()) {
            for (const Level level : kWalkLevels) {
                for (std::uint64_t seed = 1; seed <= 30; ++seed) {
                    const Exercise e = t.make(seed, level);
                    const bool shown = fg::practice::showMe(e).has_value();
                    const bool walked = !fg::practice::walkthrough(e).empty();
                    QVERIFY2(shown || walked, walkName(e).c_str());
                    if (walked) {
                        walkedTypes.insert(e.engine + " " + e.type);
                    }
                    if (walked && shown) {
                        both.insert(e.engine + " " + e.type);
                    }
                }
            }
        }
        QCOMPARE(walkedTypes.size(), std::size_t(9));
        for (const auto& [engine, type] : kWalked) {
            QVERIFY2(walkedTypes.count(std::string(engine) + " " + type), type);
        }
        QCOMPARE(both, (std::set<std::string>{"hashslot moved-or-ask", "kafka rebalance",
                                              "kafka sticky-keyless"}));
    }

    void marksNameOnlyWhatTheExerciseHolds() {
        for (const auto& [engine, type] : kWalked) {
            for (const Level level : kWalkLevels) {
                for (std::uint64_t seed = 1; seed <= kWalkSeeds; ++seed) {
                    const Exercise e = walked(engine, type, seed, level);
                    const std::set<std::string> allowed = markable(e);
                    for (const WalkStep& s : fg::practice::walkthrough(e)) {
                        for (const auto& m : s.marks) {
                            QVERIFY2(allowed.count(m), (walkName(e) + ": mark " + m).c_str());
                        }
                        checkMarksBelong(e, s);
                    }
                }
            }
        }
    }

    void settledAnswerMergesObjectsAppendsArraysReplacesTheRest() {
        using ojson = nlohmann::ordered_json;
        const std::vector<WalkStep> steps = {
            {"a", {}, {{"reads", ojson::array()}, {"a", {{"C0", {"x-0"}}}}}},
            {"b", {}, {}}, // settles nothing (null)
            {"c", {}, {{"reads", {"#7"}}, {"a", {{"C0", {"x-1"}}, {"C1", ojson::array()}}}}},
            {"d", {}, {{"reads", {"#5"}}, {"found", "missing"}}},
            {"e", {}, {{"found", "value"}, {"bits", 3}}},
            {"f", {}, {{"bits", 7}}},
        };
        const json want = json::parse(R"({"reads": ["#7", "#5"], "found": "value", "bits": 7,)"
                                      R"( "a": {"C0": ["x-0", "x-1"], "C1": []}})");
        const json got = fg::practice::settledAnswer(steps);
        QVERIFY2(got == want, got.dump().c_str());
        QVERIFY(fg::practice::settledAnswer({}) == json::object());
    }

    // Key 37: level 0 newest first (#16, then #15), both false positives; #12 (12 to 34) and
    // level 2's #14 (50 to 96) and #7 (6 to 28) cannot hold it by range.
    void aGetNamesEachTableItMeetsInReadOrder() {
        const auto steps = fg::practice::walkthrough(walked("lsm", "get-reads", 4, Level::Hard));
        QCOMPARE(steps.size(), std::size_t(7));
        QVERIFY(stepSays(steps[0], "holds 1 key, not 37") && steps[0].marks[0] == "memtable");
        const char* const order[] = {"#16", "#15", "#12", "#14", "#7"};
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(steps[static_cast<std::size_t>(i + 1)].marks,
                     std::vector<std::string>{order[i]});
        }
        QVERIFY(stepSays(steps[1], "false positive") && stepSays(steps[2], "false positive"));
        QVERIFY(stepSays(steps[3], "keys 12 to 34) cannot hold 37"));
        QVERIFY(stepSays(steps[6], "missing") && stepSays(steps[6], "after reading 2 tables"));
    }

    // Key 29's only version is a tombstone, and a table outside holds an older 29: written. Key
    // 93's newest (seq 23) is a tombstone over seq 6 in an input: dropped with it.
    void aCompactionSaysWhyEachTombstoneGoesOrStays() {
        const auto steps = fg::practice::walkthrough(walked("lsm", "compaction", 2, Level::Hard));
        QVERIFY(stepSays(steps[0], "#12 and #13 (level 0) and #10 (level 1) into level 1"));
        const auto key = [&](const std::string& k) {
            return *std::find_if(steps.begin(), steps.end(),
                                 [&](const WalkStep& s) { return stepSays(s, "Key " + k + ":"); });
        };
        QVERIFY(stepSays(key("29"), "tombstone is written"));
        QCOMPARE(key("29").settles.dump(), std::string(R"({"entries":["29=tombstone"]})"));
        QVERIFY(stepSays(key("93"), "versions seq 23 (#13), 6 (#10)"));
        QVERIFY(stepSays(key("93"), "all are dropped") && key("93").settles.empty());
        QVERIFY(stepSays(steps.back(), "writes 7 entries into level 1, 1 of them a tombstone"));
    }

    // Deleted 02:45:04, grace one hour: 03:45:04; the compaction at 03:45:05 is a second later.
    // Table 1 (maybe, 02:45:03) may hide older data; table 2 (03:45:04) is newer; 3 says no.
    void theGraceCheckAddsGcGraceToTheDelete() {
        const auto steps =
            fg::practice::walkthrough(walked("lsm", "tombstone-drop", 4, Level::Hard));
        QCOMPARE(steps.size(), std::size_t(5));
        QVERIFY(stepSays(steps[0], "is 2024-04-16 03:45:04") &&
                stepSays(steps[0], "grace has passed"));
        QVERIFY(stepSays(steps[1], "02:45:03) is not after the delete"));
        QVERIFY(stepSays(steps[2], "03:45:04) is after the delete"));
        QVERIFY(stepSays(steps[3], "says no"));
        QCOMPARE(steps[4].settles["drop"].get<std::string>(), std::string("no"));
    }

    // {user:18585} hashes alone to 6254, which master 2 is moving to master 1; the client asks
    // master 0 (an older map): MOVED to 2, whose key has moved: ASK to 1.
    void movedOrAskHashesTheTagThenFollowsTheReplies() {
        const auto steps =
            fg::practice::walkthrough(walked("hashslot", "moved-or-ask", 5, Level::Hard));
        QCOMPARE(steps.size(), std::size_t(4));
        QVERIFY(stepSays(steps[0], "hash tag {user:18585}") && stepSays(steps[0], "slot 6254"));
        QVERIFY(stepSays(steps[1], "names master 0") && stepSays(steps[1], "belongs to master 2"));
        QVERIFY(stepSays(steps[2], "MOVED 6254 master 2"));
        QVERIFY(stepSays(steps[3], "replies ASK") &&
                stepSays(steps[3], "master 1 returns the value"));
    }

    // Partitions 1 and 4 have no leader; batches of two; draws 1, 2, 2, 1, 1, 2, 0.
    void eachBatchSaysItsCandidatesAndDraw() {
        const auto steps =
            fg::practice::walkthrough(walked("kafka", "sticky-keyless", 3, Level::Hard));
        QCOMPARE(steps.size(), std::size_t(7));
        QVERIFY(stepSays(steps[0], "0, 2, 3, 5, 6 (1 and 4 have none)"));
        QVERIFY(stepSays(steps[0], "Draw 1") && stepSays(steps[0], "partition 2. Records 1 and 2"));
        QVERIFY(stepSays(steps[1], "others with a leader are 0, 3, 5, 6. Draw 2"));
        QVERIFY(stepSays(steps[1], "partition 5"));
        QVERIFY(stepSays(steps[6], "Draw 0") && stepSays(steps[6], "Record 13 goes there"));
    }

    void aRebalanceFollowsItsAssignor() {
        // Range, C3 leaves C1, C10, C11: orders' 7 partitions as 3, 2, 2 (C10 before C11).
        const auto range = fg::practice::walkthrough(walked("kafka", "rebalance", 19, Level::Hard));
        QVERIFY(stepSays(range[0], "C3 leaves, freeing clicks-3, orders-6"));
        QVERIFY(
            stepSays(range[2], "C1 orders-0 to orders-2; C10 orders-3, orders-4; C11 orders-5"));
        // Cooperative, C3 joins C1 (3 partitions) and C2 (2): C1 revokes clicks-2 for C3.
        const auto coop = fg::practice::walkthrough(walked("kafka", "rebalance", 7, Level::Medium));
        QVERIFY(stepSays(coop[1], "5 partitions over 3 members: each ends with 1 or 2"));
        QVERIFY(stepSays(coop[2], "C1 keeps clicks-0, clicks-1 and gives up clicks-2"));
        QCOMPARE(markSet(coop.back()), (std::set<std::string>{"C1", "clicks-2"}));
        QCOMPARE(coop.back().settles.dump(), std::string(R"({"revoked":["clicks-2"]})"));
    }

    // 600 s buckets: 4.5 + 8.5 + 36.25 + 14.25 + 21 = 84.5 over 5; 23:20 is empty.
    void aBucketSaysItsPointsAndAggregate() {
        const auto steps =
            fg::practice::walkthrough(walked("downsample", "bucket", 1, Level::Hard));
        QCOMPARE(steps.size(), std::size_t(4));
        QVERIFY(stepSays(steps[1], "values 4.5, 8.5, 36.25, 14.25, 21: avg = 84.5 / 5 = 16.9"));
        QVERIFY(stepSays(steps[2], "No point falls in the bucket from 2023-11-14 23:20 UTC"));
        QVERIFY(steps[2].marks.empty());
        QCOMPARE(steps[3].marks.front(), std::string("bucket:1700004600000"));
    }

    // 7 ^ 2.5 is 0x0018000000000000: 11 leading and 51 trailing zeros, a 2-bit window (15 bits);
    // 12 ^ 2.5 is 0x002C000000000000: 10 leading, out of that window: 4 bits (17 bits).
    void gorillaCountsEachPartsBits() {
        const auto steps =
            fg::practice::walkthrough(walked("downsample", "gorilla-bits", 3, Level::Medium));
        const auto point = [&](const std::string& what) {
            return *std::find_if(steps.begin(), steps.end(),
                                 [&](const WalkStep& s) { return stepSays(s, what); });
        };
        QVERIFY(stepSays(point("Point 2, time"), "delta-of-delta 32 - 0 = 32"));
        QVERIFY(stepSays(point("Point 2, time"), "'10' + 7 bits (-63 to 64) = 9 bits"));
        QVERIFY(stepSays(point("Point 3, value"), "11 leading and 51 trailing"));
        QVERIFY(stepSays(point("Point 3, value"), "length 2) + 2 bits = 15 bits"));
        QVERIFY(stepSays(point("Point 6, value"), "outside the last window (11 leading"));
        QVERIFY(stepSays(point("Point 6, value"), "= 17 bits"));
        QCOMPARE(point("Point 6, value").marks, std::vector<std::string>{"point:5"});
        QVERIFY(stepSays(steps.back(), "the block takes 132 + 117 = 249 bits"));
    }

    void tierOfQueryComparesEachRetentionWithTheStart() {
        // From 2022-12-18: older than raw's 3 days, 5m's 30 and 1h's 365: 1h, not whole.
        const auto none =
            fg::practice::walkthrough(walked("downsample", "tier-of-query", 3, Level::Medium));
        QCOMPARE(none.size(), std::size_t(4));
        QVERIFY(stepSays(none[2], "keeps 365 days: back to 2023-05-01 09:00 UTC"));
        QVERIFY(stepSays(none[3], "the coarsest, 1h"));
        // From 5 days before now: raw, kept 7 days, holds it.
        const auto raw =
            fg::practice::walkthrough(walked("downsample", "tier-of-query", 5, Level::Hard));
        QCOMPARE(raw.size(), std::size_t(1));
        QVERIFY(stepSays(raw[0], "raw holds the whole range"));
    }

    // 25 keys, each once in #1 but 10 (a tombstone, dropped at the bottom) and 5 (newer in #2):
    // the plain keys are said together, at most eight a step, and every entry is still settled.
    void aLongCompactionSaysItsPlainKeysTogether() {
        using ojson = nlohmann::ordered_json;
        Exercise e;
        e.engine = "lsm";
        e.type = "compaction";
        ojson first = ojson::array(), written = ojson::array();
        for (int k = 1; k <= 25; ++k) {
            first.push_back({{"key", k},
                             {"seq", k},
                             {"value", k == 10 ? ojson() : ojson("v" + std::to_string(k))}});
            if (k != 10) {
                written.push_back(std::to_string(k) + "=v" + std::to_string(k == 5 ? 30 : k));
            }
        }
        e.given = {{"inputs",
                    {{{"id", 1}, {"level", 0}, {"entries", first}},
                     {{"id", 2},
                      {"level", 0},
                      {"entries", {{{"key", 5}, {"seq", 30}, {"value", "v30"}}}}}}},
                   {"output_level", 1},
                   {"bottom", true},
                   {"older_outside", ojson::array()}};
        e.answer = {{"entries", written}};
        const auto steps = fg::practice::walkthrough(e);
        QVERIFY(fg::practice::grade(e, fg::practice::settledAnswer(steps)).right);
        QVERIFY(steps.size() < 12);
        QVERIFY(std::any_of(steps.begin(), steps.end(), [](const WalkStep& s) {
            return stepSays(s, "Keys 1, 2, 3, 4: one version each");
        }));
        QVERIFY(std::any_of(steps.begin(), steps.end(), [](const WalkStep& s) {
            return stepSays(s, "Keys 11, 12, 13, 14, 15, 16, 17, 18:");
        }));
    }
};

FG_TEST_APPLESS_MAIN(TestPracticeWalk)
#include "test_practice_walk.moc"
