// The walkthroughs of downsample bucket and gorilla-bits (practice_walk_detail.h): each non-empty
// bucket with its points and the aggregate computed (timeseries::Aggregate, as the rollups keep
// it); and a Gorilla block part by part, each part's bits as timeseries::gorillaEncode writes them
// (the block of the points so far, one more point at a time), with why it takes that many: the
// delta-of-delta's range, the XOR's window.
#include "engines/practice/practice_walk_detail.h"
#include "engines/timeseries/aggregate.h"
#include "engines/timeseries/bucket.h"
#include "engines/timeseries/clock_text.h"
#include "engines/timeseries/gorilla.h"

#include <algorithm>
#include <bit>
#include <iterator>
#include <map>

namespace fg::practice::walk {

namespace {

std::string point(std::size_t i) {
    return "point:" + num(static_cast<std::int64_t>(i));
}

// ---- bucket ----------------------------------------------------------------------------------

timeseries::AggKind aggOf(const std::string& name) {
    std::vector<timeseries::AggKind> kinds;
    std::string bad;
    return timeseries::parseAggList(name, kinds, bad) && kinds.size() == 1
               ? kinds.front()
               : timeseries::AggKind::Avg;
}

// "avg = 10.5 / 3 = 3.5", "first (the earliest) = 3": the aggregate and how it comes.
std::string aggregateText(const timeseries::Aggregate& a, timeseries::AggKind kind) {
    using K = timeseries::AggKind;
    const std::string value = valueText(timeseries::aggValue(a, kind));
    switch (kind) {
    case K::Avg:
        return "avg = " + valueText(a.sum) + " / " + num(a.count) + " = " + value;
    case K::Count:
        return "count = " + num(a.count);
    case K::First:
        return "first (the earliest) = " + value;
    case K::Last:
        return "last (the latest) = " + value;
    case K::Min:
    case K::Max:
    case K::Sum:
        break;
    }
    return std::string(timeseries::aggName(kind)) + " = " + value;
}

WalkStep bucketStep(std::int64_t start, const std::vector<std::size_t>& members,
                    const ojson& points, timeseries::AggKind kind) {
    timeseries::Aggregate a;
    std::vector<std::string> values, marks{"bucket:" + num(start)};
    for (const std::size_t i : members) {
        const double v = points[i][1].get<double>();
        a.add(points[i][0].get<std::int64_t>(), v);
        values.push_back(valueText(v));
        marks.push_back(point(i));
    }
    const ojson value =
        kind == timeseries::AggKind::Count ? ojson(a.count) : ojson(timeseries::aggValue(a, kind));
    // Its values said when they are few (a long list would not fit a step: the picture shows them).
    const std::string held = a.count == 1   ? "1 point, value " + values.front()
                             : a.count > 10 ? num(a.count) + " points"
                                            : num(a.count) + " points, values " + listed(values);
    return step("The bucket from " + timeseries::clockText(start) + " (" + num(start) +
                    " ms) holds " + held + ": " + aggregateText(a, kind) + ".",
                std::move(marks), {{"buckets", {{start, value}}}});
}

} // namespace

std::vector<WalkStep> bucket(const Exercise& e) {
    const ojson& g = e.given;
    const std::int64_t stepS = g["step_s"], stepMs = stepS * 1000;
    const timeseries::AggKind kind = aggOf(g["agg"]);
    std::map<std::int64_t, std::vector<std::size_t>> buckets;
    for (std::size_t i = 0; i < g["points"].size(); ++i) {
        buckets[timeseries::bucketStart(g["points"][i][0].get<std::int64_t>(), stepMs)].push_back(
            i);
    }
    std::vector<WalkStep> out{step(
        "Each point goes to the bucket that starts at its time rounded down to a multiple of " +
            num(stepS) + " s (" + num(stepMs) +
            " ms) since the epoch. Each non-empty bucket gives one row, its " +
            g["agg"].get<std::string>() + ".",
        {}, {{"buckets", ojson::array()}})};
    std::int64_t next = buckets.empty() ? 0 : buckets.begin()->first;
    for (const auto& [start, members] : buckets) {
        if (start > next) {
            const std::int64_t empty = (start - next) / stepMs;
            out.push_back(step("No point falls in " +
                               (empty == 1 ? "the bucket from " : num(empty) + " buckets from ") +
                               timeseries::clockText(next) + ": it gives no row."));
        }
        out.push_back(bucketStep(start, members, g["points"], kind));
        next = start + stepMs;
    }
    return out;
}

// ---- gorilla-bits ----------------------------------------------------------------------------

namespace {

// What gorillaEncode writes for the first n points: its bits and cases (a failure in `status`).
struct Counts {
    std::int64_t tsBits = 0, valueBits = 0, tsCases[5] = {}, valueCases[3] = {};
    Status status;
};

Counts countsOf(const std::vector<timeseries::Point>& points, std::size_t n) {
    timeseries::GorillaBlock b;
    Counts c;
    c.status = timeseries::gorillaEncode(
        std::vector<timeseries::Point>(points.begin(),
                                       points.begin() + static_cast<std::ptrdiff_t>(n)),
        b);
    c.tsBits = b.timestampBits;
    c.valueBits = b.valueBits;
    std::copy(std::begin(b.tsCases), std::end(b.tsCases), c.tsCases);
    std::copy(std::begin(b.valueCases), std::end(b.valueCases), c.valueCases);
    return c;
}

// The case the last point added: the one whose count grew.
template <std::size_t N>
int caseAdded(const std::int64_t (&before)[N], const std::int64_t (&after)[N]) {
    for (std::size_t c = 0; c < N; ++c) {
        if (after[c] != before[c]) {
            return static_cast<int>(c);
        }
    }
    return 0;
}

const char* const kTsCases[] = {"'0' alone (the same gap)", "'10' + 7 bits (-63 to 64)",
                                "'110' + 9 bits (-255 to 256)", "'1110' + 12 bits (-2047 to 2048)",
                                "'1111' + 32 bits"};
const char* const kTsCaseNames[] = {"'0'", "'10'", "'110'", "'1110'", "'1111'"};
const char* const kValueCaseNames[] = {"'0'", "'10'", "'11'"};

std::int64_t seconds(std::int64_t ms) {
    return ms / 1000 - (ms % 1000 < 0 ? 1 : 0);
}

// The zero bits at the top (at most 31: 5 bits hold it) and at the bottom of an XOR.
struct Window {
    int lead = -1, trail = 0;
};

struct GorillaWalk {
    const std::vector<timeseries::Point>& points;
    std::vector<WalkStep> out;
    std::int64_t prevDelta = 0, tsRest = 0, valueRest = 0;
    Window window;

    void time(std::size_t i, const Counts& before, const Counts& after) {
        const std::int64_t delta = seconds(points[i].t) - seconds(points[i - 1].t);
        const std::int64_t dod = delta - prevDelta, bits = after.tsBits - before.tsBits;
        const std::string previous =
            i == 1 ? " (for point 2, the previous delta is point 1's offset from the header)" : "";
        out.push_back(step("Point " + num(static_cast<std::int64_t>(i + 1)) + ", time: delta " +
                               num(delta) + " s, delta-of-delta " + num(delta) + " - " +
                               num(prevDelta) + " = " + num(dod) + previous + ": " +
                               kTsCases[caseAdded(before.tsCases, after.tsCases)] + " = " +
                               num(bits) + (bits == 1 ? " bit." : " bits."),
                           {point(i)}));
        prevDelta = delta;
        tsRest += bits;
    }

    void value(std::size_t i, const Counts& before, const Counts& after) {
        const std::int64_t bits = after.valueBits - before.valueBits;
        const int kind = caseAdded(before.valueCases, after.valueCases);
        std::string text = "Point " + num(static_cast<std::int64_t>(i + 1)) + ", value " +
                           valueText(points[i].v) + ": ";
        const std::uint64_t x = std::bit_cast<std::uint64_t>(points[i].v) ^
                                std::bit_cast<std::uint64_t>(points[i - 1].v);
        if (kind == 0) {
            text += "the same as before, XOR 0: '0' = 1 bit.";
        } else {
            const int lead = std::countl_zero(x), trail = std::countr_zero(x);
            text += "XOR with " + valueText(points[i - 1].v) + " has " + num(lead) +
                    " leading and " + num(trail) + " trailing zeros";
            if (kind == 1) {
                text += ", inside the last window: '10' + its " + num(bits - 2) +
                        " bits = " + num(bits) + " bits.";
            } else {
                const Window w{std::min(lead, 31), trail};
                text += (window.lead < 0 ? ", a first window"
                                         : ", outside the last window (" + num(window.lead) +
                                               " leading, " + num(window.trail) + " trailing)") +
                        std::string(lead > 31 ? " (leading kept as 31)" : "") +
                        ": '11' + 5 + 6 bits (leading, length " + num(64 - w.lead - w.trail) +
                        ") + " + num(bits - 13) + " bits = " + num(bits) + " bits.";
                window = w;
            }
        }
        out.push_back(step(std::move(text), {point(i)}));
        valueRest += bits;
    }
};

std::string casesText(const Counts& c) {
    std::string ts, values;
    for (int k = 0; k < 5; ++k) {
        ts += c.tsCases[k] ? (ts.empty() ? " " : ", ") + std::string(kTsCaseNames[k]) + " " +
                                 num(c.tsCases[k])
                           : "";
    }
    for (int k = 0; k < 3; ++k) {
        values += c.valueCases[k] ? (values.empty() ? " " : ", ") +
                                        std::string(kValueCaseNames[k]) + " " + num(c.valueCases[k])
                                  : "";
    }
    return "Counted by case, timestamps:" + (ts.empty() ? " none" : ts) +
           "; values:" + (values.empty() ? " none" : values) + ".";
}

} // namespace

std::vector<WalkStep> gorillaBits(const Exercise& e) {
    std::vector<timeseries::Point> points;
    for (const auto& p : e.given["points"]) {
        points.push_back({p[0].get<std::int64_t>(), p[1].get<double>()});
    }
    const Counts all = countsOf(points, points.size());
    if (points.empty() || !all.status) {
        return {step("These points do not fit one Gorilla block" +
                         (points.empty() ? std::string(".") : ": " + all.status.message() + "."),
                     {}, {{"bits", -1}})};
    }
    const std::int64_t t0 = seconds(points[0].t), header = t0 - (t0 % 7200 + 7200) % 7200;
    Counts before = countsOf(points, 1);
    GorillaWalk walk{points, {}, t0 - header, 0, 0, {}};
    walk.out.push_back(step("Header: the first time, " + num(t0) +
                                " s, rounded down to its two-hour window (7200 s): " + num(header) +
                                ", in 64 bits.",
                            {point(0)}));
    walk.out.push_back(step("Point 1: its time as a 14-bit offset from the header, " +
                                num(t0 - header) + " s, and its value, " + valueText(points[0].v) +
                                ", raw in 64 bits.",
                            {point(0)}));
    if (points.size() > 1) {
        walk.out.push_back(
            step("Then per point: the time as the change of its gap (delta-of-delta), smaller "
                 "changes in fewer bits; the value as the XOR with the one before: 1 bit if equal, "
                 "else a window of its non-zero bits."));
    }
    for (std::size_t i = 1; i < points.size(); ++i) {
        const Counts after = countsOf(points, i + 1);
        walk.time(i, before, after);
        walk.value(i, before, after);
        before = after;
    }
    walk.out.push_back(step(casesText(all)));
    const std::int64_t ts = 64 + 14 + walk.tsRest, values = 64 + walk.valueRest;
    walk.out.push_back(step("In all: timestamps 64 + 14 + " + num(walk.tsRest) + " = " + num(ts) +
                                " bits, values 64 + " + num(walk.valueRest) + " = " + num(values) +
                                " bits: the block takes " + num(ts) + " + " + num(values) + " = " +
                                num(ts + values) + " bits.",
                            {}, {{"bits", ts + values}}));
    return std::move(walk.out);
}

} // namespace fg::practice::walk
