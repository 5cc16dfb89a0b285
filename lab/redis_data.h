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
    std::string health; // "online", "failed" or "loading"
    long long replicationOffset = 0;
    int node = -1; // its number in the lab, -1 if unknown
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

// JSON both ways (the helper program writes it, the app reads it back); fromJson throws
// nlohmann::json::exception on a document of another shape. Implemented in redis_data.cpp.
nlohmann::json toJson(const RedisNode& node);
nlohmann::json toJson(const Shard& shard);
nlohmann::json toJson(const StaleReply& reply);
nlohmann::json toJson(const ReshardStep& step);
nlohmann::json toJson(const FailoverReport& report);
void fromJson(const nlohmann::json& j, RedisNode* node);
void fromJson(const nlohmann::json& j, Shard* shard);
void fromJson(const nlohmann::json& j, StaleReply* reply);
void fromJson(const nlohmann::json& j, ReshardStep* step);
void fromJson(const nlohmann::json& j, FailoverReport* report);

} // namespace fg::lab
