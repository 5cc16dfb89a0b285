#include "lab/kafka_mock.h"

#include "lab/stop_request.h"

#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <map>
#include <netinet/in.h>
#include <set>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace fg::lab {

namespace {

using Clock = std::chrono::steady_clock;

// The consumers' session timeout. The mock's coordinator waits session.timeout.ms - 1 s before it
// assigns after a later join or leave (rdkafka_mock_cgrp.c, rd_kafka_mock_cgrp_rebalance), so a
// short session keeps a rebalance short; but a group's first member sends no heartbeat during
// its 3 s wait, and the mock drops a member silent for a session (checked every second): 1.5 s
// lost every first member, 3.5 s keeps a 0.5 s margin. Heartbeats every 100 ms.
constexpr int kSessionMs = 3500;
// rdkafka_mock_cgrp.c: a group's first member waits 3 s, "same as group.initial.rebalance.delay.ms
// on the broker"; no setting shortens it.
constexpr int kFirstJoinMs = 3000;
// The longest the lab waits for a group to settle after a join or a leave.
constexpr auto kSettleLimit = std::chrono::seconds(15);
// How long a settled group must stay unchanged before the lab believes it.
constexpr auto kSettleQuiet = std::chrono::milliseconds(250);
// A record the producer cannot deliver (its leader is down) fails after this long.
constexpr int kMessageTimeoutMs = 3000;

// librdkafka's own log lines (it would write them to standard error): the lab reports errors
// itself, from delivery reports and return codes.
void quiet(const rd_kafka_t*, int, const char*, const char*) {}

Status setConf(rd_kafka_conf_t* conf, const char* name, const std::string& value) {
    char err[512];
    if (rd_kafka_conf_set(conf, name, value.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK) {
        return Status::error(name,
                             std::string("librdkafka refused ") + name + "=" + value + ": " + err);
    }
    return Status::ok();
}

Status setAll(rd_kafka_conf_t* conf, const std::vector<std::pair<const char*, std::string>>& kv) {
    for (const auto& [name, value] : kv) {
        if (Status s = setConf(conf, name, value); !s) {
            return s;
        }
    }
    return Status::ok();
}

// librdkafka's name of the model's assignor: the model's eager "sticky" has no twin in
// librdkafka 2.0.2 (it has cooperative-sticky only).
std::string realAssignor(kafka::AssignorKind a) {
    switch (a) {
    case kafka::AssignorKind::Range:
        return "range";
    case kafka::AssignorKind::RoundRobin:
        return "roundrobin";
    case kafka::AssignorKind::Sticky:
    case kafka::AssignorKind::CooperativeSticky:
        break;
    }
    return "cooperative-sticky";
}

std::vector<std::string> assignmentOf(rd_kafka_t* rk) {
    std::vector<std::pair<std::string, int>> tps;
    rd_kafka_topic_partition_list_t* list = nullptr;
    if (rd_kafka_assignment(rk, &list) == RD_KAFKA_RESP_ERR_NO_ERROR && list) {
        for (int i = 0; i < list->cnt; ++i) {
            tps.emplace_back(list->elems[i].topic, list->elems[i].partition);
        }
        rd_kafka_topic_partition_list_destroy(list);
    }
    std::sort(tps.begin(), tps.end());
    std::vector<std::string> out;
    for (const auto& [t, p] : tps) {
        out.push_back(t + "-" + std::to_string(p));
    }
    return out;
}

std::string memberIdOf(rd_kafka_t* rk) {
    char* id = rd_kafka_memberid(rk);
    std::string out = id ? id : "";
    if (id) {
        rd_kafka_mem_free(rk, id);
    }
    return out;
}

// The mock cluster's thread may miss the wakeup of its destroy and sleep until its next 1 s
// tick: a connection to one of its brokers wakes its poll at once (most runs; the destroy still
// waits a second now and then, in the mock's own teardown, so a closing Lab skips it).
void wakeMockThread(const char* bootstraps) {
    const std::string all = bootstraps ? bootstraps : "";
    const std::string first = all.substr(0, all.find(','));
    const auto colon = first.rfind(':');
    if (colon == std::string::npos) {
        return;
    }
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(std::atoi(first.c_str() + colon + 1)));
    if (::inet_pton(AF_INET, first.substr(0, colon).c_str(), &to.sin_addr) != 1) {
        return;
    }
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd >= 0) {
        [[maybe_unused]] const int r = ::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to);
        ::close(fd);
    }
}

} // namespace

struct KafkaMock::Impl {
    struct Consumer {
        std::string group, name;
        std::set<std::string> topics;
        rd_kafka_t* rk = nullptr;
    };
    kafka::KafkaParams params;
    int coordinator = 0;
    rd_kafka_t* owner = nullptr; // the handle the mock cluster lives in
    rd_kafka_mock_cluster_t* cluster = nullptr;
    rd_kafka_t* producer = nullptr;
    std::vector<Consumer> consumers; // in joining order
    std::vector<bool> up;
    std::set<std::string> coordinated;           // groups whose coordinator the lab has set
    std::vector<KafkaRecordRow>* rows = nullptr; // during produce(): the rows being delivered

    ~Impl() {
        for (Consumer& c : consumers) {
            rd_kafka_destroy_flags(c.rk, RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE);
        }
        if (producer) {
            rd_kafka_destroy(producer);
        }
        if (stopRequested()) {
            // The Lab closed and the helper ends now: the cluster (sockets and threads, nothing
            // on disk) ends with it. Its destroy waited a second for the mock's threads in 2
            // closes of 6, however woken.
            return;
        }
        if (cluster) {
            wakeMockThread(rd_kafka_mock_cluster_bootstraps(cluster));
            rd_kafka_mock_cluster_destroy(cluster);
        }
        if (owner) {
            rd_kafka_destroy(owner);
        }
    }

    static void delivered(rd_kafka_t*, const rd_kafka_message_t* m, void* opaque) {
        auto* self = static_cast<Impl*>(opaque);
        const auto i = reinterpret_cast<std::uintptr_t>(m->_private);
        if (!self->rows || i >= self->rows->size()) {
            return;
        }
        KafkaRecordRow& row = (*self->rows)[i];
        if (m->err) {
            row.realError = rd_kafka_err2str(m->err);
            return;
        }
        row.realPartition = m->partition;
        row.realOffset = m->offset;
    }

    Status newClient(rd_kafka_type_t type,
                     const std::vector<std::pair<const char*, std::string>>& kv, rd_kafka_t** out,
                     const std::string& bootstraps) {
        rd_kafka_conf_t* conf = rd_kafka_conf_new();
        rd_kafka_conf_set_log_cb(conf, quiet);
        Status s = setAll(conf, kv);
        if (s && !bootstraps.empty()) {
            s = setConf(conf, "bootstrap.servers", bootstraps);
        }
        if (!s) {
            rd_kafka_conf_destroy(conf);
            return s;
        }
        if (type == RD_KAFKA_PRODUCER) {
            rd_kafka_conf_set_dr_msg_cb(conf, delivered);
            rd_kafka_conf_set_opaque(conf, this);
        }
        char err[512];
        *out = rd_kafka_new(type, conf, err, sizeof err); // owns conf when it succeeds
        if (!*out) {
            rd_kafka_conf_destroy(conf);
            return Status::error("librdkafka",
                                 std::string("librdkafka cannot start a client: ") + err);
        }
        return Status::ok();
    }

    std::vector<Consumer*> members(const std::string& group) {
        std::vector<Consumer*> out;
        for (Consumer& c : consumers) {
            if (c.group == group) {
                out.push_back(&c);
            }
        }
        return out;
    }

    // Each member's id and partitions; "valid" when every member has an id, every subscribed
    // partition one reader, and (when all subscribe alike) every member at least its share.
    bool settled(const std::vector<Consumer*>& group, std::vector<std::string>* snapshot) const;
    Status settle(const std::string& group);
};

bool KafkaMock::Impl::settled(const std::vector<Consumer*>& group,
                              std::vector<std::string>* snapshot) const {
    std::set<std::string> wanted, seen;
    bool alike = true, valid = true;
    for (const Consumer* c : group) {
        alike = alike && c->topics == group.front()->topics;
        for (const std::string& t : c->topics) {
            for (int p = 0; p < params.topics.at(t); ++p) {
                wanted.insert(t + "-" + std::to_string(p));
            }
        }
    }
    std::size_t share = 0; // range's least per member: the sum over topics of P_t / M
    for (const std::string& t : group.empty() ? std::set<std::string>() : group.front()->topics) {
        share += static_cast<std::size_t>(params.topics.at(t)) / group.size();
    }
    snapshot->clear();
    for (const Consumer* c : group) {
        const std::string id = memberIdOf(c->rk);
        const std::vector<std::string> tps = assignmentOf(c->rk);
        valid = valid && !id.empty() && (!alike || tps.size() >= share);
        std::string line = c->name + "=" + id + ":";
        for (const std::string& tp : tps) {
            valid = valid && seen.insert(tp).second;
            line += " " + tp;
        }
        snapshot->push_back(std::move(line));
    }
    return valid && seen == wanted;
}

Status KafkaMock::Impl::settle(const std::string& group) {
    const std::vector<Consumer*> all = members(group);
    if (all.empty()) {
        return Status::ok();
    }
    const auto start = Clock::now();
    std::vector<std::string> last, now;
    Clock::time_point since{};
    bool haveLast = false;
    while (Clock::now() - start < kSettleLimit) {
        if (stopRequested()) { // the Lab closed: end now, the cluster goes with the helper
            return Status::error({}, kStoppedSentence);
        }
        for (Consumer* c : all) {
            if (rd_kafka_message_t* m = rd_kafka_consumer_poll(c->rk, 5)) {
                rd_kafka_message_destroy(m); // the lab reads assignments, not records
            }
        }
        if (!settled(all, &now)) {
            haveLast = false;
            continue;
        }
        if (!haveLast || now != last) {
            last = now;
            since = Clock::now();
            haveLast = true;
        } else if (Clock::now() - since >= kSettleQuiet) {
            return Status::ok();
        }
    }
    return Status::error("group " + group, "the group " + group +
                                               " did not settle within 15 s (librdkafka's "
                                               "mock cluster: its coordinator gave no "
                                               "complete assignment)");
}

KafkaMock::KafkaMock() : impl_(std::make_unique<Impl>()) {}
KafkaMock::~KafkaMock() = default;

int KafkaMock::firstJoinWaitMs() {
    return kFirstJoinMs;
}

int KafkaMock::laterChangeWaitMs() const {
    return kSessionMs > 1000 ? kSessionMs - 1000 : kSessionMs;
}

std::string KafkaMock::version() {
    return rd_kafka_version_str();
}

namespace {

// Every listener of the mock cluster on the loopback address (rd_kafka_mock_cluster_new binds
// 127.0.0.1: checked, not assumed).
bool loopbackOnly(const std::string& bootstraps) {
    std::size_t at = 0;
    while (at <= bootstraps.size()) {
        const std::size_t comma = std::min(bootstraps.find(',', at), bootstraps.size());
        if (bootstraps.compare(at, 10, "127.0.0.1:") != 0) {
            return false;
        }
        at = comma + 1;
    }
    return !bootstraps.empty();
}

// What the lab set, a sentence each with why (KafkaLabRun::settings).
std::vector<std::string> settingsFor(const kafka::KafkaParams& params,
                                     const std::string& bootstraps, int coordinator,
                                     int laterWaitMs) {
    const std::string timeout = std::to_string(kMessageTimeoutMs);
    return {
        "The real side is librdkafka's mock cluster (rdkafka_mock.h, in this process, on " +
            bootstraps + "), not Apache Kafka's broker.",
        "partitioner=murmur2_random: keyed records go where the Java client sends them "
        "(murmur2 of the key, made positive, modulo the partitions); keyless records stay on one "
        "partition for sticky.partitioning.linger.ms (10 ms) before it picks another.",
        "Each partition's leader is set to the model's (Kafka's rack-unaware placement); its "
        "replicas are the mock's own (the first brokers), as its metadata shows.",
        "Consumers: partition.assignment.strategy=" + realAssignor(params.assignor) +
            (params.assignor == kafka::AssignorKind::Sticky
                 ? " (librdkafka 2.0.2 has no eager sticky assignor: its cooperative-sticky "
                   "reaches the same balanced, sticky assignment in two rounds)"
                 : "") +
            "; session.timeout.ms=" + std::to_string(kSessionMs) +
            " and heartbeat.interval.ms=100, so that the mock's coordinator waits " +
            std::to_string(laterWaitMs) + " ms after a later join or leave.",
        "A group's first member waits 3 s for others, as a real broker's "
        "group.initial.rebalance.delay.ms does: the mock cluster has no setting to shorten it.",
        "Groups are coordinated by broker " + std::to_string(coordinator) +
            ", one the scenario does not fail; message.timeout.ms=" + timeout +
            ": a record whose leader is down fails after 3 s; reconnect.backoff.max.ms=200: the "
            "producer reaches a broker that comes back within 0.2 s."};
}

} // namespace

Status KafkaMock::open(const kafka::KafkaParams& params, int coordinator,
                       std::unique_ptr<KafkaMock>* out) {
    std::unique_ptr<KafkaMock> mock(new KafkaMock());
    Impl& d = *mock->impl_;
    d.params = params;
    d.coordinator = coordinator;
    d.up.assign(static_cast<std::size_t>(params.brokers), true);
    if (Status s = d.newClient(RD_KAFKA_PRODUCER, {}, &d.owner, {}); !s) {
        return s;
    }
    d.cluster = rd_kafka_mock_cluster_new(d.owner, params.brokers);
    if (!d.cluster) {
        return Status::error("mock cluster", "librdkafka could not start its mock cluster");
    }
    mock->bootstraps_ = rd_kafka_mock_cluster_bootstraps(d.cluster);
    if (!loopbackOnly(mock->bootstraps_)) {
        return Status::error("mock cluster", "the mock cluster listens on " + mock->bootstraps_ +
                                                 ", not on 127.0.0.1 only: the lab stops here");
    }
    kafka::KafkaEngine engine(params);
    const kafka::KafkaState placed = engine.initialState();
    const std::string timeout = std::to_string(kMessageTimeoutMs);
    if (Status s = d.newClient(RD_KAFKA_PRODUCER,
                               {{"partitioner", "murmur2_random"},
                                {"message.timeout.ms", timeout},
                                {"topic.metadata.refresh.interval.ms", "100"},
                                {"reconnect.backoff.max.ms", "200"}},
                               &d.producer, mock->bootstraps_);
        !s) {
        return s;
    }
    for (const auto& [topic, count] : params.topics) {
        if (rd_kafka_resp_err_t e =
                rd_kafka_mock_topic_create(d.cluster, topic.c_str(), count, params.replication)) {
            return Status::error("topic " + topic, std::string("the mock cluster refused topic ") +
                                                       topic + ": " + rd_kafka_err2str(e));
        }
    }
    // Every call to the mock cluster waits for its thread, which sometimes misses the call's
    // wakeup and sleeps until its next 1 s tick or the next bytes on a connection (measured:
    // about one call in six; rdkafka_mock.c serves calls after every poll). So the producer,
    // started first, asks for metadata every 100 ms, and the leaders are set all at once, from
    // threads of their own.
    std::vector<std::thread> setters;
    for (const kafka::PartitionState& p : placed.partitions) {
        setters.emplace_back(
            [cluster = d.cluster, topic = p.topic, partition = p.partition, leader = p.leader + 1] {
                rd_kafka_mock_partition_set_leader(cluster, topic.c_str(), partition, leader);
            });
    }
    for (std::thread& t : setters) {
        t.join();
    }
    mock->settings_ =
        settingsFor(params, mock->bootstraps_, coordinator, mock->laterChangeWaitMs());
    *out = std::move(mock);
    return Status::ok();
}

Status KafkaMock::produce(std::vector<KafkaRecordRow>& rows, std::size_t first, std::size_t count) {
    Impl& d = *impl_;
    d.rows = &rows;
    for (std::size_t i = first; i < first + count; ++i) {
        const KafkaRecordRow& r = rows[i];
        void* opaque = reinterpret_cast<void*>(static_cast<std::uintptr_t>(i));
        auto* value = const_cast<char*>(r.value.data());
        rd_kafka_resp_err_t e = RD_KAFKA_RESP_ERR_NO_ERROR;
        do {
            e = r.key ? rd_kafka_producev(d.producer, RD_KAFKA_V_TOPIC(r.topic.c_str()),
                                          RD_KAFKA_V_KEY(r.key->data(), r.key->size()),
                                          RD_KAFKA_V_VALUE(value, r.value.size()),
                                          RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                          RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END)
                      : rd_kafka_producev(d.producer, RD_KAFKA_V_TOPIC(r.topic.c_str()),
                                          RD_KAFKA_V_VALUE(value, r.value.size()),
                                          RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                          RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END);
            if (e == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
                rd_kafka_poll(d.producer, 10);
            }
        } while (e == RD_KAFKA_RESP_ERR__QUEUE_FULL);
        if (e) {
            rows[i].realError = rd_kafka_err2str(e);
        }
    }
    // Waited for in short rounds, so that a quit request ends the wait at once.
    const auto flushUntil = Clock::now() + std::chrono::milliseconds(kMessageTimeoutMs + 2000);
    while (rd_kafka_flush(d.producer, 50) == RD_KAFKA_RESP_ERR__TIMED_OUT &&
           Clock::now() < flushUntil) {
        if (stopRequested()) {
            return Status::error({}, kStoppedSentence);
        }
    }
    d.rows = nullptr;
    for (std::size_t i = first; i < first + count; ++i) {
        if (rows[i].realPartition < 0 && rows[i].realError.empty()) {
            rows[i].realError = "no delivery report within " +
                                std::to_string((kMessageTimeoutMs + 2000) / 1000) + " s";
        }
    }
    return Status::ok();
}

Status KafkaMock::join(const std::string& group, const std::string& consumer,
                       const std::vector<std::string>& topics) {
    Impl& d = *impl_;
    for (const Impl::Consumer& c : d.consumers) {
        if (c.group == group && c.name == consumer) {
            return Status::ok(); // already a member, as the model says
        }
    }
    if (std::none_of(d.consumers.begin(), d.consumers.end(),
                     [&](const Impl::Consumer& c) { return c.group == group; }) &&
        d.coordinated.insert(group).second) {
        rd_kafka_mock_coordinator_set(d.cluster, "group", group.c_str(), d.coordinator + 1);
    }
    Impl::Consumer c;
    c.group = group;
    c.name = consumer;
    for (const auto& [topic, count] : d.params.topics) {
        if (topics.empty() || std::find(topics.begin(), topics.end(), topic) != topics.end()) {
            c.topics.insert(topic);
        }
    }
    if (Status s = d.newClient(RD_KAFKA_CONSUMER,
                               {{"group.id", group},
                                {"client.id", consumer},
                                {"partition.assignment.strategy", realAssignor(d.params.assignor)},
                                {"session.timeout.ms", std::to_string(kSessionMs)},
                                {"heartbeat.interval.ms", "100"},
                                {"auto.offset.reset", "earliest"},
                                {"enable.auto.commit", "false"}},
                               &c.rk, bootstraps_);
        !s) {
        return s;
    }
    rd_kafka_poll_set_consumer(c.rk);
    rd_kafka_topic_partition_list_t* list =
        rd_kafka_topic_partition_list_new(static_cast<int>(c.topics.size()));
    for (const std::string& t : c.topics) {
        rd_kafka_topic_partition_list_add(list, t.c_str(), RD_KAFKA_PARTITION_UA);
    }
    const rd_kafka_resp_err_t e = rd_kafka_subscribe(c.rk, list);
    rd_kafka_topic_partition_list_destroy(list);
    d.consumers.push_back(c);
    if (e) {
        return Status::error("join", consumer + " could not subscribe: " + rd_kafka_err2str(e));
    }
    return d.settle(group);
}

Status KafkaMock::leave(const std::string& group, const std::string& consumer) {
    Impl& d = *impl_;
    const auto it =
        std::find_if(d.consumers.begin(), d.consumers.end(), [&](const Impl::Consumer& c) {
            return c.group == group && c.name == consumer;
        });
    if (it == d.consumers.end()) {
        return Status::ok(); // not a member: nothing to leave, as the model says
    }
    rd_kafka_t* rk = it->rk;
    d.consumers.erase(it);
    rd_kafka_consumer_close(rk); // LeaveGroup
    rd_kafka_destroy(rk);
    return d.settle(group);
}

Status KafkaMock::failBroker(int broker) {
    Impl& d = *impl_;
    if (rd_kafka_resp_err_t e = rd_kafka_mock_broker_set_down(d.cluster, broker + 1)) {
        return Status::error("fail-broker", "the mock cluster could not take broker " +
                                                std::to_string(broker) +
                                                " down: " + rd_kafka_err2str(e));
    }
    d.up[static_cast<std::size_t>(broker)] = false;
    return Status::ok();
}

Status KafkaMock::recoverBroker(int broker) {
    Impl& d = *impl_;
    if (rd_kafka_resp_err_t e = rd_kafka_mock_broker_set_up(d.cluster, broker + 1)) {
        return Status::error("recover-broker", "the mock cluster could not bring broker " +
                                                   std::to_string(broker) +
                                                   " back up: " + rd_kafka_err2str(e));
    }
    d.up[static_cast<std::size_t>(broker)] = true;
    return Status::ok();
}

Status KafkaMock::side(KafkaSide* out) {
    Impl& d = *impl_;
    *out = {};
    out->brokersUp = d.up;
    const rd_kafka_metadata_t* md = nullptr;
    if (rd_kafka_resp_err_t e = rd_kafka_metadata(d.producer, 1, nullptr, &md, 5000)) {
        return Status::error("metadata", std::string("the producer could not read the mock "
                                                     "cluster's metadata: ") +
                                             rd_kafka_err2str(e));
    }
    std::map<std::pair<std::string, int>, KafkaPartitionView> byName;
    for (int t = 0; t < md->topic_cnt; ++t) {
        const rd_kafka_metadata_topic_t& topic = md->topics[t];
        for (int p = 0; p < topic.partition_cnt; ++p) {
            const rd_kafka_metadata_partition_t& mp = topic.partitions[p];
            KafkaPartitionView v;
            v.topic = topic.topic;
            v.partition = mp.id;
            v.leader = mp.leader >= 1 ? mp.leader - 1 : -1;
            for (int r = 0; r < mp.replica_cnt; ++r) {
                v.replicas.push_back(mp.replicas[r] - 1);
            }
            for (int r = 0; r < mp.isr_cnt; ++r) {
                v.isr.push_back(mp.isrs[r] - 1);
            }
            byName[{v.topic, v.partition}] = std::move(v);
        }
    }
    rd_kafka_metadata_destroy(md);
    for (auto& [name, v] : byName) {
        if (d.params.topics.count(name.first)) {
            out->partitions.push_back(std::move(v));
        }
    }
    for (const Impl::Consumer& c : d.consumers) {
        out->members.push_back({c.group, c.name, memberIdOf(c.rk), assignmentOf(c.rk)});
    }
    return Status::ok();
}

} // namespace fg::lab
