// The Practice types of practice_routing.h: every answer re-derived from the exercise's given
// alone, by a second reading of each rule (the Cluster spec's MOVED and ASK, the sticky
// partitioner's batches and draws, the range and roundrobin assignors, the sticky assignor's
// balance and stickiness, the finest tier whose retention holds the range), over many seeds and
// every level; then grading: every right answer in every form (a sticky rebalance's other
// balanced answers too) is right, and each near miss is wrong with a difference naming the part.
#include "engines/practice/practice.h"
#include "tests/engines/practice/reference_slot.h"
#include "tests/suite_main.h"

#include <QTest>
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace routing_test {

using fg::practice::Exercise;
using fg::practice::Level;
using json = nlohmann::json;

constexpr Level kRoutingLevels[] = {Level::Easy, Level::Medium, Level::Hard};

Exercise exercise(const char* engine, const char* type, std::uint64_t seed, Level level) {
    const fg::practice::ExerciseType* t = fg::practice::findExerciseType(engine, type);
    return t ? t->make(seed, level) : Exercise{};
}

json given(const Exercise& e) {
    return json::parse(e.given.dump());
}
json answer(const Exercise& e) {
    return json::parse(e.answer.dump());
}

bool gradedRight(const Exercise& e, const json& submitted) {
    return fg::practice::grade(e, submitted).right;
}

// Wrong, and one of the differences names `part`.
bool routingWrongAt(const Exercise& e, const json& submitted, const std::string& part) {
    const fg::practice::Grading g = fg::practice::grade(e, submitted);
    return !g.right && std::any_of(g.differences.begin(), g.differences.end(),
                                   [&](const std::string& d) { return d.find(part) != d.npos; });
}

// ---- Redis Cluster --------------------------------------------------------------------------

int ownerIn(const json& masters, int slot) {
    for (const auto& m : masters) {
        for (const auto& r : m["slots"]) {
            if (slot >= r[0].get<int>() && slot <= r[1].get<int>()) {
                return m["master"];
            }
        }
    }
    return -1;
}

// The Cluster spec: a master that does not own the slot replies MOVED to its owner (an IMPORTING
// master too, without ASKING); the owner of a MIGRATING slot replies ASK to the importing master
// for a key it does not hold; otherwise it answers.
std::pair<std::string, int> specReply(const json& g) {
    const int slot = g["slot"], asked = g["client_asks"], owner = ownerIn(g["masters"], slot);
    const json& m = g["migration"];
    if (asked != owner) {
        return {"MOVED", owner};
    }
    const auto held = m["not_moved"].get<std::vector<std::string>>();
    const bool migrating = m["status"] == "migrating" && slot == m["slot"];
    if (migrating && std::find(held.begin(), held.end(), g["key"]) == held.end()) {
        return {"ASK", m["to"].get<int>()};
    }
    return {"OK", asked};
}

// ---- Kafka ------------------------------------------------------------------------------------

// KIP-480, forward: a batch of batch_records on one partition; a new batch picks, by the next
// draw, among the partitions with a leader without the one just filled. Empty when a draw is
// out of its list or the draws do not match the picks.
std::vector<int> stickyRecords(const json& g) {
    const auto offline = g["offline"].get<std::set<int>>();
    const auto draws = g["draws"].get<std::vector<int>>();
    std::vector<int> alive, out;
    for (int p = 0; p < g["partitions"].get<int>(); ++p) {
        if (!offline.count(p)) {
            alive.push_back(p);
        }
    }
    std::size_t next = 0;
    for (int i = 0, current = -1, inBatch = 0; i < g["records"].get<int>(); ++i, ++inBatch) {
        if (current < 0 || inBatch == g["batch_records"].get<int>()) {
            std::vector<int> candidates = alive;
            if (candidates.size() > 1 && current >= 0) {
                std::erase(candidates, current);
            }
            if (next == draws.size() || draws[next] < 0 ||
                draws[next] >= static_cast<int>(candidates.size())) {
                return {};
            }
            current = candidates[static_cast<std::size_t>(draws[next++])];
            inBatch = 0;
        }
        out.push_back(current);
    }
    return next == draws.size() ? out : std::vector<int>{};
}

using Owners = std::map<std::string, std::set<std::string>>;

std::vector<std::string> partitionsOf(const json& topics) {
    std::vector<std::string> all; // by topic, then partition
    for (const auto& [t, n] : topics.items()) {
        for (int p = 0; p < n.get<int>(); ++p) {
            all.push_back(t + "-" + std::to_string(p));
        }
    }
    return all;
}

// The members after the change, sorted as text.
std::vector<std::string> membersAfter(const json& g) {
    std::set<std::string> members;
    for (const auto& [m, parts] : g["before"].items()) {
        members.insert(m);
    }
    if (g["change"].contains("joins")) {
        members.insert(g["change"]["joins"].get<std::string>());
    } else {
        members.erase(g["change"]["leaves"].get<std::string>());
    }
    return {members.begin(), members.end()};
}

Owners rangeOrRoundRobin(const json& g) {
    const auto members = membersAfter(g);
    const auto n = members.size();
    Owners out;
    for (const auto& m : members) {
        out[m];
    }
    std::size_t turn = 0;
    for (const auto& [t, count] : g["topics"].items()) {
        const std::size_t c = count.get<std::size_t>(), each = c / n, extra = c % n;
        for (std::size_t p = 0, i = 0, taken = 0; p < c; ++p) {
            std::string member;
            if (g["assignor"] == "range") {
                while (taken == each + (i < extra ? 1 : 0)) {
                    ++i;
                    taken = 0;
                }
                ++taken;
                member = members[i];
            } else {
                member = members[turn++ % n];
            }
            out[member].insert(t + "-" + std::to_string(p));
        }
    }
    return out;
}

std::int64_t keptIn(const Owners& before, const Owners& after) {
    std::int64_t kept = 0;
    for (const auto& [m, parts] : after) {
        for (const auto& tp : parts) {
            kept += before.count(m) && before.at(m).count(tp);
        }
    }
    return kept;
}

// The most partitions a balanced assignment can leave with their owner: each member keeps up to
// its quota (P / C, or one more for P % C of them, best given to members that owned that many).
std::int64_t mostKept(const Owners& before, const std::vector<std::string>& members,
                      std::int64_t total) {
    const auto c = static_cast<std::int64_t>(members.size());
    const std::int64_t minQuota = total / c, extra = total % c;
    std::int64_t kept = 0, full = 0;
    for (const auto& m : members) {
        const auto owned =
            before.count(m) ? static_cast<std::int64_t>(before.at(m).size()) : std::int64_t{0};
        kept += std::min(owned, minQuota);
        full += owned > minQuota;
    }
    return kept + std::min(full, extra);
}

std::pair<std::set<std::string>, std::set<std::string>> movedAndRevoked(const Owners& before,
                                                                        const Owners& after) {
    std::set<std::string> moved, revoked;
    for (const auto& [m, parts] : before) {
        for (const auto& tp : parts) {
            if (!after.count(m) || !after.at(m).count(tp)) {
                moved.insert(tp);
                if (after.count(m)) {
                    revoked.insert(tp);
                }
            }
        }
    }
    return {moved, revoked};
}

Owners ownersOf(const json& assignment) {
    Owners out;
    for (const auto& [m, parts] : assignment.items()) {
        out[m] = parts.get<std::set<std::string>>();
    }
    return out;
}

json toJson(const Owners& o) {
    json out = json::object();
    for (const auto& [m, parts] : o) {
        out[m] = std::vector<std::string>(parts.rbegin(), parts.rend()); // another order
    }
    return out;
}

// Another right answer of a sticky rebalance, when there is one: a member that kept a partition
// and gave another of its own away keeps that one instead, and the receiver takes the first.
bool otherStickyAnswer(const Owners& before, Owners& after) {
    std::map<std::string, std::string> owner;
    for (const auto& [m, parts] : after) {
        for (const auto& tp : parts) {
            owner[tp] = m;
        }
    }
    for (const auto& [m, parts] : before) {
        if (!after.count(m)) {
            continue;
        }
        const auto kept = std::find_if(parts.begin(), parts.end(),
                                       [&](const std::string& tp) { return owner[tp] == m; });
        const auto gone = std::find_if(parts.begin(), parts.end(),
                                       [&](const std::string& tp) { return owner[tp] != m; });
        if (kept != parts.end() && gone != parts.end()) {
            const std::string to = owner[*gone];
            after[m].erase(*kept);
            after[m].insert(*gone);
            after[to].erase(*gone);
            after[to].insert(*kept);
            return true;
        }
    }
    return false;
}

// ---- time series ------------------------------------------------------------------------------

constexpr std::int64_t kDay = 86'400'000;

} // namespace routing_test

using namespace routing_test;

class TestPracticeRouting : public QObject {
    Q_OBJECT
private slots:
    void theTypesAreListedUnderTheirEngines() {
        for (const auto& [engine, type] :
             {std::pair{"hashslot", "moved-or-ask"}, std::pair{"kafka", "sticky-keyless"},
              std::pair{"kafka", "rebalance"}, std::pair{"downsample", "tier-of-query"}}) {
            const fg::practice::ExerciseType* t = fg::practice::findExerciseType(engine, type);
            QVERIFY2(t && t->what && *t->what, type);
        }
    }

    void theReplyIsOkMovedOrAskAsTheClusterSpecSays() {
        std::map<std::string, int> replies;
        int importing = 0, unwritten = 0, otherSlot = 0, stale = 0;
        for (const Level level : kRoutingLevels) {
            for (std::uint64_t seed = 0; seed < 1500; ++seed) {
                const Exercise e = exercise("hashslot", "moved-or-ask", seed, level);
                const json g = given(e), a = answer(e);
                const std::string key = g["key"];
                QCOMPARE(g["slot"].get<int>(), fg::test::referenceSlot(key));
                const json& m = g["migration"];
                for (const auto& k : m["moved"]) {
                    QCOMPARE(fg::test::referenceSlot(k),
                             m["slot"].get<int>()); // one hash tag: one slot
                }
                const bool done = m["status"] == "done";
                QCOMPARE(ownerIn(g["masters"], m["slot"]), (done ? m["to"] : m["from"]).get<int>());
                QVERIFY(!done || m["not_moved"].empty());
                const auto [reply, node] = specReply(g);
                QVERIFY2(a["reply"] == reply && a["node"] == node, e.given.dump().c_str());
                ++replies[reply];
                importing += !done && g["client_asks"] == m["to"] && g["slot"] == m["slot"];
                otherSlot += g["slot"] != m["slot"];
                stale += done && g["client_asks"] != m["to"] && g["slot"] == m["slot"];
                unwritten +=
                    reply == "ASK" && std::none_of(m["moved"].begin(), m["moved"].end(),
                                                   [&](const json& k) { return k == key; });
                if (level == Level::Easy) {
                    QVERIFY(key.front() == '{'); // easy asks for a key that was written
                }
            }
        }
        QVERIFY(replies["OK"] > 500 && replies["MOVED"] > 500 && replies["ASK"] > 500);
        QVERIFY(importing > 50); // an IMPORTING master asked without ASKING replies MOVED
        QVERIFY(unwritten > 50); // a key that does not exist in a migrating slot: ASK
        QVERIFY(otherSlot > 50); // "user:42:cart" has no tag: another slot
        QVERIFY(stale > 300);    // the slot moved, the client's map did not
    }

    void keylessRecordsFollowTheBatchesAndTheDraws() {
        int offline = 0, singles = 0, drawn = 0;
        for (const Level level : kRoutingLevels) {
            for (std::uint64_t seed = 0; seed < 1500; ++seed) {
                const Exercise e = exercise("kafka", "sticky-keyless", seed, level);
                const json g = given(e);
                const auto records = answer(e)["partitions"].get<std::vector<int>>();
                QCOMPARE(records, stickyRecords(g));
                const auto dead = g["offline"].get<std::set<int>>();
                const int batch = g["batch_records"];
                // Runs of batch_records on one partition (the last may be short); a new batch on
                // another partition; none on a partition without a leader.
                for (std::size_t i = 0; i < records.size(); ++i) {
                    QVERIFY(!dead.count(records[i]));
                    const bool starts = i % static_cast<std::size_t>(batch) == 0;
                    QVERIFY(i == 0 || starts || records[i] == records[i - 1]);
                    QVERIFY(i == 0 || !starts || records[i] != records[i - 1]);
                }
                offline += !dead.empty();
                singles += batch == 1;
                const auto draws = g["draws"].get<std::vector<int>>();
                drawn += std::any_of(draws.begin(), draws.end(), [](int d) { return d > 0; });
            }
        }
        QVERIFY(offline > 700); // hard: a broker is down
        QVERIFY(singles > 100); // every record a new batch
        QVERIFY(drawn > 3000);  // the draws are not all the first candidate
    }

    void aRebalanceIsTheAssignorsAnswer() {
        std::map<std::string, int> assignors;
        int leaves = 0, revokedSome = 0, textOrder = 0, several = 0;
        for (const Level level : kRoutingLevels) {
            for (std::uint64_t seed = 0; seed < 1000; ++seed) {
                const Exercise e = exercise("kafka", "rebalance", seed, level);
                const json g = given(e), a = answer(e);
                const Owners before = ownersOf(g["before"]), after = ownersOf(a["assignment"]);
                const auto members = membersAfter(g);
                const auto all = partitionsOf(g["topics"]);
                const std::string assignor = g["assignor"];
                ++assignors[assignor];
                std::multiset<std::string> given;
                for (const auto& [m, parts] : after) {
                    given.insert(parts.begin(), parts.end());
                }
                QVERIFY(given == std::multiset<std::string>(all.begin(), all.end()));
                QCOMPARE(after.size(), members.size());
                if (assignor == "range" || assignor == "roundrobin") {
                    QVERIFY2(after == rangeOrRoundRobin(g), e.given.dump().c_str());
                } else {
                    std::size_t fewest = all.size(), most = 0;
                    for (const auto& [m, parts] : after) {
                        fewest = std::min(fewest, parts.size());
                        most = std::max(most, parts.size());
                    }
                    QVERIFY(most <= fewest + 1);
                    QCOMPARE(keptIn(before, after),
                             mostKept(before, members, static_cast<std::int64_t>(all.size())));
                    Owners other = after;
                    several += otherStickyAnswer(before, other);
                }
                const auto [moved, revoked] = movedAndRevoked(before, after);
                QCOMPARE(a["moved"].get<std::set<std::string>>(), moved);
                QCOMPARE(a.contains("revoked"), assignor == "cooperative-sticky");
                if (a.contains("revoked")) {
                    QCOMPARE(a["revoked"].get<std::set<std::string>>(), revoked);
                    revokedSome += !revoked.empty();
                }
                leaves += g["change"].contains("leaves");
                textOrder += std::find(members.begin(), members.end(), "C10") != members.end() &&
                             std::find(members.begin(), members.end(), "C2") != members.end();
            }
        }
        QVERIFY(assignors["range"] > 600 && assignors["roundrobin"] > 600);
        QVERIFY(assignors["sticky"] > 400 && assignors["cooperative-sticky"] > 400);
        QVERIFY(leaves > 1000 && leaves < 2000);
        QVERIFY(revokedSome > 100);
        QVERIFY(textOrder > 50);
        QVERIFY(several > 200); // sticky answers that are not the only right one
    }

    void theTierIsTheFinestWhoseRetentionHoldsTheRange() {
        std::map<std::string, int> tiers;
        int partial = 0, onEdge = 0, straddles = 0;
        for (const Level level : kRoutingLevels) {
            for (std::uint64_t seed = 0; seed < 1500; ++seed) {
                const Exercise e = exercise("downsample", "tier-of-query", seed, level);
                const json g = given(e), a = answer(e);
                const std::int64_t now = g["now"], from = g["from"], to = g["to"];
                QVERIFY(from < to && to <= now);
                std::string want;
                std::int64_t finer = now; // the edge of the tier before
                for (const auto& t : g["tiers"]) {
                    const std::int64_t edge = now - t["retention_days"].get<std::int64_t>() * kDay;
                    onEdge += from == edge;
                    if (want.empty() && from >= edge) {
                        want = t["name"];
                        straddles += to > finer;
                    }
                    finer = edge;
                }
                const bool whole = !want.empty();
                if (!whole) {
                    want = g["tiers"].back()["name"];
                }
                QCOMPARE(a["tier"].get<std::string>(), want);
                QCOMPARE(a["whole_range"].get<std::string>(), std::string(whole ? "yes" : "no"));
                ++tiers[want];
                partial += !whole;
            }
        }
        QVERIFY(tiers["raw"] > 500 && tiers["5m"] > 500 && tiers["1h"] > 500 && tiers["1d"] > 50);
        QVERIFY(partial > 200);   // no tier holds the whole range: the coarsest answers
        QVERIFY(onEdge > 50);     // a range that starts exactly at a retention edge
        QVERIFY(straddles > 200); // starts past a finer tier's edge, ends inside it
    }

    void movedOrAskGradingTakesEveryFormAndNamesTheMiss() {
        for (const Level level : kRoutingLevels) {
            for (std::uint64_t seed = 0; seed < 300; ++seed) {
                const Exercise e = exercise("hashslot", "moved-or-ask", seed, level);
                const json a = answer(e);
                const int node = a["node"], masters = static_cast<int>(e.given["masters"].size());
                const std::string reply = a["reply"];
                QVERIFY(gradedRight(e, a));
                std::string lower = reply;
                std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
                QVERIFY(gradedRight(e, {{"reply", lower}, {"node", node * 1.0}}));
                QVERIFY(gradedRight(e, {{"reply", "-" + reply}, {"node", std::to_string(node)}}));
                QVERIFY(
                    gradedRight(e, {{"reply", reply}, {"node", "master " + std::to_string(node)}}));
                for (const char* other : {"OK", "MOVED", "ASK"}) {
                    if (reply != other) {
                        QVERIFY(routingWrongAt(e, {{"reply", other}, {"node", node}}, "reply"));
                    }
                }
                const int next = (node + 1) % masters;
                QVERIFY(routingWrongAt(e, {{"reply", reply}, {"node", next}}, "node"));
                QVERIFY(routingWrongAt(
                    e, {{"reply", reply}, {"node", "master " + std::to_string(next)}}, "node"));
                QVERIFY(routingWrongAt(e, {{"reply", reply}, {"node", node + 0.5}}, "node"));
                QVERIFY(routingWrongAt(e, {{"reply", reply}}, "node"));
            }
        }
        const Exercise e = exercise("hashslot", "moved-or-ask", 1, Level::Easy);
        const int node = answer(e)["node"];
        const auto g =
            fg::practice::grade(e, {{"reply", answer(e)["reply"]}, {"node", (node + 1) % 3}});
        QCOMPARE(g.differences.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(g.differences.front()),
                 QStringLiteral("node: you gave master %1, the engine says master %2")
                     .arg((node + 1) % 3)
                     .arg(node));
    }

    void stickyKeylessGradingTakesEveryFormAndNamesTheRecord() {
        for (const Level level : kRoutingLevels) {
            for (std::uint64_t seed = 0; seed < 300; ++seed) {
                const Exercise e = exercise("kafka", "sticky-keyless", seed, level);
                const auto records = answer(e)["partitions"].get<std::vector<int>>();
                QVERIFY(gradedRight(e, answer(e)));
                std::vector<double> floats(records.begin(), records.end());
                QVERIFY(gradedRight(e, {{"partitions", floats}}));
                auto miss = records;
                const std::size_t i = seed % records.size();
                miss[i] = records[i] == 0 ? 1 : 0;
                QVERIFY(
                    routingWrongAt(e, {{"partitions", miss}}, "record " + std::to_string(i + 1)));
                miss = records;
                miss.pop_back();
                QVERIFY(routingWrongAt(e, {{"partitions", miss}}, "records"));
                QVERIFY(routingWrongAt(e, {{"partitions", 3}}, "partitions"));
            }
        }
    }

    void aRebalanceIsRightInAnyOrderAndEveryBalancedStickyAnswerIsRight() {
        int others = 0;
        for (const Level level : kRoutingLevels) {
            for (std::uint64_t seed = 0; seed < 400; ++seed) {
                const Exercise e = exercise("kafka", "rebalance", seed, level);
                const json g = given(e), a = answer(e);
                const bool cooperative = g["assignor"] == "cooperative-sticky";
                const Owners before = ownersOf(g["before"]), after = ownersOf(a["assignment"]);
                json reordered = a;
                reordered["assignment"] = toJson(after);
                std::reverse(reordered["moved"].begin(), reordered["moved"].end());
                QVERIFY(gradedRight(e, reordered));
                // A member that reads nothing may be left out.
                json bare = a;
                for (const auto& [m, parts] : after) {
                    if (parts.empty()) {
                        bare["assignment"].erase(m);
                    }
                }
                QVERIFY(gradedRight(e, bare));
                checkNearMisses(e, a, before, after, g["assignor"] == "sticky" || cooperative);
                if (g["assignor"] != "sticky" && !cooperative) {
                    continue;
                }
                Owners other = after;
                if (!otherStickyAnswer(before, other)) {
                    continue;
                }
                ++others;
                const auto [moved, revoked] = movedAndRevoked(before, other);
                json alternative = {{"assignment", toJson(other)}, {"moved", moved}};
                if (cooperative) {
                    alternative["revoked"] = revoked;
                }
                QVERIFY2(gradedRight(e, alternative), alternative.dump().c_str());
                // Its moved partitions are its own, not the engine's.
                json engineMoved = alternative;
                engineMoved["moved"] = a["moved"];
                QVERIFY(routingWrongAt(e, engineMoved, "moved"));
            }
        }
        QVERIFY(others > 100);
    }

    void aTierIsRightInAnyCaseAndNearMissesAreNot() {
        for (const Level level : kRoutingLevels) {
            for (std::uint64_t seed = 0; seed < 300; ++seed) {
                const Exercise e = exercise("downsample", "tier-of-query", seed, level);
                const json a = answer(e);
                const std::string tier = a["tier"];
                const bool whole = a["whole_range"] == "yes";
                QVERIFY(gradedRight(e, a));
                std::string upper = tier;
                std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
                QVERIFY(gradedRight(e, {{"tier", " " + upper}, {"whole_range", whole}}));
                QVERIFY(gradedRight(e, {{"tier", tier}, {"whole_range", whole ? "YES" : "No"}}));
                for (const auto& t : e.given["tiers"]) {
                    if (t["name"] != tier) {
                        QVERIFY(routingWrongAt(
                            e, {{"tier", t["name"]}, {"whole_range", a["whole_range"]}}, "tier"));
                    }
                }
                QVERIFY(
                    routingWrongAt(e, {{"tier", tier}, {"whole_range", !whole}}, "whole_range"));
                QVERIFY(routingWrongAt(e, {{"tier", tier}}, "whole_range"));
            }
        }
    }

private:
    // One partition handed to another member (for sticky, one its owner kept: fewer stay), a
    // moved partition left out or added, the revoked ones mistaken for the moved ones: each
    // wrong, the part named.
    void checkNearMisses(const Exercise& e, const json& a, const Owners& before,
                         const Owners& after, bool sticky) {
        std::string from, tp; // a partition its owner kept, else any
        for (const auto& [m, parts] : after) {
            for (const auto& p : parts) {
                const bool kept = before.count(m) && before.at(m).count(p);
                const bool keptBefore = before.count(from) && before.at(from).count(tp);
                if (from.empty() || (kept && !keptBefore)) {
                    from = m;
                    tp = p;
                }
            }
        }
        // Another member, or one who is not in the group when one member is left.
        const auto other = std::find_if(after.begin(), after.end(),
                                        [&](const auto& m) { return m.first != from; });
        const std::string to = other == after.end() ? "C99" : other->first;
        QVERIFY(!from.empty());
        if (!sticky || (before.count(from) && before.at(from).count(tp))) {
            Owners handed = after;
            handed[from].erase(tp);
            handed[to].insert(tp);
            json miss = a;
            miss["assignment"] = toJson(handed);
            QVERIFY(!gradedRight(e, miss));
        }
        json miss = a;
        if (a["moved"].empty()) {
            miss["moved"].push_back(tp);
        } else {
            miss["moved"].erase(0);
        }
        QVERIFY(routingWrongAt(e, miss, "moved"));
        if (a.contains("revoked")) {
            const auto revoked = a["revoked"].get<std::set<std::string>>();
            miss = a;
            for (const auto& p : partitionsOf(given(e)["topics"])) {
                if (!revoked.count(p)) {
                    miss["revoked"].push_back(p);
                    break;
                }
            }
            QVERIFY(routingWrongAt(e, miss, "revoked"));
        }
        QVERIFY(routingWrongAt(e, {{"moved", a["moved"]}}, "assignment"));
    }
};

FG_TEST_APPLESS_MAIN(TestPracticeRouting)
#include "test_practice_routing.moc"
