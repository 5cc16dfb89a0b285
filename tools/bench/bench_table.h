// The benchmarks print rows of one Markdown table, so `tools/benchmarks.sh` prints a single table
// (with the machine it ran on) that goes into the README as it is:
//   | area | what is measured | figure | baseline |
// The baseline is what the figure is held against: a bare Qt window, std::set, a plain loop over
// the same input, or the 16.7 ms a frame has at 60 fps.
#pragma once

#include <cstdio>
#include <string>

namespace fg::bench {

inline void row(const std::string& area, const std::string& what, const std::string& figure,
                const std::string& baseline = "") {
    std::printf("| %s | %s | %s | %s |\n", area.c_str(), what.c_str(), figure.c_str(),
                baseline.c_str());
    std::fflush(stdout);
}

// "12.3 ms" with `decimals` digits after the point.
inline std::string ms(double v, int decimals = 1) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f ms", decimals, v);
    return buf;
}

// "1.23 µs", "45 ns": a time per item, in the unit that reads best.
inline std::string perItem(double ns) {
    char buf[48];
    if (ns >= 1000) {
        std::snprintf(buf, sizeof buf, "%.2f µs", ns / 1000);
    } else {
        std::snprintf(buf, sizeof buf, "%.0f ns", ns);
    }
    return buf;
}

// "1,000,000".
inline std::string count(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out += ',';
        }
        out += digits[i];
    }
    return (n < 0 ? "-" : "") + out;
}

} // namespace fg::bench
