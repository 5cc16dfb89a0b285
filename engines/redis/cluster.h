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
// failed master is promoted), client-map (the client's map names a node for a slot: a map older
// than the cluster's). Deterministic; node ids are stable and never reused.
#pragma once

#include "engines/core/timeline.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
    enum class Kind { Route, AddNode, RemoveNode, Migrate, FailNode, ClientMap };
    Kind kind = Kind::Route;
    std::string key;                  // route
    std::optional<std::string> value; // route: also set the key
    int node = -1;                    // remove-node, fail-node, client-map
    int slot = -1, to = -1;           // migrate; client-map: slot
    int batch = -1;                   // migrate: move only this many keys now (-1: all)

    // A GET of `key`, or a SET when `value` is given.
    static ClusterOp route(std::string key, std::optional<std::string> value = std::nullopt) {
        ClusterOp op;
        op.key = std::move(key);
        op.value = std::move(value);
        return op;
    }
    static ClusterOp addNode() { return withNode(Kind::AddNode, -1); }
    static ClusterOp removeNode(int node) { return withNode(Kind::RemoveNode, node); }
    static ClusterOp failNode(int node) { return withNode(Kind::FailNode, node); }
    // Moves `slot` to master `to`: all its keys, or only `batch` of them (the slot then stays
    // MIGRATING until the rest follow).
    static ClusterOp migrate(int slot, int to, int batch = -1) {
        ClusterOp op;
        op.kind = Kind::Migrate;
        op.slot = slot;
        op.to = to;
        op.batch = batch;
        return op;
    }

    // The client's map names `node` for `slot`, whoever owns it (a client that loaded its map
    // before the slot moved, or from a node that was behind).
    static ClusterOp clientMap(int slot, int node) {
        ClusterOp op = withNode(Kind::ClientMap, node);
        op.slot = slot;
        return op;
    }

private:
    static ClusterOp withNode(Kind kind, int node) {
        ClusterOp op;
        op.kind = kind;
        op.node = node;
        return op;
    }
};

// What a step reports. Per kind (fields not listed keep their defaults):
//   route          key, crc16, slot, hashTag; first: the node the client asked; node: the one that
//                  served it; redirect: the last redirect on the way (kNone: none); replies:
//                  each redirect on the way, in order.
//   clusterdown    as route, node -1 and redirect kClusterDown: no live node serves the slot.
//   error          text only: the op named a missing or dead node, or a bad slot; nothing changed.
//   migrate-start  slot, from, to: the slot is MIGRATING on `from`, IMPORTING on `to`.
//   migrate-keys   slot, from, to, keysMoved: a batch of the slot's keys moved.
//   migrate-done   slot, from, to: `to` owns the slot.
//   migrate-range  from, to, ranges, keysMoved: slots handed over whole (add or remove a node).
//   add-node       node: the new, empty master.
//   remove-node    node: the node that left (a master takes its replicas with it).
//   fail-node      node: the node that failed.
//   promote        node: the replica promoted to master; from: the failed master.
//   client-map     slot, node: what the client's map names for the slot now; from: what it
//                  named before.
enum class StepKind {
    kRoute,
    kClusterDown,
    kError,
    kMigrateStart,
    kMigrateKeys,
    kMigrateDone,
    kMigrateRange,
    kAddNode,
    kRemoveNode,
    kFailNode,
    kPromote,
    kClientMap,
};

// The kind's name in scenario JSON: "route", "clusterdown", "migrate-start", ...
std::string_view kindName(StepKind kind);
// The migrate-* kinds: a slot, or some of its keys, moving between masters.
bool isMigration(StepKind kind);

// How a route was redirected before it was served.
enum class Redirect { kNone, kMoved, kAsk, kClusterDown };

// The reply's name as Redis writes it: "MOVED", "ASK", "CLUSTERDOWN" ("" for kNone).
std::string_view redirectName(Redirect redirect);

// One redirect a route met: the node asked replied MOVED or ASK, naming node `to`.
struct Reply {
    int node = -1;
    Redirect redirect = Redirect::kNone;
    int to = -1;
};

struct ClusterStep {
    StepKind kind = StepKind::kRoute;
    std::string text;
    std::string key;
    int crc16 = -1;
    int slot = -1;
    int node = -1;  // the node that served the route, or that the step is about
    int first = -1; // route: the node the client asked first
    Redirect redirect = Redirect::kNone;
    std::string hashTag; // the tag hashed, when the key has one
    int from = -1, to = -1;
    std::vector<std::pair<int, int>> ranges; // slot ranges moved
    int keysMoved = 0;
    std::vector<Reply> replies; // route: the redirects on the way, in order
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
    // Why `op` cannot apply to `s` (the sentence of its "error" step), or empty when it can: a
    // page asks before it adds an op, and refuses it with this sentence.
    static std::string refusal(const State& s, const Op& op);

private:
    void route(State& s, const Op& op, StepSink<Step, State>& sink) const;
    void migrateSlot(State& s, int slot, int to, int batch, StepSink<Step, State>& sink) const;
    void moveSlots(State& s, int from, int to, const std::vector<int>& slots,
                   StepSink<Step, State>& sink) const;
    void addNode(State& s, StepSink<Step, State>& sink) const;
    void removeNode(State& s, int node, StepSink<Step, State>& sink) const;
    void failNode(State& s, int node, StepSink<Step, State>& sink) const;
    void clientMap(State& s, int slot, int node, StepSink<Step, State>& sink) const;

    int masters_;
    int replicas_;
};

} // namespace fg::redis
