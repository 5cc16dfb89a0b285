// The Redis lab's results as plain data: the nodes, the slot map as CLUSTER SHARDS gives it, a
// stale client's replies during a reshard and a failover, beside the model's. No hiredis here:
// the app reads these from the Lab's helper program (`fieldguide-lab --serve`) as JSON, so it
// links this file and not the client library.
#pragma once

#include <QtGlobal>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <utility>
#include <vector>

namespace fg::lab {

struct RedisNode {
    int index = 0;
    std::string id; // CLUSTER MYID
    int port = 0;
    int busPort = 0;
    int replicaOf = -1; // the master it was started to follow; -1: started as a master
    qint64 pid = 0;
};

// One node of a shard as CLUSTER SHARDS shows it.
struct ShardNode {
    std::string id;
    int port = 0;
    std::string role;   // "master" or "replica"
    std::string health; // "online", "fail" (Redis 7.0; "failed" in its documentation) or "loading"
    long long replicationOffset = 0;
    int node = -1; // its number in the lab, -1 if unknown
    bool failed() const { return health == "fail" || health == "failed"; }
};

struct Shard {
    std::vector<std::pair<int, int>> ranges; // its slots, as ranges [first, last]
    std::vector<ShardNode> nodes;
    // The number of the shard's master that is not failed, or -1.
    int master() const;
};

// What a client with a slot map from before a reshard gets when it sends GET key where its map
// says, beside what the model's client gets at the same point.
struct StaleReply {
    std::string key;
    int asked = -1;       // the node the stale client asked
    std::string reply;    // its first reply as redis-cli shows it: a value, "(nil)", "-ASK ..."
    std::string redirect; // "", "MOVED" or "ASK"
    int redirectTo = -1;  // the node the redirect names
    std::string followed; // the reply after following it (ASKING first for ASK)
    std::string modelRedirect; // the model's: "", "MOVED" or "ASK"
    int modelNode = -1;        // the node that served the key in the model
};

struct ReshardStep {
    std::string text;                  // what this step did, in a sentence
    std::vector<std::string> commands; // as sent, "127.0.0.1:7001> CLUSTER SETSLOT ..."
    std::vector<StaleReply> replies;
};

struct FailoverReport {
    int failed = -1;   // the master killed
    int promoted = -1; // the node CLUSTER SHARDS shows as the new master of its slots; -1: none
    int modelPromoted = -1;
    double seconds = 0; // from the kill to the promotion seen
    std::vector<Shard> shards;
    std::string text;
};

// A run of slots [first, last] that one node serves.
struct SlotRange {
    int first = 0;
    int last = 0;
    int node = -1;
};

// One key sent: its slot and owner in the real cluster (CLUSTER KEYSLOT, CLUSTER SHARDS) and in
// the model, and the node that stored it (after following MOVED and ASK).
struct KeyRow {
    std::string key;
    int slot = -1;
    int modelSlot = -1;
    int owner = -1;
    int modelOwner = -1;
    int servedBy = -1;
    bool agrees() const { return slot == modelSlot && owner == modelOwner && servedBy == owner; }
};

// A slot that holds keys: CLUSTER COUNTKEYSINSLOT, and the model's count of the keys sent.
struct SlotCount {
    int slot = -1;
    long long real = 0;
    long long model = 0;
};

// What sending a set of keys found, real beside model.
struct SendReport {
    long long keys = 0;        // keys sent
    long long slotsAgree = 0;  // keys whose real slot is the model's
    long long ownersAgree = 0; // keys stored by the node the model names
    std::vector<KeyRow> rows;  // disagreements first; at most kMaxRows of them
    long long rowsLeftOut = 0; // rows cut to keep the answer small
    std::vector<Shard> shards; // CLUSTER SHARDS after the keys went in
    std::vector<SlotRange> modelRanges;
    std::vector<long long> keysPerNode;      // by node number: sums of COUNTKEYSINSLOT
    std::vector<long long> modelKeysPerNode; // the model's count of distinct keys
    std::vector<SlotCount> slotCounts;       // the slots that hold keys, in slot order
    std::string text;                        // "agree: K of K slots, K of K owners"
    static constexpr std::size_t kMaxRows = 20000;
};

// JSON both ways (the helper program writes it, the app reads it back); fromJson throws
// nlohmann::json::exception on a document of another shape. Implemented in redis_data.cpp.
nlohmann::json toJson(const RedisNode& node);
nlohmann::json toJson(const Shard& shard);
nlohmann::json toJson(const StaleReply& reply);
nlohmann::json toJson(const ReshardStep& step);
nlohmann::json toJson(const FailoverReport& report);
nlohmann::json toJson(const SendReport& report);
void fromJson(const nlohmann::json& j, RedisNode* node);
void fromJson(const nlohmann::json& j, Shard* shard);
void fromJson(const nlohmann::json& j, StaleReply* reply);
void fromJson(const nlohmann::json& j, ReshardStep* step);
void fromJson(const nlohmann::json& j, FailoverReport* report);
void fromJson(const nlohmann::json& j, SendReport* report);

} // namespace fg::lab
