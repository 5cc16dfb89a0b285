// The assignors against the examples in Kafka's own Javadoc and tests, and the sticky goals as
// properties: balanced to within one, and no partition moves that did not need to.
#include "engines/core/rng.h"
#include "engines/kafka/assignors.h"
#include "tests/suite_main.h"

#include <QTest>

using namespace fg::kafka;

namespace {

std::vector<Member> members(std::initializer_list<std::string> ids,
                            std::set<std::string> topics = {"t0", "t1"}) {
    std::vector<Member> m;
    for (const auto& id : ids) {
        m.push_back({id, topics});
    }
    return m;
}

std::vector<std::string> names(const std::vector<TopicPartition>& tps) {
    std::vector<std::string> n;
    for (const auto& tp : tps) {
        n.push_back(tp.name());
    }
    return n;
}

std::set<std::string> nameSet(const std::vector<TopicPartition>& tps) {
    const auto n = names(tps);
    return {n.begin(), n.end()};
}

using S = std::set<std::string>;

} // namespace

class TestKafkaAssignors : public QObject {
    Q_OBJECT
private slots:
    void rangeJavadocExample() {
        const auto a = assignRange(members({"C0", "C1"}), {{"t0", 3}, {"t1", 3}});
        QVERIFY((names(a.at("C0")) == std::vector<std::string>{"t0-0", "t0-1", "t1-0", "t1-1"}));
        QVERIFY((names(a.at("C1")) == std::vector<std::string>{"t0-2", "t1-2"}));
    }

    void rangeSortsMemberIdsAsStrings() {
        const auto a = assignRange(members({"C2", "C10", "C1"}, {"t"}), {{"t", 3}});
        QVERIFY((names(a.at("C1")) == std::vector<std::string>{"t-0"}));
        QVERIFY((names(a.at("C10")) == std::vector<std::string>{"t-1"}));
        QVERIFY((names(a.at("C2")) == std::vector<std::string>{"t-2"}));
        const auto seven = assignRange(members({"C0", "C1", "C2"}, {"t"}), {{"t", 7}});
        QCOMPARE(seven.at("C0").size(), std::size_t(3));
        QCOMPARE(seven.at("C2").size(), std::size_t(2));
    }

    void roundRobinJavadocExamples() {
        const auto a = assignRoundRobin(members({"C0", "C1"}), {{"t0", 3}, {"t1", 3}});
        QVERIFY((names(a.at("C0")) == std::vector<std::string>{"t0-0", "t0-2", "t1-1"}));
        QVERIFY((names(a.at("C1")) == std::vector<std::string>{"t0-1", "t1-0", "t1-2"}));
        // Mixed subscriptions: C0 {t0}, C1 {t0, t1}, C2 {t0, t1, t2}.
        const std::vector<Member> mixed = {
            {"C0", {"t0"}}, {"C1", {"t0", "t1"}}, {"C2", {"t0", "t1", "t2"}}};
        const auto m = assignRoundRobin(mixed, {{"t0", 1}, {"t1", 2}, {"t2", 3}});
        QVERIFY((names(m.at("C0")) == std::vector<std::string>{"t0-0"}));
        QVERIFY((names(m.at("C1")) == std::vector<std::string>{"t1-0"}));
        QVERIFY((names(m.at("C2")) == std::vector<std::string>{"t1-1", "t2-0", "t2-1", "t2-2"}));
    }

    void stickyFreshStartJavadocExample() {
        const std::map<std::string, int> topics{{"t0", 2}, {"t1", 2}, {"t2", 2}, {"t3", 2}};
        const auto a =
            assignSticky(members({"C0", "C1", "C2"}, {"t0", "t1", "t2", "t3"}), topics, {});
        QVERIFY((nameSet(a.at("C0")) == S{"t0-0", "t1-1", "t3-0"}));
        QVERIFY((nameSet(a.at("C1")) == S{"t0-1", "t2-0", "t3-1"}));
        QVERIFY((nameSet(a.at("C2")) == S{"t1-0", "t2-1"}));
        // C1 leaves: C0 and C2 keep everything they had and split C1's three.
        const auto b = assignSticky(members({"C0", "C2"}, {"t0", "t1", "t2", "t3"}), topics, a);
        QCOMPARE(b.at("C0").size(), std::size_t(4));
        QCOMPARE(b.at("C2").size(), std::size_t(4));
        for (const auto& tp : a.at("C0")) {
            QVERIFY(nameSet(b.at("C0")).count(tp.name()));
        }
        for (const auto& tp : a.at("C2")) {
            QVERIFY(nameSet(b.at("C2")).count(tp.name()));
        }
    }

    void stickyTwoConsumersTwoTopics() {
        // AbstractStickyAssignorTest.testTwoConsumersTwoTopicsSixPartitions
        const auto a = assignSticky(members({"consumer1", "consumer2"}, {"topic1", "topic2"}),
                                    {{"topic1", 3}, {"topic2", 3}}, {});
        QVERIFY((nameSet(a.at("consumer1")) == S{"topic1-0", "topic1-2", "topic2-1"}));
        QVERIFY((nameSet(a.at("consumer2")) == S{"topic1-1", "topic2-0", "topic2-2"}));
    }

    void stickyUnequalSubscriptionsJavadocExample() {
        const std::map<std::string, int> topics{{"t0", 1}, {"t1", 2}, {"t2", 3}};
        const std::vector<Member> all = {
            {"C0", {"t0"}}, {"C1", {"t0", "t1"}}, {"C2", {"t0", "t1", "t2"}}};
        const auto a = assignSticky(all, topics, {});
        QVERIFY((nameSet(a.at("C0")) == S{"t0-0"}));
        QVERIFY((nameSet(a.at("C1")) == S{"t1-0", "t1-1"}));
        QVERIFY((nameSet(a.at("C2")) == S{"t2-0", "t2-1", "t2-2"}));
        const auto b = assignSticky({all[1], all[2]}, topics, a); // C0 leaves
        QVERIFY((nameSet(b.at("C1")) == S{"t1-0", "t1-1", "t0-0"}));
        QVERIFY((nameSet(b.at("C2")) == S{"t2-0", "t2-1", "t2-2"}));
    }

    void stickyIsBalancedAndMovesOnlyWhatItMust() {
        const std::map<std::string, int> topics{{"a", 7}, {"b", 5}};
        for (std::uint64_t seed = 1; seed <= 50; ++seed) {
            fg::Rng rng(seed);
            std::vector<Member> group;
            Assignment prev;
            for (int round = 0; round < 12; ++round) {
                const bool join = group.empty() || (group.size() < 8 && rng.uniform(0, 2) > 0);
                if (join) {
                    group.push_back(
                        {std::string("m").append(std::to_string(rng.uniform(0, 99))), {"a", "b"}});
                } else {
                    group.erase(group.begin() + rng.uniform(0, std::int64_t(group.size()) - 1));
                }
                std::sort(group.begin(), group.end(), [](auto& x, auto& y) { return x.id < y.id; });
                group.erase(std::unique(group.begin(), group.end(),
                                        [](auto& x, auto& y) { return x.id == y.id; }),
                            group.end());
                if (group.empty()) {
                    prev.clear(); // everyone left: nothing to check
                    continue;
                }
                const auto next = assignSticky(group, topics, prev);
                std::size_t lo = 99, hi = 0, total = 0;
                std::set<std::string> seen;
                for (const auto& [m, tps] : next) {
                    lo = std::min(lo, tps.size());
                    hi = std::max(hi, tps.size());
                    total += tps.size();
                    for (const auto& tp : tps) {
                        QVERIFY(seen.insert(tp.name()).second); // one owner each
                    }
                }
                QCOMPARE(total, std::size_t(12));
                QVERIFY(hi - lo <= 1);
                // Stickiness: a surviving member keeps min(its old count, its new count)
                // partitions.
                for (const auto& [m, tps] : next) {
                    const auto it = prev.find(m);
                    if (it == prev.end()) {
                        continue;
                    }
                    std::size_t kept = 0;
                    for (const auto& tp : it->second) {
                        kept += nameSet(tps).count(tp.name());
                    }
                    QVERIFY(kept >= std::min(it->second.size(), tps.size()));
                }
                prev = next;
            }
        }
    }

    void cooperativeFirstRoundKeepsOnlyWhatStays() {
        const Assignment prev{{"C0", {{"t", 0}, {"t", 1}, {"t", 2}}}};
        const auto target = assignSticky(members({"C0", "C1"}, {"t"}), {{"t", 3}}, prev);
        const auto kept = cooperativeFirstRound(prev, target);
        QCOMPARE(kept.at("C0").size(), target.at("C0").size());
        QVERIFY(kept.at("C1").empty());
        QCOMPARE(target.at("C1").size(), std::size_t(1));
    }
};

FG_TEST_APPLESS_MAIN(TestKafkaAssignors)
#include "test_kafka_assignors.moc"
