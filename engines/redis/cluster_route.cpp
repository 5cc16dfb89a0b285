// ClusterEngine as the client sees it (cluster.h): a key routed with the client's own slot map,
// redirected by MOVED and ASK, and that map set to an older one.
#include "engines/redis/cluster.h"
#include "engines/redis/cluster_detail.h"
#include "engines/redis/crc16.h"
#include "engines/redis/key_slot.h"

#include <cstdio>

namespace fg::redis {

using detail::n;
using detail::N;
using detail::usable;

namespace {

std::string hex4(int v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%04X", v);
    return buf;
}

} // namespace

void ClusterEngine::route(State& s, const Op& op, StepSink<Step, State>& sink) const {
    ++s.stats.routes;
    const int slot = keySlot(op.key);
    int node = s.clientOwner[static_cast<std::size_t>(slot)];
    const int first = node;
    Redirect redirect = Redirect::kNone;
    std::vector<Reply> replies;
    std::string hops;
    bool asking = false, down = false, refreshed = false;
    for (int hop = 0; hop < 6; ++hop) {
        if (!usable(s, node)) {
            // The client's node is gone: it refreshes its whole map (CLUSTER SLOTS), then retries.
            s.clientOwner = s.owner;
            node = s.owner[static_cast<std::size_t>(slot)];
            refreshed = true;
            if (sink.narrate()) {
                hops += " That node does not answer, so the client reloads the slot map.";
            }
            if (!usable(s, node)) {
                down = true;
                break;
            }
            continue;
        }
        const int realOwner = s.owner[static_cast<std::size_t>(slot)];
        const bool migrating = s.migration && s.migration->slot == slot;
        if (node == realOwner) {
            const auto it = s.keyNode.find(op.key);
            const bool here = it != s.keyNode.end() && it->second == node;
            if (migrating && !here) {
                if (!usable(s, s.migration->to)) {
                    down = true; // the importing node is gone with no replica
                    break;
                }
                ++s.stats.ask;
                redirect = Redirect::kAsk;
                replies.push_back({node, Redirect::kAsk, s.migration->to});
                node = s.migration->to;
                asking = true;
                if (sink.narrate()) {
                    hops += " It replies ASK " + std::to_string(slot) + " " + n(node) +
                            ": the slot is migrating and the key is not there, so the client "
                            "sends ASKING, then the command, to " +
                            n(node) + " (without changing its map).";
                }
                continue;
            }
            break;
        }
        if (migrating && asking && node == s.migration->to) {
            break; // an importing node serves a command that follows ASKING
        }
        ++s.stats.moved;
        redirect = Redirect::kMoved;
        replies.push_back({node, Redirect::kMoved, realOwner});
        s.clientOwner[static_cast<std::size_t>(slot)] = realOwner;
        if (sink.narrate()) {
            hops += " It replies MOVED " + std::to_string(slot) + " " + n(realOwner) +
                    ": the client updates its map and retries there.";
        }
        node = realOwner;
    }
    if (!down && !usable(s, s.owner[static_cast<std::size_t>(slot)])) {
        down = true;
    }
    if (down) {
        ++s.stats.clusterDown;
    } else if (op.value) {
        s.keyNode[op.key] = node;
        s.values[op.key] = *op.value;
    }
    if (!sink.narrate()) {
        return;
    }
    Step st;
    st.kind = down ? StepKind::kClusterDown : StepKind::kRoute;
    st.key = op.key;
    st.crc16 = crc16(hashedPart(op.key));
    st.slot = slot;
    st.node = down ? -1 : node;
    st.first = first;
    st.redirect = down ? Redirect::kClusterDown : redirect;
    st.replies = std::move(replies);
    if (hasHashTag(op.key)) {
        st.hashTag = std::string(hashedPart(op.key));
    }
    std::string what = "Key " + op.key;
    if (!st.hashTag.empty()) {
        what +=
            " has the hash tag {" + st.hashTag + "}, so only \"" + st.hashTag + "\" is hashed: it";
    }
    st.text = what + " hashes to slot " + std::to_string(slot) + " (CRC16 " + hex4(st.crc16) +
              " mod 16384); the client asks " + n(first) + "." + hops;
    // What the node does: a SET stores the key; a GET returns its value, or nil when no SET
    // made it (a tester read "serves the key" for a key that was never set).
    const std::string answer = op.value ? "stores the key"
                               : s.keyNode.count(op.key)
                                   ? "returns its value"
                                   : "replies (nil): the key does not exist (no SET made it)";
    if (down) {
        st.text += " No live node serves slot " + std::to_string(slot) + ": CLUSTERDOWN.";
    } else if (redirect == Redirect::kNone && !refreshed) {
        st.text += " It owns the slot and " + answer + ".";
    } else {
        st.text += " " + N(node) + " " + answer + ".";
    }
    sink.report(std::move(st), s);
}

void ClusterEngine::clientMap(State& s, int slot, int node, StepSink<Step, State>& sink) const {
    int& believed = s.clientOwner[static_cast<std::size_t>(slot)];
    const int before = believed;
    believed = node;
    if (!sink.narrate()) {
        return;
    }
    Step st;
    st.kind = StepKind::kClientMap;
    st.slot = slot;
    st.node = node;
    st.from = before;
    const int owner = s.owner[static_cast<std::size_t>(slot)];
    st.text = "The client's slot map says " + n(node) + " serves slot " + std::to_string(slot) +
              (owner == node ? ", as the cluster does."
                             : ", but " + n(owner) +
                                   " owns it: the client's map is older than the cluster's.");
    sink.report(std::move(st), s);
}

} // namespace fg::redis
