#include "engines/cli/key_input.h"

#include <charconv>

namespace fg::cli {

bool parseIntArg(const std::string& s, long long lo, long long hi, long long& out) {
    long long v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || v < lo || v > hi) {
        return false;
    }
    out = v;
    return true;
}

} // namespace fg::cli
