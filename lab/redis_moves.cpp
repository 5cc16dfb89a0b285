// RedisLab: a slot resharded step by step under a stale client's eyes, and a master's failover,
// each beside the model (redis::ClusterEngine).
#include "engines/core/recording_sink.h"
#include "engines/redis/cluster.h"
#include "engines/redis/key_slot.h"
#include "engines/scenario/scenario_reader.h"
#include "lab/private_server.h"
#include "lab/redis_client.h"
#include "lab/redis_lab.h"

#include <QElapsedTimer>
#include <QThread>
#include <algorithm>

namespace fg::lab {

namespace {

// A key that hashes to `slot` and is not in `taken` (the slot's keys): the probe for a key that
// was never written.
std::string absentKey(int slot, const std::vector<std::string>& taken) {
    for (long long n = 0;; ++n) {
        std::string key = "fieldguide:absent:" + std::to_string(n);
        if (redis::keySlot(key) == slot &&
            std::find(taken.begin(), taken.end(), key) == taken.end()) {
            return key;
        }
    }
}

std::string nodeText(int n) {
    return "node " + std::to_string(n);
}

std::string countText(std::size_t n) {
    return grouped(static_cast<std::int64_t>(n));
}

// "1 key", "2 keys", "1,000 keys".
std::string keysText(std::size_t n) {
    return countText(n) + (n == 1 ? " key" : " keys");
}

// What the first MIGRATE of a reshard step moves, of the slot's `keys`.
std::string firstMigrate(std::size_t batch, std::size_t keys, const std::string& to) {
    if (keys == 0) {
        return "The slot holds no key: MIGRATE has nothing to move.";
    }
    if (batch == 0) {
        return "MIGRATE moves none of its " + keysText(keys) + " yet.";
    }
    if (batch == keys) {
        return "MIGRATE moves " +
               (keys == 1 ? std::string("its only key") : "all its " + keysText(keys)) + " to " +
               to + ".";
    }
    return "MIGRATE moves " + countText(batch) + " of its " + keysText(keys) + " to " + to + ".";
}

} // namespace

// The model's cluster at the same point of the reshard: its client's map is the real one from
// before, its keys the slot's.
struct ReshardModel {
    redis::ClusterEngine engine;
    redis::ClusterState state;

    void apply(const redis::ClusterOp& op) {
        SilentSink<redis::ClusterStep, redis::ClusterState> silent;
        engine.apply(state, op, silent);
    }
    // What its client gets for GET key (on a copy: the client's map stays stale).
    std::pair<std::string, int> route(const std::string& key) const {
        redis::ClusterState copy = state;
        RecordingSink<redis::ClusterStep, redis::ClusterState> rec(false);
        engine.apply(copy, redis::ClusterOp::route(key), rec);
        if (rec.steps.empty()) {
            return {"", -1};
        }
        const redis::ClusterStep& st = rec.steps.back();
        return {std::string(redis::redirectName(st.redirect)), st.node};
    }
};

// Sends one command to `n` and writes it into `log` as redis-cli would echo it (`shown`); a
// refusal is a failure naming the command.
Status RedisLab::send(int n, const RedisArgs& args, const std::string& shown,
                      std::vector<std::string>* log, RedisReply* reply) {
    log->push_back("127.0.0.1:" + std::to_string(nodes_[static_cast<std::size_t>(n)].port) + "> " +
                   shown);
    RedisReply own;
    RedisReply* r = reply ? reply : &own;
    if (Status s = call(n, args, r); !s) {
        return s;
    }
    return r->isError() ? Status::failure(shown, r->text) : Status::ok();
}

// MIGRATE of `keys` from `from` to `to` in one command (the password shown as <password>).
Status RedisLab::migrate(int from, int to, std::span<const std::string> keys,
                         std::vector<std::string>* log) {
    if (keys.empty()) {
        return Status::ok();
    }
    const std::string port = std::to_string(nodes_[static_cast<std::size_t>(to)].port);
    RedisArgs args{"MIGRATE", "127.0.0.1", port,      "",        "0",
                   "5000",    "AUTH2",     "default", password_, "KEYS"};
    std::string shown = "MIGRATE 127.0.0.1 " + port + " \"\" 0 5000 AUTH2 default <password> KEYS";
    for (const std::string& k : keys) {
        args.push_back(k);
        shown += " " + k;
    }
    return send(from, args, shown, log, nullptr);
}

// GET key sent where the stale map says, the redirect followed once; beside the model's.
StaleReply RedisLab::probe(const std::string& key, const std::vector<int>& stale,
                           const ReshardModel& model) {
    StaleReply out;
    out.key = key;
    out.asked = stale[static_cast<std::size_t>(redis::keySlot(key))];
    RedisReply r;
    if (Status s = call(out.asked, {"GET", key}, &r); !s) {
        out.reply = "(" + s.message() + ")";
        return out;
    }
    out.reply = r.shown();
    const std::size_t space = r.isError() ? r.text.find(' ') : std::string::npos;
    const std::string kind = r.text.substr(0, space);
    if (r.isError() && (kind == "MOVED" || kind == "ASK")) {
        out.redirect = kind;
        out.redirectTo = nodeAt(r.text.substr(r.text.rfind(' ') + 1));
        RedisConnection* c = nullptr;
        if (out.redirectTo >= 0 && connection(out.redirectTo, &c)) {
            RedisReply asking, got;
            if (kind == "ASK") {
                c->append({"ASKING"});
            }
            c->append({"GET", key});
            const bool read = (kind != "ASK" || c->read(&asking)) && c->read(&got);
            out.followed = read ? got.shown() : "(no reply)";
        }
    }
    std::tie(out.modelRedirect, out.modelNode) = model.route(key);
    return out;
}

Status RedisLab::reshardSlot(int slot, int to, int firstBatch, std::vector<ReshardStep>* steps) {
    std::vector<int> owner;
    if (slot < 0 || slot >= redis::kSlots) {
        return Status::error("slot", "a slot is 0 to 16383");
    }
    if (Status s = slotOwners(&owner); !s) {
        return s;
    }
    const int from = owner[static_cast<std::size_t>(slot)];
    if (from >= 0 && from == to) { // said with what to do (a tester)
        return Status::error("to", "Slot " + std::to_string(slot) + " is already on " +
                                       nodeText(to) + ": pick another master to move it to.");
    }
    if (to < 0 || static_cast<std::size_t>(to) >= nodes_.size() ||
        killed_[static_cast<std::size_t>(to)] ||
        std::find(owner.begin(), owner.end(), to) == owner.end() || from < 0) {
        return Status::error("to", nodeText(to) +
                                       " is not a live master: pick a live master "
                                       "to move slot " +
                                       std::to_string(slot) + " to.");
    }
    long long count = 0;
    RedisReply listed;
    if (Status s = countKeysInSlot(slot, &count); !s) {
        return s;
    }
    const std::string which = std::to_string(slot);
    if (Status s = call(from, {"CLUSTER", "GETKEYSINSLOT", which, std::to_string(count)}, &listed);
        !s) {
        return s;
    }
    std::vector<std::string> keys;
    for (const RedisReply& k : listed.elements) {
        keys.push_back(k.text);
    }
    std::sort(keys.begin(), keys.end()); // the model moves a slot's keys in this order
    std::vector<std::string> probes(keys.begin(),
                                    keys.begin() + std::min<std::ptrdiff_t>(4, std::ssize(keys)));
    probes.push_back(absentKey(slot, keys));

    ReshardModel model{
        redis::ClusterEngine(masters_, nodes_.size() > static_cast<std::size_t>(masters_) ? 1 : 0),
        {}};
    model.state = model.engine.initialState();
    for (int s = 0; s < redis::kSlots; ++s) {
        if (owner[static_cast<std::size_t>(s)] >= 0) {
            model.state.owner[static_cast<std::size_t>(s)] = owner[static_cast<std::size_t>(s)];
        }
    }
    model.state.clientOwner = model.state.owner;
    for (const std::string& k : keys) {
        model.apply(redis::ClusterOp::route(k, "1"));
    }
    return reshardSteps(slot, from, to, firstBatch, keys, probes, owner, model, steps);
}

Status RedisLab::reshardSteps(int slot, int from, int to, int firstBatch,
                              const std::vector<std::string>& keys,
                              const std::vector<std::string>& probes, const std::vector<int>& stale,
                              ReshardModel& model, std::vector<ReshardStep>* steps) {
    const std::string s = std::to_string(slot);
    const std::string& fromId = nodes_[static_cast<std::size_t>(from)].id;
    const std::string& toId = nodes_[static_cast<std::size_t>(to)].id;
    const auto batch =
        static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(firstBatch, 0, std::ssize(keys)));
    steps->assign(4, {});
    const std::size_t rest = keys.size() - batch;
    (*steps)[0].text = "Before the reshard: slot " + s + " is on " + nodeText(from) + " with " +
                       keysText(keys.size()) + ", and the client's map says so.";
    (*steps)[1].text = "CLUSTER SETSLOT " + s + " IMPORTING on " + nodeText(to) +
                       ", then MIGRATING on " + nodeText(from) +
                       ": the slot starts to move, key by key.";
    (*steps)[2].text = firstMigrate(batch, keys.size(), nodeText(to));
    const std::string owns = "CLUSTER SETSLOT " + s + " NODE tells every master that " +
                             nodeText(to) + " owns the slot.";
    (*steps)[3].text =
        rest > 0 ? "MIGRATE moves the other " + keysText(rest) + ", and " + owns : owns;
    Status st;
    std::size_t step = 0;
    for (; step < steps->size() && st; ++step) {
        std::vector<std::string>& log = (*steps)[step].commands;
        if (step == 1) {
            st = send(to, {"CLUSTER", "SETSLOT", s, "IMPORTING", fromId},
                      "CLUSTER SETSLOT " + s + " IMPORTING " + fromId, &log, nullptr);
            st = st ? send(from, {"CLUSTER", "SETSLOT", s, "MIGRATING", toId},
                           "CLUSTER SETSLOT " + s + " MIGRATING " + toId, &log, nullptr)
                    : st;
            model.apply(redis::ClusterOp::migrate(slot, to, 0));
        } else if (step == 2) {
            st = migrate(from, to, std::span<const std::string>(keys).first(batch), &log);
            model.apply(redis::ClusterOp::migrate(slot, to, static_cast<int>(batch)));
        } else if (step == 3) {
            st = migrate(from, to, std::span<const std::string>(keys).subspan(batch), &log);
            st = st ? assignSlot(slot, from, to, &log) : st;
            model.apply(redis::ClusterOp::migrate(slot, to, -1));
        }
        for (const std::string& k : probes) {
            (*steps)[step].replies.push_back(probe(k, stale, model));
        }
    }
    steps->resize(step); // up to the step that failed, if one did
    return st;
}

// CLUSTER SETSLOT slot NODE to: on the importing node, then the migrating one, then the other
// masters (the order redis-cli uses).
Status RedisLab::assignSlot(int slot, int from, int to, std::vector<std::string>* log) {
    std::vector<int> order{to, from};
    for (int m = 0; m < static_cast<int>(nodes_.size()); ++m) {
        if (m != to && m != from && nodes_[static_cast<std::size_t>(m)].replicaOf < 0 &&
            !killed_[static_cast<std::size_t>(m)]) {
            order.push_back(m);
        }
    }
    const std::string s = std::to_string(slot);
    const std::string& toId = nodes_[static_cast<std::size_t>(to)].id;
    for (const int n : order) {
        if (Status st = send(n, {"CLUSTER", "SETSLOT", s, "NODE", toId},
                             "CLUSTER SETSLOT " + s + " NODE " + toId, log, nullptr);
            !st) {
            return st;
        }
    }
    return Status::ok();
}

Status RedisLab::failMaster(int master, FailoverReport* report) {
    const auto m = static_cast<std::size_t>(master);
    if (master < 0 || master >= masters_ || killed_[m]) {
        return Status::error("master", nodeText(master) + " is not a live master of this lab");
    }
    const auto replica = std::find_if(nodes_.begin(), nodes_.end(),
                                      [&](const RedisNode& n) { return n.replicaOf == master; });
    if (replica == nodes_.end()) {
        return Status::error("master", nodeText(master) + " has no replica to take over: start the "
                                                          "lab with replicas");
    }
    std::vector<int> owner;
    if (Status s = slotOwners(&owner); !s) {
        return s;
    }
    const auto first = std::find(owner.begin(), owner.end(), master);
    if (first == owner.end()) {
        return Status::error("master", nodeText(master) + " owns no slot");
    }
    const int slot = static_cast<int>(first - owner.begin());
    redis::ClusterEngine engine(masters_, 1);
    redis::ClusterState state = engine.initialState();
    RecordingSink<redis::ClusterStep, redis::ClusterState> rec(false);
    engine.apply(state, redis::ClusterOp::failNode(master), rec);
    *report = {};
    report->failed = master;
    for (const redis::ClusterStep& st : rec.steps) {
        report->modelPromoted =
            st.kind == redis::StepKind::kPromote ? st.node : report->modelPromoted;
    }
    QElapsedTimer clock;
    clock.start();
    servers_[m]->kill();
    killed_[m] = true;
    connections_[m].reset();
    return awaitPromotion(slot, clock, report);
}

// True when every node the lab did not kill says cluster_state:ok (a node still calls the
// cluster down for a moment after the promotion, and a SET sent to it gets CLUSTERDOWN).
bool RedisLab::everyLiveNodeOk() {
    for (const RedisNode& n : nodes_) {
        RedisReply r;
        if (killed_[static_cast<std::size_t>(n.index)]) {
            continue;
        }
        if (!call(n.index, {"CLUSTER", "INFO"}, &r) ||
            r.text.find("cluster_state:ok") == std::string::npos) {
            return false;
        }
    }
    return true;
}

// Polls CLUSTER SHARDS until a node other than the failed master serves `slot` and every live
// node says the cluster is ok.
Status RedisLab::awaitPromotion(int slot, const QElapsedTimer& clock, FailoverReport* report) {
    const int limitMs = 30000;
    while (clock.elapsed() < limitMs) {
        if (Status s = slotMap(&report->shards); !s) {
            return s;
        }
        for (const Shard& shard : report->shards) {
            const bool holds = std::any_of(shard.ranges.begin(), shard.ranges.end(), [&](auto r) {
                return r.first <= slot && slot <= r.second;
            });
            const int now = holds ? shard.master() : -1;
            if (now >= 0 && now != report->failed) {
                report->promoted = now;
            }
        }
        if (report->promoted >= 0 && everyLiveNodeOk()) {
            report->seconds = static_cast<double>(clock.elapsed()) / 1000.0;
            report->text = "Master " + std::to_string(report->failed) + " was killed (SIGKILL); " +
                           std::to_string(clock.elapsed()) + " ms later CLUSTER SHARDS shows " +
                           nodeText(report->promoted) +
                           " as the master of its slots. The model promotes " +
                           nodeText(report->modelPromoted) + ".";
            return Status::ok();
        }
        QThread::msleep(100);
    }
    return Status::failure("failover", "no replica took over slot " + std::to_string(slot) +
                                           " within " + std::to_string(limitMs / 1000) + " s");
}

} // namespace fg::lab
