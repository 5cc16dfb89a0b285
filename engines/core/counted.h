// A count with its noun in the right number, for narration: "1 table", "3 tables", "0 tables".
// (The Qt side has its own in widgets/canvas/counted.h; engines hold no Qt.)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fg {

inline std::string counted(std::int64_t n, std::string_view one, std::string_view many) {
    std::string s = std::to_string(n);
    s += ' ';
    s += n == 1 ? one : many;
    return s;
}

} // namespace fg
