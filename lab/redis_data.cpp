#include "lab/redis_data.h"

#include <nlohmann/json.hpp>

namespace fg::lab {

int Shard::master() const {
    for (const ShardNode& n : nodes) {
        if (n.role == "master" && !n.failed()) {
            return n.node;
        }
    }
    return -1;
}

// Field names are the structs' own (camelCase), as docs/lab-protocol.md lists them. fromJson
// uses at(): a missing field or one of another type throws nlohmann::json::exception.

namespace {

nlohmann::json toJson(const ShardNode& n) {
    return {{"id", n.id},         {"port", n.port}, {"role", n.role},
            {"health", n.health}, {"node", n.node}, {"replicationOffset", n.replicationOffset}};
}

void fromJson(const nlohmann::json& j, ShardNode* n) {
    j.at("id").get_to(n->id);
    j.at("port").get_to(n->port);
    j.at("role").get_to(n->role);
    j.at("health").get_to(n->health);
    j.at("node").get_to(n->node);
    j.at("replicationOffset").get_to(n->replicationOffset);
}

nlohmann::json toJson(const KeyRow& r) {
    return {{"key", r.key},
            {"slot", r.slot},
            {"modelSlot", r.modelSlot},
            {"owner", r.owner},
            {"modelOwner", r.modelOwner},
            {"servedBy", r.servedBy}};
}

void fromJson(const nlohmann::json& j, KeyRow* r) {
    j.at("key").get_to(r->key);
    j.at("slot").get_to(r->slot);
    j.at("modelSlot").get_to(r->modelSlot);
    j.at("owner").get_to(r->owner);
    j.at("modelOwner").get_to(r->modelOwner);
    j.at("servedBy").get_to(r->servedBy);
}

nlohmann::json toJson(const SlotRange& r) {
    return nlohmann::json::array({r.first, r.last, r.node});
}

void fromJson(const nlohmann::json& j, SlotRange* r) {
    j.at(0).get_to(r->first);
    j.at(1).get_to(r->last);
    j.at(2).get_to(r->node);
}

nlohmann::json toJson(const SlotCount& c) {
    return nlohmann::json::array({c.slot, c.real, c.model});
}

void fromJson(const nlohmann::json& j, SlotCount* c) {
    j.at(0).get_to(c->slot);
    j.at(1).get_to(c->real);
    j.at(2).get_to(c->model);
}

template <class T>
nlohmann::json listJson(const std::vector<T>& items) {
    nlohmann::json out = nlohmann::json::array();
    for (const T& item : items) {
        out.push_back(toJson(item));
    }
    return out;
}

template <class T>
void listFrom(const nlohmann::json& j, std::vector<T>* out) {
    out->clear();
    for (const nlohmann::json& item : j) {
        T value;
        fromJson(item, &value);
        out->push_back(std::move(value));
    }
}

} // namespace

nlohmann::json toJson(const RedisNode& n) {
    return {{"index", n.index},         {"id", n.id},  {"port", n.port}, {"busPort", n.busPort},
            {"replicaOf", n.replicaOf}, {"pid", n.pid}};
}

void fromJson(const nlohmann::json& j, RedisNode* n) {
    j.at("index").get_to(n->index);
    j.at("id").get_to(n->id);
    j.at("port").get_to(n->port);
    j.at("busPort").get_to(n->busPort);
    j.at("replicaOf").get_to(n->replicaOf);
    j.at("pid").get_to(n->pid);
}

nlohmann::json toJson(const Shard& shard) {
    nlohmann::json ranges = nlohmann::json::array();
    for (const auto& [first, last] : shard.ranges) {
        ranges.push_back({first, last});
    }
    return {{"ranges", std::move(ranges)}, {"nodes", listJson(shard.nodes)}};
}

void fromJson(const nlohmann::json& j, Shard* shard) {
    shard->ranges.clear();
    for (const nlohmann::json& r : j.at("ranges")) {
        shard->ranges.emplace_back(r.at(0).get<int>(), r.at(1).get<int>());
    }
    listFrom(j.at("nodes"), &shard->nodes);
}

nlohmann::json toJson(const StaleReply& r) {
    return {{"key", r.key},
            {"asked", r.asked},
            {"reply", r.reply},
            {"redirect", r.redirect},
            {"redirectTo", r.redirectTo},
            {"followed", r.followed},
            {"modelRedirect", r.modelRedirect},
            {"modelNode", r.modelNode}};
}

void fromJson(const nlohmann::json& j, StaleReply* r) {
    j.at("key").get_to(r->key);
    j.at("asked").get_to(r->asked);
    j.at("reply").get_to(r->reply);
    j.at("redirect").get_to(r->redirect);
    j.at("redirectTo").get_to(r->redirectTo);
    j.at("followed").get_to(r->followed);
    j.at("modelRedirect").get_to(r->modelRedirect);
    j.at("modelNode").get_to(r->modelNode);
}

nlohmann::json toJson(const ReshardStep& step) {
    return {{"text", step.text}, {"commands", step.commands}, {"replies", listJson(step.replies)}};
}

void fromJson(const nlohmann::json& j, ReshardStep* step) {
    j.at("text").get_to(step->text);
    j.at("commands").get_to(step->commands);
    listFrom(j.at("replies"), &step->replies);
}

nlohmann::json toJson(const FailoverReport& r) {
    return {{"failed", r.failed},   {"promoted", r.promoted}, {"modelPromoted", r.modelPromoted},
            {"seconds", r.seconds}, {"text", r.text},         {"shards", listJson(r.shards)}};
}

void fromJson(const nlohmann::json& j, FailoverReport* r) {
    j.at("failed").get_to(r->failed);
    j.at("promoted").get_to(r->promoted);
    j.at("modelPromoted").get_to(r->modelPromoted);
    j.at("seconds").get_to(r->seconds);
    j.at("text").get_to(r->text);
    listFrom(j.at("shards"), &r->shards);
}

nlohmann::json toJson(const SendReport& r) {
    return {{"keys", r.keys},
            {"slotsAgree", r.slotsAgree},
            {"ownersAgree", r.ownersAgree},
            {"rows", listJson(r.rows)},
            {"rowsLeftOut", r.rowsLeftOut},
            {"shards", listJson(r.shards)},
            {"modelRanges", listJson(r.modelRanges)},
            {"keysPerNode", r.keysPerNode},
            {"modelKeysPerNode", r.modelKeysPerNode},
            {"slotCounts", listJson(r.slotCounts)},
            {"text", r.text}};
}

void fromJson(const nlohmann::json& j, SendReport* r) {
    j.at("keys").get_to(r->keys);
    j.at("slotsAgree").get_to(r->slotsAgree);
    j.at("ownersAgree").get_to(r->ownersAgree);
    listFrom(j.at("rows"), &r->rows);
    j.at("rowsLeftOut").get_to(r->rowsLeftOut);
    listFrom(j.at("shards"), &r->shards);
    listFrom(j.at("modelRanges"), &r->modelRanges);
    j.at("keysPerNode").get_to(r->keysPerNode);
    j.at("modelKeysPerNode").get_to(r->modelKeysPerNode);
    listFrom(j.at("slotCounts"), &r->slotCounts);
    j.at("text").get_to(r->text);
}

} // namespace fg::lab
