// The makers of hashslot moved-or-ask and kafka sticky-keyless (practice_routing.h; kafka
// rebalance is in practice_rebalance.cpp): each sets up the engine with seeded draws, runs it, and
// reads its answer from what the engine reports.
#include "engines/practice/practice_routing.h"

#include "engines/kafka/kafka_cluster.h"
#include "engines/practice/practice_detail.h"
#include "engines/redis/cluster.h"
#include "engines/redis/key_slot.h"
#include "engines/redis/slot_ranges.h"

#include <algorithm>
#include <map>
#include <set>

namespace fg::practice::routing {

namespace {

using ojson = nlohmann::ordered_json;
using Kind = AnswerField::Kind;
using namespace detail;

// ---- Redis Cluster: MOVED or ASK ----------------------------------------------------------

using ClusterSink = StepSink<redis::ClusterStep, redis::ClusterState>;

// The route step the engine reports for the GET.
class RouteStep final : public ClusterSink {
public:
    bool narrate() const override { return true; }
    void report(redis::ClusterStep step, const redis::ClusterState&) override {
        if (step.kind == redis::StepKind::kRoute) {
            route = std::move(step);
        }
    }
    redis::ClusterStep route;
};

// Each master's slots as [[first, last], ...] and as text ("0-5460, 7000"), in one pass.
struct Slots {
    ojson ranges = ojson::array();
    std::string text;
};

std::vector<Slots> slotMap(const redis::ClusterState& s, int masters) {
    std::vector<Slots> out(static_cast<std::size_t>(masters));
    for (int slot = 0; slot < redis::kSlots;) {
        const int master = s.owner[static_cast<std::size_t>(slot)];
        int last = slot;
        while (last + 1 < redis::kSlots && s.owner[static_cast<std::size_t>(last + 1)] == master) {
            ++last;
        }
        Slots& m = out[static_cast<std::size_t>(master)];
        m.ranges.push_back({slot, last});
        m.text += (m.text.empty() ? "" : ", ") + num(slot) + (last > slot ? "-" + num(last) : "");
        slot = last + 1;
    }
    return out;
}

std::string keysText(const std::vector<std::string>& keys) {
    std::string out;
    for (const auto& k : keys) {
        out += (out.empty() ? "" : ", ") + k;
    }
    return out.empty() ? "none" : out;
}

// The keys of the migrating slot: one hash tag, several fields ("{user:42}:cart", ...), in the
// order they were written.
struct Family {
    std::string tag;
    std::vector<std::string> keys;
    std::string unwritten; // a key of the same tag that no SET made
};

Family keyFamily(Rng& r, Level level) {
    static const char* const stems[] = {"user", "order", "session", "shop"};
    static const char* const fields[] = {"cart",     "profile", "orders", "wishlist",
                                         "settings", "history", "avatar"};
    Family f;
    const std::string stem = pickOf(r, stems);
    f.tag = stem + ":" + num(r.uniform(1, 99'999));
    const int count = sized(r, level, {3, 4}, {3, 5}, {4, 6});
    std::set<std::string> used;
    while (static_cast<int>(f.keys.size()) < count) {
        const std::string field = pickOf(r, fields);
        if (used.insert(field).second) {
            f.keys.push_back("{" + f.tag + "}:" + field);
        }
    }
    for (const char* field : fields) {
        if (!used.count(field)) {
            f.unwritten = "{" + f.tag + "}:" + field;
            break;
        }
    }
    return f;
}

// The key the client asks for: a written key of the slot, mostly; harder levels also ask for a
// key of the slot that does not exist, the tag itself as a whole key (the same slot), or the tag
// and a field without braces (another slot).
std::string askedKey(Rng& r, Level level, const Family& f) {
    const int kind = level == Level::Easy ? 0 : pick(r, 0, level == Level::Medium ? 3 : 5);
    switch (kind) {
    case 1:
        return f.unwritten;
    case 2:
        return f.tag;
    case 3:
        return f.tag + ":" + f.keys.front().substr(f.tag.size() + 3);
    default:
        break;
    }
    return f.keys[static_cast<std::size_t>(pick(r, 0, static_cast<int>(f.keys.size()) - 1))];
}

// The master the client's map names for the migrating slot: the old owner (up to date while the
// slot migrates, stale once it has moved), the new owner, or, on harder levels, another master
// (a map older still).
int clientBelief(Rng& r, Level level, int masters, int from, int to) {
    const int kind = pick(r, 0, level == Level::Easy ? 2 : 3);
    if (kind <= 1) {
        return from;
    }
    if (kind == 2 || level == Level::Medium) {
        return to;
    }
    int other = pick(r, 0, masters - 3);
    for (const int m : {std::min(from, to), std::max(from, to)}) {
        other += other >= m ? 1 : 0;
    }
    return other;
}

const char* const kRedirectRule =
    "OK: it serves the key's slot and answers. MOVED: it does not own the slot (a master "
    "IMPORTING the slot counts as not owning it unless the client sent ASKING first), so the "
    "client updates its map and asks the owner. ASK: the slot is MIGRATING on it and the key is "
    "not there (moved, or never written), so the client asks the IMPORTING master once, after "
    "ASKING, and keeps its map.";

struct Migration {
    int masters, slot, from, to;
    bool done;
};

void movedOrAskPrompt(Exercise& e, const std::vector<Slots>& slots, const Migration& m,
                      const std::vector<std::string>& moved,
                      const std::vector<std::string>& waiting, const std::string& key, int asked) {
    std::string map;
    for (int i = 0; i < m.masters; ++i) {
        map +=
            (i ? "; master " : "master ") + num(i) + " " + slots[static_cast<std::size_t>(i)].text;
    }
    const int slot = redis::keySlot(key);
    e.prompt =
        "A Redis Cluster of " + num(m.masters) + " masters owns these slots: " + map + ". " +
        (m.done
             ? "Slot " + num(m.slot) + " has just moved from master " + num(m.from) +
                   " to master " + num(m.to) + " with all its keys (" + keysText(moved) + ")."
             : "Slot " + num(m.slot) + " is moving from master " + num(m.from) + " to master " +
                   num(m.to) + ": master " + num(m.from) + " marks it MIGRATING, master " +
                   num(m.to) + " IMPORTING, and its keys move one at a time. Already on master " +
                   num(m.to) + ": " + keysText(moved) + "; still on master " + num(m.from) + ": " +
                   keysText(waiting) + ".") +
        " A client sends GET \"" + key + "\" (slot " + num(slot) +
        (redis::hasHashTag(key)
             ? ", as its hash tag {" + std::string(redis::hashedPart(key)) + "} decides"
             : "") +
        ") to master " + num(asked) +
        ", as its slot map says; it updates that map only when a master replies MOVED. "
        "What does master " +
        num(asked) + " reply, and which master answers the key, or is asked next? " + kRedirectRule;
}

// What the engine does with the GET: the first reply and the master it names.
struct Outcome {
    redis::ClusterState state;
    std::vector<std::string> moved, waiting; // the slot's keys on its new and its old master
    int asked = -1;                          // the master the client asks first
    std::string reply;
    int next = -1;
};

Outcome routeGet(const Migration& m, const Family& family, int batch, const std::string& key,
                 int belief) {
    const redis::ClusterEngine engine(m.masters, 0);
    Outcome o{engine.initialState(), {}, {}, -1, {}, -1};
    redis::ClusterState& s = o.state;
    SilentSink<redis::ClusterStep, redis::ClusterState> silent;
    for (const auto& k : family.keys) {
        engine.apply(s, redis::ClusterOp::route(k, "v"), silent);
    }
    engine.apply(s, redis::ClusterOp::migrate(m.slot, m.to, batch), silent);
    for (const auto& k : family.keys) {
        (s.keyNode.at(k) == m.to ? o.moved : o.waiting).push_back(k);
    }
    // The client's map is stale for the migrating slot only.
    const auto slot = static_cast<std::size_t>(redis::keySlot(key));
    s.clientOwner[static_cast<std::size_t>(m.slot)] = belief;
    o.asked = s.clientOwner[slot];
    const redis::ClusterStats before = s.stats;
    RouteStep get;
    engine.apply(s, redis::ClusterOp::route(key), get);
    // The first reply: a MOVED comes before any ASK on the way, and leaves in the client's map
    // the owner it named.
    const bool moved = s.stats.moved > before.moved, ask = s.stats.ask > before.ask;
    o.reply = moved ? "MOVED" : ask ? "ASK" : "OK";
    o.next = moved ? s.clientOwner[slot] : get.route.node;
    return o;
}

std::vector<AnswerField> movedOrAskFields(int masters) {
    AnswerField reply = answerField("reply", Kind::Choice, "What the master asked replies");
    reply.options = {"OK", "MOVED", "ASK"};
    AnswerField node =
        answerField("node", Kind::Choice, "The master that answers (OK) or is asked next");
    node.numeric = true;
    for (int i = 0; i < masters; ++i) {
        node.options.push_back("master " + num(i));
    }
    return {std::move(reply), std::move(node)};
}

} // namespace

Exercise movedOrAsk(std::uint64_t seed, Level level) {
    Rng r(seed);
    Exercise e = start("hashslot", "moved-or-ask", seed, level);
    const int masters = sized(r, level, {3, 3}, {3, 5}, {4, 6});
    const Family family = keyFamily(r, level);
    Migration m{masters, redis::keySlot(family.tag), 0, 0, r.uniform(0, 2) == 0};
    for (const auto& [first, last] : redis::clusterCreateRanges(masters)) {
        m.from += m.slot > last ? 1 : 0; // the slot's owner before it moves
    }
    m.to = pick(r, 0, masters - 2);
    m.to += m.to >= m.from ? 1 : 0;
    const int count = static_cast<int>(family.keys.size());
    const int batch = m.done ? -1 : pick(r, level == Level::Easy ? 1 : 0, count - 1);
    const std::string key = askedKey(r, level, family);
    const int belief = clientBelief(r, level, masters, m.from, m.to);
    const Outcome o = routeGet(m, family, batch, key, belief);

    const std::vector<Slots> slots = slotMap(o.state, masters);
    movedOrAskPrompt(e, slots, m, o.moved, o.waiting, key, o.asked);
    ojson map = ojson::array();
    for (int i = 0; i < masters; ++i) {
        map.push_back({{"master", i}, {"slots", slots[static_cast<std::size_t>(i)].ranges}});
    }
    e.given = {{"masters", std::move(map)},
               {"migration",
                {{"slot", m.slot},
                 {"from", m.from},
                 {"to", m.to},
                 {"status", m.done ? "done" : "migrating"},
                 {"moved", o.moved},
                 {"not_moved", o.waiting}}},
               {"key", key},
               {"slot", redis::keySlot(key)},
               {"client_asks", o.asked}};
    e.answer = {{"reply", o.reply}, {"node", o.next}};
    e.fields = movedOrAskFields(masters);
    return e;
}

// ---- Kafka: the sticky partitioner --------------------------------------------------------

namespace {

const char* const kTopic = "events";

std::vector<int> withLeader(const kafka::KafkaState& s) {
    std::vector<int> out;
    for (const auto& p : s.partitions) {
        if (p.leader >= 0) {
            out.push_back(p.partition);
        }
    }
    return out;
}

// The records' partitions, and each random draw the partitioner made as the position of its pick
// among the candidates (the partitions with a leader, in order, without the one just filled when
// there is another).
struct StickyRun {
    std::vector<int> partitions, draws;
};

StickyRun produceKeyless(const kafka::KafkaEngine& engine, kafka::KafkaState& s, int records) {
    StickyRun run;
    SilentSink<kafka::KafkaStep, kafka::KafkaState> silent;
    const std::vector<int> alive = withLeader(s);
    for (int i = 0, previous = -1; i < records; ++i) {
        engine.apply(s, kafka::KafkaOp::produce(kTopic, std::nullopt, "v"), silent);
        const int partition = s.stickyPartition.at(kTopic);
        run.partitions.push_back(partition);
        if (s.stickyBatch.at(kTopic) == 1) { // this record opened a new batch: a pick
            std::vector<int> candidates = alive;
            if (candidates.size() > 1 && previous >= 0) {
                std::erase(candidates, previous);
            }
            run.draws.push_back(static_cast<int>(
                std::find(candidates.begin(), candidates.end(), partition) - candidates.begin()));
        }
        previous = partition;
    }
    return run;
}

std::string numbersText(const std::vector<int>& v) {
    std::string out;
    for (const int n : v) {
        out += (out.empty() ? "" : ", ") + num(n);
    }
    return out;
}

std::string stickyPrompt(int records, int partitions, const std::vector<int>& offline, int batch,
                         const std::vector<int>& draws) {
    const std::string down = offline.empty() ? ""
                             : offline.size() == 1
                                 ? " (partition " + numbersText(offline) + " has no leader"
                                 : " (partitions " + numbersText(offline) + " have no leader";
    return "Kafka's Java producer, versions 2.4 to 3.2 (KIP-480's sticky partitioner), sends " +
           num(records) + " records without a key to a topic of " + num(partitions) +
           " partitions" + down + (down.empty() ? "" : ": a broker is down)") +
           ". It puts records in one batch on one partition until the batch holds " + num(batch) +
           (batch == 1 ? " record" : " records") +
           " (then it is full and sent), and starts the next batch on another partition. To "
           "pick, it lists the partitions that have a leader, in increasing order, leaves out the "
           "one it just filled (when another is left), and takes the one at the position its "
           "random draw says (0 is the first); the first pick is from every partition with a "
           "leader. Its draws, in order: " +
           numbersText(draws) +
           ". Which partition does each record go to, in order? (From Kafka 3.3, KIP-794, it "
           "switches after batch.size bytes instead, and favours partitions whose brokers keep "
           "up.)";
}

} // namespace

Exercise stickyKeyless(std::uint64_t seed, Level level) {
    Rng r(seed);
    Exercise e = start("kafka", "sticky-keyless", seed, level);
    kafka::KafkaParams p;
    const int partitions = sized(r, level, {3, 4}, {3, 6}, {4, 8});
    p.topics = {{kTopic, partitions}};
    p.replication = 1; // a broker that is down leaves its partitions without a leader
    p.partitioner = kafka::Partitioner::Sticky;
    p.batchRecords = sized(r, level, {2, 3}, {2, 4}, {1, 5});
    const int records = sized(r, level, {5, 8}, {8, 14}, {10, 18});
    p.seed = r.next();
    const bool brokerDown = level == Level::Hard && r.uniform(0, 3) != 0;
    const kafka::KafkaEngine engine(p);
    kafka::KafkaState s = engine.initialState();
    if (brokerDown) {
        SilentSink<kafka::KafkaStep, kafka::KafkaState> silent;
        engine.apply(s, kafka::KafkaOp::failBroker(pick(r, 0, p.brokers - 1)), silent);
    }
    std::vector<int> offline;
    for (const auto& part : s.partitions) {
        if (part.leader < 0) {
            offline.push_back(part.partition);
        }
    }
    const StickyRun run = produceKeyless(engine, s, records);
    e.prompt = stickyPrompt(records, partitions, offline, p.batchRecords, run.draws);
    e.given = {{"partitions", partitions},
               {"offline", offline},
               {"batch_records", p.batchRecords},
               {"records", records},
               {"draws", run.draws}};
    e.answer = {{"partitions", run.partitions}};
    e.fields = {numberField("partitions", Kind::NumberList,
                            "The partition of each record, in order", 0, partitions - 1)};
    return e;
}

} // namespace fg::practice::routing
