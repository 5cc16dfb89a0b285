// Keys for `slot` and `partition`: from the arguments, or one per line from standard input (the
// line without its '\n'; a '\r' before it is part of the key, as the bytes are what is hashed).
// Reading and writing go through large buffers, so a million keys stream through in well under
// a second.
#pragma once

#include "engines/cli/commands.h"
#include "engines/core/read_blocks.h"

#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace fg::cli {

// Collects output and writes it in large chunks.
class OutBuffer {
public:
    explicit OutBuffer(std::ostream& out) : out_(out) { buf_.reserve(kChunk + 64); }
    ~OutBuffer() { flush(); }
    void append(std::string_view s) {
        buf_.append(s);
        if (buf_.size() >= kChunk) {
            flush();
        }
    }
    void appendInt(long long v) {
        char tmp[24];
        int n = 0;
        unsigned long long u =
            v < 0 ? 0ULL - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
        do {
            tmp[n++] = static_cast<char>('0' + u % 10);
            u /= 10;
        } while (u);
        if (v < 0) {
            buf_.push_back('-');
        }
        while (n) {
            buf_.push_back(tmp[--n]);
        }
        if (buf_.size() >= kChunk) {
            flush();
        }
    }
    void push(char c) { buf_.push_back(c); }
    void flush() {
        out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
        buf_.clear();
    }

private:
    static constexpr std::size_t kChunk = 1 << 16;
    std::ostream& out_;
    std::string buf_;
};

// Keys that end in a carriage return: "foo\r" is hashed as it is (the bytes are the key), but a
// file saved on Windows gave a wrong slot for every key without a word (tester 43), and so did an
// argument read from such a file into a shell variable (tester 44). After the keys, says on
// standard error which line (or argument: `arguments`) was the first, and how many.
class CarriageReturns {
public:
    explicit CarriageReturns(bool arguments) : unit_(arguments ? "argument" : "line") {}
    void see(std::string_view key) {
        ++keys_;
        if (!key.empty() && key.back() == '\r') {
            first_ = first_ ? first_ : keys_;
            ++count_;
        }
    }
    void report(std::ostream& err, std::string_view command) const {
        if (count_ == 0) {
            return;
        }
        err << "fieldguide " << command << ": note: ";
        if (count_ > 1) {
            err << count_ << " " << unit_ << "s (the first: " << unit_ << " " << first_ << ") end";
        } else {
            err << unit_ << " " << first_ << " ends";
        }
        err << " in a carriage return (\\r: a file saved on Windows?), which is hashed as "
               "part of the key; remove it first (tr -d '\\r') if it is not part of the key\n";
    }

private:
    const char* unit_;
    std::size_t keys_ = 0, first_ = 0, count_ = 0;
};

// The longest key `slot` and `partition` take: 512 MB, Redis's own limit for a key (a key of a
// megabyte is still just a key, and gets its exact slot). Past it the input is surely not a list
// of keys (/dev/zero, a binary file): it is refused, naming the line, instead of read until
// memory runs out.
inline constexpr std::size_t kMaxKeyBytes = std::size_t{512} << 20;

// Calls f(key) for each key: the arguments when there are any, else each line of `in`. Fails, with
// the Status naming the key, when a key is longer than `maxKeyBytes` (bad input), or when `in`
// cannot be read (Status::failure); the keys before it have been passed to f.
template <class F>
Status forEachKey(const std::vector<std::string>& keys, std::istream& in, F&& f,
                  std::size_t maxKeyBytes = kMaxKeyBytes) {
    const auto tooLong = [maxKeyBytes](const std::string& where) {
        const std::string most = maxKeyBytes % (std::size_t{1} << 20) == 0
                                     ? std::to_string(maxKeyBytes >> 20) + " MB"
                                     : std::to_string(maxKeyBytes) + " bytes";
        return Status::error("", where + " is longer than " + most +
                                     ", the most a key may be (Redis's limit): is this the "
                                     "right input?");
    };
    if (!keys.empty()) {
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (keys[i].size() > maxKeyBytes) {
                return tooLong("argument " + std::to_string(i + 1));
            }
            f(std::string_view(keys[i]));
        }
        return Status::ok();
    }
    std::string carry;
    std::size_t line = 0;
    const Status read = readBlocks(in, "standard input", [&](std::string_view block) {
        std::size_t start = 0;
        for (std::size_t i = 0; i < block.size(); ++i) {
            if (block[i] != '\n') {
                continue;
            }
            ++line;
            if (carry.size() + (i - start) > maxKeyBytes) {
                return tooLong("line " + std::to_string(line));
            }
            if (carry.empty()) {
                f(block.substr(start, i - start));
            } else {
                carry.append(block.substr(start, i - start));
                f(std::string_view(carry));
                carry.clear();
            }
            start = i + 1;
        }
        if (carry.size() + (block.size() - start) > maxKeyBytes) {
            return tooLong("line " + std::to_string(line + 1));
        }
        carry.append(block.substr(start));
        return Status::ok();
    });
    if (!read) {
        return read;
    }
    if (!carry.empty()) {
        f(std::string_view(carry)); // a last line without a newline
    }
    return Status::ok();
}

// Parses a whole decimal number in [lo, hi]; false for anything else.
bool parseIntArg(const std::string& s, long long lo, long long hi, long long& out);

} // namespace fg::cli
