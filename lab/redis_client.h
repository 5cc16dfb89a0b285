// RedisConnection: one connection to one Redis node over hiredis (0.14 has no cluster support:
// the lab follows MOVED and ASK itself), with its replies copied into plain RedisReply values
// so that hiredis's types stay in the .cpp. Commands are argument vectors: keys are bytes.
#pragma once

#include "engines/core/status.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct redisContext;

namespace fg::lab {

struct RedisReply {
    enum class Type { kNil, kStatus, kError, kInteger, kString, kArray };
    Type type = Type::kNil;
    std::string text; // status, error (without its '-') or string
    long long integer = 0;
    std::vector<RedisReply> elements;

    bool isError() const { return type == Type::kError; }
    // The reply as redis-cli would show it on one line: "OK", "(nil)", "-MOVED 866 ...", "42".
    std::string shown() const;
};

using RedisArgs = std::vector<std::string_view>;

class RedisConnection {
public:
    // Connects to host:port and authenticates with `password` (none when empty).
    static Status open(const std::string& host, int port, const std::string& password,
                       std::unique_ptr<RedisConnection>* out, int timeoutMs = 5000);
    RedisConnection(const RedisConnection&) = delete;
    RedisConnection& operator=(const RedisConnection&) = delete;
    ~RedisConnection();

    int port() const { return port_; }
    // Sends one command and reads its reply. A Redis error is a reply (isError), not a failure:
    // the Status fails only when the connection does.
    Status command(const RedisArgs& args, RedisReply* reply);
    // Pipelining: queue commands, then read their replies in order.
    void append(const RedisArgs& args);
    Status read(RedisReply* reply);

private:
    RedisConnection(redisContext* c, int port) : c_(c), port_(port) {}
    redisContext* c_;
    int port_;
};

} // namespace fg::lab
