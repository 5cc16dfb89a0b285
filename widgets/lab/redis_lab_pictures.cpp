#include "widgets/lab/redis_lab_pictures.h"

#include "engines/redis/crc16.h"
#include "engines/redis/key_slot.h"
#include "widgets/diagrams/hashslot_diagram.h"
#include "widgets/diagrams/spoken_state.h"

#include <algorithm>

namespace fg {

namespace {

// The diagram counts a node's keys as its entries in keyNode: one placeholder per key.
void setKeyCounts(redis::ClusterState& s, const std::vector<long long>& keysPerNode) {
    s.keyNode.clear();
    for (std::size_t node = 0; node < keysPerNode.size(); ++node) {
        for (long long k = 0; k < keysPerNode[node]; ++k) {
            s.keyNode.emplace_hint(s.keyNode.end(),
                                   std::to_string(node) + ":" + std::to_string(1'000'000'000 + k),
                                   int(node));
        }
    }
}

redis::Redirect redirectOf(const std::string& name) {
    return name == "MOVED" ? redis::Redirect::kMoved
           : name == "ASK" ? redis::Redirect::kAsk
                           : redis::Redirect::kNone;
}

} // namespace

redis::ClusterState realCluster(const std::vector<lab::RedisNode>& nodes,
                                const std::vector<lab::Shard>& shards,
                                const std::vector<long long>& keysPerNode) {
    redis::ClusterState s;
    for (const lab::RedisNode& n : nodes) {
        s.nodes.push_back({n.index, n.replicaOf, true, false});
    }
    s.owner.assign(redis::kSlots, -1);
    for (const lab::Shard& shard : shards) {
        const int master = shard.master();
        for (const lab::ShardNode& n : shard.nodes) {
            if (n.node < 0 || std::size_t(n.node) >= s.nodes.size()) {
                continue;
            }
            redis::ClusterNode& c = s.nodes[std::size_t(n.node)];
            c.alive = !n.failed();
            // A failed master stays drawn where it stood; the others follow the shard's master.
            c.replicaOf = n.role == "master" ? -1 : master;
        }
        for (const auto& [first, last] : shard.ranges) {
            for (int slot = std::max(first, 0); slot <= last && slot < redis::kSlots; ++slot) {
                s.owner[std::size_t(slot)] = master;
            }
        }
    }
    s.clientOwner = s.owner;
    setKeyCounts(s, keysPerNode);
    return s;
}

redis::ClusterState withKeyCounts(redis::ClusterState model,
                                  const std::vector<long long>& keysPerNode) {
    setKeyCounts(model, keysPerNode);
    return model;
}

std::vector<KeysBar> keysBars(const redis::ClusterState& state) {
    std::vector<KeysBar> bars;
    for (const redis::ClusterNode& n : state.nodes) {
        if (!n.removed && n.replicaOf < 0) {
            bars.push_back({n.id, double(state.keysOn(n.id))});
        }
    }
    return bars;
}

redis::ClusterStep staleRoute(const lab::StaleReply& reply, bool model) {
    redis::ClusterStep st;
    st.kind = redis::StepKind::kRoute;
    st.key = reply.key;
    st.slot = redis::keySlot(reply.key);
    st.crc16 = redis::crc16(redis::hashedPart(reply.key));
    if (redis::hasHashTag(reply.key)) {
        st.hashTag = std::string(redis::hashedPart(reply.key));
    }
    st.first = reply.asked;
    st.redirect = redirectOf(model ? reply.modelRedirect : reply.redirect);
    const int to = model ? reply.modelNode : reply.redirectTo;
    st.node = st.redirect == redis::Redirect::kNone ? reply.asked : to;
    if (st.redirect != redis::Redirect::kNone) {
        st.replies.push_back({reply.asked, st.redirect, to});
    }
    return st;
}

redis::ClusterState reshardState(redis::ClusterState before, int step, int slot, int from, int to,
                                 long long slotKeys, long long batch) {
    if (slot < 0 || slot >= redis::kSlots) {
        return before;
    }
    const long long moved = step >= 3 ? slotKeys : step == 2 ? std::min(batch, slotKeys) : 0;
    std::vector<long long> counts(before.nodes.size(), 0);
    for (const auto& [key, node] : before.keyNode) {
        if (node >= 0 && std::size_t(node) < counts.size()) {
            ++counts[std::size_t(node)];
        }
    }
    if (from >= 0 && to >= 0 && std::size_t(std::max(from, to)) < counts.size()) {
        counts[std::size_t(from)] = std::max(0LL, counts[std::size_t(from)] - moved);
        counts[std::size_t(to)] += moved;
    }
    setKeyCounts(before, counts);
    if (step == 1 || step == 2) {
        before.migration = redis::Migration{slot, from, to};
    } else if (step >= 3) {
        before.owner[std::size_t(slot)] = to;
    }
    return before;
}

Frame ClusterPictures::frame(int position, const Theme& theme) const {
    if (pictures_.empty()) {
        return {};
    }
    const Picture& p = pictures_[std::size_t(std::clamp(position, 0, stepCount() - 1))];
    Frame f = HashslotDiagram::layout(*p.state, p.step ? &*p.step : nullptr, theme,
                                      HashslotDiagram::kHalfWidth);
    thickenLines(f, theme);
    return f;
}

const redis::ClusterState& ClusterPictures::state(int position) const {
    return *pictures_[std::size_t(std::clamp(position, 0, stepCount() - 1))].state;
}

QString ClusterPictures::narration(int position) const {
    if (pictures_.empty()) {
        return {};
    }
    return pictures_[std::size_t(std::clamp(position, 0, stepCount() - 1))].narration;
}

QString ClusterPictures::summary(int position) const {
    return pictures_.empty() ? QString() : spokenCluster(state(position));
}

} // namespace fg
