#include "engines/timeseries/gorilla.h"

#include <bit>
#include <cstring>

namespace fg::timeseries {

namespace {

std::uint64_t bitsOf(double v) {
    return std::bit_cast<std::uint64_t>(v);
}
double doubleOf(std::uint64_t b) {
    return std::bit_cast<double>(b);
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if (a % b != 0 && a < 0) {
        --q;
    }
    return q;
}

// Two's complement of v in n bits.
std::uint64_t field(std::int64_t v, int n) {
    return static_cast<std::uint64_t>(v) & ((1ULL << n) - 1);
}

// The ranges are asymmetric (-(2^(n-1) - 1) .. 2^(n-1)), as Prometheus's bitRange: a field
// above 2^(n-1) is negative, and 2^(n-1) itself is the largest positive value.
std::int64_t fromField(std::uint64_t v, int n) {
    return v > (1ULL << (n - 1))
               ? static_cast<std::int64_t>(v) - static_cast<std::int64_t>(1ULL << n)
               : static_cast<std::int64_t>(v);
}

} // namespace

Status gorillaEncode(const std::vector<Point>& points, GorillaBlock& out) {
    out = GorillaBlock{};
    if (points.empty()) {
        return Status::ok();
    }
    BitWriter& w = out.bits;
    const std::int64_t t0 = floorDiv(points[0].t, 1000);
    const std::int64_t header = floorDiv(t0, 7200) * 7200;
    const std::int64_t firstDelta = t0 - header; // 0..7199 always fits 14 bits
    w.write(static_cast<std::uint64_t>(header), 64);
    w.write(static_cast<std::uint64_t>(firstDelta), 14);
    out.timestampBits += 78;
    w.write(bitsOf(points[0].v), 64);
    out.valueBits += 64;
    std::int64_t prevT = t0, prevDelta = firstDelta;
    std::uint64_t prevV = bitsOf(points[0].v);
    int prevLead = -1, prevTrail = 0;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const std::int64_t t = floorDiv(points[i].t, 1000);
        if (points[i].t < points[i - 1].t) {
            return Status::error("point " + std::to_string(i + 1),
                                 "rows must be in time order for Gorilla (timestamp " +
                                     std::to_string(points[i].t) + " comes after " +
                                     std::to_string(points[i - 1].t) + ")");
        }
        const std::int64_t delta = t - prevT;
        const std::int64_t dod = delta - prevDelta;
        const auto before = w.bits();
        if (dod == 0) {
            w.write(0, 1);
            ++out.tsCases[0];
        } else if (dod >= -63 && dod <= 64) {
            w.write(0b10, 2);
            w.write(field(dod, 7), 7);
            ++out.tsCases[1];
        } else if (dod >= -255 && dod <= 256) {
            w.write(0b110, 3);
            w.write(field(dod, 9), 9);
            ++out.tsCases[2];
        } else if (dod >= -2047 && dod <= 2048) {
            w.write(0b1110, 4);
            w.write(field(dod, 12), 12);
            ++out.tsCases[3];
        } else {
            if (dod < -2147483647LL || dod > 2147483648LL) { // the asymmetric 32-bit range
                return Status::error("point " + std::to_string(i + 1),
                                     "the gap between timestamps changes by more than 32 bits of "
                                     "seconds: one Gorilla block cannot hold it");
            }
            w.write(0b1111, 4);
            w.write(field(dod, 32), 32);
            ++out.tsCases[4];
        }
        out.timestampBits += static_cast<std::int64_t>(w.bits() - before);
        prevDelta = delta;
        prevT = t;

        const std::uint64_t v = bitsOf(points[i].v);
        const std::uint64_t x = v ^ prevV;
        const auto vbefore = w.bits();
        if (x == 0) {
            w.write(0, 1);
            ++out.valueCases[0];
        } else {
            int lead = std::countl_zero(x);
            const int trail = std::countr_zero(x);
            if (lead > 31) {
                lead = 31; // 5 bits
            }
            if (prevLead >= 0 && lead >= prevLead && trail >= prevTrail) {
                const int len = 64 - prevLead - prevTrail;
                w.write(0b10, 2);
                w.write(x >> prevTrail, len);
                ++out.valueCases[1];
            } else {
                const int len = 64 - lead - trail;
                w.write(0b11, 2);
                w.write(static_cast<std::uint64_t>(lead), 5);
                w.write(static_cast<std::uint64_t>(len == 64 ? 0 : len), 6);
                w.write(x >> trail, len);
                prevLead = lead;
                prevTrail = trail;
                ++out.valueCases[2];
            }
        }
        out.valueBits += static_cast<std::int64_t>(w.bits() - vbefore);
        prevV = v;
    }
    out.points = static_cast<std::int64_t>(points.size());
    return Status::ok();
}

Status gorillaDecode(const BitWriter& bits, std::int64_t count, std::vector<Point>& out) {
    out.clear();
    if (count <= 0) {
        return Status::ok();
    }
    BitReader r(bits.bytes(), bits.bits());
    std::uint64_t header = 0, delta = 0, v = 0;
    if (!r.read(64, header) || !r.read(14, delta) || !r.read(64, v)) {
        return Status::error("block", "too short for a Gorilla header");
    }
    std::int64_t t = static_cast<std::int64_t>(header) + static_cast<std::int64_t>(delta);
    std::int64_t prevDelta = static_cast<std::int64_t>(delta);
    out.push_back({t * 1000, doubleOf(v)});
    int lead = 0, len = 0;
    for (std::int64_t i = 1; i < count; ++i) {
        std::uint64_t b = 0;
        int ones = 0;
        while (ones < 4 && r.read(1, b) && b == 1) {
            ++ones;
        }
        static const int kWidth[] = {0, 7, 9, 12, 32};
        std::int64_t dod = 0;
        if (ones > 0) {
            std::uint64_t f = 0;
            if (!r.read(kWidth[ones], f)) {
                return Status::error("point " + std::to_string(i + 1), "the block ends early");
            }
            dod = fromField(f, kWidth[ones]);
        }
        prevDelta += dod;
        t += prevDelta;
        if (!r.read(1, b)) {
            return Status::error("point " + std::to_string(i + 1), "the block ends early");
        }
        if (b == 1) {
            std::uint64_t ctl = 0, x = 0;
            r.read(1, ctl);
            if (ctl == 1) {
                std::uint64_t l = 0, n = 0;
                r.read(5, l);
                r.read(6, n);
                lead = static_cast<int>(l);
                len = n == 0 ? 64 : static_cast<int>(n);
            }
            if (!r.read(len, x)) {
                return Status::error("point " + std::to_string(i + 1), "the block ends early");
            }
            v ^= x << (64 - lead - len);
        }
        out.push_back({t * 1000, doubleOf(v)});
    }
    return Status::ok();
}

} // namespace fg::timeseries
