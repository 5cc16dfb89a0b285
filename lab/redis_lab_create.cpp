// RedisLab: the cluster made as `redis-cli --cluster create` makes it, and waited for.
#include "engines/redis/slot_ranges.h"
#include "lab/redis_client.h"
#include "lab/redis_lab.h"
#include "lab/stop_request.h"

#include <QElapsedTimer>
#include <QThread>

namespace fg::lab {

namespace {

std::string nodeName(const RedisNode& n) {
    return "Redis node " + std::to_string(n.index) + " (127.0.0.1:" + std::to_string(n.port) + ")";
}

// The command went through and was not refused.
Status accepted(const Status& s, const RedisReply& r, const RedisNode& n, const char* command) {
    if (!s) {
        return s;
    }
    if (r.isError()) {
        return Status::failure(nodeName(n), std::string(command) + " was refused: " + r.text);
    }
    return Status::ok();
}

// How many lines of CLUSTER NODES are settled nodes (met, connected), and how many of them are
// replicas ("slave" in the flags).
std::pair<int, int> knownNodes(const std::string& nodes) {
    int known = 0, replicas = 0;
    std::size_t at = 0;
    while (at < nodes.size()) {
        std::size_t end = nodes.find('\n', at);
        end = end == std::string::npos ? nodes.size() : end;
        const std::string line = nodes.substr(at, end - at);
        at = end + 1;
        if (line.empty() || line.find("handshake") != std::string::npos ||
            line.find("noaddr") != std::string::npos ||
            line.find(" connected") == std::string::npos) {
            continue;
        }
        ++known;
        replicas += line.find("slave") != std::string::npos ? 1 : 0;
    }
    return {known, replicas};
}

} // namespace

Status RedisLab::createCluster(const RedisLabOptions&) {
    RedisReply r;
    for (RedisNode& n : nodes_) {
        if (Status s = accepted(call(n.index, {"CLUSTER", "MYID"}, &r), r, n, "CLUSTER MYID"); !s) {
            return s;
        }
        n.id = r.text;
    }
    const auto ranges = redis::clusterCreateRanges(masters_);
    for (int m = 0; m < masters_; ++m) {
        const std::string first = std::to_string(ranges[static_cast<std::size_t>(m)].first);
        const std::string last = std::to_string(ranges[static_cast<std::size_t>(m)].second);
        if (Status s = accepted(call(m, {"CLUSTER", "ADDSLOTSRANGE", first, last}, &r), r,
                                nodes_[static_cast<std::size_t>(m)], "CLUSTER ADDSLOTSRANGE");
            !s) {
            return s;
        }
    }
    for (const RedisNode& n : nodes_) {
        const std::string epoch = std::to_string(n.index + 1);
        if (Status s = accepted(call(n.index, {"CLUSTER", "SET-CONFIG-EPOCH", epoch}, &r), r, n,
                                "CLUSTER SET-CONFIG-EPOCH");
            !s) {
            return s;
        }
    }
    for (std::size_t i = 1; i < nodes_.size(); ++i) {
        const std::string port = std::to_string(nodes_[i].port);
        const std::string bus = std::to_string(nodes_[i].busPort);
        if (Status s = accepted(call(0, {"CLUSTER", "MEET", "127.0.0.1", port, bus}, &r), r,
                                nodes_[0], "CLUSTER MEET");
            !s) {
            return s;
        }
    }
    return replicate();
}

// Once every node knows every other, each replica follows its master.
Status RedisLab::replicate() {
    QElapsedTimer clock;
    clock.start();
    const int total = static_cast<int>(nodes_.size());
    RedisReply r;
    for (const RedisNode& n : nodes_) {
        while (true) {
            if (Status s = accepted(call(n.index, {"CLUSTER", "NODES"}, &r), r, n, "CLUSTER NODES");
                !s) {
                return s;
            }
            if (knownNodes(r.text).first == total) {
                break;
            }
            if (stopRequested()) {
                return Status::failure("Redis", kStoppedSentence);
            }
            if (clock.elapsed() > 20000) {
                return Status::failure(nodeName(n), "did not meet the other nodes within 20 s");
            }
            QThread::msleep(20);
        }
    }
    for (const RedisNode& n : nodes_) {
        if (n.replicaOf >= 0) {
            const std::string& master = nodes_[static_cast<std::size_t>(n.replicaOf)].id;
            if (Status s = accepted(call(n.index, {"CLUSTER", "REPLICATE", master}, &r), r, n,
                                    "CLUSTER REPLICATE");
                !s) {
                return s;
            }
        }
    }
    return Status::ok();
}

// Why node `n` is not ready yet (empty: it is): its cluster state, the roles it knows, its link
// to its master.
std::string RedisLab::notReady(const RedisNode& n, Status* failed) {
    RedisReply r;
    *failed = accepted(call(n.index, {"CLUSTER", "INFO"}, &r), r, n, "CLUSTER INFO");
    if (!*failed) {
        return failed->message();
    }
    if (r.text.find("cluster_state:ok") == std::string::npos) {
        return nodeName(n) + " says cluster_state:fail";
    }
    *failed = accepted(call(n.index, {"CLUSTER", "NODES"}, &r), r, n, "CLUSTER NODES");
    if (!*failed) {
        return failed->message();
    }
    const int replicas = static_cast<int>(nodes_.size()) - masters_;
    if (knownNodes(r.text) != std::pair<int, int>(static_cast<int>(nodes_.size()), replicas)) {
        return nodeName(n) + " does not know every replica yet";
    }
    if (n.replicaOf >= 0) {
        *failed = accepted(call(n.index, {"INFO", "replication"}, &r), r, n, "INFO");
        if (!*failed) {
            return failed->message();
        }
        if (r.text.find("master_link_status:up") == std::string::npos) {
            return nodeName(n) + " is not in sync with its master yet";
        }
    }
    return {};
}

Status RedisLab::waitUntilReady(const RedisLabOptions& options) {
    QElapsedTimer clock;
    clock.start();
    std::string why;
    while (clock.elapsed() <= options.startTimeoutMs) {
        why.clear();
        for (const RedisNode& n : nodes_) {
            Status failed;
            why = notReady(n, &failed);
            if (!failed) {
                return failed;
            }
            if (!why.empty()) {
                break;
            }
        }
        if (why.empty()) {
            return Status::ok();
        }
        if (stopRequested()) {
            return Status::failure("Redis Cluster", kStoppedSentence);
        }
        QThread::msleep(50);
    }
    return Status::failure("Redis Cluster", "not ready within " +
                                                std::to_string(options.startTimeoutMs / 1000) +
                                                " s: " + why);
}

} // namespace fg::lab
