// The maker of downsample tier-of-query (practice_routing.h): a store of tiers kept for different
// times, a clock, a query range; timeseries::TieredStore says which tier answers.
#include "engines/practice/practice_detail.h"
#include "engines/practice/practice_routing.h"
#include "engines/timeseries/clock_text.h"
#include "engines/timeseries/tiered_store.h"

namespace fg::practice::routing {

namespace {

using ojson = nlohmann::ordered_json;
using Kind = AnswerField::Kind;
using namespace detail;

constexpr std::int64_t kHourMs = 3'600'000;
constexpr std::int64_t kDayMs = 24 * kHourMs;

// The tiers, finest first: raw points, then rollups of 5 minutes, 1 hour and (hard) 1 day.
std::vector<timeseries::Tier> drawTiers(Rng& r, Level level) {
    static const int rawDays[] = {2, 3, 7, 14};
    static const int fiveMinuteDays[] = {30, 60, 90};
    static const int hourDays[] = {365, 730};
    const int raw = level == Level::Easy ? 7 : pickOf(r, rawDays);
    const int fiveMinutes = level == Level::Easy ? 30 : pickOf(r, fiveMinuteDays);
    const int hours = level == Level::Hard ? pickOf(r, hourDays) : 365;
    std::vector<timeseries::Tier> tiers = {
        {"raw", 1000, raw * kDayMs, kHourMs, true},
        {"5m", 300'000, fiveMinutes * kDayMs, kDayMs, false},
        {"1h", kHourMs, hours * kDayMs, 7 * kDayMs, false},
    };
    if (level == Level::Hard && r.uniform(0, 1) == 0) {
        tiers.push_back({"1d", kDayMs, 5 * 365 * kDayMs, 30 * kDayMs, false});
    }
    return tiers;
}

// The start of the range, in hours before now: past the retention of the first `past` tiers (all
// of them: a range that no tier holds whole), or (hard) exactly at a tier's edge.
std::int64_t drawStartHours(Rng& r, Level level, const std::vector<timeseries::Tier>& tiers) {
    const int last = static_cast<int>(tiers.size()) - 1;
    const int past = pick(r, 0, level == Level::Easy ? last : last + 1);
    const std::int64_t newer =
        past == 0 ? 0 : tiers[static_cast<std::size_t>(past - 1)].retentionMs / kHourMs;
    if (level == Level::Hard && past > 0 && r.uniform(0, 2) == 0) {
        return newer + r.uniform(0, 1); // on the edge, or an hour past it
    }
    const std::int64_t older = past <= last
                                   ? tiers[static_cast<std::size_t>(past)].retentionMs / kHourMs
                                   : newer + 400 * 24;
    const std::int64_t step = level == Level::Easy ? 24 : 1;
    return newer + step * r.uniform(1, std::max<std::int64_t>(1, (older - newer) / step - 1));
}

std::string hoursBefore(std::int64_t hours) {
    const std::int64_t days = hours / 24, rest = hours % 24;
    std::string out;
    if (days > 0) {
        out = num(days) + (days == 1 ? " day" : " days");
    }
    if (rest > 0 || days == 0) {
        out += (out.empty() ? "" : " ") + num(rest) + (rest == 1 ? " hour" : " hours");
    }
    return out + " before now";
}

// "5 minutes", "hour", "day": what a rollup row sums up.
std::string period(std::int64_t ms) {
    if (ms % kDayMs == 0) {
        return ms == kDayMs ? "day" : num(ms / kDayMs) + " days";
    }
    if (ms % kHourMs == 0) {
        return ms == kHourMs ? "hour" : num(ms / kHourMs) + " hours";
    }
    return num(ms / 60'000) + " minutes";
}

std::string tiersText(const std::vector<timeseries::Tier>& tiers) {
    std::string out;
    for (const auto& t : tiers) {
        out += (out.empty() ? "" : "; ") + t.name + " (" +
               (t.raw ? std::string("every point") : "one row per " + period(t.resolutionMs)) +
               ") kept " + num(t.retentionMs / kDayMs) + " days";
    }
    return out;
}

} // namespace

Exercise tierOfQuery(std::uint64_t seed, Level level) {
    Rng r(seed);
    Exercise e = start("downsample", "tier-of-query", seed, level);
    const std::vector<timeseries::Tier> tiers = drawTiers(r, level);
    // A whole hour in 2024.
    const std::int64_t now = 1'704'067'200'000 + kHourMs * r.uniform(0, 365 * 24 - 1);
    const std::int64_t startHours = drawStartHours(r, level, tiers);
    const std::int64_t lengthHours =
        level == Level::Easy ? 24 * pick(r, 1, 3) : r.uniform(1, 24 * 10);
    const std::int64_t from = now - startHours * kHourMs;
    const std::int64_t to = std::min(now, from + lengthHours * kHourMs);

    const timeseries::TieredStore store(tiers);
    timeseries::TieredState s = store.initialState();
    SilentSink<timeseries::TieredStep, timeseries::TieredState> silent;
    store.apply(s, timeseries::TieredOp::advanceTo(now), silent);
    const timeseries::QueryResult q = store.query(s, from, to, timeseries::AggKind::Avg);

    e.prompt = "A time-series store keeps its data in tiers, finest first: " + tiersText(tiers) +
               ". A tier keeps what is younger than its retention, counted back from now, and "
               "drops the rest. A query is answered by the finest tier that still holds its "
               "whole range; when none does, the coarsest tier answers with what it has. It is "
               "now " +
               timeseries::clockText(now) + ". Which tier answers a query from " +
               timeseries::clockText(from) + " (" + hoursBefore(startHours) + ") to " +
               timeseries::clockText(to) + ", and does it hold the whole range?";
    ojson tiersJson = ojson::array();
    for (const auto& t : tiers) {
        ojson tier = {{"name", t.name}};
        if (!t.raw) {
            tier["rollup_s"] = t.resolutionMs / 1000;
        }
        tier["retention_days"] = t.retentionMs / kDayMs;
        tiersJson.push_back(std::move(tier));
    }
    e.given = {{"tiers", std::move(tiersJson)}, {"now", now}, {"from", from}, {"to", to}};
    e.answer = {{"tier", q.tier}, {"whole_range", q.complete ? "yes" : "no"}};
    AnswerField tier = answerField("tier", Kind::Choice, "The tier that answers");
    for (const auto& t : tiers) {
        tier.options.push_back(t.name);
    }
    AnswerField whole =
        answerField("whole_range", Kind::Choice, "Does that tier hold the whole range?");
    whole.options = {"yes", "no"};
    e.fields = {std::move(tier), std::move(whole)};
    return e;
}

} // namespace fg::practice::routing
