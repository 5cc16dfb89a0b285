// RedisLab: a private Redis Cluster of 3 to 6 masters (optionally one replica each) that the
// app starts, fills and reads back, beside the model (engines/redis).
//
// Every node is a redis-server of the app's own (PrivateServer) on 127.0.0.1 only, with
// protected mode on, a password generated for this lab (requirepass and masterauth), its files
// in one LabFolder, nothing saved to disk. The lab creates the cluster itself as
// `redis-cli --cluster create` does (the slots split by clusterCreateRanges, each node given a
// config epoch, CLUSTER MEET, then CLUSTER REPLICATE), and talks to it through a client that
// follows MOVED and ASK itself.
//
// Nodes are numbered as the model numbers them: masters 0..N-1 in slot order, then the replica
// of master i as N + i. Owners everywhere are these numbers.
//
// Every call blocks until the servers answer (a start takes a second or two). A page runs the
// lab on a thread of its own, the same one from start to stop: the servers die with the thread
// that started them (PrivateServer), and Qt's processes belong to their thread.
#pragma once

#include "engines/core/status.h"
#include "lab/redis_data.h"

#include <QString>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

class QElapsedTimer;

namespace fg::lab {

class LabFolder;
struct ReshardModel; // the model cluster beside a reshard (redis_moves.cpp)
class PrivateServer;
class RedisConnection;
struct RedisReply;

struct RedisLabOptions {
    int masters = 3;            // 3 to 6
    bool replicas = false;      // one replica per master
    QString redisServer;        // the program (empty: findRedisServer's search)
    std::vector<int> ports;     // client ports, masters then replicas (empty: free ones picked)
    int nodeTimeoutMs = 1000;   // cluster-node-timeout: how soon a dead master is failed over
    int startTimeoutMs = 20000; // for the servers to answer and the cluster to be ok
};

class RedisLab {
public:
    static constexpr int kMinMasters = 3, kMaxMasters = 6;

    // Starts the nodes and creates the cluster; returns once every node says cluster_state:ok
    // (and every replica is in sync). A failure is a sentence naming the cause (a missing program
    // and its package, a port in use, a node's own last words); nothing is left running.
    static Status start(const RedisLabOptions& options, std::unique_ptr<RedisLab>* out);
    RedisLab(const RedisLab&) = delete;
    RedisLab& operator=(const RedisLab&) = delete;
    ~RedisLab();
    // SHUTDOWN NOSAVE to every node, SIGKILL after 5 s; the folder removed.
    void stop();

    int masters() const { return masters_; }
    const std::vector<RedisNode>& nodes() const { return nodes_; }
    QString folder() const;
    // The node number for "127.0.0.1:7001" (as MOVED and ASK name it), or -1.
    int nodeAt(std::string_view endpoint) const;

    // SET each key (to "1") through a client that follows MOVED and ASK; `servedBy[i]` is the
    // node that stored keys[i].
    Status sendKeys(std::span<const std::string> keys, std::vector<int>* servedBy);
    // CLUSTER KEYSLOT of each key, asked of the cluster.
    Status keySlots(std::span<const std::string> keys, std::vector<int>* keySlotOf);
    Status keySlot(std::string_view key, int* slot);
    // CLUSTER COUNTKEYSINSLOT, asked of the slot's owner.
    Status countKeysInSlot(int slot, long long* count);
    // COUNTKEYSINSLOT of each of `slotList`, asked of each slot's owner (pipelined per owner: a
    // slot map read once, not per slot).
    Status countKeysInSlots(const std::vector<int>& slotList, std::vector<long long>* counts);
    // FLUSHALL on every live master: the cluster holds no key (its replicas follow).
    Status flushKeys();
    // CLUSTER SHARDS, asked of a live node.
    Status slotMap(std::vector<Shard>* shards);
    // slot -> the node number that serves it per slotMap (-1: none).
    Status slotOwners(std::vector<int>* owner);

    // Moves `slot` to master `to` with the real commands, step by step: SETSLOT IMPORTING and
    // MIGRATING; MIGRATE of its first `firstBatch` keys (in byte order, as the model takes them);
    // MIGRATE of the rest and SETSLOT NODE on every master. After each step (and before the
    // first) a client whose map is from before the reshard sends GET for each of the slot's keys
    // (up to 4) and one key of the slot that was never written, and the model's client does
    // the same. REQUIRES: `to` is a live master that does not own the slot. For a slot that holds
    // no key the model's migration ends at once while the real slot stays MIGRATING until
    // SETSLOT NODE, so their replies to a missing key differ there. On a failure, `steps` holds
    // the steps done.
    Status reshardSlot(int slot, int to, int firstBatch, std::vector<ReshardStep>* steps);
    // Kills master `master` (SIGKILL) and waits until CLUSTER SHARDS shows its replica as the
    // master of its slots and every live node says cluster_state:ok. REQUIRES: the lab was started
    // with replicas.
    Status failMaster(int master, FailoverReport* report);

private:
    RedisLab();
    Status startNodes(const RedisLabOptions& options);
    Status launchNode(RedisNode& n, const QString& program, int nodeTimeoutMs);
    Status waitForNodes(int timeoutMs);
    Status createCluster(const RedisLabOptions& options);
    Status replicate();
    Status waitUntilReady(const RedisLabOptions& options);
    std::string notReady(const RedisNode& n, Status* failed);
    // A connection to node `node` (opened on first use).
    Status connection(int node, RedisConnection** out);
    // One command to node `node`; a connection that failed is dropped (the next call reconnects).
    Status call(int node, const std::vector<std::string_view>& args, RedisReply* reply);
    Status setRound(std::span<const std::string> keys, const std::vector<std::size_t>& which,
                    std::vector<int>& owner, std::vector<int>* servedBy,
                    std::vector<std::size_t>* retry);
    Status settle(const std::string& key, int node, const RedisReply& r, std::vector<int>& owner,
                  int* served);
    Status send(int n, const std::vector<std::string_view>& args, const std::string& shown,
                std::vector<std::string>* log, RedisReply* reply);
    Status migrate(int from, int to, std::span<const std::string> keys,
                   std::vector<std::string>* log);
    Status assignSlot(int slot, int from, int to, std::vector<std::string>* log);
    StaleReply probe(const std::string& key, const std::vector<int>& stale,
                     const ReshardModel& model);
    Status reshardSteps(int slot, int from, int to, int firstBatch,
                        const std::vector<std::string>& keys,
                        const std::vector<std::string>& probes, const std::vector<int>& stale,
                        ReshardModel& model, std::vector<ReshardStep>* steps);
    Status awaitPromotion(int slot, const QElapsedTimer& clock, FailoverReport* report);
    bool everyLiveNodeOk();
    // A node that still runs, to ask about the cluster.
    int liveNode() const;

    int masters_ = 0;
    std::string password_;
    std::unique_ptr<LabFolder> folder_;
    std::vector<std::unique_ptr<PrivateServer>> servers_;
    std::vector<std::unique_ptr<RedisConnection>> connections_;
    std::vector<RedisNode> nodes_;
    std::vector<bool> killed_;
};

} // namespace fg::lab
