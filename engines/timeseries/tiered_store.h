// TieredStore: how a time-series database keeps years of data cheaply. Raw points and each
// rollup tier (avg/min/max/sum/count per bucket, computed exactly as `fieldguide downsample`) live
// in time blocks (partitions). As the clock advances (time passes, or newer points arrive and move
// it), retention drops whole blocks older than the tier keeps, one delete per block, where
// Cassandra with a TTL would write a tombstone per row. A query is answered from the finest tier
// that still covers its whole range, reading only the blocks that overlap it.
#pragma once

#include "engines/core/rng.h"
#include "engines/core/timeline.h"
#include "engines/timeseries/aggregate.h"
#include "engines/timeseries/series_csv.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::timeseries {

struct Tier {
    std::string name;
    std::int64_t resolutionMs = 1000; // 0 or 1000 for raw points
    std::int64_t retentionMs = 0;
    std::int64_t blockMs = 0;
    bool raw = false;
};

struct TierBlock {
    std::int64_t start = 0, end = 0;           // [start, end)
    std::vector<Point> points;                 // raw tier
    std::map<std::int64_t, Aggregate> buckets; // rollup tiers: bucket start -> aggregate
    std::int64_t rows() const {
        return static_cast<std::int64_t>(points.empty() ? buckets.size() : points.size());
    }
    bool operator==(const TierBlock&) const = default;
};

struct TierState {
    std::map<std::int64_t, TierBlock> blocks; // by start
    bool operator==(const TierState&) const = default;
};

struct TieredStats {
    std::int64_t ingested = 0, blocksDropped = 0, rowsDropped = 0, queries = 0, rowsScanned = 0,
                 partitionsRead = 0, partitionsSkipped = 0;
    bool operator==(const TieredStats&) const = default;
};

struct TieredState {
    std::vector<TierState> tiers;
    std::int64_t now = 0; // the clock, in ms
    bool started = false;
    TieredStats stats;
    bool operator==(const TieredState&) const = default;
};

struct Generator {
    std::int64_t from = 0, to = 0, everyMs = 1000;
    std::uint64_t seed = 1;
    std::string shape = "sine"; // sine, random-walk, constant
};

struct TieredOp {
    enum class Kind { Ingest, Advance, Query };
    Kind kind = Kind::Ingest;
    std::vector<Point> points;         // ingest
    std::optional<Generator> generate; // ingest
    std::int64_t byMs = 0;             // advance: move the clock by this much...
    std::optional<std::int64_t> toMs;  // ...or to this time
    std::int64_t from = 0, to = 0;     // query: [from, to)
    AggKind agg = AggKind::Avg;

    static TieredOp ingest(std::vector<Point> points) {
        TieredOp op;
        op.points = std::move(points);
        return op;
    }
    // Ingests the points `generator` draws.
    static TieredOp ingest(Generator generator) {
        TieredOp op;
        op.generate = std::move(generator);
        return op;
    }
    static TieredOp advanceBy(std::int64_t ms) {
        TieredOp op;
        op.kind = Kind::Advance;
        op.byMs = ms;
        return op;
    }
    static TieredOp advanceTo(std::int64_t ms) {
        TieredOp op;
        op.kind = Kind::Advance;
        op.toMs = ms;
        return op;
    }
    // The `agg` of every bucket in [from, to), from the finest tier that still holds it.
    static TieredOp query(std::int64_t from, std::int64_t to, AggKind agg = AggKind::Avg) {
        TieredOp op;
        op.kind = Kind::Query;
        op.from = from;
        op.to = to;
        op.agg = agg;
        return op;
    }
};

struct QueryResult {
    std::string tier;
    std::int64_t rowsScanned = 0, partitionsRead = 0, partitionsSkipped = 0;
    bool complete = true; // false: no tier still holds the whole range
    std::vector<Point> series;
};

// What a step reports. Per kind (fields not listed keep their defaults):
//   ingest          points: how many arrived.
//   retention-drop  tier, blockStart, blockEnd, rows: a whole block past its tier's retention.
//   query-plan      tier: the tier that answers.
//   query-result    tier, from, to (the range asked for), query: what was read and returned.
enum class StepKind {
    kIngest,
    kAdvance, // the clock moves on (time passes), before what it expires is dropped
    kRetentionDrop,
    kQueryPlan,
    kQueryResult,
};

// The kind's name in scenario JSON: "ingest", "advance", "retention-drop", "query-plan",
// "query-result".
std::string_view kindName(StepKind kind);

struct TieredStep {
    StepKind kind = StepKind::kIngest;
    std::string text;
    std::string tier;
    std::int64_t blockStart = 0, blockEnd = 0, rows = 0;
    std::int64_t points = 0;
    std::int64_t from = 0, to = 0; // query-result: the range asked for
    QueryResult query;
};

class TieredStore {
public:
    using State = TieredState;
    using Op = TieredOp;
    using Step = TieredStep;

    // REQUIRES: tiers[0] is raw; later tiers have coarser resolutions; every block a multiple of
    // its tier's resolution.
    explicit TieredStore(std::vector<Tier> tiers) : tiers_(std::move(tiers)) {}
    static std::vector<Tier> defaultTiers();
    const std::vector<Tier>& tiers() const { return tiers_; }

    State initialState() const;
    void apply(State& s, const Op& op, StepSink<Step, State>& sink) const;
    QueryResult query(const State& s, std::int64_t from, std::int64_t to, AggKind agg) const;

private:
    void ingestPoint(State& s, const Point& p) const;
    void advance(State& s, std::int64_t to, StepSink<Step, State>& sink) const;

    std::vector<Tier> tiers_;
};

std::vector<Point> generatePoints(const Generator& g);

} // namespace fg::timeseries
