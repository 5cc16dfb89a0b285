// Keys for `slot` and `partition`: from the arguments, or one per line from standard input (the
// line without its '\n'; a '\r' before it is part of the key, as the bytes are what is hashed).
// Reading and writing go through large buffers, so a million keys stream through in well under
// a second.
#pragma once

#include "cli/commands.h"

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

// Calls f(key) for each key: the arguments when there are any, else each line of `in`.
template <class F>
void forEachKey(const std::vector<std::string>& keys, std::istream& in, F&& f) {
    if (!keys.empty()) {
        for (const auto& k : keys) {
            f(std::string_view(k));
        }
        return;
    }
    constexpr std::size_t kBlock = 1 << 20;
    std::string carry;
    std::vector<char> block(kBlock);
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(kBlock));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0) {
            break;
        }
        std::size_t start = 0;
        for (std::size_t i = 0; i < got; ++i) {
            if (block[i] != '\n') {
                continue;
            }
            if (carry.empty()) {
                f(std::string_view(block.data() + start, i - start));
            } else {
                carry.append(block.data() + start, i - start);
                f(std::string_view(carry));
                carry.clear();
            }
            start = i + 1;
        }
        carry.append(block.data() + start, got - start);
    }
    if (!carry.empty()) {
        f(std::string_view(carry)); // a last line without a newline
    }
}

// Parses a whole decimal number in [lo, hi]; false for anything else.
bool parseIntArg(const std::string& s, long long lo, long long hi, long long& out);

} // namespace fg::cli
