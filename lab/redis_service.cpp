#include "lab/redis_service.h"

#include "engines/core/timeline.h"
#include "engines/redis/cluster.h"
#include "engines/redis/key_slot.h"
#include "engines/scenario/scenario_reader.h"
#include "lab/redis_lab.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_set>

namespace fg::lab {

struct RedisService::State {
    std::unique_ptr<RedisLab> lab;
    // The model's cluster: the real one's masters and replicas, moved and failed as it is.
    redis::ClusterEngine engine{3, 0};
    redis::ClusterState model;
    // The slots that hold the last send's keys, and the model's count of keys in each.
    std::vector<int> filled;
    std::vector<long long> modelCounts;

    void applyToModel(const redis::ClusterOp& op) {
        SilentSink<redis::ClusterStep, redis::ClusterState> silent;
        engine.apply(model, op, silent);
    }
};

namespace {

// An integer argument in [lo, hi], `fallback` when absent.
Status intArg(const nlohmann::json& args, const char* name, long long lo, long long hi,
              long long fallback, int* out) {
    const auto it = args.find(name);
    if (it == args.end()) {
        *out = static_cast<int>(fallback);
        return Status::ok();
    }
    if (!it->is_number_integer() || it->get<long long>() < lo || it->get<long long>() > hi) {
        return Status::error(name, "a whole number from " + std::to_string(lo) + " to " +
                                       std::to_string(hi));
    }
    *out = it->get<int>();
    return Status::ok();
}

Status boolArg(const nlohmann::json& args, const char* name, bool fallback, bool* out) {
    const auto it = args.find(name);
    if (it == args.end()) {
        *out = fallback;
        return Status::ok();
    }
    if (!it->is_boolean()) {
        return Status::error(name, "true or false");
    }
    *out = it->get<bool>();
    return Status::ok();
}

// The keys of a send, refused whole when one is not a string or a limit is passed.
Status keysArg(const nlohmann::json& args, std::vector<std::string>* keys) {
    const auto it = args.find("keys");
    if (it == args.end() || !it->is_array()) {
        return Status::error("keys", "a list of keys (strings) is required");
    }
    if (it->size() > RedisService::kMaxKeys) {
        return Status::error("keys", grouped(std::ssize(*it)) +
                                         " keys: the Lab sends at most 1,000,000 keys at once");
    }
    keys->reserve(it->size());
    for (std::size_t i = 0; i < it->size(); ++i) {
        const nlohmann::json& k = (*it)[i];
        if (!k.is_string()) {
            return Status::error("keys/" + std::to_string(i), "a key is a string");
        }
        if (k.get_ref<const std::string&>().size() > RedisService::kMaxKeyBytes) {
            return Status::error("keys/" + std::to_string(i),
                                 "the key is longer than 65,536 bytes, the Lab's limit for a key");
        }
        keys->push_back(k.get<std::string>());
    }
    return Status::ok();
}

std::vector<SlotRange> rangesOf(const std::vector<int>& owner) {
    std::vector<SlotRange> out;
    for (int slot = 0; slot < redis::kSlots; ++slot) {
        const int node = owner[static_cast<std::size_t>(slot)];
        if (out.empty() || out.back().node != node) {
            out.push_back({slot, slot, node});
        } else {
            out.back().last = slot;
        }
    }
    return out;
}

nlohmann::json shardsJson(const std::vector<Shard>& shards) {
    nlohmann::json out = nlohmann::json::array();
    for (const Shard& s : shards) {
        out.push_back(toJson(s));
    }
    return out;
}

// The rows of a send: every key's slot and owner, real and model; disagreements first, then the
// others in the order sent, cut at SendReport::kMaxRows.
void fillRows(const std::vector<std::string>& keys, const std::vector<int>& realSlot,
              const std::vector<int>& servedBy, const std::vector<int>& realOwner,
              const std::vector<int>& modelOwner, SendReport* report) {
    std::vector<KeyRow> agreeing;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        KeyRow row;
        row.slot = realSlot[i];
        row.modelSlot = redis::keySlot(keys[i]);
        row.owner = realOwner[static_cast<std::size_t>(row.slot)];
        row.modelOwner = modelOwner[static_cast<std::size_t>(row.modelSlot)];
        row.servedBy = servedBy[i];
        report->slotsAgree += row.slot == row.modelSlot ? 1 : 0;
        const bool ownerAgrees = row.owner == row.modelOwner && row.servedBy == row.modelOwner;
        report->ownersAgree += ownerAgrees ? 1 : 0;
        const bool agrees = row.agrees();
        std::vector<KeyRow>& into = agrees ? agreeing : report->rows;
        if (into.size() < SendReport::kMaxRows) {
            row.key = keys[i];
            into.push_back(std::move(row));
        }
    }
    for (KeyRow& row : agreeing) {
        if (report->rows.size() >= SendReport::kMaxRows) {
            break;
        }
        report->rows.push_back(std::move(row));
    }
    report->rowsLeftOut = static_cast<long long>(keys.size() - report->rows.size());
}

} // namespace

RedisService::RedisService() : state_(std::make_unique<State>()) {}
RedisService::~RedisService() {
    stop();
}

Status RedisService::handle(std::string_view op, const nlohmann::json& args, nlohmann::json* result,
                            const Progress& given) {
    const Progress progress = given ? given : [](const std::string&) {};
    if (args.is_null()) { // args left out
        return handle(op, nlohmann::json::object(), result, progress);
    }
    if (!args.is_object()) {
        return Status::error(std::string(op), "the arguments are an object: {...}");
    }
    if (op == "start") {
        return start(args, result, progress);
    }
    if (op == "stop") {
        stop();
        *result = nlohmann::json::object();
        return Status::ok();
    }
    const bool known = op == "send" || op == "shards" || op == "reshard" || op == "fail";
    if (!known) {
        return Status::error(std::string(op),
                             "the Redis lab knows start, send, shards, reshard, fail and stop");
    }
    if (!state_->lab) {
        return Status::error(std::string(op), "no cluster is running: start it first");
    }
    return op == "send"      ? send(args, result, progress)
           : op == "shards"  ? shards(result)
           : op == "reshard" ? reshard(args, result)
                             : fail(args, result, progress);
}

void RedisService::stop() {
    if (state_->lab) {
        state_->lab->stop();
        state_->lab.reset();
    }
}

Status RedisService::start(const nlohmann::json& args, nlohmann::json* result,
                           const Progress& progress) {
    RedisLabOptions options;
    if (Status s = intArg(args, "masters", RedisLab::kMinMasters, RedisLab::kMaxMasters, 3,
                          &options.masters);
        !s) {
        return s;
    }
    if (Status s = boolArg(args, "replicas", false, &options.replicas); !s) {
        return s;
    }
    stop();
    state_->filled.clear();
    state_->modelCounts.clear();
    const int total = options.masters * (options.replicas ? 2 : 1);
    progress("Starting " + std::to_string(total) +
             " Redis servers on 127.0.0.1 and making them one cluster...");
    if (Status s = RedisLab::start(options, &state_->lab); !s) {
        return s;
    }
    state_->engine = redis::ClusterEngine(options.masters, options.replicas ? 1 : 0);
    state_->model = state_->engine.initialState();
    std::vector<Shard> shards;
    if (Status s = state_->lab->slotMap(&shards); !s) {
        return s;
    }
    nlohmann::json nodes = nlohmann::json::array();
    for (const RedisNode& n : state_->lab->nodes()) {
        nodes.push_back(toJson(n));
    }
    *result = {{"nodes", std::move(nodes)},
               {"folder", state_->lab->folder().toStdString()},
               {"masters", options.masters},
               {"replicas", options.replicas},
               {"shards", shardsJson(shards)}};
    return Status::ok();
}

Status RedisService::send(const nlohmann::json& args, nlohmann::json* result,
                          const Progress& progress) {
    std::vector<std::string> keys;
    bool replace = true;
    if (Status s = keysArg(args, &keys); !s) {
        return s;
    }
    if (Status s = boolArg(args, "replace", true, &replace); !s) {
        return s;
    }
    RedisLab& lab = *state_->lab;
    if (replace) {
        if (Status s = lab.flushKeys(); !s) {
            return s;
        }
    }
    progress("Sending " + grouped(std::ssize(keys)) + (keys.size() == 1 ? " key" : " keys") +
             " (SET) and asking " + (keys.size() == 1 ? "its slot..." : "their slots..."));
    std::vector<int> servedBy, realSlot, realOwner;
    SendReport report;
    Status s = lab.sendKeys(keys, &servedBy);
    s = s ? lab.keySlots(keys, &realSlot) : s;
    s = s ? lab.slotOwners(&realOwner) : s;
    s = s ? lab.slotMap(&report.shards) : s;
    if (!s) {
        return s;
    }
    report.keys = static_cast<long long>(keys.size());
    fillRows(keys, realSlot, servedBy, realOwner, state_->model.owner, &report);
    report.modelRanges = rangesOf(state_->model.owner);
    progress("Counting the keys in each slot (COUNTKEYSINSLOT)...");
    if (Status c = countSlots(keys, realOwner, &report); !c) {
        return c;
    }
    const std::string n = std::to_string(keys.size());
    report.text = "agree: " + std::to_string(report.slotsAgree) + " of " + n + " slots, " +
                  std::to_string(report.ownersAgree) + " of " + n + " owners";
    *result = toJson(report);
    return Status::ok();
}

// The slots the keys fill and the model's count of distinct keys in each, kept for later counts.
Status RedisService::countSlots(const std::vector<std::string>& keys,
                                const std::vector<int>& realOwner, SendReport* report) {
    std::vector<long long> modelCount(redis::kSlots, 0);
    std::unordered_set<std::string_view> seen;
    seen.reserve(keys.size());
    for (const std::string& k : keys) {
        if (seen.insert(k).second) {
            ++modelCount[static_cast<std::size_t>(redis::keySlot(k))];
        }
    }
    state_->filled.clear();
    state_->modelCounts.clear();
    for (int slot = 0; slot < redis::kSlots; ++slot) {
        if (modelCount[static_cast<std::size_t>(slot)] > 0) {
            state_->filled.push_back(slot);
            state_->modelCounts.push_back(modelCount[static_cast<std::size_t>(slot)]);
        }
    }
    return countKeys(realOwner, &report->slotCounts, &report->keysPerNode,
                     &report->modelKeysPerNode);
}

// Per slot the last send filled: COUNTKEYSINSLOT beside the model's count; per node, their sums
// by the real owner and by the model's.
Status RedisService::countKeys(const std::vector<int>& realOwner,
                               std::vector<SlotCount>* slotCounts,
                               std::vector<long long>* keysPerNode,
                               std::vector<long long>* modelKeysPerNode) {
    std::vector<long long> real;
    if (Status s = state_->lab->countKeysInSlots(state_->filled, &real); !s) {
        return s;
    }
    const std::size_t nodes = state_->lab->nodes().size();
    keysPerNode->assign(nodes, 0);
    modelKeysPerNode->assign(nodes, 0);
    slotCounts->clear();
    for (std::size_t i = 0; i < state_->filled.size(); ++i) {
        const auto slot = static_cast<std::size_t>(state_->filled[i]);
        const long long model = state_->modelCounts[i];
        slotCounts->push_back({state_->filled[i], real[i], model});
        if (realOwner[slot] >= 0) {
            (*keysPerNode)[static_cast<std::size_t>(realOwner[slot])] += real[i];
        }
        const int modelOwner = state_->model.owner[slot];
        if (modelOwner >= 0 && static_cast<std::size_t>(modelOwner) < nodes) {
            (*modelKeysPerNode)[static_cast<std::size_t>(modelOwner)] += model;
        }
    }
    return Status::ok();
}

Status RedisService::shards(nlohmann::json* result) {
    std::vector<Shard> shards;
    if (Status s = state_->lab->slotMap(&shards); !s) {
        return s;
    }
    *result = {{"shards", shardsJson(shards)}};
    return Status::ok();
}

Status RedisService::reshard(const nlohmann::json& args, nlohmann::json* result) {
    int slot = 0, to = 0, firstBatch = 1;
    const int nodes = static_cast<int>(state_->lab->nodes().size());
    Status s = intArg(args, "slot", 0, redis::kSlots - 1, -1, &slot);
    s = s && !args.contains("slot") ? Status::error("slot", "the slot to move is required") : s;
    s = s ? intArg(args, "to", 0, nodes - 1, -1, &to) : s;
    s = s && !args.contains("to") ? Status::error("to", "the master to move it to is required") : s;
    s = s ? intArg(args, "firstBatch", 0, 1'000'000, 1, &firstBatch) : s;
    if (!s) {
        return s;
    }
    std::vector<int> owner;
    if (Status o = state_->lab->slotOwners(&owner); !o) {
        return o;
    }
    const int from = owner[static_cast<std::size_t>(slot)];
    std::vector<ReshardStep> steps;
    if (Status r = state_->lab->reshardSlot(slot, to, firstBatch, &steps); !r) {
        return r;
    }
    state_->applyToModel(redis::ClusterOp::migrate(slot, to));
    nlohmann::json out = nlohmann::json::array();
    for (const ReshardStep& step : steps) {
        out.push_back(toJson(step));
    }
    *result = {{"steps", std::move(out)}, {"slot", slot}, {"from", from}, {"to", to}};
    return Status::ok();
}

Status RedisService::fail(const nlohmann::json& args, nlohmann::json* result,
                          const Progress& progress) {
    int master = 0;
    const int masters = state_->lab->masters();
    Status s = intArg(args, "master", 0, masters - 1, -1, &master);
    s = s && !args.contains("master") ? Status::error("master", "the master to stop is required")
                                      : s;
    if (!s) {
        return s;
    }
    progress("Stopping master " + std::to_string(master) +
             " (SIGKILL) and waiting for its replica to take over...");
    FailoverReport report;
    if (Status f = state_->lab->failMaster(master, &report); !f) {
        return f;
    }
    state_->applyToModel(redis::ClusterOp::failNode(master));
    *result = toJson(report);
    // The last send's keys counted again where they are now (the replica has its master's).
    std::vector<int> owner;
    std::vector<SlotCount> counts;
    std::vector<long long> real, model;
    Status c = state_->lab->slotOwners(&owner);
    c = c ? countKeys(owner, &counts, &real, &model) : c;
    if (!c) {
        return c;
    }
    (*result)["keysPerNode"] = real;
    (*result)["modelKeysPerNode"] = model;
    return Status::ok();
}

} // namespace fg::lab
