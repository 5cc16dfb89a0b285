#include "lab/free_ports.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace fg::lab {

namespace {

// A TCP socket bound to 127.0.0.1:port (0: any free port), with SO_REUSEADDR as Redis binds; -1
// and errno set when it cannot be bound.
int boundSocket(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -1;
    }
    const int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(fd, 1) != 0) {
        const int error = errno;
        ::close(fd);
        errno = error;
        return -1;
    }
    return fd;
}

} // namespace

Status freePorts(int count, std::vector<int>* out) {
    std::vector<int> sockets;
    Status s;
    out->clear();
    for (int i = 0; i < count && s; ++i) {
        const int fd = boundSocket(0);
        sockaddr_in addr{};
        socklen_t size = sizeof addr;
        if (fd < 0 || ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size) != 0) {
            s = Status::failure("127.0.0.1", std::string("no free port could be found: ") +
                                                 std::strerror(errno));
            break;
        }
        sockets.push_back(fd);
        out->push_back(ntohs(addr.sin_port));
    }
    for (const int fd : sockets) {
        ::close(fd);
    }
    return s;
}

Status checkPortFree(int port) {
    if (port < 1 || port > 65535) {
        return Status::error("port", std::to_string(port) + " is not a port (1 to 65535)");
    }
    const int fd = boundSocket(port);
    if (fd < 0) {
        const int error = errno;
        return Status::failure(
            "127.0.0.1:" + std::to_string(port),
            error == EADDRINUSE ? std::string("the port is in use by another program")
                                : std::string("the port cannot be used: ") + std::strerror(error));
    }
    ::close(fd);
    return Status::ok();
}

} // namespace fg::lab
