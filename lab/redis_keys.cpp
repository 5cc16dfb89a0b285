// RedisLab: keys in and the slot map out (SET through a client that follows MOVED and ASK,
// CLUSTER KEYSLOT, COUNTKEYSINSLOT and SHARDS).
#include "engines/redis/key_slot.h"
#include "lab/redis_client.h"
#include "lab/redis_lab.h"
#include "lab/stop_request.h"

#include <charconv>

namespace fg::lab {

namespace {

constexpr std::size_t kPipeline = 1000; // commands sent before their replies are read

// "MOVED 866 127.0.0.1:7001" or "ASK ...": the kind, the slot and the endpoint.
struct Redirection {
    std::string kind;
    int slot = -1;
    std::string endpoint;
};

Redirection redirectionOf(const RedisReply& r) {
    Redirection d;
    if (!r.isError()) {
        return d;
    }
    const std::size_t a = r.text.find(' ');
    const std::size_t b = a == std::string::npos ? a : r.text.find(' ', a + 1);
    const std::string kind = r.text.substr(0, a);
    if ((kind != "MOVED" && kind != "ASK") || b == std::string::npos) {
        return d;
    }
    d.kind = kind;
    d.slot = std::atoi(r.text.c_str() + a + 1);
    d.endpoint = r.text.substr(b + 1);
    return d;
}

// A flat [name, value, name, value...] array (CLUSTER SHARDS in RESP2): the value of `name`.
const RedisReply* field(const RedisReply& r, std::string_view name) {
    for (std::size_t i = 0; i + 1 < r.elements.size(); i += 2) {
        if (r.elements[i].text == name) {
            return &r.elements[i + 1];
        }
    }
    return nullptr;
}

long long integerOf(const RedisReply* r) {
    if (!r) {
        return 0;
    }
    if (r->type == RedisReply::Type::kInteger) {
        return r->integer;
    }
    long long v = 0;
    std::from_chars(r->text.data(), r->text.data() + r->text.size(), v);
    return v;
}

std::string textOf(const RedisReply* r) {
    return r ? r->text : std::string();
}

} // namespace

Status RedisLab::slotMap(std::vector<Shard>* shards) {
    RedisReply r;
    if (Status s = call(liveNode(), {"CLUSTER", "SHARDS"}, &r); !s) {
        return s;
    }
    if (r.isError()) {
        return Status::failure("CLUSTER SHARDS", r.text);
    }
    shards->clear();
    for (const RedisReply& shard : r.elements) {
        Shard out;
        if (const RedisReply* r = field(shard, "slots")) {
            for (std::size_t i = 0; i + 1 < r->elements.size(); i += 2) {
                out.ranges.emplace_back(static_cast<int>(integerOf(&r->elements[i])),
                                        static_cast<int>(integerOf(&r->elements[i + 1])));
            }
        }
        if (const RedisReply* nodes = field(shard, "nodes")) {
            for (const RedisReply& n : nodes->elements) {
                ShardNode sn{textOf(field(n, "id")),
                             static_cast<int>(integerOf(field(n, "port"))),
                             textOf(field(n, "role")),
                             textOf(field(n, "health")),
                             integerOf(field(n, "replication-offset")),
                             -1};
                sn.node = nodeAt(":" + std::to_string(sn.port));
                out.nodes.push_back(std::move(sn));
            }
        }
        shards->push_back(std::move(out));
    }
    return Status::ok();
}

Status RedisLab::slotOwners(std::vector<int>* owner) {
    std::vector<Shard> shards;
    if (Status s = slotMap(&shards); !s) {
        return s;
    }
    owner->assign(redis::kSlots, -1);
    for (const Shard& shard : shards) {
        // The shard's master, leaving out one the lab killed that a node may not yet call failed.
        int master = -1;
        for (const ShardNode& n : shard.nodes) {
            const bool killed = n.node >= 0 && killed_[static_cast<std::size_t>(n.node)];
            master = master < 0 && n.role == "master" && !n.failed() && !killed ? n.node : master;
        }
        for (const auto& [first, last] : shard.ranges) {
            for (int slot = std::max(first, 0); slot <= last && slot < redis::kSlots; ++slot) {
                (*owner)[static_cast<std::size_t>(slot)] = master;
            }
        }
    }
    return Status::ok();
}

// One round of SETs: each key to the node `owner` names for its slot, pipelined per node. Keys
// answered MOVED update `owner` and go to `retry`; ASK is followed at once (ASKING, then SET).
Status RedisLab::setRound(std::span<const std::string> keys, const std::vector<std::size_t>& which,
                          std::vector<int>& owner, std::vector<int>* servedBy,
                          std::vector<std::size_t>* retry) {
    std::vector<std::vector<std::size_t>> byNode(nodes_.size());
    for (const std::size_t i : which) {
        const int node = owner[static_cast<std::size_t>(redis::keySlot(keys[i]))];
        byNode[static_cast<std::size_t>(std::max(node, 0))].push_back(i);
    }
    for (std::size_t node = 0; node < byNode.size(); ++node) {
        const std::vector<std::size_t>& mine = byNode[node];
        RedisConnection* c = nullptr;
        if (!mine.empty()) {
            if (Status s = connection(static_cast<int>(node), &c); !s) {
                return s;
            }
        }
        for (std::size_t at = 0; at < mine.size(); at += kPipeline) {
            if (stopRequested()) {
                return Status::failure("SET", kStoppedSentence);
            }
            const std::size_t end = std::min(mine.size(), at + kPipeline);
            for (std::size_t j = at; j < end; ++j) {
                c->append({"SET", keys[mine[j]], "1"});
            }
            for (std::size_t j = at; j < end; ++j) {
                RedisReply r;
                if (Status s = c->read(&r); !s) {
                    return s;
                }
                if (Status s = settle(keys[mine[j]], static_cast<int>(node), r, owner,
                                      &(*servedBy)[mine[j]]);
                    !s) {
                    return s;
                }
                if ((*servedBy)[mine[j]] < 0) {
                    retry->push_back(mine[j]);
                }
            }
        }
    }
    return Status::ok();
}

// What one SET's reply means: stored by `node`; MOVED (the map updated, `served` left -1 for a
// retry); ASK (followed now); anything else is a failure naming the key.
Status RedisLab::settle(const std::string& key, int node, const RedisReply& r,
                        std::vector<int>& owner, int* served) {
    if (!r.isError()) {
        *served = node;
        return Status::ok();
    }
    const Redirection d = redirectionOf(r);
    const int target = nodeAt(d.endpoint);
    if (d.kind == "MOVED" && target >= 0) {
        owner[static_cast<std::size_t>(d.slot)] = target;
        return Status::ok();
    }
    if (d.kind == "ASK" && target >= 0) {
        RedisConnection* c = nullptr;
        if (Status s = connection(target, &c); !s) {
            return s;
        }
        RedisReply asking, set;
        c->append({"ASKING"});
        c->append({"SET", key, "1"});
        if (Status s = c->read(&asking); !s) {
            return s;
        }
        if (Status s = c->read(&set); !s) {
            return s;
        }
        if (!set.isError()) {
            *served = target;
            return Status::ok();
        }
        return Status::failure("SET " + key, set.text);
    }
    return Status::failure("SET " + key, r.text);
}

Status RedisLab::sendKeys(std::span<const std::string> keys, std::vector<int>* servedBy) {
    std::vector<int> owner;
    if (Status s = slotOwners(&owner); !s) {
        return s;
    }
    servedBy->assign(keys.size(), -1);
    std::vector<std::size_t> pending(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        pending[i] = i;
    }
    for (int round = 0; round < 5 && !pending.empty(); ++round) {
        std::vector<std::size_t> retry;
        if (Status s = setRound(keys, pending, owner, servedBy, &retry); !s) {
            return s;
        }
        pending = std::move(retry);
    }
    if (!pending.empty()) {
        return Status::failure("SET " + keys[pending.front()],
                               "still redirected after 5 rounds of MOVED");
    }
    return Status::ok();
}

Status RedisLab::keySlots(std::span<const std::string> keys, std::vector<int>* keySlotOf) {
    RedisConnection* c = nullptr;
    if (Status s = connection(liveNode(), &c); !s) {
        return s;
    }
    keySlotOf->assign(keys.size(), -1);
    for (std::size_t at = 0; at < keys.size(); at += kPipeline) {
        if (stopRequested()) {
            return Status::failure("CLUSTER KEYSLOT", kStoppedSentence);
        }
        const std::size_t end = std::min(keys.size(), at + kPipeline);
        for (std::size_t i = at; i < end; ++i) {
            c->append({"CLUSTER", "KEYSLOT", keys[i]});
        }
        for (std::size_t i = at; i < end; ++i) {
            RedisReply r;
            if (Status s = c->read(&r); !s) {
                return s;
            }
            if (r.isError()) {
                return Status::failure("CLUSTER KEYSLOT " + keys[i], r.text);
            }
            (*keySlotOf)[i] = static_cast<int>(r.integer);
        }
    }
    return Status::ok();
}

Status RedisLab::keySlot(std::string_view key, int* slot) {
    std::vector<int> one;
    const std::string k(key);
    if (Status s = keySlots(std::span<const std::string>(&k, 1), &one); !s) {
        return s;
    }
    *slot = one.front();
    return Status::ok();
}

Status RedisLab::countKeysInSlot(int slot, long long* count) {
    if (slot < 0 || slot >= redis::kSlots) {
        return Status::error("slot", "a slot is 0 to 16383");
    }
    std::vector<int> owner;
    if (Status s = slotOwners(&owner); !s) {
        return s;
    }
    RedisReply r;
    const std::string which = std::to_string(slot);
    if (Status s =
            call(owner[static_cast<std::size_t>(slot)], {"CLUSTER", "COUNTKEYSINSLOT", which}, &r);
        !s) {
        return s;
    }
    if (r.isError()) {
        return Status::failure("CLUSTER COUNTKEYSINSLOT " + which, r.text);
    }
    *count = r.integer;
    return Status::ok();
}

Status RedisLab::countKeysInSlots(const std::vector<int>& slotList,
                                  std::vector<long long>* counts) {
    std::vector<int> owner;
    if (Status s = slotOwners(&owner); !s) {
        return s;
    }
    std::vector<std::vector<std::size_t>> byNode(nodes_.size());
    for (std::size_t i = 0; i < slotList.size(); ++i) {
        if (slotList[i] < 0 || slotList[i] >= redis::kSlots) {
            return Status::error("slot", "a slot is 0 to 16383");
        }
        const int node = owner[static_cast<std::size_t>(slotList[i])];
        if (node < 0) {
            return Status::failure("slot " + std::to_string(slotList[i]),
                                   "no live master serves it");
        }
        byNode[static_cast<std::size_t>(node)].push_back(i);
    }
    counts->assign(slotList.size(), 0);
    for (std::size_t node = 0; node < byNode.size(); ++node) {
        RedisConnection* c = nullptr;
        if (byNode[node].empty()) {
            continue;
        }
        if (Status s = connection(static_cast<int>(node), &c); !s) {
            return s;
        }
        for (const std::size_t i : byNode[node]) {
            const std::string which = std::to_string(slotList[i]);
            c->append({"CLUSTER", "COUNTKEYSINSLOT", which});
        }
        for (const std::size_t i : byNode[node]) {
            RedisReply r;
            if (Status s = c->read(&r); !s) {
                return s;
            }
            if (r.isError()) {
                return Status::failure("CLUSTER COUNTKEYSINSLOT " + std::to_string(slotList[i]),
                                       r.text);
            }
            (*counts)[i] = r.integer;
        }
    }
    return Status::ok();
}

Status RedisLab::flushKeys() {
    std::vector<Shard> shards;
    if (Status s = slotMap(&shards); !s) {
        return s;
    }
    for (const Shard& shard : shards) {
        for (const ShardNode& n : shard.nodes) {
            // The shard's masters now (a replica promoted after a failover is one), not the
            // master the lab killed, which a node may not call failed yet.
            if (n.role != "master" || n.node < 0 || killed_[static_cast<std::size_t>(n.node)]) {
                continue;
            }
            RedisReply r;
            if (Status s = call(n.node, {"FLUSHALL"}, &r); !s) {
                return s;
            }
            if (r.isError()) {
                return Status::failure("FLUSHALL", r.text);
            }
        }
    }
    return Status::ok();
}

} // namespace fg::lab
