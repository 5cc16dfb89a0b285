#include "lab/redis_client.h"

#include <hiredis/hiredis.h>

namespace fg::lab {

namespace {

RedisReply copyReply(const redisReply* r) {
    RedisReply out;
    if (!r) {
        return out;
    }
    switch (r->type) {
    case REDIS_REPLY_STATUS:
        out.type = RedisReply::Type::kStatus;
        break;
    case REDIS_REPLY_ERROR:
        out.type = RedisReply::Type::kError;
        break;
    case REDIS_REPLY_INTEGER:
        out.type = RedisReply::Type::kInteger;
        out.integer = r->integer;
        return out;
    case REDIS_REPLY_STRING:
        out.type = RedisReply::Type::kString;
        break;
    case REDIS_REPLY_ARRAY:
        out.type = RedisReply::Type::kArray;
        for (std::size_t i = 0; i < r->elements; ++i) {
            out.elements.push_back(copyReply(r->element[i]));
        }
        return out;
    default:
        return out; // nil
    }
    out.text.assign(r->str, r->len);
    return out;
}

Status connectionFailed(redisContext* c, int port) {
    return Status::failure("Redis 127.0.0.1:" + std::to_string(port),
                           std::string("the connection failed: ") +
                               (c && c->errstr[0] ? c->errstr : "no reply"));
}

} // namespace

std::string RedisReply::shown() const {
    switch (type) {
    case Type::kNil:
        return "(nil)";
    case Type::kError:
        return "-" + text;
    case Type::kInteger:
        return std::to_string(integer);
    case Type::kArray:
        return "(" + std::to_string(elements.size()) + " elements)";
    case Type::kStatus:
    case Type::kString:
        break;
    }
    return text;
}

Status RedisConnection::open(const std::string& host, int port, const std::string& password,
                             std::unique_ptr<RedisConnection>* out, int timeoutMs) {
    const timeval tv{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    redisContext* c = redisConnectWithTimeout(host.c_str(), port, tv);
    if (!c || c->err) {
        const Status s = connectionFailed(c, port);
        redisFree(c);
        return s;
    }
    redisSetTimeout(c, tv);
    std::unique_ptr<RedisConnection> conn(new RedisConnection(c, port));
    if (!password.empty()) {
        RedisReply reply;
        if (Status s = conn->command({"AUTH", password}, &reply); !s) {
            return s;
        }
        if (reply.isError()) {
            return Status::failure("Redis 127.0.0.1:" + std::to_string(port),
                                   "refused the password: " + reply.text);
        }
    }
    *out = std::move(conn);
    return Status::ok();
}

RedisConnection::~RedisConnection() {
    redisFree(c_);
}

void RedisConnection::append(const RedisArgs& args) {
    std::vector<const char*> argv;
    std::vector<std::size_t> lengths;
    argv.reserve(args.size());
    lengths.reserve(args.size());
    for (const std::string_view a : args) {
        argv.push_back(a.data());
        lengths.push_back(a.size());
    }
    redisAppendCommandArgv(c_, static_cast<int>(args.size()), argv.data(), lengths.data());
}

Status RedisConnection::read(RedisReply* reply) {
    void* raw = nullptr;
    if (redisGetReply(c_, &raw) != REDIS_OK) {
        return connectionFailed(c_, port_);
    }
    *reply = copyReply(static_cast<redisReply*>(raw));
    freeReplyObject(raw);
    return Status::ok();
}

Status RedisConnection::command(const RedisArgs& args, RedisReply* reply) {
    append(args);
    return read(reply);
}

} // namespace fg::lab
