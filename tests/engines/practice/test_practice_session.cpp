// A practice session (engines/practice/practice_session.h): one seed gives the same questions,
// question i is the CLI's exercise of seed N + i, every type of a topic comes up in turn; the
// tree notation the app reads and writes; and "Show me": the scenario a diagram plays for an
// exercise, run through the same engines as `fieldguide run`, reaches the exercise's answer.
#include "engines/practice/practice_session.h"
#include "engines/scenario/scenario.h"
#include "tests/suite_main.h"

#include <QTest>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

using fg::practice::Exercise;
using fg::practice::Level;
using json = nlohmann::json;

class TestPracticeSession : public QObject {
    Q_OBJECT
private slots:
    void aSeedGivesTheSameQuestionsEachTheCliExerciseOfItsSeed() {
        const auto types = fg::practice::typesOf("mixed");
        QVERIFY(types.size() >= 7);
        const auto a = fg::practice::makeSession(types, Level::Hard, 30, 1234);
        const auto b = fg::practice::makeSession(types, Level::Hard, 30, 1234);
        const auto c = fg::practice::makeSession(types, Level::Hard, 30, 1235);
        QCOMPARE(a.size(), std::size_t(30));
        int differ = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(fg::practice::exerciseJson(a[i]).dump(),
                     fg::practice::exerciseJson(b[i]).dump());
            QCOMPARE(a[i].seed, 1234u + i);
            const auto* t = fg::practice::findExerciseType(a[i].engine, a[i].type);
            QVERIFY(t);
            QCOMPARE(fg::practice::exerciseJson(t->make(1234 + i, Level::Hard)).dump(),
                     fg::practice::exerciseJson(a[i]).dump());
            differ += a[i].type != c[i].type || a[i].engine != c[i].engine;
        }
        QVERIFY(differ > 0); // another seed, another order of types
    }

    void everyTypeComesUpInTurn() {
        for (const auto& topic : fg::practice::topics()) {
            const auto types = fg::practice::typesOf(topic.id);
            QVERIFY2(!types.empty(), topic.id);
            const int count = static_cast<int>(types.size()) * 2 + 1;
            std::map<std::string, int> seen;
            for (const auto& e : fg::practice::makeSession(types, Level::Easy, count, 7)) {
                ++seen[e.engine + "/" + e.type];
            }
            QCOMPARE(seen.size(), types.size());
            for (const auto& [id, n] : seen) {
                QVERIFY2(n == 2 || n == 3, id.c_str());
            }
        }
        QCOMPARE(fg::practice::topics().back().id, std::string_view("mixed"));
    }

    void theCountIsKeptInItsBounds() {
        const auto types = fg::practice::typesOf("kafka");
        QCOMPARE(fg::practice::makeSession(types, Level::Easy, 0, 1).size(), std::size_t(1));
        QCOMPARE(fg::practice::makeSession(types, Level::Easy, 100000, 1).size(),
                 std::size_t(fg::practice::kMaxSessionCount));
    }

    void typeIdsRoundTrip() {
        for (const auto& t : fg::practice::exerciseTypes()) {
            QCOMPARE(fg::practice::findTypeId(fg::practice::typeId(t)), &t);
        }
        QVERIFY(!fg::practice::findTypeId("btree"));
        QVERIFY(!fg::practice::findTypeId("btree/nothing"));
    }

    void theTreeNotationReadsWhatItWrites() {
        const auto* t = fg::practice::findExerciseType("btree", "insert");
        for (std::uint64_t seed = 1; seed <= 200; ++seed) {
            const Exercise e = t->make(seed, Level::Hard);
            const std::string text = fg::practice::treeText(e.answer["tree"]);
            std::string error;
            const auto back = fg::practice::parseTreeText(text, error);
            QVERIFY2(back, (text + ": " + error).c_str());
            QCOMPARE(back->dump(), json(e.answer["tree"]).dump());
        }
        std::string error;
        const auto commas = fg::practice::parseTreeText(" [20,] ( [10, 15] [ 30 40 ] ) ", error);
        QVERIFY(commas);
        QCOMPARE(commas->dump(),
                 json::parse(R"({"keys":[20],"children":[{"keys":[10,15],"children":[]},)"
                             R"({"keys":[30,40],"children":[]}]})")
                     .dump());
        QCOMPARE(fg::practice::treeText(*commas), std::string("[20] ([10 15] [30 40])"));
    }

    void aBadTreeSaysWhatAndWhere() {
        const std::pair<const char*, const char*> cases[] = {
            {"", "expected \"[\" at character 1"},
            {"[1 2", "expected \"]\" at character 5"},
            {"[1 x]", "expected a whole number at character 4"},
            {"[1] ([2]", "expected \")\" at character 9"},
            {"[1] [2]", "unexpected text after the tree at character 5"},
            {"[99999999999999999999]", "expected a whole number at character 2"},
        };
        for (const auto& [text, message] : cases) {
            std::string error;
            QVERIFY2(!fg::practice::parseTreeText(text, error), text);
            QCOMPARE(error, std::string(message));
        }
        std::string deep, error;
        for (int i = 0; i < 100; ++i) {
            deep += "[1] (";
        }
        QVERIFY(!fg::practice::parseTreeText(deep, error));
        QVERIFY(error.find("nested too deep") != std::string::npos);
    }

    void theAnswerInWordsNamesEveryPart() {
        for (const auto& t : fg::practice::exerciseTypes()) {
            const Exercise e = t.make(42, Level::Medium);
            const std::string text = fg::practice::answerText(e);
            for (const auto& f : e.fields) {
                QVERIFY2(text.find(f.label) != std::string::npos, (t.type + (": " + text)).c_str());
            }
        }
        const Exercise owner =
            fg::practice::findExerciseType("hashslot", "owner-of-key")->make(3, Level::Easy);
        QVERIFY(fg::practice::answerText(owner).find("master " + owner.answer["master"].dump() +
                                                     " (slots") != std::string::npos);
    }

    // The answer in words is one a student can copy: its buckets, read back from the text (two
    // decimals at most), are graded right.
    void theBucketsInWordsAreGradedRight() {
        const auto* t = fg::practice::findExerciseType("downsample", "bucket");
        for (std::uint64_t seed = 1; seed <= 300; ++seed) {
            const Exercise e = t->make(seed, Level::Hard);
            const std::string text = fg::practice::answerText(e);
            json buckets = json::array();
            std::size_t at = text.find('\n');
            while (at != std::string::npos) {
                const std::size_t end = text.find('\n', at + 1);
                const std::string line = text.substr(at + 1, end - at - 1);
                const auto arrow = line.find(" -> ");
                QVERIFY2(arrow != std::string::npos, line.c_str());
                const std::string value = line.substr(arrow + 4);
                QVERIFY2(value.find('.') == std::string::npos ||
                             value.size() - value.find('.') <= 3,
                         value.c_str());
                buckets.push_back({std::stoll(line.substr(0, arrow)), std::stod(value)});
                at = end;
            }
            const auto g = fg::practice::grade(e, json{{"buckets", buckets}});
            QVERIFY2(g.right,
                     (text + "\n" + (g.differences.empty() ? "" : g.differences[0])).c_str());
        }
    }

    // "Show me" plays the exercise on its diagram: the engines' run of that scenario ends where
    // the exercise's answer says.
    void showMeReachesTheAnswer() {
        std::map<std::string, int> shown;
        for (const auto& t : fg::practice::exerciseTypes()) {
            for (const Level level : {Level::Easy, Level::Medium, Level::Hard}) {
                for (std::uint64_t seed = 1; seed <= 80; ++seed) {
                    const Exercise e = t.make(seed, level);
                    const auto show = fg::practice::showMe(e);
                    if (!show) {
                        continue;
                    }
                    ++shown[e.type];
                    json result;
                    const fg::Status s = fg::scenario::run(show->scenario, result);
                    QVERIFY2(s, (e.type + ": " + s.what()).c_str());
                    QCOMPARE(show->diagram, e.engine);
                    checkShown(e, result);
                }
            }
        }
        // Every exercise of these types is shown (80 seeds at 3 levels); btree delete and path
        // when their key is given.
        for (const char* type : {"insert", "slot-of-key", "owner-of-key", "moved-or-ask",
                                 "partition-of-key", "assignment", "sticky-keyless", "rebalance"}) {
            QVERIFY2(shown[type] == 3 * 80, type);
        }
    }

private:
    static std::set<std::string> names(const json& list) {
        std::set<std::string> out;
        for (const auto& v : list) {
            out.insert(v.get<std::string>());
        }
        return out;
    }

    // moved-or-ask: the route step of the GET carries the first reply of the master asked and
    // the master it names (or that answers, for OK).
    static void checkRoute(const Exercise& e, const json& last) {
        QCOMPARE(last["kind"].get<std::string>(), std::string("route"));
        QCOMPARE(last["key"].get<std::string>(), e.given["key"].get<std::string>());
        QCOMPARE(last["first"].get<int>(), e.given["client_asks"].get<int>());
        const std::string reply = e.answer["reply"];
        if (reply == "OK") {
            QVERIFY(!last.contains("replies") && !last.contains("redirect"));
            QCOMPARE(last["node"].get<int>(), e.answer["node"].get<int>());
        } else {
            QCOMPARE(last["replies"][0]["node"].get<int>(), e.given["client_asks"].get<int>());
            QCOMPARE(last["replies"][0]["reply"].get<std::string>(), reply);
            QCOMPARE(last["replies"][0]["to"].get<int>(), e.answer["node"].get<int>());
        }
    }

    // sticky-keyless: every record written, each to the answer's partition, in order.
    static void checkKeyless(const Exercise& e, const json& result) {
        std::vector<int> partitions;
        for (const auto& st : result["steps"]) {
            QVERIFY(st["kind"] != "produce-rejected");
            if (st["kind"] == "produce") {
                partitions.push_back(st["partition"].get<int>());
            }
        }
        QCOMPARE(partitions, e.answer["partitions"].get<std::vector<int>>());
    }

    // rebalance: the group's assignment before the change is the exercise's `before`, and after
    // it the answer's (for sticky, the engine's own answer, not just a balanced one); for
    // cooperative-sticky the first round gives up exactly the answer's revoked partitions.
    static void checkRebalance(const Exercise& e, const json& result) {
        const std::size_t members = e.given["before"].size();
        std::size_t rebalances = 0;
        const json* before = nullptr;
        const json* first = nullptr;
        for (const auto& st : result["steps"]) {
            if (st["kind"] == "rebalance" || st["kind"] == "assign") {
                ++rebalances;
                before = rebalances == members ? &st : before;
            }
            first = rebalances == members && st["kind"] == "revoke" ? &st : first;
        }
        QVERIFY(before);
        QCOMPARE((*before)["assignment"].dump(), json(e.given["before"]).dump());
        QCOMPARE(result["state"]["groups"]["practice"]["assignment"].dump(),
                 json(e.answer["assignment"]).dump());
        if (e.answer.contains("revoked")) {
            std::set<std::string> revoked;
            for (const auto& [member, parts] : e.given["before"].items()) {
                if (first && (*first)["assignment"].contains(member)) {
                    const auto kept = names((*first)["assignment"][member]);
                    for (const auto& p : names(parts)) {
                        if (!kept.count(p)) {
                            revoked.insert(p);
                        }
                    }
                }
            }
            QCOMPARE(revoked, names(e.answer["revoked"]));
        }
    }

    static void checkShown(const Exercise& e, const json& result) {
        const json& last = result["steps"].back();
        if (e.type == "insert") {
            // The diagram's nodes carry ids; the notation shows keys and shape only.
            QCOMPARE(fg::practice::treeText(result["state"]["root"]),
                     fg::practice::treeText(e.answer["tree"]));
        } else if (e.type == "slot-of-key") {
            QCOMPARE(last["slot"].get<int>(), e.answer["slot"].get<int>());
        } else if (e.type == "owner-of-key") {
            QCOMPARE(last["node"].get<int>(), e.answer["master"].get<int>());
        } else if (e.type == "moved-or-ask") {
            checkRoute(e, last);
        } else if (e.type == "partition-of-key") {
            QCOMPARE(last["partition"].get<int>(), e.answer["partition"].get<int>());
        } else if (e.type == "assignment") {
            QCOMPARE(result["state"]["groups"]["practice"]["assignment"].dump(),
                     json(e.answer["assignment"]).dump());
        } else if (e.type == "sticky-keyless") {
            checkKeyless(e, result);
        } else if (e.type == "rebalance") {
            checkRebalance(e, result);
        }
    }
};

FG_TEST_APPLESS_MAIN(TestPracticeSession)
#include "test_practice_session.moc"
