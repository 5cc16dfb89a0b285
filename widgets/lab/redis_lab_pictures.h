// What the Lab's Redis page draws, as data: the real cluster and the model's as
// redis::ClusterState values that the Redis diagram's own layout draws (HashslotDiagram::layout:
// the slot bar per master, the nodes, a migration, a client's MOVED or ASK), a stale client's
// GET as the diagram's route step, and the keys-per-master bars. Pure functions of the lab's
// results (lab/redis_data.h), testable without a window or a server.
#pragma once

#include "engines/redis/cluster.h"
#include "lab/redis_data.h"
#include "widgets/canvas/diagram_source.h"
#include "widgets/diagrams/hashslot_histogram.h"

#include <QString>
#include <memory>
#include <optional>
#include <vector>

namespace fg {

// The real cluster as CLUSTER SHARDS shows it: `nodes` (as started), each slot's owner the
// shard's live master, a failed node drawn failed, a promoted replica as a master; `keysPerNode`
// (by node number) as its key counts.
redis::ClusterState realCluster(const std::vector<lab::RedisNode>& nodes,
                                const std::vector<lab::Shard>& shards,
                                const std::vector<long long>& keysPerNode);
// `model` with `keysPerNode` as its key counts (the model's state holds no key of the lab).
redis::ClusterState withKeyCounts(redis::ClusterState model,
                                  const std::vector<long long>& keysPerNode);
// The bars of the histogram: each live master of `state` and its keys.
std::vector<KeysBar> keysBars(const redis::ClusterState& state);

// A stale client's GET of `reply.key` as the Redis diagram draws a route: asked where its map
// says, redirected (MOVED or ASK) to where the reply names, in the real cluster (`model` false)
// or the model's.
redis::ClusterStep staleRoute(const lab::StaleReply& reply, bool model);

// The cluster at reshard step `step` (0: before; 1: IMPORTING/MIGRATING; 2: the first batch
// moved; 3: done) of slot `slot` from `from` to `to`, moving `slotKeys` keys of which `batch`
// go first.
redis::ClusterState reshardState(redis::ClusterState before, int step, int slot, int from, int to,
                                 long long slotKeys, long long batch);

// A fixed list of pictures for a DiagramCanvas: each a cluster state, optionally a route, and a
// sentence. Position -1 (before any step) draws the first.
class ClusterPictures : public DiagramSource {
public:
    struct Picture {
        std::shared_ptr<const redis::ClusterState> state;
        std::optional<redis::ClusterStep> step;
        QString narration;
    };
    explicit ClusterPictures(std::vector<Picture> pictures) : pictures_(std::move(pictures)) {}
    int stepCount() const override { return int(pictures_.size()); }
    Frame frame(int position, const Theme& theme) const override;
    QString narration(int position) const override;
    // The cluster drawn at `position` in the Redis diagram's words (spokenCluster): each master's
    // slots and keys, a node down, a slot moving, for a screen reader.
    QString summary(int position) const override;
    bool holdsItsPlace() const override { return true; }
    // The cluster drawn at `position` (clamped). REQUIRES: at least one picture.
    const redis::ClusterState& state(int position) const;

private:
    std::vector<Picture> pictures_;
};

} // namespace fg
