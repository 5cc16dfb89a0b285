#include "widgets/diagrams/downsample_diagram.h"

#include "engines/timeseries/clock_text.h"
#include "widgets/canvas/counted.h"
#include "widgets/diagrams/spoken_state.h"

#include <QCoreApplication>
#include <algorithm>
#include <iterator>

namespace fg {

namespace {

// What this file draws goes to translators under fg::DownsampleDiagram (lupdate and tr() agree).
struct DownsampleWords {
    Q_DECLARE_TR_FUNCTIONS(fg::DownsampleDiagram)
};

constexpr std::int64_t kMinute = 60'000, kHour = 60 * kMinute, kDay = 24 * kHour;

QString duration(std::int64_t ms) {
    const std::int64_t s = ms / 1000;
    if (s % 86400 == 0 && s >= 86400) {
        return QStringLiteral("%1 d").arg(s / 86400);
    }
    if (s % 3600 == 0 && s >= 3600) {
        return QStringLiteral("%1 h").arg(s / 3600);
    }
    if (s % 60 == 0 && s >= 60) {
        return QStringLiteral("%1 min").arg(s / 60);
    }
    if (ms % 1000 != 0) {
        return QStringLiteral("%1 ms").arg(ms);
    }
    return QStringLiteral("%1 s").arg(s);
}

std::int64_t floorTo(std::int64_t t, std::int64_t step) {
    const std::int64_t r = t % step;
    return r < 0 ? t - r - step : t - r;
}

// A time on the axis: the time of day, or the day for ticks a day or more apart and where a new
// day begins ("day 2" on a scenario's own clock, "Mar 1" for a real date: never a made-up
// "Jan 1"); the scenario's start is 00:00.
// An axis over several days names its first midnight too ("day 1", then "day 2": a fresh tester
// read "00:00 ... day 2" and asked where day 1 began); within one day it starts at "00:00".
QString tickLabel(std::int64_t ms, std::int64_t tick, bool severalDays) {
    const bool newDay = ((ms % kDay) + kDay) % kDay == 0 &&
                        (timeseries::isRealDate(ms) || ms > 0 || (ms == 0 && severalDays));
    return QString::fromStdString(tick >= kDay || newDay ? timeseries::dayText(ms)
                                                         : timeseries::timeOfDayText(ms));
}

} // namespace

DownsampleDiagram::Spacing
DownsampleDiagram::spacingOf(const std::vector<timeseries::TieredOp>& ops) {
    Spacing sp;
    const auto note = [&](std::int64_t gap) {
        if (gap > 0) {
            sp.least = sp.least ? std::min(sp.least, gap) : gap;
            sp.most = std::max(sp.most, gap);
        }
    };
    for (const auto& op : ops) {
        if (op.kind != timeseries::TieredOp::Kind::Ingest) {
            continue;
        }
        if (op.generate) {
            if (op.generate->to > op.generate->from) {
                note(op.generate->everyMs);
            }
            continue;
        }
        std::vector<std::int64_t> ts;
        for (const auto& p : op.points) {
            ts.push_back(p.t);
        }
        std::sort(ts.begin(), ts.end());
        for (std::size_t i = 1; i < ts.size(); ++i) {
            note(ts[i] - ts[i - 1]);
        }
    }
    return sp;
}

DownsampleDiagram::DownsampleDiagram(std::vector<timeseries::Tier> tiers,
                                     std::vector<timeseries::TieredOp> ops,
                                     std::optional<KeepOnly> only, BuildWatch* watch)
    : DownsampleDiagram(tiers, ops, only, spacingOf(ops), watch) {}

DownsampleDiagram::DownsampleDiagram(std::vector<timeseries::Tier> tiers,
                                     std::vector<timeseries::TieredOp> ops,
                                     std::optional<KeepOnly> only, Spacing spacing,
                                     BuildWatch* watch)
    : TimelineSource(timeseries::TieredStore(tiers), timeseries::TieredStore(tiers).initialState(),
                     std::move(ops), only, watch) {
    rawEveryMs_ = spacing.least;
    if (spacing.least > 0) {
        rawInterval_ = spacing.least == spacing.most
                           ? duration(spacing.least)
                           : DownsampleWords::tr("%1 to %2")
                                 .arg(duration(spacing.least), duration(spacing.most));
    }
    // One time axis for every frame (one pass over the timeline, not a replay per step): from
    // the first data any tier holds to a round span past the last clock, so that "now" moves
    // right as time passes and the axis changes only when the run outgrows it.
    bool any = false;
    std::int64_t first = 0, last = 0;
    replay([&](std::size_t, const Step&, const State& s) {
        for (const auto& tier : s.tiers) {
            if (!tier.blocks.empty()) {
                const auto& b = tier.blocks.begin()->second;
                const std::int64_t t = !b.points.empty()    ? b.points.front().t
                                       : !b.buckets.empty() ? b.buckets.begin()->first
                                                            : b.start;
                first = any ? std::min(first, t) : t;
                any = true;
            }
        }
        last = std::max(last, s.now);
    });
    static constexpr std::int64_t kSpans[] = {
        kHour,    2 * kHour, 3 * kHour, 6 * kHour, 12 * kHour, kDay,      2 * kDay,
        3 * kDay, 7 * kDay,  14 * kDay, 30 * kDay, 60 * kDay,  90 * kDay, 180 * kDay};
    static constexpr std::int64_t kTicks[] = {
        10 * kMinute, 15 * kMinute, 30 * kMinute, kHour,    2 * kHour, 3 * kHour, 6 * kHour,
        12 * kHour,   kDay,         2 * kDay,     5 * kDay, 10 * kDay, 15 * kDay, 30 * kDay};
    // The start on a whole hour, then the smallest span that holds the run with some room.
    tmin_ = floorTo(any ? first : 0, kHour);
    last = std::max(last, tmin_);
    const std::int64_t need = std::max<std::int64_t>(last - tmin_ + (last - tmin_) / 12, 1);
    std::size_t i = 0;
    while (i + 1 < std::size(kSpans) && kSpans[i] < need) {
        ++i;
    }
    std::int64_t span = kSpans[i];
    tick_ = kTicks[i];
    while (span < need) {
        span *= 2;
        tick_ *= 2;
    }
    tmax_ = tmin_ + span;
}

std::pair<qreal, qreal> DownsampleDiagram::axisX(const Theme& theme) const {
    const qreal x0 = 30 + 230 * theme.fontScale; // right of the tiers' labels
    return {x0, x0 + axisUnits_};
}

std::vector<std::pair<std::int64_t, QString>> DownsampleDiagram::axisTicks() const {
    std::vector<std::pair<std::int64_t, QString>> ticks;
    for (std::int64_t tick = tmin_; tick <= tmax_; tick += tick_) {
        ticks.emplace_back(tick, tickLabel(tick, tick_, tmax_ - tmin_ > kDay));
    }
    return ticks;
}

namespace {

// Where everything goes: the lanes, one per tier, over the time axis [tmin, tmax).
struct LaneGeometry {
    qreal fs, k;
    qreal x0, w; // the axis's left and width
    qreal labelW, rowH, top, lanesBottom;
    std::int64_t tmin, tmax;
    qreal xOf(std::int64_t ms) const {
        return x0 + w * static_cast<qreal>(ms - tmin) / static_cast<qreal>(tmax - tmin);
    }
    qreal width() const { return x0 + w + 60 * k; }      // the axis and room for its last label
    qreal below() const { return lanesBottom + 20 * k; } // the line under the lanes
    QSizeF size() const { return {width(), below() + 30 * k}; }
};

// The lanes of `tiers` tiers in `theme`, over an axis from axis.first to axis.second.
LaneGeometry laneGeometry(const Theme& theme, std::pair<qreal, qreal> axis, std::size_t tiers,
                          std::int64_t tmin, std::int64_t tmax) {
    LaneGeometry g;
    g.fs = 14 * theme.fontScale;
    g.k = theme.fontScale;
    g.x0 = axis.first;
    g.w = axis.second - axis.first;
    g.labelW = g.x0 - 30;
    g.rowH = 60 * g.k;
    g.top = 40 * g.k;
    g.lanesBottom = g.top + static_cast<qreal>(tiers) * g.rowH;
    g.tmin = tmin;
    g.tmax = tmax;
    return g;
}

// The shared time axis: a line per tick through every lane, its time under the lanes.
void addTimeAxis(Frame& f, const std::vector<std::pair<std::int64_t, QString>>& ticks,
                 const LaneGeometry& g, const Theme& t) {
    for (const auto& [tick, tickText] : ticks) {
        const qreal x = g.xOf(tick);
        FrameItem grid;
        grid.id = QStringLiteral("tick:%1").arg(tick);
        grid.kind = FrameItem::Kind::Line;
        grid.line = QLineF(x, g.top - 6, x, g.lanesBottom - 8);
        grid.stroke = t.line;
        grid.strokeWidth = 1;
        grid.opacity = 0.35;
        grid.z = 0;
        f.items.push_back(grid);
        FrameItem label;
        label.id = QStringLiteral("tick-label:%1").arg(tick);
        label.kind = FrameItem::Kind::Text;
        label.rect = QRectF(x - 50 * g.k, g.lanesBottom - 4, 100 * g.k, 20 * g.k);
        label.text = tickText;
        label.textColor = t.mutedText;
        label.fontPx = g.fs * 0.9;
        label.z = 1;
        f.items.push_back(label);
    }
}

// A lane: tier `index` at `y`, `h` high; `answering` when it answers the step's query.
struct Lane {
    std::size_t index;
    const timeseries::Tier& tier;
    qreal y, h;
    bool answering;
};

// A lane's name left of it: its resolution (raw: how often the scenario writes a point) and how
// long it keeps data; marked when it answers the query.
FrameItem tierLabel(const Lane& lane, const QString& rawInterval, const LaneGeometry& g,
                    const Theme& t) {
    const auto& tier = lane.tier;
    FrameItem label;
    label.id = QStringLiteral("tier:%1").arg(lane.index);
    label.kind = FrameItem::Kind::Text;
    label.rect = QRectF(20, lane.y, g.labelW - 10, lane.h);
    const QString every =
        !tier.raw               ? DownsampleWords::tr("every %1").arg(duration(tier.resolutionMs))
        : rawInterval.isEmpty() ? DownsampleWords::tr("points as written")
                                : DownsampleWords::tr("a point every %1").arg(rawInterval);
    label.text = DownsampleWords::tr("%1%2 · %3\nkept %4")
                     .arg(lane.answering ? QStringLiteral("\u25B6 ") : QString(),
                          QString::fromStdString(tier.name), every, duration(tier.retentionMs));
    label.textColor = lane.answering ? t.accent : t.text;
    label.bold = lane.answering;
    label.fontPx = g.fs * 0.95;
    label.align = Qt::AlignLeft | Qt::AlignVCenter;
    label.pinLeft = true; // zoomed in on the blocks, the lanes keep their names in view
    return label;
}

// A block's time, as its tooltips say it.
QString blockTimeOf(const timeseries::TierBlock& b) {
    return DownsampleWords::tr("%1 to %2")
        .arg(QString::fromStdString(timeseries::clockText(b.start)),
             QString::fromStdString(timeseries::clockText(b.end)));
}

// The outline over the time block `b` covers, [left, right) on the axis.
FrameItem blockSpan(const Lane& lane, const timeseries::TierBlock& b, qreal left, qreal right,
                    const QString& tone, const Theme& t) {
    FrameItem span;
    span.id = QStringLiteral("span:%1:%2").arg(lane.index).arg(b.start);
    span.rect = QRectF(left + 1, lane.y, std::max<qreal>(right - left - 2, 3), lane.h);
    span.stroke = t.toneStroke(tone);
    span.strokeWidth = 1;
    // Lighter than the data's box, yet seen: at 0.45 on Dark the outline all but vanished.
    span.opacity = t.background.lightnessF() < 0.5 ? 0.8 : 0.55;
    span.radius = 3;
    span.z = 1;
    span.toolTip =
        DownsampleWords::tr("A %1 block: the time from %2 (the outline). It fills as the "
                            "clock reaches it, and is dropped whole once all of it is older "
                            "than %3.")
            .arg(QString::fromStdString(lane.tier.name), blockTimeOf(b),
                 duration(lane.tier.retentionMs));
    return span;
}

// The box over the time block `b`'s data covers (its points or buckets), within [left, right);
// lit when the query reads it, "skipped" when the answering tier does not, else its count.
FrameItem blockData(const Lane& lane, const timeseries::TierBlock& b, qreal left, qreal right,
                    bool read, std::int64_t rawEveryMs, const QString& tone, const LaneGeometry& g,
                    const Theme& t) {
    std::int64_t from = b.start, to = b.end;
    if (!b.points.empty()) {
        from = b.points.front().t;
        to = b.points.back().t + std::max<std::int64_t>(rawEveryMs, 1000);
    } else if (!b.buckets.empty()) {
        from = b.buckets.begin()->first;
        to = b.buckets.rbegin()->first + lane.tier.resolutionMs;
    }
    const qreal dl = std::clamp(g.xOf(from), left, right);
    const qreal dr = std::clamp(g.xOf(to), left, right);
    const bool skipped = lane.answering && !read;
    FrameItem box;
    box.id = QStringLiteral("block:%1:%2").arg(lane.index).arg(b.start);
    box.rect = QRectF(dl + 1, lane.y, std::max<qreal>(dr - dl - 2, 3), lane.h);
    box.fill = read ? t.highlight : t.toneFill(tone);
    box.stroke = read ? t.text : t.toneStroke(tone);
    box.strokeWidth = read ? 2.5 : 1;
    box.radius = 3;
    box.z = 2;
    box.textColor = skipped ? t.mutedText : t.text;
    box.fontPx = g.fs * 0.85;
    box.text = skipped ? DownsampleWords::tr("skipped") : QString::number(b.rows());
    if (frameTextSize(box).width() + 8 > box.rect.width()) {
        box.text.clear(); // too narrow for its count
    }
    const int rows = int(b.rows());
    box.toolTip =
        inEnglishNumber(lane.tier.raw ? DownsampleWords::tr("A %1 block (%2): %n point(s) "
                                                            "so far, from %3 to %4.",
                                                            nullptr, rows)
                                      : DownsampleWords::tr("A %1 block (%2): %n "
                                                            "bucket(s) so far, from %3 "
                                                            "to %4.",
                                                            nullptr, rows),
                        rows)
            .arg(QString::fromStdString(lane.tier.name), blockTimeOf(b),
                 QString::fromStdString(timeseries::clockText(from)),
                 QString::fromStdString(timeseries::clockText(to)));
    return box;
}

// A lane's blocks: each the time it covers (an outline) and its data (filled), so the same hours
// line up in every lane; the blocks outside the window shown are left out.
void addBlocks(Frame& f, const Lane& lane, const timeseries::TierState& state,
               const timeseries::TieredStep* step, std::int64_t rawEveryMs, const LaneGeometry& g,
               const Theme& t) {
    const QString tone = QString(QChar('a' + static_cast<int>(lane.index) % 7));
    for (const auto& [start, b] : state.blocks) {
        const bool read = lane.answering && b.end > step->from && b.start < step->to;
        const qreal left = std::max(g.xOf(b.start), g.x0),
                    right = std::min(g.xOf(b.end), g.x0 + g.w);
        if (right <= g.x0 || left >= g.x0 + g.w) {
            continue; // outside the window shown
        }
        f.items.push_back(blockSpan(lane, b, left, right, tone, t));
        f.items.push_back(blockData(lane, b, left, right, read, rawEveryMs, tone, g, t));
    }
}

// The clock: a line at "now", its time over it in the frame `width` wide; its area half as wide
// again as its text, on the side the text may grow (printed type is set larger where it has
// room), the text aligned where it stands when the line is near an end.
void addClock(Frame& f, std::int64_t now, qreal width, const LaneGeometry& g, const Theme& t) {
    const qreal x = g.xOf(now);
    FrameItem line;
    line.id = QStringLiteral("now");
    line.kind = FrameItem::Kind::Line;
    line.line = QLineF(x, g.top - 12 * g.k, x, g.lanesBottom - 8);
    line.stroke = t.bad;
    line.strokeWidth = 2;
    line.z = 4;
    f.items.push_back(line);
    FrameItem nowLabel;
    nowLabel.id = QStringLiteral("now-label");
    nowLabel.kind = FrameItem::Kind::Text;
    nowLabel.text =
        DownsampleWords::tr("now: %1").arg(QString::fromStdString(timeseries::clockText(now)));
    nowLabel.textColor = t.bad;
    nowLabel.fontPx = g.fs * 0.85;
    nowLabel.z = 5;
    const qreal lw = std::min(1.5 * (frameTextSize(nowLabel).width() + 8), width);
    const qreal left = std::clamp(x - lw / 2, 0.0, width - lw);
    nowLabel.rect = QRectF(left, 2, lw, g.top - 16 * g.k);
    nowLabel.align = Qt::AlignVCenter | (left <= 0            ? Qt::AlignLeft
                                         : left >= width - lw ? Qt::AlignRight
                                                              : Qt::AlignHCenter);
    f.items.push_back(nowLabel);
}

// The line under the lanes: the key to a block's two looks, or a query's answer.
QString keyText() {
    return DownsampleWords::tr("Outline: the time a block covers · filled: the data it holds so "
                               "far");
}

QString answerText(const std::string& tier, std::int64_t read, std::int64_t skipped,
                   std::int64_t scanned) {
    return inEnglishNumber(DownsampleWords::tr("answered from %1: %n block(s) read, %2 skipped, %3",
                                               nullptr, int(read)),
                           read)
        .arg(QString::fromStdString(tier))
        .arg(skipped)
        .arg(inEnglishNumber(DownsampleWords::tr("%n row(s) scanned", nullptr, int(scanned)),
                             scanned));
}

// Under the lanes at `y`: what the query read, or (any other step) what the two looks of a block
// mean (a tester asked what the outlines past "now" were).
FrameItem footnote(const timeseries::TieredStep* query, qreal y, const LaneGeometry& g,
                   const Theme& t) {
    FrameItem q;
    q.kind = FrameItem::Kind::Text;
    q.rect = QRectF(g.x0, y + 4, g.w, 22 * g.k);
    if (query) {
        q.id = QStringLiteral("query-result");
        const auto& asked = query->query;
        q.text = answerText(asked.tier, asked.partitionsRead, asked.partitionsSkipped,
                            asked.rowsScanned);
        q.textColor = t.accent;
        q.fontPx = g.fs * 0.85;
        q.bold = true;
        q.z = 5;
    } else {
        q.id = QStringLiteral("key");
        q.text = keyText();
        q.textColor = t.mutedText;
        q.fontPx = g.fs * 0.8;
        q.z = 1;
    }
    return q;
}

} // namespace

// Named steps: the lanes' geometry, the time axis, each tier's lane (its name, its blocks), the
// clock, and under the lanes the query's result or the key to a block's two looks.
Frame DownsampleDiagram::layoutState(const State& s, const Step* step, const Theme& t) const {
    Frame f;
    const auto& tiers = timeline().engine().tiers();
    const LaneGeometry g = laneGeometry(t, axisX(t), tiers.size(), tmin_, tmax_);
    addTimeAxis(f, axisTicks(), g, t);
    const bool query = step && step->kind == timeseries::StepKind::kQueryResult;
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        const Lane lane{i, tiers[i], g.top + static_cast<qreal>(i) * g.rowH, g.rowH - 14 * g.k,
                        query && step->tier == tiers[i].name};
        f.items.push_back(tierLabel(lane, rawInterval_, g, t));
        addBlocks(f, lane, s.tiers[i], step, rawEveryMs_, g, t);
    }
    if (s.started) {
        addClock(f, s.now, g.width(), g, t);
    }
    f.items.push_back(footnote(query ? step : nullptr, g.below(), g, t));
    f.size = g.size();
    thickenLines(f, t);
    return f;
}

QSizeF DownsampleDiagram::frameSizeAt(qreal axisUnits, const Theme& theme) const {
    const qreal x0 = axisX(theme).first;
    return laneGeometry(theme, {x0, x0 + axisUnits}, timeline().engine().tiers().size(), tmin_,
                        tmax_)
        .size();
}

qreal DownsampleDiagram::leastAxisUnits(const Theme& theme) const {
    if (leastFor_ == theme.fontScale) {
        return least_;
    }
    const qreal fs = 14 * theme.fontScale;
    FrameItem tick;
    tick.fontPx = fs * 0.9;
    qreal widestTick = 0;
    const auto ticks = axisTicks();
    for (const auto& [ms, label] : ticks) {
        tick.text = label;
        widestTick = std::max(widestTick, frameTextSize(tick).width());
    }
    // A tick's label and an em between it and the next.
    const qreal apart =
        static_cast<qreal>(std::max<std::size_t>(ticks.size(), 2) - 1) * (widestTick + tick.fontPx);
    FrameItem key;
    key.text = keyText();
    key.fontPx = fs * 0.8;
    FrameItem answer; // a query's answer, its numbers as long as a scenario's come
    answer.bold = true;
    answer.fontPx = fs * 0.85;
    std::string longestTier;
    for (const auto& tier : timeline().engine().tiers()) {
        longestTier = tier.name.size() > longestTier.size() ? tier.name : longestTier;
    }
    answer.text = answerText(longestTier, 99, 99, 99999);
    leastFor_ = theme.fontScale;
    least_ = std::min(kMostAxisUnits, std::max({apart, frameTextSize(key).width() + 8,
                                                frameTextSize(answer).width() + 8}));
    return least_;
}

qreal DownsampleDiagram::axisUnitsFor(QSizeF room, const Theme& theme) const {
    const QSizeF rest = frameSizeAt(0, theme); // all but the axis
    const qreal shaped =
        room.isEmpty() ? kAxisUnits : room.width() / room.height() * rest.height() - rest.width();
    return std::clamp(shaped, leastAxisUnits(theme), kMostAxisUnits);
}

void DownsampleDiagram::setAxisUnits(qreal units, const Theme& theme) const {
    axisUnits_ = std::clamp(units, leastAxisUnits(theme), kMostAxisUnits);
}

QString DownsampleDiagram::describe(const State& state) const {
    return spokenTiers(state, timeline().engine().tiers());
}

} // namespace fg
