#include "engines/practice/practice.h"

#include "engines/core/rng.h"
#include "engines/kafka/assignors.h"
#include "engines/kafka/murmur2.h"
#include "engines/practice/practice_detail.h"
#include "engines/practice/practice_routing.h"
#include "engines/practice/practice_storage.h"
#include "engines/redis/crc16.h"
#include "engines/redis/key_slot.h"
#include "engines/redis/slot_ranges.h"
#include "engines/timeseries/aggregate.h"
#include "engines/timeseries/downsample.h"
#include "engines/timeseries/gorilla.h"

#include <algorithm>
#include <map>
#include <set>

namespace fg::practice {

namespace {

using ojson = nlohmann::ordered_json;
using Kind = AnswerField::Kind;
using namespace detail;

// ---- Redis Cluster keys --------------------------------------------------------------------

std::string plainKey(Rng& r) {
    static const char* const stems[] = {"user", "order", "session", "cart", "product", "page"};
    // One draw after the other, in statements: the operands of + are evaluated in no set order,
    // and a compiler that drew the number first would make other exercises of the same seed.
    const std::string stem = pickOf(r, stems);
    return stem + ":" + num(r.uniform(1, 99'999));
}

std::string taggedKey(Rng& r) {
    const std::string n = num(r.uniform(1, 9'999));
    switch (pick(r, 0, 2)) {
    case 0:
        return "{user:" + n + "}:cart";
    case 1:
        return "order:{" + n + "}:items";
    default:
        return "{session" + n + "}.profile";
    }
}

// The cases the hash-tag rule is about: an empty tag hashes the whole key, an unclosed brace is
// no tag, only the first tag counts, and a tag may hold a brace.
std::string trickyKey(Rng& r) {
    const std::string a = plainKey(r), b = num(r.uniform(1, 999));
    switch (pick(r, 0, 4)) {
    case 0:
        return "{}" + a;
    case 1:
        return "{" + a;
    case 2:
        return "a{" + b + "}{" + a + "}";
    case 3:
        return "{{" + b + "}}" + a;
    default:
        return taggedKey(r);
    }
}

std::string redisKey(Rng& r, Level level) {
    switch (level) {
    case Level::Easy:
        return plainKey(r);
    case Level::Medium:
        return r.uniform(0, 1) ? taggedKey(r) : plainKey(r);
    case Level::Hard:
        break;
    }
    return r.uniform(0, 2) ? trickyKey(r) : taggedKey(r);
}

const char* const kSlotRule = "The slot is CRC16 of the key modulo 16384; when the key holds a "
                              "{hash tag} (something between its first { and the next }), only "
                              "the tag is hashed.";

// The texts a student may take for the hashed part of `key`: the whole key, then what lies
// between each '{' and the next '}' (the first of them is the tag, when it is not empty; an
// empty one is offered too), or after an unclosed '{' to the end, each once, in the key's order.
std::vector<std::string> hashCandidates(const std::string& key) {
    std::vector<std::string> out{key};
    const auto add = [&out](const std::string& text) {
        if (std::find(out.begin(), out.end(), text) == out.end()) {
            out.push_back(text);
        }
    };
    for (std::size_t open = key.find('{'); open != std::string::npos;
         open = key.find('{', open + 1)) {
        const std::size_t close = key.find('}', open + 1);
        if (close == std::string::npos) {
            add(key.substr(open + 1));
            break;
        }
        add(key.substr(open + 1, close - open - 1));
    }
    return out;
}

// No one computes a CRC16 in their head (a tester): the CRC16 of each text that could be the
// hashed part is given, and the question is which of them the rule hashes, and the slot it
// gives.
std::string crcHints(const std::string& key) {
    const std::vector<std::string> texts = hashCandidates(key);
    std::string out =
        texts.size() == 1 ? " CRC16 of the key: " : " CRC16 of each text that could be hashed: ";
    for (std::size_t i = 0; i < texts.size(); ++i) {
        out += (i ? "; \"" : "\"") + texts[i] + "\" " + num(redis::crc16(texts[i]));
    }
    return out + ".";
}

Exercise slotOfKey(std::uint64_t seed, Level level) {
    Rng r(seed);
    Exercise e = start("hashslot", "slot-of-key", seed, level);
    const std::string key = redisKey(r, level);
    e.prompt = "Redis Cluster: which hash slot (0 to 16383) holds the key \"" + key + "\"? " +
               kSlotRule + crcHints(key);
    e.given = {{"key", key}};
    e.answer = {{"slot", redis::keySlot(key)}};
    e.fields = {numberField("slot", Kind::Number, "Slot (0 to 16383)", 0, redis::kSlots - 1)};
    return e;
}

Exercise ownerOfKey(std::uint64_t seed, Level level) {
    Rng r(seed);
    Exercise e = start("hashslot", "owner-of-key", seed, level);
    const int masters = sized(r, level, {3, 3}, {3, 6}, {5, 12});
    const std::string key = redisKey(r, level);
    const std::vector<int> owners = redis::clusterCreateOwners(masters);
    e.prompt = "A Redis Cluster of " + num(masters) +
               " masters made by redis-cli --cluster create, which splits the 16,384 slots "
               "into runs as equal as whole slots allow, in order (master 0 the first run). "
               "Which master owns the key \"" +
               key + "\"? " + kSlotRule + crcHints(key);
    e.given = {{"key", key}, {"masters", masters}};
    e.answer = {{"master", owners[static_cast<std::size_t>(redis::keySlot(key))]}};
    AnswerField f = answerField("master", Kind::Choice, "The master that owns the key");
    f.numeric = true;
    for (int m = 0, first = 0; m < masters; ++m) {
        int last = first;
        while (last + 1 < static_cast<int>(owners.size()) &&
               owners[static_cast<std::size_t>(last + 1)] == m) {
            ++last;
        }
        f.options.push_back("master " + num(m) + " (slots " + num(first) + " to " + num(last) +
                            ")");
        first = last + 1;
    }
    e.fields = {std::move(f)};
    return e;
}

// ---- Kafka -----------------------------------------------------------------------------------

std::string kafkaKey(Rng& r, Level level) {
    static const char* const stems[] = {"customer-", "order-", "device-", "account-"};
    static const char* const words[] = {"Zürich-", "café-", "naïve-", "Ωmega-"};
    if (level == Level::Hard && r.uniform(0, 2) == 0) {
        const std::string word = pickOf(r, words); // bytes, not characters, are hashed
        return word + num(r.uniform(1, 999));
    }
    const std::string stem = pickOf(r, stems);
    return stem + num(r.uniform(1, level == Level::Easy ? 99 : 99'999));
}

Exercise partitionOfKey(std::uint64_t seed, Level level) {
    Rng r(seed);
    Exercise e = start("kafka", "partition-of-key", seed, level);
    const int partitions = sized(r, level, {3, 3}, {3, 12}, {7, 64});
    const std::string key = kafkaKey(r, level);
    e.prompt = "Kafka's Java producer, default partitioner: a record with the key \"" + key +
               "\" goes to a topic of " + num(partitions) +
               " partitions. Which partition? (murmur2 of the key's UTF-8 bytes, made positive, "
               "modulo the number of partitions) Its murmur2 is " +
               num(kafka::murmur2(key)) + "; made positive (the sign bit cleared, not the " +
               "absolute value): " + num(kafka::toPositive(kafka::murmur2(key))) + ".";
    e.given = {{"key", key}, {"partitions", partitions}};
    e.answer = {{"partition", kafka::partitionForKey(key, partitions)}};
    e.fields = {numberField("partition", Kind::Number,
                            "Partition (0 to " + num(partitions - 1) + ")", 0, partitions - 1)};
    return e;
}

Exercise assignment(std::uint64_t seed, Level level) {
    Rng r(seed);
    Exercise e = start("kafka", "assignment", seed, level);
    const bool range = level == Level::Easy || r.uniform(0, 1) == 0;
    // Hard: ids that sort as text, not as numbers ("C10" before "C2").
    std::vector<std::string> pool =
        level == Level::Hard ? std::vector<std::string>{"C0", "C1", "C2", "C3", "C10", "C11"}
                             : std::vector<std::string>{"C0", "C1", "C2", "C3"};
    const int members = sized(r, level, {2, 2}, {2, 3}, {3, 4});
    std::vector<std::string> consumers; // in the order they joined
    while (static_cast<int>(consumers.size()) < members) {
        const std::string& id =
            pool[static_cast<std::size_t>(r.uniform(0, static_cast<int>(pool.size()) - 1))];
        if (std::find(consumers.begin(), consumers.end(), id) == consumers.end()) {
            consumers.push_back(id);
        }
    }
    static const char* const names[] = {"clicks", "orders", "payments"};
    const int topicCount = sized(r, level, {1, 1}, {1, 2}, {2, 3});
    std::map<std::string, int> topics;
    while (static_cast<int>(topics.size()) < topicCount) {
        const std::string name = pickOf(r, names);
        const int partitions = sized(r, level, {3, 6}, {2, 5}, {1, 7});
        topics.emplace(name, partitions);
    }
    std::vector<kafka::Member> group;
    std::set<std::string> all;
    for (const auto& [t, n] : topics) {
        all.insert(t);
    }
    for (const auto& id : consumers) {
        group.push_back({id, all});
    }
    const kafka::Assignment a =
        range ? kafka::assignRange(group, topics) : kafka::assignRoundRobin(group, topics);
    ojson topicsJson = ojson::object();
    std::string topicText;
    for (const auto& [t, n] : topics) {
        topicsJson[t] = n;
        topicText += (topicText.empty() ? "" : ", ") + t + " (" + num(n) +
                     (n == 1 ? " partition)" : " partitions)");
    }
    std::string memberText;
    for (const auto& id : consumers) {
        memberText += (memberText.empty() ? "" : ", ") + id;
    }
    const char* assignor = range ? "range" : "roundrobin";
    e.prompt = std::string("A consumer group of ") + memberText + " subscribes to " + topicText +
               ". With Kafka's " + assignor +
               " assignor, which partitions does each member get? (Members are ordered by their "
               "ids as text.)";
    e.given = {{"assignor", assignor}, {"consumers", consumers}, {"topics", topicsJson}};
    std::vector<std::string> sorted = consumers;
    std::sort(sorted.begin(), sorted.end());
    ojson answer = ojson::object();
    for (const auto& id : sorted) {
        ojson parts = ojson::array();
        if (const auto it = a.find(id); it != a.end()) {
            for (const auto& tp : it->second) {
                parts.push_back(tp.name());
            }
        }
        answer[id] = std::move(parts);
    }
    e.answer = {{"assignment", std::move(answer)}};
    AnswerField f = answerField("assignment", Kind::PerMember, "Each member's partitions");
    f.options = sorted;
    for (const auto& [t, n] : topics) {
        for (int p = 0; p < n; ++p) {
            f.words.push_back(t + "-" + num(p));
        }
    }
    e.fields = {std::move(f)};
    return e;
}

// ---- Time series -----------------------------------------------------------------------------

// A whole-second time at the start of a window of `windowS` seconds, somewhere in late 2023.
std::int64_t alignedStart(Rng& r, std::int64_t windowS) {
    const std::int64_t base = 1'700'000'000; // seconds
    return (base - base % windowS + windowS * r.uniform(0, 500)) * 1000;
}

double seriesValue(Rng& r, Level level) {
    switch (level) {
    case Level::Easy:
        return static_cast<double>(r.uniform(1, 20));
    case Level::Medium:
        return static_cast<double>(r.uniform(2, 60)) / 2.0; // halves
    case Level::Hard:
        break;
    }
    return static_cast<double>(r.uniform(-80, 160)) / 4.0; // quarters, some negative
}

Exercise bucket(std::uint64_t seed, Level level) {
    Rng r(seed);
    Exercise e = start("downsample", "bucket", seed, level);
    static const std::int64_t mediumSteps[] = {60, 300};
    static const std::int64_t hardSteps[] = {60, 300, 600};
    const std::int64_t step = level == Level::Easy     ? 60
                              : level == Level::Medium ? pickOf(r, mediumSteps)
                                                       : pickOf(r, hardSteps);
    static const timeseries::AggKind easyAggs[] = {
        timeseries::AggKind::Avg, timeseries::AggKind::Min, timeseries::AggKind::Max,
        timeseries::AggKind::Count};
    static const timeseries::AggKind allAggs[] = {
        timeseries::AggKind::Avg,   timeseries::AggKind::Min, timeseries::AggKind::Max,
        timeseries::AggKind::Count, timeseries::AggKind::Sum, timeseries::AggKind::First,
        timeseries::AggKind::Last};
    const timeseries::AggKind agg = level == Level::Easy ? pickOf(r, easyAggs) : pickOf(r, allAggs);
    const int buckets = level == Level::Easy ? pick(r, 2, 3) : pick(r, 3, 5);
    const int points = sized(r, level, {5, 7}, {8, 12}, {10, 16});
    const std::int64_t t0 = alignedStart(r, step);
    // Hard: one bucket left empty (a gap), and a point offset that is not a whole bucket.
    const int gap = level == Level::Hard ? pick(r, 1, buckets - 1) : -1;
    std::set<std::int64_t> times;
    while (static_cast<int>(times.size()) < points) {
        const int b = pick(r, 0, buckets - 1);
        if (b == gap) {
            continue;
        }
        times.insert(t0 + (b * step + r.uniform(0, step - 1)) * 1000);
    }
    std::vector<timeseries::Point> series;
    ojson pointsJson = ojson::array();
    for (const std::int64_t t : times) {
        const double v = seriesValue(r, level);
        series.push_back({t, v});
        pointsJson.push_back({t, v});
    }
    const auto rolled = timeseries::downsample(series, step * 1000);
    ojson answer = ojson::array();
    for (const auto& b : rolled) {
        if (agg == timeseries::AggKind::Count) {
            answer.push_back({b.start, b.agg.count});
        } else {
            answer.push_back({b.start, timeseries::aggValue(b.agg, agg)});
        }
    }
    const char* aggText = timeseries::aggName(agg);
    e.prompt = "Roll these " + num(points) +
               " points (time in ms since the Unix epoch, value) up "
               "into buckets of " +
               num(step) + " seconds aligned to the epoch, with " + aggText +
               ": what is each non-empty bucket's start (ms) and value?";
    e.given = {{"points", std::move(pointsJson)}, {"step_s", step}, {"agg", aggText}};
    e.answer = {{"buckets", std::move(answer)}};
    e.fields = {
        answerField("buckets", Kind::Buckets, "Each non-empty bucket: start (ms) and value")};
    return e;
}

Exercise gorillaBits(std::uint64_t seed, Level level) {
    Rng r(seed);
    Exercise e = start("downsample", "gorilla-bits", seed, level);
    const int n = sized(r, level, {2, 4}, {4, 8}, {6, 12});
    // Inside one two-hour block (Gorilla's), whole seconds.
    std::int64_t t = alignedStart(r, 7200) / 1000;
    const std::int64_t end = t + 7199;
    const std::int64_t every = level == Level::Easy ? 60 : pick(r, 10, 60);
    double v = seriesValue(r, level);
    std::vector<timeseries::Point> series;
    for (int i = 0; i < n && t <= end; ++i) {
        series.push_back({t * 1000, v});
        // Easy: a regular beat and values that repeat or step; harder: jitter and jumps.
        std::int64_t gap = every;
        if (level != Level::Easy && r.uniform(0, 2) == 0) {
            gap += level == Level::Hard ? r.uniform(-every / 2, 700) : r.uniform(-2, 2);
        }
        t += std::max<std::int64_t>(1, gap);
        if (level == Level::Easy) {
            v = r.uniform(0, 1) ? v : v + static_cast<double>(r.uniform(1, 3));
        } else if (r.uniform(0, 3) != 0) {
            v = seriesValue(r, level) * (level == Level::Hard ? 37.5 : 1.0);
        }
    }
    timeseries::GorillaBlock block;
    const Status s = timeseries::gorillaEncode(series, block);
    ojson pointsJson = ojson::array();
    for (const auto& p : series) {
        pointsJson.push_back({p.t, p.v});
    }
    e.prompt = "Gorilla compression (Facebook's, as in Prometheus and InfluxDB) encodes these " +
               num(static_cast<std::int64_t>(series.size())) +
               " points (time in ms, value) in one block: timestamps as delta-of-deltas, values "
               "as XOR with the previous value. How many bits does the block take in all, its "
               "64-bit header included?";
    e.given = {{"points", std::move(pointsJson)}};
    e.answer = {{"bits", s ? static_cast<std::int64_t>(block.bits.bits()) : -1}};
    e.fields = {numberField("bits", Kind::Number, "Bits in the block, header included", 64,
                            std::numeric_limits<std::int64_t>::max())};
    return e;
}

} // namespace

AnswerField answerField(std::string name, AnswerField::Kind kind, std::string label) {
    AnswerField f;
    f.name = std::move(name);
    f.kind = kind;
    f.label = std::move(label);
    return f;
}

AnswerField numberField(std::string name, AnswerField::Kind kind, std::string label,
                        std::int64_t min, std::int64_t max) {
    AnswerField f = answerField(std::move(name), kind, std::move(label));
    f.min = min;
    f.max = max;
    return f;
}

const char* levelName(Level level) {
    switch (level) {
    case Level::Easy:
        return "easy";
    case Level::Medium:
        return "medium";
    case Level::Hard:
        break;
    }
    return "hard";
}

bool parseLevel(std::string_view name, Level& out) {
    for (const Level l : {Level::Easy, Level::Medium, Level::Hard}) {
        if (name == levelName(l)) {
            out = l;
            return true;
        }
    }
    return false;
}

const std::vector<ExerciseType>& exerciseTypes() {
    static const std::vector<ExerciseType> all = {
        {"hashslot", "slot-of-key", "the hash slot of a key, {hash tags} included", &slotOfKey},
        {"hashslot", "owner-of-key", "the master that owns a key's slot", &ownerOfKey},
        {"hashslot", "moved-or-ask", "a stale client's reply mid-migration: OK, MOVED or ASK",
         &routing::movedOrAsk},
        {"kafka", "partition-of-key", "the partition of a keyed record (murmur2)", &partitionOfKey},
        {"kafka", "assignment", "a consumer group's partitions (range, roundrobin)", &assignment},
        {"kafka", "sticky-keyless", "where the sticky partitioner puts keyless records",
         &routing::stickyKeyless},
        {"kafka", "rebalance", "a group's partitions after a member joins or leaves",
         &routing::rebalance},
        {"btree", "insert", "the keys a B-Tree insert moves up, and the tree after", &btreeInsert},
        {"btree", "delete",
         "what a B-Tree delete does to the first node it leaves short, and the tree after",
         &btreeDelete},
        {"btree", "path", "the nodes a B-Tree search reads, and whether it finds the key",
         &btreePath},
        {"lsm", "get-reads", "the SSTables an LSM-tree get reads (bloom filters, tombstones)",
         &lsmGetReads},
        {"lsm", "compaction", "the entries an LSM-tree compaction writes", &lsmCompaction},
        {"lsm", "tombstone-drop",
         "whether a compaction may drop a tombstone (Cassandra's gc_grace_seconds)",
         &lsmTombstoneDrop},
        {"downsample", "bucket", "a series rolled up into epoch-aligned buckets", &bucket},
        {"downsample", "gorilla-bits", "the bits Gorilla compression takes for some points",
         &gorillaBits},
        {"downsample", "tier-of-query", "the retention tier that answers a query",
         &routing::tierOfQuery},
    };
    return all;
}

const ExerciseType* findExerciseType(std::string_view engine, std::string_view type) {
    for (const auto& t : exerciseTypes()) {
        if (engine == t.engine && type == t.type) {
            return &t;
        }
    }
    return nullptr;
}

nlohmann::ordered_json exerciseJson(const Exercise& e) {
    return {{"engine", e.engine},          {"type", e.type},     {"seed", e.seed},
            {"level", levelName(e.level)}, {"prompt", e.prompt}, {"given", e.given},
            {"answer", e.answer}};
}

} // namespace fg::practice
