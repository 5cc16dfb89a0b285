// ClusterEngine: a Redis Cluster as a client sees it. Masters own hash slots (split as
// `redis-cli --cluster create` does), replicas follow masters, keys live on the node that owns
// their slot. The client keeps its own copy of the slot map, refreshed only by MOVED replies, so
// after a node is added or a slot migrates the client is stale and gets redirected as the Cluster
// spec describes:
//   - the node asked does not own the slot: -MOVED slot owner (the client updates that slot);
//   - the slot is MIGRATING on its owner and the key has already moved: -ASK slot target (the
//     client sends ASKING to the target once, and does not update its map);
//   - the owner has failed and no replica took over: -CLUSTERDOWN.
// Ops: route (a key, optionally setting a value), add-node (an empty master, then a rebalance),
// remove-node, migrate (a slot to a node, all keys or a first batch), fail-node (a replica of a
// failed master is promoted). Deterministic; node ids are stable and never reused.
#pragma once

#include "engines/core/timeline.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fg::redis {

struct ClusterNode {
    int id = 0;
    int replicaOf = -1; // -1: a master
    bool alive = true;
    bool removed = false;
    bool operator==(const ClusterNode&) const = default;
};

struct Migration {
    int slot = -1;
    int from = -1;
    int to = -1;
    bool operator==(const Migration&) const = default;
};

struct ClusterStats {
    std::int64_t routes = 0, moved = 0, ask = 0, clusterDown = 0, keysMigrated = 0,
                 slotsMigrated = 0, failovers = 0;
    bool operator==(const ClusterStats&) const = default;
};

struct ClusterState {
    std::vector<ClusterNode> nodes;
    std::vector<int> owner;       // slot -> master id, as the cluster knows it
    std::vector<int> clientOwner; // slot -> master id, as the client believes
    std::optional<Migration> migration;
    std::map<std::string, int> keyNode; // key -> node holding it
    std::map<std::string, std::string> values;
    ClusterStats stats;

    bool operator==(const ClusterState&) const = default;
    int masters() const;
    std::vector<int> slotsOf(int node) const;
    std::int64_t keysOn(int node) const;
};

struct ClusterOp {
    enum class Kind { Route, AddNode, RemoveNode, Migrate, FailNode };
    Kind kind = Kind::Route;
    std::string key;                  // route
    std::optional<std::string> value; // route: also set the key
    int node = -1;                    // remove-node, fail-node
    int slot = -1, to = -1;           // migrate
    int batch = -1;                   // migrate: move only this many keys now (-1: all)
};

struct ClusterStep {
    std::string kind; // route, moved, ask, clusterdown, add-node, migrate-start, migrate-keys,
                      // migrate-done, remove-node, fail-node, promote
    std::string text;
    std::string key;
    int crc16 = -1;
    int slot = -1;
    int node = -1;        // the node that served the route, or that the step is about
    int first = -1;       // route: the node the client asked first
    std::string redirect; // "MOVED", "ASK" or "CLUSTERDOWN" when the route was redirected
    std::string hashTag;  // the tag hashed, when the key has one
    int from = -1, to = -1;
    std::vector<std::pair<int, int>> ranges; // slot ranges moved
    int keysMoved = 0;
};

class ClusterEngine {
public:
    using State = ClusterState;
    using Op = ClusterOp;
    using Step = ClusterStep;

    // REQUIRES: 1 <= masters <= 1000, 0 <= replicasPerMaster <= 5.
    ClusterEngine(int masters, int replicasPerMaster)
        : masters_(masters), replicas_(replicasPerMaster) {}

    State initialState() const;
    // Ops naming missing or dead nodes, or slots out of range, report an "error" step and change
    // nothing (scenario validation rejects them before they get here).
    void apply(State& s, const Op& op, StepSink<Step, State>& sink) const;

private:
    void route(State& s, const Op& op, StepSink<Step, State>& sink) const;
    void migrateSlot(State& s, int slot, int to, int batch, StepSink<Step, State>& sink) const;
    void moveSlots(State& s, int from, int to, const std::vector<int>& slots,
                   StepSink<Step, State>& sink) const;
    void addNode(State& s, StepSink<Step, State>& sink) const;
    void removeNode(State& s, int node, StepSink<Step, State>& sink) const;
    void failNode(State& s, int node, StepSink<Step, State>& sink) const;

    int masters_;
    int replicas_;
};

} // namespace fg::redis
