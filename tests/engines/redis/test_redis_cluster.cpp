// The cluster as a client meets it: MOVED after the slot map changes, ASK while a slot migrates
// and its key has moved, a replica promoted when its master fails, CLUSTERDOWN when no one is
// left; and, over random op sequences, no key is ever lost and step back is exact.
#include "engines/core/recording_sink.h"
#include "engines/core/rng.h"
#include "engines/core/timeline.h"
#include "engines/redis/cluster.h"
#include "engines/redis/key_slot.h"
#include "tests/suite_main.h"

#include <QTest>
#include <cctype>
#include <set>

using fg::redis::ClusterEngine;
using fg::redis::ClusterOp;

namespace {

using Collect = fg::RecordingSinkFor<ClusterEngine>;
using fg::redis::Redirect;
using fg::redis::StepKind;

ClusterOp set(const std::string& key) {
    return ClusterOp::route(key, std::string("v"));
}
ClusterOp get(const std::string& key) {
    return ClusterOp::route(key);
}

const fg::redis::ClusterStep& lastRoute(const Collect& c) {
    for (auto it = c.steps.rbegin(); it != c.steps.rend(); ++it) {
        if (it->kind == StepKind::kRoute || it->kind == StepKind::kClusterDown) {
            return *it;
        }
    }
    qFatal("no route step");
}

} // namespace

class TestRedisCluster : public QObject {
    Q_OBJECT
private slots:
    void aFreshClientGoesStraightToTheOwner() {
        const ClusterEngine e(3, 0);
        auto s = e.initialState();
        Collect c;
        e.apply(s, set("user:1000"), c);
        const auto& r = lastRoute(c);
        QCOMPARE(r.slot, 1649);
        QCOMPARE(r.crc16 & 16383, 1649);
        QCOMPARE(r.node, 0);
        QCOMPARE(r.redirect, Redirect::kNone);
        QCOMPARE(s.keyNode.at("user:1000"), 0);
    }

    void aGetSaysWhetherTheKeyExists() {
        // A tester's GET of a key never set read "It owns the slot and serves the key." A GET
        // of a missing key replies nil; of a key set before, its value; a SET stores it.
        const ClusterEngine e(3, 0);
        auto s = e.initialState();
        Collect c;
        e.apply(s, get("user:1000"), c);
        QVERIFY2(lastRoute(c).text.find("(nil)") != std::string::npos, lastRoute(c).text.c_str());
        e.apply(s, set("user:1000"), c);
        QVERIFY2(lastRoute(c).text.find("stores the key") != std::string::npos,
                 lastRoute(c).text.c_str());
        e.apply(s, get("user:1000"), c);
        QVERIFY2(lastRoute(c).text.find("returns its value") != std::string::npos,
                 lastRoute(c).text.c_str());
    }

    void aStaleClientIsMovedAndLearns() {
        const ClusterEngine e(3, 0);
        auto s = e.initialState();
        Collect c;
        e.apply(s, set("user:1000"), c); // slot 1649, node 0
        e.apply(s, ClusterOp::migrate(1649, 2), c);
        QCOMPARE(s.owner[1649], 2);
        QCOMPARE(s.keyNode.at("user:1000"), 2); // the key moved with its slot
        e.apply(s, get("user:1000"), c);
        QCOMPARE(lastRoute(c).redirect, Redirect::kMoved);
        QCOMPARE(lastRoute(c).first, 0);
        QCOMPARE(lastRoute(c).node, 2);
        e.apply(s, get("user:1000"), c); // the client updated its map
        QCOMPARE(lastRoute(c).redirect, Redirect::kNone);
        QCOMPARE(lastRoute(c).first, 2);
        QCOMPARE(s.stats.moved, 1);
    }

    void aKeyThatMovedMidMigrationIsAsked() {
        const ClusterEngine e(3, 0);
        auto s = e.initialState();
        Collect c;
        // Two keys in one slot, thanks to a hash tag.
        e.apply(s, set("{u}a"), c);
        e.apply(s, set("{u}b"), c);
        const int slot = fg::redis::keySlot("u");
        const int from = s.owner[static_cast<std::size_t>(slot)];
        const int to = (from + 1) % 3;
        e.apply(s, ClusterOp::migrate(slot, to, 1), c); // move one key of two
        QVERIFY(s.migration.has_value());
        QCOMPARE(s.keysOn(to), 1);
        e.apply(s, get("{u}a"), c); // {u}a moved first (key order)
        QCOMPARE(lastRoute(c).redirect, Redirect::kAsk);
        QCOMPARE(lastRoute(c).node, to);
        QCOMPARE(s.clientOwner[static_cast<std::size_t>(slot)], from); // ASK does not update
        e.apply(s, get("{u}b"), c);                                    // still on the source
        QCOMPARE(lastRoute(c).redirect, Redirect::kNone);
        QCOMPARE(lastRoute(c).node, from);
        e.apply(s, ClusterOp::migrate(slot, to), c); // finish
        QVERIFY(!s.migration.has_value());
        QCOMPARE(s.owner[static_cast<std::size_t>(slot)], to);
        e.apply(s, get("{u}b"), c);
        QCOMPARE(lastRoute(c).redirect, Redirect::kMoved);
    }

    // A client whose map is older still (client-map) asks a master that neither owns nor
    // imports the slot: MOVED to the owner, which, the slot migrating and the key gone, replies
    // ASK. The route reports each reply in order; `redirect` is the last.
    void anOlderMapMeetsMovedThenAskAndReportsBoth() {
        const ClusterEngine e(4, 0);
        auto s = e.initialState();
        Collect c;
        e.apply(s, set("{u}a"), c);
        e.apply(s, set("{u}b"), c);
        const int slot = fg::redis::keySlot("u");
        const int from = s.owner[static_cast<std::size_t>(slot)];
        const int to = (from + 1) % 4, other = (from + 2) % 4;
        e.apply(s, ClusterOp::migrate(slot, to, 1), c); // {u}a moves, {u}b waits
        e.apply(s, ClusterOp::clientMap(slot, other), c);
        QCOMPARE(c.steps.back().kind, StepKind::kClientMap);
        QCOMPARE(c.steps.back().node, other);
        QCOMPARE(c.steps.back().from, from);
        QCOMPARE(s.clientOwner[static_cast<std::size_t>(slot)], other);
        QCOMPARE(s.owner[static_cast<std::size_t>(slot)], from); // the cluster is unchanged
        e.apply(s, get("{u}a"), c);
        const auto& r = lastRoute(c);
        QCOMPARE(r.first, other);
        QCOMPARE(r.replies.size(), std::size_t(2));
        QCOMPARE(r.replies[0].node, other);
        QCOMPARE(r.replies[0].redirect, Redirect::kMoved);
        QCOMPARE(r.replies[0].to, from);
        QCOMPARE(r.replies[1].node, from);
        QCOMPARE(r.replies[1].redirect, Redirect::kAsk);
        QCOMPARE(r.replies[1].to, to);
        QCOMPARE(r.redirect, Redirect::kAsk);
        QCOMPARE(r.node, to);
        QCOMPARE(s.clientOwner[static_cast<std::size_t>(slot)], from); // MOVED taught it
        e.apply(s, get("{u}b"), c);
        QVERIFY(lastRoute(c).replies.empty());
        // A map naming no node of the cluster is refused, and nothing changes.
        const auto before = s;
        e.apply(s, ClusterOp::clientMap(slot, 4), c);
        QCOMPARE(c.steps.back().kind, StepKind::kError);
        QVERIFY(s == before);
    }

    void addingANodeRebalancesWithinOneSlot() {
        const ClusterEngine e(3, 0);
        auto s = e.initialState();
        Collect c;
        for (int i = 0; i < 200; ++i) {
            e.apply(s, set("key:" + std::to_string(i)), c);
        }
        e.apply(s, ClusterOp::addNode(), c);
        std::vector<std::size_t> counts;
        for (int m = 0; m < 4; ++m) {
            counts.push_back(s.slotsOf(m).size());
        }
        QCOMPARE(counts[0] + counts[1] + counts[2] + counts[3], std::size_t(16384));
        QVERIFY(*std::max_element(counts.begin(), counts.end()) -
                    *std::min_element(counts.begin(), counts.end()) <=
                1);
        std::int64_t keys = 0;
        for (int m = 0; m < 4; ++m) {
            keys += s.keysOn(m);
        }
        QCOMPARE(keys, std::int64_t(200));
        QVERIFY(s.keysOn(3) > 0);
    }

    void aFailedMasterIsReplacedByItsReplica() {
        const ClusterEngine e(3, 1); // replicas 3, 4, 5 follow masters 0, 1, 2
        auto s = e.initialState();
        Collect c;
        e.apply(s, set("user:1000"), c); // node 0
        e.apply(s, ClusterOp::failNode(0), c);
        QCOMPARE(s.owner[1649], 3);
        QCOMPARE(s.nodes[3].replicaOf, -1);
        e.apply(s, get("user:1000"), c);
        QCOMPARE(lastRoute(c).node, 3);
        QCOMPARE(s.keyNode.at("user:1000"), 3);
        e.apply(s, ClusterOp::failNode(3), c); // no replica left for these slots
        e.apply(s, get("user:1000"), c);
        QCOMPARE(lastRoute(c).kind, StepKind::kClusterDown);
        QCOMPARE(lastRoute(c).redirect, Redirect::kClusterDown);
    }

    void randomOpsNeverLoseAKeyAndStepBackIsExact() {
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            fg::Rng rng(seed);
            const ClusterEngine e(3, 1);
            std::vector<ClusterOp> ops;
            std::set<std::string> written;
            for (int i = 0; i < 60; ++i) {
                const auto r = rng.uniform(0, 9);
                if (r < 6) {
                    const std::string key =
                        std::string("k").append(std::to_string(rng.uniform(0, 40)));
                    ops.push_back(set(key));
                    written.insert(key);
                } else if (r < 8) {
                    ops.push_back(ClusterOp::migrate(fg::redis::keySlot(std::string("k").append(
                                                         std::to_string(rng.uniform(0, 40)))),
                                                     static_cast<int>(rng.uniform(0, 2)),
                                                     static_cast<int>(rng.uniform(-1, 1))));
                } else if (r == 8) {
                    ops.push_back(ClusterOp::addNode());
                } else {
                    ops.push_back(get(std::string("k").append(std::to_string(rng.uniform(0, 40)))));
                }
            }
            const fg::Timeline<ClusterEngine> t(e, e.initialState(), ops, 8);
            const auto& fin = t.finalState();
            QCOMPARE(fin.keyNode.size(), written.size());
            for (const auto& [key, node] : fin.keyNode) {
                const int slot = fg::redis::keySlot(key);
                const bool migrating = fin.migration && fin.migration->slot == slot;
                QVERIFY(migrating || node == fin.owner[static_cast<std::size_t>(slot)]);
            }
            // Every step's state, replayed from a checkpoint, equals a fresh narrated run.
            Collect c;
            auto s = e.initialState();
            c.run(e, s, ops);
            QCOMPARE(c.states.size(), t.size());
            for (std::size_t i = 0; i < t.size(); i += 3) {
                QVERIFY(t.stateAfter(i) == c.states[i]);
            }
            // Every sentence of the narration starts with a capital ("node 4 returns its
            // value" started one in lower case, a tester).
            for (const auto& st : c.steps) {
                for (std::size_t at = 0; at != std::string::npos;) {
                    QVERIFY2(!std::islower(static_cast<unsigned char>(st.text[at])),
                             st.text.c_str());
                    at = st.text.find(". ", at);
                    at = at == std::string::npos ? at : at + 2;
                }
            }
        }
    }
};

FG_TEST_APPLESS_MAIN(TestRedisCluster)
#include "test_redis_cluster.moc"
