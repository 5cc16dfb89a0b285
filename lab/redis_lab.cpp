// RedisLab: starting the nodes, creating the cluster, stopping it.
#include "lab/redis_lab.h"

#include "engines/redis/slot_ranges.h"
#include "lab/free_ports.h"
#include "lab/lab_folder.h"
#include "lab/lab_programs.h"
#include "lab/private_server.h"
#include "lab/redis_client.h"
#include "lab/stop_request.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QThread>
#include <csignal>

namespace fg::lab {

namespace {

std::string generatedPassword() {
    QByteArray bytes(24, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()),
                                          bytes.size() / 4);
    return bytes.toHex().toStdString();
}

// A node's configuration: loopback only, protected, password, cluster on, nothing on disk.
QByteArray nodeConfig(const RedisNode& n, const std::string& password, const QString& folder,
                      int nodeTimeoutMs) {
    const QByteArray pw = QByteArray::fromStdString(password);
    const QByteArray dir = QFile::encodeName(folder).replace('\\', "\\\\").replace('"', "\\\"");
    return "bind 127.0.0.1\n"
           "port " +
           QByteArray::number(n.port) +
           "\n"
           "cluster-port " +
           QByteArray::number(n.busPort) +
           "\n"
           "protected-mode yes\n"
           "requirepass " +
           pw +
           "\n"
           "masterauth " +
           pw +
           "\n"
           "cluster-enabled yes\n"
           "cluster-config-file nodes-" +
           QByteArray::number(n.index) +
           ".conf\n"
           "cluster-node-timeout " +
           QByteArray::number(nodeTimeoutMs) +
           "\n"
           // A replica takes over however long its master was gone (the lab kills masters).
           "cluster-replica-validity-factor 0\n"
           "dir \"" +
           dir +
           "\"\n"
           "save \"\"\n"
           "appendonly no\n"
           "daemonize no\n"
           "repl-diskless-sync-delay 0\n";
}

bool portTaken(const QString& log) {
    return logTail(log, 20).contains(QLatin1String("Address already in use"));
}

} // namespace

RedisLab::RedisLab() = default;

RedisLab::~RedisLab() {
    stop();
}

QString RedisLab::folder() const {
    return folder_ ? folder_->path() : QString();
}

Status RedisLab::start(const RedisLabOptions& options, std::unique_ptr<RedisLab>* out) {
    if (options.masters < kMinMasters || options.masters > kMaxMasters) {
        return Status::error("masters", "a lab cluster has 3 to 6 masters");
    }
    const std::size_t total =
        static_cast<std::size_t>(options.masters) * (options.replicas ? 2 : 1);
    if (!options.ports.empty() && options.ports.size() != total) {
        return Status::error("ports", "one port per node: " + std::to_string(total));
    }
    Status s;
    // Free ports picked by the kernel may be taken by another program before a node binds them:
    // then the lab tries again with others (never with ports that were asked for).
    for (int attempt = 0; attempt < 3; ++attempt) {
        std::unique_ptr<RedisLab> lab(new RedisLab());
        s = lab->startNodes(options);
        if (s) {
            s = lab->createCluster(options);
        }
        if (s) {
            s = lab->waitUntilReady(options);
        }
        if (s) {
            *out = std::move(lab);
            return s;
        }
        if (!options.ports.empty() || s.what().find("in use") == std::string::npos) {
            break;
        }
    }
    return s;
}

Status RedisLab::startNodes(const RedisLabOptions& options) {
    QString program;
    if (Status s = findRedisServer(options.redisServer, &program); !s) {
        return s;
    }
    if (Status s = LabFolder::create(&folder_); !s) {
        return s;
    }
    masters_ = options.masters;
    const int total = masters_ * (options.replicas ? 2 : 1);
    std::vector<int> ports;
    if (Status s = freePorts(options.ports.empty() ? 2 * total : total, &ports); !s) {
        return s;
    }
    password_ = generatedPassword();
    for (int i = 0; i < total; ++i) {
        RedisNode n;
        n.index = i;
        n.replicaOf = i < masters_ ? -1 : i - masters_;
        n.port = options.ports.empty() ? ports[static_cast<std::size_t>(i)]
                                       : options.ports[static_cast<std::size_t>(i)];
        n.busPort = ports[static_cast<std::size_t>(options.ports.empty() ? total + i : i)];
        if (!options.ports.empty()) {
            if (Status s = checkPortFree(n.port); !s) {
                return Status::failure(s.where(), s.what() + ": Redis node " + std::to_string(i) +
                                                      " cannot listen there");
            }
        }
        nodes_.push_back(n);
    }
    for (RedisNode& n : nodes_) {
        if (Status s = launchNode(n, program, options.nodeTimeoutMs); !s) {
            return s;
        }
    }
    killed_.assign(nodes_.size(), false);
    connections_.resize(nodes_.size());
    return waitForNodes(options.startTimeoutMs);
}

// Writes node `n`'s configuration into the folder and starts its server.
Status RedisLab::launchNode(RedisNode& n, const QString& program, int nodeTimeoutMs) {
    const QString conf = folder_->filePath(QStringLiteral("node-%1.conf").arg(n.index));
    QFile f(conf);
    if (!f.open(QIODevice::WriteOnly) ||
        f.write(nodeConfig(n, password_, folder_->path(), nodeTimeoutMs)) < 0) {
        return Status::failure(conf.toStdString(),
                               "cannot be written: " + f.errorString().toStdString());
    }
    f.close();
    servers_.push_back(std::make_unique<PrivateServer>());
    const QString log = folder_->filePath(QStringLiteral("node-%1.log").arg(n.index));
    if (Status s = servers_.back()->start({program, {conf}, {}, log, std::nullopt}, *folder_); !s) {
        return s;
    }
    n.pid = servers_.back()->pid();
    return Status::ok();
}

// Every node answers (its password accepted), or the first that stopped says why.
Status RedisLab::waitForNodes(int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const RedisNode& n = nodes_[i];
        const QString log = folder_->filePath(QStringLiteral("node-%1.log").arg(n.index));
        while (!RedisConnection::open("127.0.0.1", n.port, password_, &connections_[i], 1000)) {
            if (!servers_[i]->running()) {
                const std::string where = "Redis node " + std::to_string(i) +
                                          " (127.0.0.1:" + std::to_string(n.port) + ")";
                return Status::failure(where, portTaken(log)
                                                  ? "the port is in use by another program"
                                                  : "stopped while starting: " +
                                                        logTail(log).toStdString());
            }
            if (stopRequested()) {
                return Status::failure("Redis", kStoppedSentence);
            }
            if (clock.elapsed() > timeoutMs) {
                return Status::failure("Redis node " + std::to_string(i),
                                       "did not answer within " + std::to_string(timeoutMs / 1000) +
                                           " s");
            }
            QThread::msleep(20);
        }
    }
    return Status::ok();
}

void RedisLab::stop() {
    // SHUTDOWN NOSAVE to each server that answers; SIGTERM (Redis's own shutdown) to one that
    // does not yet (a start stopped half-way: each such server was waited for 5 s in vain, the
    // Lab's helper was killed before it removed the folder).
    std::vector<bool> told(servers_.size(), false);
    for (std::size_t i = 0; i < servers_.size(); ++i) {
        RedisConnection* c = nullptr;
        if (servers_[i]->running() && connection(static_cast<int>(i), &c)) {
            RedisReply ignored;
            [[maybe_unused]] const Status s = c->command({"SHUTDOWN", "NOSAVE"}, &ignored);
            told[i] = true;
        }
    }
    for (std::size_t i = 0; i < servers_.size(); ++i) {
        const auto pid = static_cast<pid_t>(servers_[i]->pid());
        servers_[i]->stop(
            told[i] ? std::function<void()>() : [pid] { ::kill(pid, SIGTERM); }, 5000);
    }
    connections_.clear();
    servers_.clear();
    if (folder_) {
        endLeftovers(folder_->path());
    }
    folder_.reset();
}

int RedisLab::nodeAt(std::string_view endpoint) const {
    const std::size_t colon = endpoint.rfind(':');
    if (colon == std::string_view::npos) {
        return -1;
    }
    const std::string port(endpoint.substr(colon + 1));
    for (const RedisNode& n : nodes_) {
        if (std::to_string(n.port) == port) {
            return n.index;
        }
    }
    return -1;
}

Status RedisLab::connection(int node, RedisConnection** out) {
    const auto i = static_cast<std::size_t>(node);
    if (node < 0 || i >= nodes_.size() || killed_[i]) {
        return Status::failure("Redis node " + std::to_string(node), "is not running");
    }
    if (!connections_[i]) {
        if (Status s =
                RedisConnection::open("127.0.0.1", nodes_[i].port, password_, &connections_[i]);
            !s) {
            return s;
        }
    }
    *out = connections_[i].get();
    return Status::ok();
}

Status RedisLab::call(int node, const RedisArgs& args, RedisReply* reply) {
    RedisConnection* c = nullptr;
    Status s = connection(node, &c);
    if (s) {
        s = c->command(args, reply);
    }
    if (!s && node >= 0 && static_cast<std::size_t>(node) < connections_.size()) {
        connections_[static_cast<std::size_t>(node)].reset();
    }
    return s;
}

int RedisLab::liveNode() const {
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        if (!killed_[i]) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

} // namespace fg::lab
