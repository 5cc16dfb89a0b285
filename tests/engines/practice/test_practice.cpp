// Practice exercises (fieldguide practice): a seed gives the same exercise every time, and every
// answer is re-derived here from the exercise's inputs alone, by a second, independent reading of
// each rule (CRC16 with hash tags, redis-cli's float split, Java's murmur2 checked against Kafka's
// own test vectors, the range and roundrobin assignors, epoch-aligned buckets), or by the other
// path through the engines a user takes (`fieldguide run` of the same B-Tree inserts, Gorilla
// decoding the bits back to the points).
#include "engines/practice/practice.h"
#include "engines/scenario/scenario.h"
#include "engines/timeseries/gorilla.h"
#include "tests/engines/practice/reference_slot.h"
#include "tests/suite_main.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

using fg::practice::Exercise;
using fg::practice::Level;
using json = nlohmann::json;

namespace {

constexpr Level kLevels[] = {Level::Easy, Level::Medium, Level::Hard};

Exercise make(const char* engine, const char* type, std::uint64_t seed, Level level) {
    const fg::practice::ExerciseType* t = fg::practice::findExerciseType(engine, type);
    return t ? t->make(seed, level) : Exercise{};
}

// ---- independent references ----

int referenceOwner(int slot, int masters) {
    const float perNode = 16384 / static_cast<float>(masters);
    long first = 0;
    float cursor = 0.0f;
    for (int i = 0; i < masters; ++i) {
        long last = std::lround(cursor + perNode - 1);
        if (last > 16384 || i == masters - 1) {
            last = 16383;
        }
        last = std::max(last, first);
        if (slot >= first && slot <= last) {
            return i;
        }
        first = last + 1;
        cursor += perNode;
    }
    return -1;
}

std::int32_t javaMurmur2(const std::string& bytes) {
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::uint32_t length = static_cast<std::uint32_t>(bytes.size());
    const std::uint32_t m = 0x5bd1e995;
    std::uint32_t h = 0x9747b28c ^ length;
    const std::uint32_t whole = length / 4;
    for (std::uint32_t i = 0; i < whole; ++i) {
        std::uint32_t k = data[4 * i] | data[4 * i + 1] << 8 | data[4 * i + 2] << 16 |
                          static_cast<std::uint32_t>(data[4 * i + 3]) << 24;
        k *= m;
        k ^= k >> 24;
        k *= m;
        h *= m;
        h ^= k;
    }
    const std::uint32_t tail = length & ~3u;
    switch (length % 4) {
    case 3:
        h ^= static_cast<std::uint32_t>(data[tail + 2]) << 16;
        [[fallthrough]];
    case 2:
        h ^= static_cast<std::uint32_t>(data[tail + 1]) << 8;
        [[fallthrough]];
    case 1:
        h ^= data[tail];
        h *= m;
    }
    h ^= h >> 13;
    h *= m;
    h ^= h >> 15;
    return static_cast<std::int32_t>(h);
}

using Assigned = std::map<std::string, std::vector<std::string>>;

Assigned referenceAssignment(const json& given) {
    std::vector<std::string> members = given["consumers"].get<std::vector<std::string>>();
    std::sort(members.begin(), members.end()); // as text: "C10" < "C2"
    Assigned out;
    for (const auto& id : members) {
        out[id];
    }
    const std::map<std::string, int> topics = given["topics"].get<std::map<std::string, int>>();
    const auto n = static_cast<int>(members.size());
    if (given["assignor"] == "range") {
        for (const auto& [topic, count] : topics) {
            const int each = count / n, extra = count % n;
            int p = 0;
            for (int i = 0; i < n; ++i) {
                for (int j = 0; j < each + (i < extra ? 1 : 0); ++j) {
                    out[members[static_cast<std::size_t>(i)]].push_back(topic + "-" +
                                                                        std::to_string(p++));
                }
            }
        }
    } else {
        int turn = 0;
        for (const auto& [topic, count] : topics) {
            for (int p = 0; p < count; ++p) {
                out[members[static_cast<std::size_t>(turn++ % n)]].push_back(topic + "-" +
                                                                             std::to_string(p));
            }
        }
    }
    return out;
}

// The tree of `fieldguide run`'s state without the node ids.
json withoutIds(const json& node) {
    json out = {{"keys", node["keys"]}, {"children", json::array()}};
    for (const auto& c : node["children"]) {
        out["children"].push_back(withoutIds(c));
    }
    return out;
}

json runBtree(int order, const std::vector<std::int64_t>& keys) {
    json ops = json::array();
    for (const auto k : keys) {
        ops.push_back({{"op", "insert"}, {"key", k}});
    }
    json result;
    const fg::Status s = fg::scenario::run(
        {{"engine", "btree"}, {"params", {{"order", order}}}, {"ops", ops}}, result);
    return s ? result : json();
}

void checkField(const fg::practice::AnswerField& f, const nlohmann::ordered_json& answer,
                const QString& where) {
    using Kind = fg::practice::AnswerField::Kind;
    const auto has = [](const std::vector<std::string>& list, const std::string& w) {
        return std::find(list.begin(), list.end(), w) != list.end();
    };
    const QString at = where + " " + QString::fromStdString(f.name);
    switch (f.kind) {
    case Kind::Choice:
        QVERIFY2(f.options.size() >= 2, qPrintable(at));
        if (f.numeric) {
            QVERIFY2(answer.is_number_integer() && answer.get<std::int64_t>() >= 0 &&
                         answer.get<std::size_t>() < f.options.size(),
                     qPrintable(at));
        } else {
            QVERIFY2(answer.is_string() && has(f.options, answer.get<std::string>()),
                     qPrintable(at));
        }
        break;
    case Kind::WordList:
        QVERIFY2(answer.is_array(), qPrintable(at));
        for (const auto& w : answer) {
            QVERIFY2(w.is_string() && has(f.options, w.get<std::string>()), qPrintable(at));
        }
        break;
    case Kind::PerMember: {
        QVERIFY2(answer.is_object() && answer.size() == f.options.size(), qPrintable(at));
        for (const auto& [member, words] : answer.items()) {
            QVERIFY2(has(f.options, member), qPrintable(at));
            for (const auto& w : words) {
                QVERIFY2(has(f.words, w.get<std::string>()), qPrintable(at));
            }
        }
        break;
    }
    case Kind::Number:
        QVERIFY2(answer.is_number_integer(), qPrintable(at));
        break;
    case Kind::NumberList:
    case Kind::Buckets:
        QVERIFY2(answer.is_array(), qPrintable(at));
        break;
    case Kind::Tree:
        QVERIFY2(answer.is_object() && answer.contains("keys"), qPrintable(at));
        break;
    }
}

} // namespace

class TestPractice : public QObject {
    Q_OBJECT
private slots:
    void aSeedGivesTheSameExerciseAndSeedsDiffer() {
        QCOMPARE(fg::practice::exerciseTypes().size(), std::size_t(16));
        for (const auto& t : fg::practice::exerciseTypes()) {
            for (const Level level : kLevels) {
                std::set<std::string> givens;
                for (std::uint64_t seed = 0; seed < 200; ++seed) {
                    const Exercise a = t.make(seed, level), b = t.make(seed, level);
                    const std::string line = fg::practice::exerciseJson(a).dump();
                    QCOMPARE(fg::practice::exerciseJson(b).dump(), line);
                    QCOMPARE(a.seed, seed);
                    QVERIFY(!a.prompt.empty() && !a.given.empty() && !a.answer.empty());
                    givens.insert(a.given.dump());
                }
                QVERIFY2(givens.size() >= 100, t.type); // not the same few questions again
            }
        }
    }

    void theJsonLineHasTheContractsKeysInOrder() {
        const nlohmann::ordered_json ordered =
            fg::practice::exerciseJson(make("kafka", "partition-of-key", 7, Level::Easy));
        const json line = json::parse(ordered.dump());
        std::vector<std::string> keys;
        for (const auto& [k, v] : ordered.items()) {
            keys.push_back(k);
        }
        QCOMPARE(keys, (std::vector<std::string>{"engine", "type", "seed", "level", "prompt",
                                                 "given", "answer"}));
        QVERIFY(line["level"] == "easy");
        QVERIFY(line["seed"] == 7);
    }

    void theSlotOfAKeyIsCrc16OfItsHashedPart() {
        QCOMPARE(fg::test::referenceCrc16("123456789"),
                 std::uint16_t(0x31C3)); // the reference's own vector
        int tags = 0, tricky = 0;
        for (const Level level : kLevels) {
            for (std::uint64_t seed = 0; seed < 2000; ++seed) {
                const Exercise e = make("hashslot", "slot-of-key", seed, level);
                const std::string key = e.given["key"];
                QCOMPARE(e.answer["slot"].get<int>(), fg::test::referenceSlot(key));
                tags += key.find('{') != std::string::npos;
                tricky +=
                    level == Level::Hard && (key.rfind("{}", 0) == 0 || key.rfind("{{", 0) == 0 ||
                                             key.find("}{") != std::string::npos);
                if (level == Level::Easy) {
                    QVERIFY2(key.find('{') == std::string::npos, key.c_str());
                }
            }
        }
        QVERIFY(tags > 2000);
        QVERIFY(tricky > 300);
    }

    void theOwnerIsRedisClisFloatSplit() {
        for (const Level level : kLevels) {
            for (std::uint64_t seed = 0; seed < 2000; ++seed) {
                const Exercise e = make("hashslot", "owner-of-key", seed, level);
                const int masters = e.given["masters"];
                QVERIFY(masters >= 3 && masters <= 12);
                QCOMPARE(e.answer["master"].get<int>(),
                         referenceOwner(fg::test::referenceSlot(e.given["key"].get<std::string>()),
                                        masters));
            }
        }
    }

    void thePartitionIsJavasMurmur2() {
        // Kafka's UtilsTest.testMurmur2 vectors check the reference first.
        QCOMPARE(javaMurmur2("21"), -973932308);
        QCOMPARE(javaMurmur2("foobar"), -790332482);
        QCOMPARE(javaMurmur2("a-little-bit-long-string"), -985981536);
        QCOMPARE(javaMurmur2("a-little-bit-longer-string"), -1486304829);
        QCOMPARE(javaMurmur2("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8"), -58897971);
        QCOMPARE(javaMurmur2("abc"), 479470107);
        for (const Level level : kLevels) {
            for (std::uint64_t seed = 0; seed < 2000; ++seed) {
                const Exercise e = make("kafka", "partition-of-key", seed, level);
                const int n = e.given["partitions"];
                QCOMPARE(e.answer["partition"].get<int>(),
                         (javaMurmur2(e.given["key"].get<std::string>()) & 0x7fffffff) % n);
            }
        }
    }

    // No one computes a CRC16 or a murmur2 in their head (a tester): a key's question gives the
    // CRC16 of each text that could be the hashed part, right (checked by the reference) and
    // with a choice to make when the key has a brace, the right one among them; and the key's
    // murmur2, made positive.
    void aKeysQuestionGivesTheHashesItNeeds() {
        const std::regex quoted("\"([^\"]*)\" ([0-9]+)");
        for (const Level level : kLevels) {
            for (std::uint64_t seed = 0; seed < 300; ++seed) {
                for (const char* type : {"slot-of-key", "owner-of-key"}) {
                    const Exercise e = make("hashslot", type, seed, level);
                    const std::string key = e.given["key"];
                    const std::string hints = e.prompt.substr(e.prompt.rfind("CRC16 of"));
                    int given = 0;
                    bool right = false;
                    for (std::sregex_iterator it(hints.begin(), hints.end(), quoted), end;
                         it != end; ++it) {
                        const std::string text = (*it)[1];
                        const int crc = std::stoi((*it)[2]);
                        QCOMPARE(crc, int(fg::test::referenceCrc16(text)));
                        right = right || crc % 16384 == fg::test::referenceSlot(key);
                        ++given;
                    }
                    QVERIFY2(right, e.prompt.c_str());
                    QVERIFY2(given >= (key.find('{') != std::string::npos ? 2 : 1),
                             e.prompt.c_str());
                }
                const Exercise k = make("kafka", "partition-of-key", seed, level);
                const int positive = javaMurmur2(k.given["key"].get<std::string>()) & 0x7fffffff;
                QVERIFY2(k.prompt.find(": " + std::to_string(positive) + ".") != std::string::npos,
                         k.prompt.c_str());
            }
        }
    }

    void theAssignmentFollowsRangeAndRoundRobin() {
        int range = 0, roundRobin = 0, textOrder = 0;
        for (const Level level : kLevels) {
            for (std::uint64_t seed = 0; seed < 1000; ++seed) {
                const Exercise e = make("kafka", "assignment", seed, level);
                const Assigned answer = e.answer["assignment"].get<Assigned>();
                QCOMPARE(answer, referenceAssignment(e.given));
                (e.given["assignor"] == "range" ? range : roundRobin)++;
                const auto ids = e.given["consumers"].get<std::vector<std::string>>();
                textOrder += std::find(ids.begin(), ids.end(), "C10") != ids.end() &&
                             std::find(ids.begin(), ids.end(), "C2") != ids.end();
            }
        }
        QVERIFY(range > 1000 && roundRobin > 500);
        QVERIFY(textOrder > 50); // hard ones test "C10" < "C2"
    }

    void aBtreeInsertIsWhatRunDoesWithTheSameKeys() {
        int split = 0, twice = 0;
        for (const Level level : kLevels) {
            for (std::uint64_t seed = 0; seed < 300; ++seed) {
                const Exercise e = make("btree", "insert", seed, level);
                const int order = e.given["order"];
                auto keys = e.given["keys"].get<std::vector<std::int64_t>>();
                const json before = runBtree(order, keys);
                keys.push_back(e.given["insert"].get<std::int64_t>());
                const json after = runBtree(order, keys);
                QVERIFY(!before.is_null() && !after.is_null());
                const json tree = e.answer["tree"], run = withoutIds(after["state"]["root"]);
                QVERIFY2(tree == run, (tree.dump() + " vs " + run.dump()).c_str());
                std::vector<std::int64_t> promoted;
                for (std::size_t i = before["steps"].size(); i < after["steps"].size(); ++i) {
                    const json& st = after["steps"][i];
                    if (st["kind"] == "split") {
                        promoted.push_back(st["promoted"]);
                    }
                }
                QCOMPARE(e.answer["promoted"].get<std::vector<std::int64_t>>(), promoted);
                if (level == Level::Hard) {
                    split += !promoted.empty();
                    twice += promoted.size() >= 2;
                }
            }
        }
        QVERIFY2(split >= 280, std::to_string(split).c_str()); // hard inserts split a node
        QVERIFY(twice >= 30);
    }

    void aBucketIsTheAggregateOfItsPoints() {
        int gaps = 0;
        for (const Level level : kLevels) {
            for (std::uint64_t seed = 0; seed < 1000; ++seed) {
                const Exercise e = make("downsample", "bucket", seed, level);
                const std::int64_t stepMs = e.given["step_s"].get<std::int64_t>() * 1000;
                const std::string agg = e.given["agg"];
                std::map<std::int64_t, std::vector<double>> byBucket;
                for (const auto& p : e.given["points"]) {
                    const std::int64_t t = p[0];
                    QVERIFY(t > 0 && t % 1000 == 0);
                    byBucket[t - t % stepMs].push_back(p[1].get<double>());
                }
                const json& buckets = e.answer["buckets"];
                QCOMPARE(buckets.size(), byBucket.size());
                std::size_t i = 0;
                for (const auto& [start, values] : byBucket) {
                    double want = 0;
                    if (agg == "count") {
                        want = static_cast<double>(values.size());
                    } else if (agg == "min") {
                        want = *std::min_element(values.begin(), values.end());
                    } else if (agg == "max") {
                        want = *std::max_element(values.begin(), values.end());
                    } else if (agg == "first") {
                        want = values.front();
                    } else if (agg == "last") {
                        want = values.back();
                    } else {
                        for (const double v : values) {
                            want += v;
                        }
                        want = agg == "avg" ? want / static_cast<double>(values.size()) : want;
                    }
                    QCOMPARE(buckets[i][0].get<std::int64_t>(), start);
                    QCOMPARE(buckets[i][1].get<double>(), want);
                    ++i;
                }
                const std::int64_t span =
                    (byBucket.rbegin()->first - byBucket.begin()->first) / stepMs + 1;
                gaps += static_cast<std::int64_t>(byBucket.size()) < span;
            }
        }
        QVERIFY(gaps > 300); // hard series leave a bucket empty
    }

    void gorillaBitsDecodeBackToThePoints() {
        for (const Level level : kLevels) {
            for (std::uint64_t seed = 0; seed < 1000; ++seed) {
                const Exercise e = make("downsample", "gorilla-bits", seed, level);
                std::vector<fg::timeseries::Point> points;
                for (const auto& p : e.given["points"]) {
                    points.push_back({p[0].get<std::int64_t>(), p[1].get<double>()});
                }
                QVERIFY(points.size() >= 2);
                fg::timeseries::GorillaBlock block;
                QVERIFY(fg::timeseries::gorillaEncode(points, block));
                QCOMPARE(e.answer["bits"].get<std::int64_t>(),
                         static_cast<std::int64_t>(block.bits.bits()));
                std::vector<fg::timeseries::Point> back;
                QVERIFY(fg::timeseries::gorillaDecode(
                    block.bits, static_cast<std::int64_t>(points.size()), back));
                QCOMPARE(back.size(), points.size());
                QVERIFY(back == points);
            }
        }
    }

    // Grading: the engine's own answer is right in every form that means the same, and a near
    // miss of each kind is wrong, with the difference said.
    void theEnginesAnswerIsRightInAnyFormAndNearMissesAreNot() {
        const auto right = [](const Exercise& e, const json& answer) {
            return fg::practice::grade(e, answer).right;
        };
        const auto wrong = [](const Exercise& e, const json& answer) {
            const fg::practice::Grading g = fg::practice::grade(e, answer);
            return !g.right && !g.differences.empty() && !g.differences.front().empty();
        };
        for (const auto& type : fg::practice::exerciseTypes()) {
            for (const Level level : kLevels) {
                for (std::uint64_t seed = 0; seed < 300; ++seed) {
                    const Exercise e = type.make(seed, level);
                    const json answer = json::parse(e.answer.dump());
                    QVERIFY2(right(e, answer), answer.dump().c_str());
                    QVERIFY(wrong(e, json::array()));
                    QVERIFY(wrong(e, json::object()));
                    json miss = answer;
                    const std::string t = e.type;
                    if (e.engine == "lsm" || t == "delete" || t == "path") {
                        continue; // near misses in test_practice_storage.cpp
                    }
                    if (t == "slot-of-key" || t == "owner-of-key" || t == "partition-of-key" ||
                        t == "gorilla-bits") {
                        const std::string field = answer.begin().key();
                        json asFloat = answer;
                        asFloat[field] = answer[field].get<double>();
                        QVERIFY(right(e, asFloat)); // 7437.0 is 7437
                        miss[field] = answer[field].get<std::int64_t>() + 1;
                        QVERIFY(wrong(e, miss));
                        miss[field] = answer[field].get<double>() + 0.5;
                        QVERIFY(wrong(e, miss));
                    } else if (t == "assignment") {
                        json reversed = answer;
                        for (auto& [member, parts] : reversed["assignment"].items()) {
                            std::reverse(parts.begin(), parts.end());
                        }
                        QVERIFY(right(e, reversed)); // a member's partitions in any order
                        // One partition moved to another member.
                        json& a = miss["assignment"];
                        std::string from, to;
                        for (auto& [member, parts] : a.items()) {
                            if (from.empty() && !parts.empty()) {
                                from = member;
                            } else if (to.empty()) {
                                to = member;
                            }
                        }
                        QVERIFY(!from.empty() && !to.empty());
                        a[to].push_back(a[from].back());
                        a[from].erase(a[from].size() - 1);
                        QVERIFY(wrong(e, miss));
                    } else if (t == "insert") {
                        // Leaves written without their empty "children".
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
                        // One key short (a key can move up twice: [63, 63], so not reversed).
                        if (!answer["promoted"].empty()) {
                            miss["promoted"].erase(miss["promoted"].size() - 1);
                        } else {
                            miss["promoted"].push_back(e.given["insert"].get<std::int64_t>());
                        }
                        QVERIFY2(wrong(e, miss), (miss.dump() + " | " + answer.dump()).c_str());
                        json tree = answer;
                        tree["tree"]["keys"].push_back(100); // one key too many in the root
                        QVERIFY(wrong(e, tree));
                    } else if (t == "bucket") {
                        const bool count = e.given["agg"] == "count";
                        json rounded = answer;
                        for (auto& b : rounded["buckets"]) {
                            b[1] = std::round(b[1].get<double>() * 100) / 100; // 10.33
                        }
                        QVERIFY(right(e, rounded));
                        miss["buckets"][0][1] =
                            answer["buckets"][0][1].get<double>() + (count ? 1.0 : 0.01);
                        QVERIFY(wrong(e, miss));
                        json fewer = answer;
                        fewer["buckets"].erase(fewer["buckets"].size() - 1);
                        QVERIFY(wrong(e, fewer));
                        json shifted = answer;
                        shifted["buckets"][0][0] =
                            answer["buckets"][0][0].get<std::int64_t>() + 1000;
                        QVERIFY(wrong(e, shifted));
                    } else if (t == "moved-or-ask" || t == "sticky-keyless" || t == "rebalance" ||
                               t == "tier-of-query") {
                        // Their forms and near misses: test_practice_routing.cpp.
                    } else {
                        QFAIL(t.c_str());
                    }
                }
            }
        }
        // The difference is said in words.
        const Exercise slot = make("hashslot", "slot-of-key", 3, Level::Easy);
        const int s = slot.answer["slot"];
        const auto g = fg::practice::grade(slot, {{"slot", s + 1}});
        QCOMPARE(g.differences.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(g.differences.front()),
                 QStringLiteral("slot: you gave %1, the engine says %2").arg(s + 1).arg(s));
    }

    // The app builds its answer inputs from an exercise's fields: they must name exactly the
    // answer's parts, and offer every choice, member and word the engine's answer uses.
    void theFieldsAskForExactlyTheAnswersParts() {
        for (const auto& t : fg::practice::exerciseTypes()) {
            for (const Level level : kLevels) {
                for (std::uint64_t seed = 1; seed <= 60; ++seed) {
                    const Exercise e = t.make(seed, level);
                    const QString where = QString("%1 %2 seed %3 %4")
                                              .arg(t.engine, t.type)
                                              .arg(seed)
                                              .arg(fg::practice::levelName(level));
                    QVERIFY2(!e.fields.empty(), qPrintable(where));
                    std::set<std::string> names, keys;
                    for (const auto& f : e.fields) {
                        names.insert(f.name);
                        QVERIFY2(!f.label.empty(), qPrintable(where));
                        checkField(f, e.answer[f.name], where);
                    }
                    for (const auto& [k, v] : e.answer.items()) {
                        keys.insert(k);
                    }
                    QVERIFY2(names == keys, qPrintable(where));
                }
            }
        }
    }

    void levelsAreNamedAndParsed() {
        Level l = Level::Easy;
        QVERIFY(fg::practice::parseLevel("hard", l) && l == Level::Hard);
        QVERIFY(!fg::practice::parseLevel("Hard", l));
        QVERIFY(!fg::practice::findExerciseType("kafka", "slot-of-key"));
    }
};

FG_TEST_APPLESS_MAIN(TestPractice)
#include "test_practice.moc"
