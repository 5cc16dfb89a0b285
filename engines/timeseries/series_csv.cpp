#include "engines/timeseries/series_csv.h"

#include "engines/core/read_blocks.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
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

// The common line, read in one pass from `c`: digits (an optional '-'), a comma, a value
// from_chars takes, an optional '\r', the '\n'. Returns where the next line starts, or nullptr
// when the line is anything else (spaces, '+', a header, an error, a line cut by the block's
// end): the caller then reads it the careful way (parseLine), which names what is wrong.
const char* parsePlainLine(const char* c, const char* end, Point& p) {
    const bool negative = c != end && *c == '-';
    c += negative ? 1 : 0;
    const char* digits = c;
    std::uint64_t t = 0;
    while (c != end && static_cast<unsigned>(*c - '0') < 10 && c - digits < 16) {
        t = t * 10 + static_cast<unsigned>(*c - '0');
        ++c;
    }
    // At most 16 digits and within kMaxAbsMs, then the comma and the value's first character.
    if (c == digits || c == end || *c != ',' || t > static_cast<std::uint64_t>(kMaxAbsMs) ||
        ++c == end || *c == '+') {
        return nullptr;
    }
    auto [ve, vec] = std::from_chars(c, end, p.v);
    if (vec != std::errc() || !std::isfinite(p.v)) {
        return nullptr;
    }
    ve += ve != end && *ve == '\r' ? 1 : 0;
    if (ve == end || *ve != '\n') {
        return nullptr;
    }
    p.t = negative ? -static_cast<std::int64_t>(t) : static_cast<std::int64_t>(t);
    return ve + 1;
}

class VectorSink final : public PointSink {
public:
    explicit VectorSink(std::vector<Point>& out) : out_(out) {}
    bool add(const Point& p) override {
        out_.push_back(p);
        return true;
    }

private:
    std::vector<Point>& out_;
};

} // namespace

Status scanSeriesCsv(std::istream& in, const std::string& source, PointSink& sink, bool* stopped) {
    // 64 KiB blocks (as fast as larger ones and light per call); a line is at most 64 KiB: a
    // "timestamp_ms,value" line is a few dozen bytes, so a longer one is the wrong input (a binary
    // file, /dev/zero), refused at once instead of read without end.
    constexpr std::size_t kMaxLine = std::size_t{1} << 16;
    std::string carry;
    std::int64_t lineNo = 0;
    std::size_t points = 0;
    bool first = true, stop = false;
    const auto add = [&](const Point& p) -> Status {
        if (points >= kMaxSeriesPoints) {
            return Status::error(source + ":" + std::to_string(lineNo),
                                 "more than 50,000,000 points: a series is read whole (it is "
                                 "sorted), at most 50 million points; split the file by time");
        }
        ++points;
        stop = !sink.add(p);
        return Status::ok();
    };
    const auto handle = [&](std::string_view raw) -> Status {
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
        if (const std::string err = parseLine(line, p); !err.empty()) {
            return Status::error(source + ":" + std::to_string(lineNo), err);
        }
        return add(p);
    };
    const Status read = readBlocks(in, source, [&](std::string_view block) -> Status {
        const char* const begin = block.data();
        const char* const end = begin + block.size();
        const char* c = begin;
        while (c != end && !stop) {
            Point p;
            if (carry.empty() && !first) {
                if (const char* next = parsePlainLine(c, end, p)) {
                    ++lineNo;
                    if (Status s = add(p); !s) {
                        return s;
                    }
                    c = next;
                    continue;
                }
            }
            const auto* nl = static_cast<const char*>(std::memchr(c, '\n', end - c));
            if (!nl) {
                break;
            }
            Status s;
            if (carry.empty()) {
                s = handle(std::string_view(c, nl - c));
            } else {
                carry.append(c, nl);
                s = handle(carry);
                carry.clear();
            }
            if (!s) {
                return s;
            }
            c = nl + 1;
        }
        if (stop) {
            return Status::ok();
        }
        carry.append(c, end);
        if (carry.size() > kMaxLine) {
            return Status::error(source + ":" + std::to_string(lineNo + 1),
                                 "a line longer than 64 KiB: this is not a timestamp_ms,value CSV");
        }
        return Status::ok();
    });
    if (!read) {
        return read;
    }
    if (!carry.empty() && !stop) {
        if (Status s = handle(carry); !s) {
            return s;
        }
    }
    if (stopped) {
        *stopped = stop;
    }
    return Status::ok();
}

Status readSeriesCsv(std::istream& in, const std::string& source, std::vector<Point>& out,
                     std::uintmax_t sizeHint) {
    // Room for the points of a file of `sizeHint` bytes at a typical 16 or more bytes a line
    // ("1700000000000,21.5"), taken once: growing 2,592,000 points by doubling cost a quarter
    // of the read in copies and page faults.
    out.reserve(out.size() +
                static_cast<std::size_t>(std::min<std::uintmax_t>(
                    sizeHint / 16, kMaxSeriesPoints - std::min(out.size(), kMaxSeriesPoints))));
    VectorSink sink(out);
    return scanSeriesCsv(in, source, sink);
}

} // namespace fg::timeseries
