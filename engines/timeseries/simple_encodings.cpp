#include "engines/timeseries/simple_encodings.h"

namespace fg::timeseries {

namespace {

void putVarint(std::vector<std::uint8_t>& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<std::uint8_t>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<std::uint8_t>(v));
}

std::uint64_t zigzag(std::int64_t v) {
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}

std::int64_t unzigzag(std::uint64_t v) {
    return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

std::int64_t varintBits(std::uint64_t v) {
    std::int64_t bytes = 1;
    while (v >= 0x80) {
        v >>= 7;
        ++bytes;
    }
    return bytes * 8;
}

} // namespace

std::vector<std::uint8_t> encodeDeltas(const std::vector<std::int64_t>& ts) {
    std::vector<std::uint8_t> out;
    std::int64_t prev = 0;
    for (std::size_t i = 0; i < ts.size(); ++i) {
        if (i == 0) {
            for (int b = 7; b >= 0; --b) {
                out.push_back(
                    static_cast<std::uint8_t>(static_cast<std::uint64_t>(ts[0]) >> (8 * b)));
            }
        } else {
            putVarint(out, zigzag(static_cast<std::int64_t>(static_cast<std::uint64_t>(ts[i]) -
                                                            static_cast<std::uint64_t>(prev))));
        }
        prev = ts[i];
    }
    return out;
}

std::vector<std::int64_t> decodeDeltas(const std::vector<std::uint8_t>& bytes, std::size_t count) {
    std::vector<std::int64_t> out;
    std::size_t pos = 0;
    if (count == 0 || bytes.size() < 8) {
        return out;
    }
    std::uint64_t first = 0;
    for (int b = 0; b < 8; ++b) {
        first = (first << 8) | bytes[pos++];
    }
    out.push_back(static_cast<std::int64_t>(first));
    while (out.size() < count && pos < bytes.size()) {
        std::uint64_t v = 0;
        int shift = 0;
        while (pos < bytes.size()) {
            const std::uint8_t byte = bytes[pos++];
            v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            shift += 7;
            if (!(byte & 0x80)) {
                break;
            }
        }
        out.push_back(static_cast<std::int64_t>(static_cast<std::uint64_t>(out.back()) +
                                                static_cast<std::uint64_t>(unzigzag(v))));
    }
    return out;
}

std::vector<Run> encodeRuns(const std::vector<double>& values) {
    std::vector<Run> runs;
    for (double v : values) {
        if (!runs.empty() &&
            std::bit_cast<std::uint64_t>(runs.back().value) == std::bit_cast<std::uint64_t>(v)) {
            ++runs.back().count;
        } else {
            runs.push_back({v, 1});
        }
    }
    return runs;
}

std::vector<double> decodeRuns(const std::vector<Run>& runs) {
    std::vector<double> out;
    for (const auto& r : runs) {
        out.insert(out.end(), static_cast<std::size_t>(r.count), r.value);
    }
    return out;
}

// The sizes are counted as the encoders above would write them, without building the encoded
// copies: compress reports them for series of tens of millions of points.
EncodedSize deltaSize(const std::vector<Point>& points) {
    std::int64_t bits = points.empty() ? 0 : 64;
    for (std::size_t i = 1; i < points.size(); ++i) {
        bits += varintBits(
            zigzag(static_cast<std::int64_t>(static_cast<std::uint64_t>(points[i].t) -
                                             static_cast<std::uint64_t>(points[i - 1].t))));
    }
    return {bits, static_cast<std::int64_t>(points.size()) * 64};
}

EncodedSize runLengthSize(const std::vector<Point>& points) {
    EncodedSize s = deltaSize(points);
    s.valueBits = 0;
    std::size_t i = 0;
    while (i < points.size()) {
        const auto value = std::bit_cast<std::uint64_t>(points[i].v);
        std::size_t j = i + 1;
        while (j < points.size() && std::bit_cast<std::uint64_t>(points[j].v) == value) {
            ++j;
        }
        s.valueBits += 64 + varintBits(static_cast<std::uint64_t>(j - i));
        i = j;
    }
    return s;
}

} // namespace fg::timeseries
