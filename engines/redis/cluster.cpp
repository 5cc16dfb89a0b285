#include "engines/redis/cluster.h"

#include "engines/redis/cluster_detail.h"
#include "engines/redis/key_slot.h"
#include "engines/redis/slot_ranges.h"

#include <algorithm>

namespace fg::redis {

using detail::n;
using detail::N;
using detail::usable;

namespace {

std::string rangesText(const std::vector<std::pair<int, int>>& r) {
    std::string out;
    for (std::size_t i = 0; i < r.size() && i < 4; ++i) {
        out += i ? ", " : "";
        out += std::to_string(r[i].first);
        if (r[i].second != r[i].first) {
            out += '-';
            out += std::to_string(r[i].second);
        }
    }
    if (r.size() > 4) {
        out += " and " + std::to_string(r.size() - 4) + " more ranges";
    }
    return out;
}

std::vector<std::pair<int, int>> toRanges(const std::vector<int>& slots) {
    std::vector<std::pair<int, int>> r;
    for (int s : slots) {
        if (!r.empty() && r.back().second + 1 == s) {
            r.back().second = s;
        } else {
            r.emplace_back(s, s);
        }
    }
    return r;
}

} // namespace

std::string_view kindName(StepKind kind) {
    switch (kind) {
    case StepKind::kRoute:
        return "route";
    case StepKind::kClusterDown:
        return "clusterdown";
    case StepKind::kError:
        return "error";
    case StepKind::kMigrateStart:
        return "migrate-start";
    case StepKind::kMigrateKeys:
        return "migrate-keys";
    case StepKind::kMigrateDone:
        return "migrate-done";
    case StepKind::kMigrateRange:
        return "migrate-range";
    case StepKind::kAddNode:
        return "add-node";
    case StepKind::kRemoveNode:
        return "remove-node";
    case StepKind::kFailNode:
        return "fail-node";
    case StepKind::kPromote:
        return "promote";
    case StepKind::kClientMap:
        return "client-map";
    }
    return "?";
}

bool isMigration(StepKind kind) {
    return kind == StepKind::kMigrateStart || kind == StepKind::kMigrateKeys ||
           kind == StepKind::kMigrateDone || kind == StepKind::kMigrateRange;
}

std::string_view redirectName(Redirect redirect) {
    switch (redirect) {
    case Redirect::kNone:
        return "";
    case Redirect::kMoved:
        return "MOVED";
    case Redirect::kAsk:
        return "ASK";
    case Redirect::kClusterDown:
        return "CLUSTERDOWN";
    }
    return "";
}

int ClusterState::masters() const {
    return static_cast<int>(std::count_if(nodes.begin(), nodes.end(), [](const ClusterNode& c) {
        return c.replicaOf < 0 && c.alive && !c.removed;
    }));
}

std::vector<int> ClusterState::slotsOf(int node) const {
    std::vector<int> out;
    for (int s = 0; s < kSlots; ++s) {
        if (owner[static_cast<std::size_t>(s)] == node) {
            out.push_back(s);
        }
    }
    return out;
}

std::int64_t ClusterState::keysOn(int node) const {
    return std::count_if(keyNode.begin(), keyNode.end(),
                         [node](const auto& kv) { return kv.second == node; });
}

ClusterState ClusterEngine::initialState() const {
    ClusterState s;
    for (int m = 0; m < masters_; ++m) {
        s.nodes.push_back({m, -1, true, false});
    }
    for (int m = 0; m < masters_; ++m) {
        for (int r = 0; r < replicas_; ++r) {
            s.nodes.push_back({static_cast<int>(s.nodes.size()), m, true, false});
        }
    }
    s.owner = clusterCreateOwners(masters_);
    s.clientOwner = s.owner;
    return s;
}

void ClusterEngine::apply(State& s, const Op& op, StepSink<Step, State>& sink) const {
    auto error = [&](const std::string& text) {
        if (sink.narrate()) {
            Step st;
            st.kind = StepKind::kError;
            st.text = text;
            sink.report(std::move(st), s);
        }
    };
    if (const std::string why = refusal(s, op); !why.empty()) {
        error(why);
        return;
    }
    switch (op.kind) {
    case Op::Kind::Route:
        route(s, op, sink);
        return;
    case Op::Kind::AddNode:
        addNode(s, sink);
        return;
    case Op::Kind::RemoveNode:
        removeNode(s, op.node, sink);
        return;
    case Op::Kind::Migrate:
        migrateSlot(s, op.slot, op.to, op.batch, sink);
        return;
    case Op::Kind::FailNode:
        failNode(s, op.node, sink);
        return;
    case Op::Kind::ClientMap:
        clientMap(s, op.slot, op.node, sink);
        return;
    }
}

std::string ClusterEngine::refusal(const State& s, const Op& op) {
    switch (op.kind) {
    case Op::Kind::Route:
    case Op::Kind::AddNode:
        return {};
    case Op::Kind::RemoveNode:
        if (!usable(s, op.node) && !(op.node >= 0 && op.node < static_cast<int>(s.nodes.size()) &&
                                     !s.nodes[op.node].removed)) {
            return "There is no " + n(op.node) + " to remove.";
        }
        if (s.nodes[op.node].replicaOf < 0 && s.masters() <= 1) {
            return "The last master cannot be removed: its slots would have nowhere to go.";
        }
        return {};
    case Op::Kind::Migrate:
        if (op.slot < 0 || op.slot >= kSlots || !usable(s, op.to) ||
            s.nodes[op.to].replicaOf >= 0) {
            return "A slot migrates to a live master: slot " + std::to_string(op.slot) + " to " +
                   n(op.to) + " is not possible.";
        }
        return {};
    case Op::Kind::FailNode:
        return usable(s, op.node) ? std::string() : "There is no live " + n(op.node) + " to fail.";
    case Op::Kind::ClientMap:
        if (op.slot < 0 || op.slot >= kSlots || op.node < 0 ||
            op.node >= static_cast<int>(s.nodes.size())) {
            return "A client's map names a node of the cluster for a slot: slot " +
                   std::to_string(op.slot) + " on " + n(op.node) + " is not possible.";
        }
        return {};
    }
    return {};
}

void ClusterEngine::migrateSlot(State& s, int slot, int to, int batch,
                                StepSink<Step, State>& sink) const {
    if (s.migration && s.migration->slot != slot) {
        migrateSlot(s, s.migration->slot, s.migration->to, -1, sink); // finish the other first
    }
    const int from = s.owner[static_cast<std::size_t>(slot)];
    if (!s.migration) {
        if (from == to) {
            if (sink.narrate()) {
                Step st;
                st.kind = StepKind::kError;
                st.text = N(to) + " already owns slot " + std::to_string(slot) + ".";
                sink.report(std::move(st), s);
            }
            return;
        }
        s.migration = Migration{slot, from, to};
        if (sink.narrate()) {
            Step st;
            st.kind = StepKind::kMigrateStart;
            st.slot = slot;
            st.from = from;
            st.to = to;
            st.text = "CLUSTER SETSLOT " + std::to_string(slot) + " IMPORTING on " + n(to) +
                      ", then MIGRATING on " + n(from) + ": slot " + std::to_string(slot) +
                      " starts moving, key by key.";
            sink.report(std::move(st), s);
        }
    }
    std::vector<std::string> pending;
    for (const auto& [key, where] : s.keyNode) {
        if (where == s.migration->from && keySlot(key) == slot) {
            pending.push_back(key);
        }
    }
    const std::size_t count =
        batch < 0 ? pending.size() : std::min(pending.size(), static_cast<std::size_t>(batch));
    for (std::size_t i = 0; i < count; ++i) {
        s.keyNode[pending[i]] = s.migration->to;
    }
    s.stats.keysMigrated += static_cast<std::int64_t>(count);
    if (sink.narrate() && (count > 0 || batch >= 0)) {
        Step st;
        st.kind = StepKind::kMigrateKeys;
        st.slot = slot;
        st.from = s.migration->from;
        st.to = s.migration->to;
        st.keysMoved = static_cast<int>(count);
        st.text = "MIGRATE moves " + std::to_string(count) + (count == 1 ? " key" : " keys") +
                  " of slot " + std::to_string(slot) + " from " + n(st.from) + " to " + n(st.to) +
                  (count < pending.size() ? "; " + std::to_string(pending.size() - count) +
                                                " still wait on " + n(st.from) + "."
                                          : ".");
        sink.report(std::move(st), s);
    }
    if (count < pending.size()) {
        return; // the slot stays MIGRATING/IMPORTING until the rest moves
    }
    s.owner[static_cast<std::size_t>(slot)] = s.migration->to;
    ++s.stats.slotsMigrated;
    const Migration done = *s.migration;
    s.migration.reset();
    if (sink.narrate()) {
        Step st;
        st.kind = StepKind::kMigrateDone;
        st.slot = slot;
        st.from = done.from;
        st.to = done.to;
        st.text = "CLUSTER SETSLOT " + std::to_string(slot) + " NODE " + std::to_string(done.to) +
                  ": " + n(done.to) + " owns slot " + std::to_string(slot) +
                  " now. Clients that still send it to " + n(done.from) + " will get MOVED.";
        sink.report(std::move(st), s);
    }
}

void ClusterEngine::moveSlots(State& s, int from, int to, const std::vector<int>& slots,
                              StepSink<Step, State>& sink) const {
    if (slots.empty()) {
        return;
    }
    std::vector<bool> moving(kSlots, false);
    for (int sl : slots) {
        moving[static_cast<std::size_t>(sl)] = true;
        s.owner[static_cast<std::size_t>(sl)] = to;
    }
    int keys = 0;
    for (auto& [key, where] : s.keyNode) {
        if (where == from && moving[static_cast<std::size_t>(keySlot(key))]) {
            where = to;
            ++keys;
        }
    }
    s.stats.slotsMigrated += static_cast<std::int64_t>(slots.size());
    s.stats.keysMigrated += keys;
    if (sink.narrate()) {
        Step st;
        st.kind = StepKind::kMigrateRange;
        st.from = from;
        st.to = to;
        st.ranges = toRanges(slots);
        st.keysMoved = keys;
        st.text = N(from) + " hands " + std::to_string(slots.size()) + " slots (" +
                  rangesText(st.ranges) + ") and their " + std::to_string(keys) +
                  (keys == 1 ? " key" : " keys") + " to " + n(to) + ".";
        sink.report(std::move(st), s);
    }
}

void ClusterEngine::addNode(State& s, StepSink<Step, State>& sink) const {
    if (s.migration && usable(s, s.migration->from) && usable(s, s.migration->to)) {
        migrateSlot(s, s.migration->slot, s.migration->to, -1, sink); // finish it before resharding
    }
    const int id = static_cast<int>(s.nodes.size());
    s.nodes.push_back({id, -1, true, false});
    if (sink.narrate()) {
        Step st;
        st.kind = StepKind::kAddNode;
        st.node = id;
        st.text = N(id) + " joins the cluster as an empty master; a rebalance gives it slots.";
        sink.report(std::move(st), s);
    }
    // Targets as even as possible; masters holding the most slots give first, lowest slots first
    // (as `redis-cli --cluster rebalance` takes from the fullest sources).
    std::vector<int> masters;
    for (const auto& c : s.nodes) {
        if (c.replicaOf < 0 && c.alive && !c.removed) {
            masters.push_back(c.id);
        }
    }
    const int m = static_cast<int>(masters.size());
    std::vector<std::vector<int>> slots(s.nodes.size());
    for (int sl = 0; sl < kSlots; ++sl) {
        const int o = s.owner[static_cast<std::size_t>(sl)];
        if (o >= 0) {
            slots[static_cast<std::size_t>(o)].push_back(sl);
        }
    }
    std::vector<int> sources(masters.begin(), masters.end() - 1);
    std::stable_sort(sources.begin(), sources.end(), [&](int a, int b) {
        return slots[static_cast<std::size_t>(a)].size() >
               slots[static_cast<std::size_t>(b)].size();
    });
    for (std::size_t rank = 0; rank < sources.size(); ++rank) {
        const int src = sources[rank];
        // The fullest sources keep the extra slot of an uneven split.
        const int target = kSlots / m + (static_cast<int>(rank) < kSlots % m ? 1 : 0);
        const auto& have = slots[static_cast<std::size_t>(src)];
        const int give = static_cast<int>(have.size()) - target;
        if (give > 0) {
            moveSlots(s, src, id, std::vector<int>(have.begin(), have.begin() + give), sink);
        }
    }
}

void ClusterEngine::removeNode(State& s, int node, StepSink<Step, State>& sink) const {
    if (s.nodes[static_cast<std::size_t>(node)].replicaOf < 0) {
        if (s.migration && (s.migration->from == node || s.migration->to == node)) {
            migrateSlot(s, s.migration->slot, s.migration->to, -1, sink);
        }
        std::vector<int> receivers;
        for (const auto& c : s.nodes) {
            if (c.replicaOf < 0 && c.alive && !c.removed && c.id != node) {
                receivers.push_back(c.id);
            }
        }
        const std::vector<int> mine = s.slotsOf(node);
        // Each receiver tops up to an even share, the emptiest first.
        std::vector<std::size_t> have(s.nodes.size(), 0);
        for (int o : s.owner) {
            if (o >= 0) {
                ++have[static_cast<std::size_t>(o)];
            }
        }
        std::stable_sort(receivers.begin(), receivers.end(), [&](int a, int b) {
            return have[static_cast<std::size_t>(a)] < have[static_cast<std::size_t>(b)];
        });
        const int r = static_cast<int>(receivers.size());
        std::size_t next = 0;
        for (int i = 0; i < r && next < mine.size(); ++i) {
            const std::size_t target =
                static_cast<std::size_t>(kSlots / r + (i < kSlots % r ? 1 : 0));
            const std::size_t want = target > have[static_cast<std::size_t>(receivers[i])]
                                         ? target - have[static_cast<std::size_t>(receivers[i])]
                                         : 0;
            const std::size_t take =
                i == r - 1 ? mine.size() - next : std::min(want, mine.size() - next);
            moveSlots(s, node, receivers[static_cast<std::size_t>(i)],
                      std::vector<int>(mine.begin() + static_cast<long>(next),
                                       mine.begin() + static_cast<long>(next + take)),
                      sink);
            next += take;
        }
        for (auto& c : s.nodes) {
            if (c.replicaOf == node) {
                c.removed = true;
            }
        }
    }
    s.nodes[static_cast<std::size_t>(node)].removed = true;
    if (sink.narrate()) {
        Step st;
        st.kind = StepKind::kRemoveNode;
        st.node = node;
        st.text = N(node) + " leaves the cluster (CLUSTER FORGET on every node)" +
                  std::string(s.nodes[static_cast<std::size_t>(node)].replicaOf < 0
                                  ? ", with its replicas."
                                  : ".");
        sink.report(std::move(st), s);
    }
}

void ClusterEngine::failNode(State& s, int node, StepSink<Step, State>& sink) const {
    auto& failed = s.nodes[static_cast<std::size_t>(node)];
    failed.alive = false;
    int promoted = -1;
    if (failed.replicaOf < 0) {
        for (const auto& c : s.nodes) {
            if (c.replicaOf == node && c.alive && !c.removed) {
                promoted = c.id;
                break;
            }
        }
    }
    if (sink.narrate()) {
        Step st;
        st.kind = StepKind::kFailNode;
        st.node = node;
        st.text = N(node) + " fails." +
                  (failed.replicaOf >= 0 ? " It was a replica: nothing else changes."
                   : promoted < 0
                       ? " It has no replica, so its slots have no live owner: the cluster is down "
                         "for those keys."
                       : "");
        sink.report(std::move(st), s);
    }
    if (promoted < 0) {
        return;
    }
    s.nodes[static_cast<std::size_t>(promoted)].replicaOf = -1;
    for (auto& c : s.nodes) {
        if (c.replicaOf == node) {
            c.replicaOf = promoted;
        }
    }
    for (int& o : s.owner) {
        if (o == node) {
            o = promoted;
        }
    }
    for (auto& [key, where] : s.keyNode) {
        if (where == node) {
            where = promoted; // the replica holds a copy of every key its master had
        }
    }
    if (s.migration && s.migration->from == node) {
        s.migration->from = promoted; // the new master carries on the migration
    }
    if (s.migration && s.migration->to == node) {
        s.migration->to = promoted;
    }
    ++s.stats.failovers;
    if (sink.narrate()) {
        Step st;
        st.kind = StepKind::kPromote;
        st.node = promoted;
        st.from = node;
        st.text = "Its replica, " + n(promoted) + ", is promoted to master and serves " + n(node) +
                  "'s slots. (Writes it had not received yet are lost: replication is "
                  "asynchronous.)";
        sink.report(std::move(st), s);
    }
}

} // namespace fg::redis
