// Reading a stream in blocks, with the end of the input told apart from a read error. Every
// reader of keys, series and scenarios goes through it, so a directory given as input (EISDIR),
// a failing disk (EIO) or a closed pipe is reported instead of being taken for the end.
#pragma once

#include "engines/core/status.h"

#include <cerrno>
#include <cstring>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace fg {

// 64 KiB: as fast as larger blocks, and small enough to stay off mmap for each call.
inline constexpr std::size_t kReadBlockBytes = std::size_t{1} << 16;

// Calls f(block) for each block read from `in` until its end, or until f returns a failed
// Status (returned as is). A read error gives Status::failure naming `source` and the system's
// reason ("Is a directory"). REQUIRES: f takes a std::string_view and returns Status.
template <class F>
Status readBlocks(std::istream& in, const std::string& source, F&& f) {
    std::vector<char> block(kReadBlockBytes);
    while (in) {
        errno = 0;
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (in.bad()) {
            const int error = errno;
            return Status::failure(source, std::string("could not be read: ") +
                                               (error ? std::strerror(error) : "read error"));
        }
        if (got == 0) {
            break;
        }
        if (Status s = f(std::string_view(block.data(), got)); !s) {
            return s;
        }
    }
    return Status::ok();
}

} // namespace fg
