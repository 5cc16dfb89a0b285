#include "engines/timeseries/series_csv.h"

#include "engines/core/read_blocks.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string_view>

namespace fg::timeseries {

namespace {

constexpr std::int64_t kMaxAbsMs = 8'640'000'000'000'000LL; // JavaScript's Date range

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    return s;
}

bool startsLikeNumber(std::string_view s) {
    return !s.empty() &&
           (std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-' || s[0] == '+');
}

// Parses one data line; an empty `error` means success.
std::string parseLine(std::string_view line, Point& p) {
    const auto comma = line.find(',');
    if (comma == std::string_view::npos) {
        return "expected \"timestamp_ms,value\" (two fields separated by a comma)";
    }
    const std::string_view ts = trim(line.substr(0, comma));
    const std::string_view vs = trim(line.substr(comma + 1));
    if (vs.find(',') != std::string_view::npos) {
        return "expected two fields, found more";
    }
    const char* tb = ts.data() + (!ts.empty() && ts[0] == '+' ? 1 : 0);
    const auto [te, tec] = std::from_chars(tb, ts.data() + ts.size(), p.t);
    if (ts.empty() || tec != std::errc() || te != ts.data() + ts.size()) {
        return tec == std::errc::result_out_of_range
                   ? "the timestamp does not fit in 64 bits"
                   : "expected a whole number of milliseconds as the timestamp, got \"" +
                         std::string(ts.substr(0, 40)) + "\"";
    }
    if (p.t > kMaxAbsMs || p.t < -kMaxAbsMs) {
        return "the timestamp is out of range: at most 8.64e15 ms (about 273,790 years) from 1970";
    }
    const char* vb = vs.data() + (!vs.empty() && vs[0] == '+' ? 1 : 0);
    const auto [ve, vec] = std::from_chars(vb, vs.data() + vs.size(), p.v);
    if (vs.empty() || vec != std::errc() || ve != vs.data() + vs.size()) {
        return vec == std::errc::result_out_of_range
                   ? "the value is too large for a double"
                   : "expected a decimal number as the value, got \"" +
                         std::string(vs.substr(0, 40)) + "\"";
    }
    if (!std::isfinite(p.v)) {
        return "expected a finite value (NaN and infinity cannot be averaged)";
    }
    return {};
}

} // namespace

Status readSeriesCsv(std::istream& in, const std::string& source, std::vector<Point>& out) {
    // 64 KiB blocks (as fast as larger ones and light per call); a line is at most 64 KiB: a
    // "timestamp_ms,value" line is a few dozen bytes, so a longer one is the wrong input (a binary
    // file, /dev/zero), refused at once instead of read without end.
    constexpr std::size_t kMaxLine = std::size_t{1} << 16;
    std::string carry;
    std::int64_t lineNo = 0;
    bool first = true;
    auto handle = [&](std::string_view raw) -> Status {
        ++lineNo;
        const std::string_view line = trim(raw);
        if (line.empty()) {
            return Status::ok();
        }
        if (first) {
            first = false;
            if (!startsLikeNumber(line)) {
                return Status::ok(); // a header line
            }
        }
        Point p;
        const std::string err = parseLine(line, p);
        if (!err.empty()) {
            return Status::error(source + ":" + std::to_string(lineNo), err);
        }
        if (out.size() >= kMaxSeriesPoints) {
            return Status::error(source + ":" + std::to_string(lineNo),
                                 "more than 50,000,000 points: a series is read whole (it is "
                                 "sorted), at most 50 million points; split the file by time");
        }
        out.push_back(p);
        return Status::ok();
    };
    const Status read = readBlocks(in, source, [&](std::string_view block) {
        std::size_t start = 0;
        for (std::size_t i = 0; i < block.size(); ++i) {
            if (block[i] != '\n') {
                continue;
            }
            Status s;
            if (carry.empty()) {
                s = handle(block.substr(start, i - start));
            } else {
                carry.append(block.substr(start, i - start));
                s = handle(carry);
                carry.clear();
            }
            if (!s) {
                return s;
            }
            start = i + 1;
        }
        carry.append(block.substr(start));
        if (carry.size() > kMaxLine) {
            return Status::error(source + ":" + std::to_string(lineNo + 1),
                                 "a line longer than 64 KiB: this is not a timestamp_ms,value CSV");
        }
        return Status::ok();
    });
    if (!read) {
        return read;
    }
    if (!carry.empty()) {
        return handle(carry);
    }
    return Status::ok();
}

} // namespace fg::timeseries
