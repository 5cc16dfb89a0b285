#include "lab/kafka_data.h"

#include <nlohmann/json.hpp>

namespace fg::lab {

using json = nlohmann::json;

namespace {

json optionalText(const std::optional<std::string>& s) {
    return s ? json(*s) : json(nullptr);
}

json partitionJson(const KafkaPartitionView& p) {
    return {{"topic", p.topic},
            {"partition", p.partition},
            {"leader", p.leader},
            {"replicas", p.replicas},
            {"isr", p.isr}};
}

json memberJson(const KafkaMemberView& m) {
    return {{"group", m.group},
            {"consumer", m.consumer},
            {"member_id", m.memberId},
            {"partitions", m.partitions}};
}

} // namespace

json toJson(const KafkaRecordRow& r) {
    json real = {{"partition", r.realPartition}, {"offset", r.realOffset}};
    if (!r.realError.empty()) {
        real["error"] = r.realError;
    }
    return {{"op", r.op},
            {"topic", r.topic},
            {"key", optionalText(r.key)},
            {"value", r.value},
            {"real", std::move(real)},
            {"model", {{"partition", r.modelPartition}, {"offset", r.modelOffset}}},
            {"same_partition", r.samePartition()}};
}

json toJson(const KafkaSide& side) {
    json partitions = json::array(), members = json::array();
    for (const auto& p : side.partitions) {
        partitions.push_back(partitionJson(p));
    }
    for (const auto& m : side.members) {
        members.push_back(memberJson(m));
    }
    json up = json::array();
    for (const bool b : side.brokersUp) {
        up.push_back(b);
    }
    return {{"partitions", std::move(partitions)},
            {"brokers_up", std::move(up)},
            {"members", std::move(members)}};
}

json toJson(const KafkaMoment& m) {
    json real = toJson(m.real), model = toJson(m.model);
    real["text"] = m.realText;
    real["seconds"] = m.seconds;
    model["text"] = m.modelText;
    return {{"op", m.op},
            {"op_text", m.opText},
            {"real", std::move(real)},
            {"model", std::move(model)}};
}

json toJson(const KafkaComparisonRow& r) {
    json j = {{"quantity", r.quantity}, {"real", r.real}, {"model", r.model}, {"agree", r.agree}};
    if (!r.why.empty()) {
        j["why"] = r.why;
    }
    return j;
}

json toJson(const KafkaLabRun& run) {
    json records = json::array(), moments = json::array(), rows = json::array();
    for (const auto& r : run.records) {
        records.push_back(toJson(r));
    }
    for (const auto& m : run.moments) {
        moments.push_back(toJson(m));
    }
    for (const auto& r : run.rows) {
        rows.push_back(toJson(r));
    }
    return {{"real",
             {{"is", run.label},
              {"librdkafka", run.version},
              {"bootstraps", run.bootstraps},
              {"settings", run.settings},
              {"seconds", run.seconds}}},
            {"records", std::move(records)},
            {"keyed", {{"records", run.keyed}, {"same_partition", run.keyedAgree}}},
            {"moments", std::move(moments)},
            {"comparison", std::move(rows)},
            {"summary", run.summary}};
}

namespace {

void readSide(const json& j, KafkaSide* side) {
    for (const json& p : j.at("partitions")) {
        KafkaPartitionView v;
        v.topic = p.at("topic").get<std::string>();
        v.partition = p.at("partition").get<int>();
        v.leader = p.at("leader").get<int>();
        v.replicas = p.at("replicas").get<std::vector<int>>();
        v.isr = p.at("isr").get<std::vector<int>>();
        side->partitions.push_back(std::move(v));
    }
    for (const json& b : j.at("brokers_up")) {
        side->brokersUp.push_back(b.get<bool>());
    }
    for (const json& m : j.at("members")) {
        KafkaMemberView v;
        v.group = m.at("group").get<std::string>();
        v.consumer = m.at("consumer").get<std::string>();
        v.memberId = m.at("member_id").get<std::string>();
        v.partitions = m.at("partitions").get<std::vector<std::string>>();
        side->members.push_back(std::move(v));
    }
}

KafkaRecordRow readRecord(const json& r) {
    KafkaRecordRow row;
    row.op = r.at("op").get<int>();
    row.topic = r.at("topic").get<std::string>();
    if (!r.at("key").is_null()) {
        row.key = r.at("key").get<std::string>();
    }
    row.value = r.at("value").get<std::string>();
    row.realPartition = r.at("real").at("partition").get<int>();
    row.realOffset = r.at("real").at("offset").get<std::int64_t>();
    row.realError = r.at("real").value("error", std::string());
    row.modelPartition = r.at("model").at("partition").get<int>();
    row.modelOffset = r.at("model").at("offset").get<std::int64_t>();
    return row;
}

KafkaMoment readMoment(const json& j) {
    KafkaMoment m;
    m.op = j.at("op").get<int>();
    m.opText = j.at("op_text").get<std::string>();
    m.realText = j.at("real").at("text").get<std::string>();
    m.seconds = j.at("real").at("seconds").get<double>();
    m.modelText = j.at("model").at("text").get<std::string>();
    readSide(j.at("real"), &m.real);
    readSide(j.at("model"), &m.model);
    return m;
}

} // namespace

Status fromJson(const json& j, KafkaLabRun* run) {
    try {
        *run = {};
        const json& real = j.at("real");
        run->label = real.at("is").get<std::string>();
        run->version = real.at("librdkafka").get<std::string>();
        run->bootstraps = real.at("bootstraps").get<std::string>();
        run->settings = real.at("settings").get<std::vector<std::string>>();
        run->seconds = real.at("seconds").get<double>();
        for (const json& r : j.at("records")) {
            run->records.push_back(readRecord(r));
        }
        run->keyed = j.at("keyed").at("records").get<int>();
        run->keyedAgree = j.at("keyed").at("same_partition").get<int>();
        for (const json& m : j.at("moments")) {
            run->moments.push_back(readMoment(m));
        }
        for (const json& r : j.at("comparison")) {
            KafkaComparisonRow row;
            row.quantity = r.at("quantity").get<std::string>();
            row.real = r.at("real").get<std::string>();
            row.model = r.at("model").get<std::string>();
            row.agree = r.at("agree").get<bool>();
            row.why = r.value("why", std::string());
            run->rows.push_back(std::move(row));
        }
        run->summary = j.at("summary").get<std::string>();
    } catch (const json::exception& e) {
        return Status::error("JSON", std::string("the Kafka lab's answer is not of the shape "
                                                 "expected: ") +
                                         e.what());
    }
    return Status::ok();
}

json momentPart(const KafkaLabRun& run, std::size_t index, std::size_t firstRow) {
    json records = json::array();
    for (std::size_t r = firstRow; r < run.records.size(); ++r) {
        records.push_back(toJson(run.records[r]));
    }
    return {{"version", run.version},
            {"index", index},
            {"moment", toJson(run.moments[index])},
            {"records_from", firstRow},
            {"records", std::move(records)}};
}

Status addPart(const json& part, KafkaLabRun* run) {
    try {
        const auto index = part.at("index").get<std::size_t>();
        const auto from = part.at("records_from").get<std::size_t>();
        if (index > run->moments.size() || from > run->records.size()) {
            return Status::error("part", "a moment of the Kafka lab came out of order");
        }
        KafkaMoment moment = readMoment(part.at("moment"));
        std::vector<KafkaRecordRow> records;
        for (const json& r : part.at("records")) {
            records.push_back(readRecord(r));
        }
        run->version = part.at("version").get<std::string>();
        run->moments.resize(index);
        run->moments.push_back(std::move(moment));
        run->records.resize(from);
        run->records.insert(run->records.end(), records.begin(), records.end());
    } catch (const json::exception& e) {
        return Status::error("part", std::string("a moment of the Kafka lab is not of the shape "
                                                 "expected: ") +
                                         e.what());
    }
    return Status::ok();
}

} // namespace fg::lab
