// Lines of input for the lab's commands (keys, one per line), read in blocks with the end of the
// input told apart from a read error, and refused as soon as a line or the count passes its limit
// (so /dev/zero or an endless pipe stops with a message instead of filling memory).
#pragma once

#include "engines/core/read_blocks.h"
#include "engines/core/status.h"

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

namespace fg::lab {

// Calls f(line, number) for each line of `in` (without its '\n'; a last line without one
// counts), numbered from 1. Stops with f's failed Status, with a read failure naming `source`, or
// with bad input when a line is longer than `maxLineBytes` or there are more than `maxLines`
// lines; `limitWhy` ends those messages ("the Lab's limit").
template <class F>
Status readLines(std::istream& in, const std::string& source, std::size_t maxLineBytes,
                 std::int64_t maxLines, const std::string& limitWhy, F&& f) {
    std::string line;
    std::int64_t number = 0;
    const auto finish = [&]() -> Status {
        if (++number > maxLines) {
            return Status::error(source,
                                 "more than " + std::to_string(maxLines) + " lines: " + limitWhy);
        }
        return f(std::string_view(line), number);
    };
    Status s = readBlocks(in, source, [&](std::string_view block) -> Status {
        for (const char c : block) {
            if (c == '\n') {
                if (Status done = finish(); !done) {
                    return done;
                }
                line.clear();
            } else if (line.size() >= maxLineBytes) {
                return Status::error(source + ":" + std::to_string(number + 1),
                                     "the line is longer than " + std::to_string(maxLineBytes) +
                                         " bytes: " + limitWhy);
            } else {
                line += c;
            }
        }
        return Status::ok();
    });
    if (s && !line.empty()) {
        s = finish();
    }
    return s;
}

} // namespace fg::lab
