// The helper's loop: reading request lines (with the length limit and the quit signals), and
// answering them through the services.
#include "lab/lab_serve.h"

#include "lab/buckets_service.h"
#include "lab/kafka_service.h"
#include "lab/lab_folder.h"
#include "lab/lab_programs.h"
#include "lab/lsm_service.h"
#include "lab/pg_service.h"
#include "lab/redis_service.h"
#include "lab/stop_request.h"

#include <cerrno>
#include <csignal>
#include <exception>
#include <fcntl.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <poll.h>
#include <unistd.h>

namespace fg::lab {

namespace {

using nlohmann::json;

// The quit signals' self-pipe: the handler writes the signal's number, the loop polls the other
// end beside its input (a handler may do nothing but async-signal-safe calls).
int quitPipe[2] = {-1, -1};

void onQuitSignal(int sig) {
    const int saved = errno;
    requestStop(); // the request on hand ends at its next look (lab/stop_request.h)
    const auto byte = static_cast<unsigned char>(sig);
    [[maybe_unused]] const auto written = ::write(quitPipe[1], &byte, 1);
    errno = saved;
}

bool installQuitHandlers() {
    if (::pipe2(quitPipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        return false;
    }
    struct sigaction action = {};
    action.sa_handler = onQuitSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int sig : {SIGTERM, SIGINT, SIGHUP}) {
        ::sigaction(sig, &action, nullptr);
    }
    ::signal(SIGPIPE, SIG_IGN); // a closed output is a write error, seen and handled
    return true;
}

// The signal that asked to quit, or 0; does not wait.
int pendingQuitSignal() {
    unsigned char byte = 0;
    return ::read(quitPipe[0], &byte, 1) == 1 ? byte : 0;
}

struct Input {
    enum class Kind { kLine, kTooLong, kEnd, kQuit };
    Kind kind = Kind::kEnd;
    std::string line; // kLine: the line; kTooLong: its first bytes (where its id would be)
    int signal = 0;   // kQuit
};

// The input as lines, at most kMaxRequestBytes each; an over-long one is skipped to its end.
class LineReader {
public:
    explicit LineReader(int fd) : fd_(fd) {}

    Input next() {
        while (true) {
            if (const int sig = pendingQuitSignal()) {
                return {Input::Kind::kQuit, {}, sig};
            }
            if (std::optional<Input> line = takeLine()) {
                return *std::move(line);
            }
            if (ended_) {
                return finalInput();
            }
            if (const int sig = waitAndRead()) {
                return {Input::Kind::kQuit, {}, sig};
            }
        }
    }

private:
    static constexpr std::size_t kHeadBytes = 256;

    // The next whole line in the buffer, if there is one.
    std::optional<Input> takeLine() {
        const std::size_t end = buffer_.find('\n', scanned_);
        if (end == std::string::npos) {
            scanned_ = buffer_.size();
            if (buffer_.size() - start_ > kMaxRequestBytes && !skipping_) {
                skipping_ = true;
                head_ = buffer_.substr(start_, kHeadBytes);
            }
            if (skipping_) {
                buffer_.clear();
                start_ = scanned_ = 0;
            }
            return std::nullopt;
        }
        Input in;
        if (skipping_ || end - start_ > kMaxRequestBytes) {
            in = {Input::Kind::kTooLong, skipping_ ? head_ : buffer_.substr(start_, kHeadBytes)};
            skipping_ = false;
        } else {
            in = {Input::Kind::kLine, buffer_.substr(start_, end - start_)};
        }
        start_ = scanned_ = end + 1;
        if (start_ * 2 > buffer_.size()) {
            buffer_.erase(0, start_);
            start_ = scanned_ = 0;
        }
        return in;
    }

    // At end of input: a last line without its line break, then kEnd.
    Input finalInput() {
        Input in;
        if (skipping_) {
            in = {Input::Kind::kTooLong, head_};
        } else if (start_ < buffer_.size()) {
            in = {Input::Kind::kLine, buffer_.substr(start_)};
        }
        skipping_ = false;
        buffer_.clear();
        start_ = scanned_ = 0;
        return in;
    }

    // Waits for input or a quit signal; reads what came. Returns the signal, or 0.
    int waitAndRead() {
        pollfd fds[2] = {{fd_, POLLIN, 0}, {quitPipe[0], POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            return 0; // EINTR: the signal's byte is read next time round
        }
        if (fds[1].revents & POLLIN) {
            return pendingQuitSignal();
        }
        char chunk[1 << 16];
        const ssize_t n = ::read(fd_, chunk, sizeof chunk);
        if (n > 0) {
            buffer_.append(chunk, static_cast<std::size_t>(n));
        } else if (n == 0 || errno != EINTR) {
            ended_ = true;
        }
        return 0;
    }

    int fd_;
    std::string buffer_;
    std::size_t start_ = 0;   // where the next line begins
    std::size_t scanned_ = 0; // no line break before this
    bool skipping_ = false;   // inside an over-long line
    bool ended_ = false;
    std::string head_; // the over-long line's first bytes
};

// The id an unreadable request gave, from its first bytes ({"id": 7, ...), as the app writes
// it first), so that its answer still reaches the right call.
json idFromHead(const std::string& head) {
    const std::size_t key = head.find("\"id\"");
    if (key == std::string::npos) {
        return nullptr;
    }
    std::size_t i = head.find_first_not_of(" \t", key + 4);
    if (i == std::string::npos || head[i] != ':') {
        return nullptr;
    }
    i = head.find_first_not_of(" \t", i + 1);
    if (i == std::string::npos) {
        return nullptr;
    }
    const std::size_t end = head.find_first_not_of("-0123456789", i);
    const std::string digits = head.substr(i, end == std::string::npos ? end : end - i);
    try {
        std::size_t used = 0;
        const long long id = std::stoll(digits, &used);
        return used == digits.size() ? json(id) : json(nullptr);
    } catch (const std::exception&) {
        return nullptr;
    }
}

bool writeAll(int fd, std::string text) {
    text += '\n';
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

json labEntry(LabKind kind) {
    QString missing;
    const bool available = labAvailable(kind, &missing);
    return {{"available", available}, {"missing", missing.toStdString()}};
}

json bucketsEntry() {
    const json pg = labEntry(LabKind::kPostgres);
    return {{"available", true},
            {"missing", ""},
            {"date_bin", pg["available"]},
            {"date_bin_missing", pg["missing"]}};
}

// The requests of one run of the helper, and the services they made.
class Session {
public:
    explicit Session(const ServeOptions& options) : options_(options) {}
    ~Session() { stopAll(); }

    // Answers one input; false when the output cannot be written (the app is gone).
    bool answer(const Input& in) {
        if (in.kind == Input::Kind::kTooLong) {
            return send(error(idFromHead(in.line),
                              "The request is longer than the limit of 64 MiB (67,108,864 "
                              "bytes) and was skipped: send fewer keys at once."));
        }
        json request = json::parse(in.line, nullptr, false);
        if (request.is_discarded() || !request.is_object()) {
            return send(
                error(idFromHead(in.line),
                      "The request is not a JSON object on one line (docs/lab-protocol.md)."));
        }
        if (!request.contains("id") || !request["id"].is_number_integer()) {
            return send(error(nullptr, "The request has no \"id\" (a whole number)."));
        }
        const json id = request["id"];
        if (!request.contains("op") || !request["op"].is_string()) {
            return send(error(id, "The request has no \"op\" (a name such as \"hello\")."));
        }
        const json args = request.contains("args") ? request["args"] : json::object();
        if (!args.is_object()) {
            return send(error(id, "The request's \"args\" must be a JSON object."));
        }
        json result = json::object();
        const Status s = run(request["op"].get<std::string>(), args, &result, id);
        return send(s ? json{{"id", id}, {"ok", true}, {"result", std::move(result)}}
                      : error(id, s.message()));
    }

    void stopAll() {
        pg_.reset(); // their destructors stop their servers and remove their folders
        redis_.reset();
        lsm_.reset();
        kafka_.reset();
        buckets_.reset();
    }

private:
    static json error(json id, const std::string& sentence) {
        return {{"id", std::move(id)}, {"ok", false}, {"error", sentence}};
    }

    bool send(const json& message) {
        broken_ =
            broken_ ||
            !writeAll(options_.outFd, message.dump(-1, ' ', false, json::error_handler_t::replace));
        return !broken_;
    }

    Status run(const std::string& op, const json& args, json* result, const json& id) {
        if (op == "hello") {
            *result = {{"version", options_.version},
                       {"max_request_bytes", kMaxRequestBytes},
                       {"labs",
                        {{"postgres", labEntry(LabKind::kPostgres)},
                         {"redis", labEntry(LabKind::kRedisCluster)},
                         // RocksDB is linked into the helper: where the helper runs, it runs.
                         {"rocksdb", {{"available", true}, {"missing", ""}}},
                         // lab-kafka: librdkafka and its mock cluster are linked into the helper.
                         {"kafka", {{"available", true}, {"missing", ""}}},
                         // lab-buckets: RRDtool is linked, so the lab always runs; its
                         // date_bin part needs PostgreSQL 15 ("date_bin_missing" says which
                         // package when it is not there).
                         {"buckets", bucketsEntry()}}}};
            return Status::ok();
        }
        const std::size_t dot = op.find('.');
        const std::string prefix = op.substr(0, dot);
        std::unique_ptr<LabService>* slot = serviceSlot(prefix);
        if (dot == std::string::npos || !slot) {
            return Status::error({}, "Unknown operation \"" + op +
                                         "\": the helper knows hello, pg.*, redis.*, lsm.*, "
                                         "kafka.* and buckets.*.");
        }
        std::unique_ptr<LabService>& service = *slot;
        const std::string rest = op.substr(dot + 1);
        if (rest == "stop") {
            service.reset();
            return Status::ok();
        }
        if (!service) {
            service = makeService(prefix);
        }
        const Progress progress(
            [this, &id](const std::string& sentence) {
                send({{"id", id}, {"progress", sentence}});
            },
            [this, &id](const nlohmann::json& piece) {
                send({{"id", id}, {"part", piece}});
            });
        try {
            return service->handle(rest, args, result, progress);
        } catch (const std::exception& e) {
            return Status::error(op, std::string("the lab failed unexpectedly (") + e.what() + ")");
        }
    }

    std::unique_ptr<LabService>* serviceSlot(const std::string& prefix) {
        return prefix == "pg"        ? &pg_
               : prefix == "redis"   ? &redis_
               : prefix == "lsm"     ? &lsm_
               : prefix == "kafka"   ? &kafka_
               : prefix == "buckets" ? &buckets_
                                     : nullptr;
    }

    static std::unique_ptr<LabService> makeService(const std::string& prefix) {
        if (prefix == "pg") {
            return std::make_unique<PgService>();
        }
        if (prefix == "redis") {
            return std::make_unique<RedisService>();
        }
        if (prefix == "kafka") {
            return std::make_unique<KafkaService>();
        }
        if (prefix == "buckets") {
            return std::make_unique<BucketsService>();
        }
        return std::make_unique<LsmService>();
    }

    const ServeOptions& options_;
    std::unique_ptr<LabService> pg_;
    std::unique_ptr<LabService> redis_;
    std::unique_ptr<LabService> lsm_;
    std::unique_ptr<LabService> kafka_;
    std::unique_ptr<LabService> buckets_;
    bool broken_ = false;
};

} // namespace

int serveLab(const ServeOptions& options) {
    if (!installQuitHandlers()) {
        return 1;
    }
    cleanStaleLabFolders(); // what a killed helper of an earlier run left
    Session session(options);
    LineReader reader(options.inFd);
    while (true) {
        const Input in = reader.next();
        if (in.kind == Input::Kind::kQuit) {
            session.stopAll();
            return 128 + in.signal;
        }
        if (in.kind == Input::Kind::kEnd) {
            return 0;
        }
        if (!session.answer(in)) {
            return 1; // nobody reads the answers any more
        }
    }
}

} // namespace fg::lab
