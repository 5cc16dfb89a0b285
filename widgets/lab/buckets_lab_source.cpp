#include "widgets/lab/buckets_lab_source.h"

#include "engines/timeseries/clock_text.h"
#include "widgets/canvas/counted.h"

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>
#include <cmath>

namespace fg {

namespace {

using lab::BucketCompare;
using lab::BucketsLabRun;
using lab::BucketTier;
using lab::BucketValues;

QString bucketsTr(const char* text) {
    return QCoreApplication::translate("fg::BucketsLabSource", text);
}

// A count and its noun, one phrase for the translator ("%Ln point(s)"), said as English says it
// where no translation gave the forms (counted.h).
QString bucketsCounted(const char* text, qint64 n) {
    return inEnglishNumber(
        QCoreApplication::translate("fg::BucketsLabSource", text, nullptr, static_cast<int>(n)), n);
}

constexpr std::size_t kMaxBucketLinePoints = 600;
constexpr std::size_t kMaxBucketBars = 1200;

// Where everything goes: lanes over the time axis [tmin, tmax), values [vmin, vmax] bottom to top.
struct BucketsGeometry {
    qreal k = 1, fs = 14, x0 = 0, w = 860, top = 40, laneH = 80, gap = 18;
    std::int64_t tmin = 0, tmax = 1;
    double vmin = 0, vmax = 1;
    qreal xOf(std::int64_t ms) const {
        return x0 + w * static_cast<qreal>(ms - tmin) / static_cast<qreal>(tmax - tmin);
    }
    qreal laneY(int lane) const { return top + lane * (laneH + gap); }
    qreal yOf(int lane, double v) const {
        const double f = vmax > vmin ? (v - vmin) / (vmax - vmin) : 0.5;
        return laneY(lane) + laneH - 4 - static_cast<qreal>(f) * (laneH - 8);
    }
};

BucketsGeometry bucketsGeometryOf(const BucketsLabRun& run, const BucketTier& tier,
                                  const Theme& t) {
    BucketsGeometry g;
    g.k = t.fontScale;
    g.fs = 14 * t.fontScale;
    g.x0 = 30 + 230 * t.fontScale; // right of the lanes' names, as the time-series diagram
    // Lanes low and wide: four of them fit a canvas under a 1280 x 800 window's tables, in the
    // Projector theme too.
    g.laneH = 54 * g.k;
    g.gap = 14 * g.k;
    g.top = 30 * g.k;
    bool any = false;
    auto see = [&](std::int64_t from, std::int64_t to, double lo, double hi) {
        g.tmin = any ? std::min(g.tmin, from) : from;
        g.tmax = any ? std::max(g.tmax, to) : to;
        g.vmin = any ? std::min(g.vmin, lo) : lo;
        g.vmax = any ? std::max(g.vmax, hi) : hi;
        any = true;
    };
    for (const BucketCompare& b : tier.buckets) {
        for (const auto* v : {&b.model, &b.dateBin, &b.rrd}) {
            if (*v) {
                see(b.start, b.start + tier.resolutionMs, (*v)->min, (*v)->max);
            }
        }
    }
    for (const lab::BucketPoint& p : run.sample) {
        see(p.t, p.t + 1, p.v, p.v);
    }
    g.tmax = std::max(g.tmax, g.tmin + 1);
    return g;
}

// A tick step that puts 4 to 10 ticks on the axis.
std::int64_t bucketsTickStep(std::int64_t span) {
    for (const std::int64_t s :
         {60'000LL, 300'000LL, 900'000LL, 1'800'000LL, 3'600'000LL, 10'800'000LL, 21'600'000LL,
          43'200'000LL, 86'400'000LL, 604'800'000LL}) {
        if (span / s <= 10) {
            return s;
        }
    }
    return 2'592'000'000LL;
}

void addBucketsAxis(Frame& f, const BucketsGeometry& g, int lanes, const Theme& t) {
    const std::int64_t step = bucketsTickStep(g.tmax - g.tmin);
    const qreal bottom = g.laneY(lanes) - g.gap;
    for (std::int64_t tick = (g.tmin + step - 1) / step * step; tick <= g.tmax; tick += step) {
        const qreal x = g.xOf(tick);
        FrameItem grid;
        grid.id = QStringLiteral("tick:%1").arg(tick);
        grid.kind = FrameItem::Kind::Line;
        grid.line = QLineF(x, g.top - 6, x, bottom);
        grid.stroke = t.line;
        grid.strokeWidth = 1;
        grid.opacity = 0.35;
        f.items.push_back(grid);
        FrameItem label;
        label.id = QStringLiteral("tick-label:%1").arg(tick);
        label.kind = FrameItem::Kind::Text;
        label.rect = QRectF(x - 60 * g.k, bottom + 2, 120 * g.k, 20 * g.k);
        label.text = QString::fromStdString(step >= 86'400'000LL ? timeseries::dayText(tick)
                                                                 : timeseries::clockText(tick));
        label.textColor = t.mutedText;
        label.fontPx = g.fs * 0.9;
        f.items.push_back(label);
    }
}

void addBucketsLaneName(Frame& f, int lane, const QString& text, const BucketsGeometry& g,
                        const Theme& t) {
    FrameItem label;
    label.id = QStringLiteral("lane:%1").arg(lane);
    label.kind = FrameItem::Kind::Text;
    label.rect = QRectF(20, g.laneY(lane), g.x0 - 30, g.laneH);
    label.text = text;
    label.textColor = t.text;
    label.fontPx = g.fs * 0.95;
    label.align = Qt::AlignLeft | Qt::AlignVCenter;
    label.pinLeft = true;
    f.items.push_back(label);
}

void addBucketsPoints(Frame& f, const BucketsLabRun& run, const BucketsGeometry& g,
                      const Theme& t) {
    const std::size_t every = std::max<std::size_t>(1, run.sample.size() / kMaxBucketLinePoints);
    for (std::size_t i = every; i < run.sample.size(); i += every) {
        const lab::BucketPoint& a = run.sample[i - every];
        const lab::BucketPoint& b = run.sample[i];
        FrameItem seg;
        seg.id = QStringLiteral("point:%1").arg(i);
        seg.kind = FrameItem::Kind::Line;
        seg.line = QLineF(g.xOf(a.t), g.yOf(0, a.v), g.xOf(b.t), g.yOf(0, b.v));
        seg.stroke = t.toneStroke(QStringLiteral("a"));
        seg.strokeWidth = 1;
        seg.z = 2;
        f.items.push_back(seg);
    }
}

// One bucket in a lane: a bar from min to max, a tick at the average.
void addBucketBar(Frame& f, int lane, const QString& tone, std::int64_t start, std::int64_t width,
                  const BucketValues& v, bool differs, bool faded, const BucketsGeometry& g,
                  const Theme& t) {
    const qreal left = g.xOf(start), right = std::max(g.xOf(start + width), left + 2);
    FrameItem bar;
    bar.id = QStringLiteral("bucket:%1:%2").arg(lane).arg(start);
    bar.rect = QRectF(left, g.yOf(lane, v.max), right - left,
                      std::max<qreal>(g.yOf(lane, v.min) - g.yOf(lane, v.max), 2));
    bar.fill = differs ? t.markFill(QStringLiteral("bad")) : t.toneFill(tone);
    bar.stroke = differs ? t.bad : t.toneStroke(tone);
    bar.strokeWidth = differs ? 2 : 0.75;
    bar.radius = 1;
    bar.opacity = faded ? 0.35 : 1;
    bar.z = differs ? 4 : 3;
    f.items.push_back(bar);
    FrameItem avg;
    avg.id = QStringLiteral("avg:%1:%2").arg(lane).arg(start);
    avg.kind = FrameItem::Kind::Line;
    avg.line = QLineF(left, g.yOf(lane, v.avg), right, g.yOf(lane, v.avg));
    avg.stroke = t.text;
    avg.strokeWidth = 1.25;
    avg.opacity = faded ? 0.35 : 1;
    avg.z = 5;
    f.items.push_back(avg);
}

void addUnknownRow(Frame& f, int lane, std::int64_t start, std::int64_t width,
                   const BucketsGeometry& g, const Theme& t) {
    FrameItem box;
    box.id = QStringLiteral("unknown:%1:%2").arg(lane).arg(start);
    const qreal left = g.xOf(start), right = std::max(g.xOf(start + width), left + 6);
    box.rect = QRectF(left, g.laneY(lane) + 2, right - left, g.laneH - 4);
    box.stroke = t.bad;
    box.penStyle = Qt::DashLine;
    box.strokeWidth = 1.5;
    box.textColor = t.bad;
    box.fontPx = g.fs * 0.85;
    box.text = right - left > 10 * g.k ? QStringLiteral("?") : QString();
    box.toolTip = bucketsTr("RRDtool's row is UNKNOWN here");
    box.z = 4;
    f.items.push_back(box);
}

// A bar to draw: one bucket, or neighbouring buckets drawn as one (bucketLaneBars).
struct BucketLaneBar {
    std::int64_t start = 0, end = 0;
    BucketValues v;
    bool differs = false, faded = false, unknown = false;
};

// At most kMaxBucketBars bars a lane: past that, neighbouring buckets share a bar (the lowest
// minimum, the highest maximum, the mean of the averages; it differs if one of them does, and
// is unknown only if all are).
std::vector<BucketLaneBar> bucketLaneBars(std::vector<BucketLaneBar> bars) {
    std::sort(bars.begin(), bars.end(),
              [](const BucketLaneBar& a, const BucketLaneBar& b) { return a.start < b.start; });
    const std::size_t per = (bars.size() + kMaxBucketBars - 1) / kMaxBucketBars;
    if (per <= 1) {
        return bars;
    }
    std::vector<BucketLaneBar> out;
    for (std::size_t at = 0; at < bars.size(); at += per) {
        BucketLaneBar m = bars[at];
        double sum = 0;
        int known = 0;
        m.unknown = true;
        for (std::size_t i = at; i < std::min(bars.size(), at + per); ++i) {
            const BucketLaneBar& b = bars[i];
            m.end = b.end;
            m.differs = m.differs || b.differs;
            if (b.unknown) {
                continue;
            }
            m.v.min = known ? std::min(m.v.min, b.v.min) : b.v.min;
            m.v.max = known ? std::max(m.v.max, b.v.max) : b.v.max;
            sum += b.v.avg;
            ++known;
            m.unknown = false;
        }
        m.v.avg = known ? sum / known : 0;
        out.push_back(m);
    }
    return out;
}

void addBucketLane(Frame& f, int lane, const QString& tone, std::vector<BucketLaneBar> bars,
                   const BucketsGeometry& g, const Theme& t) {
    for (const BucketLaneBar& b : bucketLaneBars(std::move(bars))) {
        if (b.unknown) {
            addUnknownRow(f, lane, b.start, b.end - b.start, g, t);
        } else {
            addBucketBar(f, lane, tone, b.start, b.end - b.start, b.v, b.differs, b.faded, g, t);
        }
    }
}

// A lane of a tier as a screen reader hears it: "240 buckets", then what stands out in it
// ("1 differs", "3 unknown", "12 dropped by the model's retention").
QString laneText(std::int64_t bars, std::int64_t differ, std::int64_t unknown,
                 std::int64_t dropped) {
    QStringList notes;
    if (differ > 0) {
        notes << bucketsTr("%1 differ").arg(differ);
    }
    if (unknown > 0) {
        notes << bucketsTr("%1 unknown").arg(unknown);
    }
    if (dropped > 0) {
        notes << bucketsTr("%1 dropped by the model's retention").arg(dropped);
    }
    const QString count =
        bucketsCounted(QT_TRANSLATE_N_NOOP("fg::BucketsLabSource", "%Ln bucket(s)"), bars);
    return notes.isEmpty()
               ? count
               : count + QStringLiteral(" (") + notes.join(QStringLiteral(", ")) + QLatin1Char(')');
}

// The lanes of `tier` below the points, as laneText words them.
QStringList bucketLanesText(const BucketsLabRun& run, const BucketTier& tier) {
    std::int64_t model = 0, modelDiffers = 0, dateBin = 0, rrd = 0, rrdDiffers = 0, unknown = 0;
    for (const BucketCompare& b : tier.buckets) {
        model += b.model.has_value();
        modelDiffers += b.model && !b.dateBinWhy.empty() && !b.modelDropped;
        dateBin += b.dateBin.has_value();
        rrd += b.rrd || b.rrdUnknown;
        rrdDiffers += !b.rrdWhy.empty();
        unknown += b.rrdUnknown;
    }
    QStringList lanes{bucketsTr("the model, %1").arg(laneText(model, modelDiffers, 0, 0))};
    if (run.dateBinRan) {
        lanes
            << bucketsTr("PostgreSQL date_bin, %1").arg(laneText(dateBin, 0, 0, tier.modelDropped));
    }
    lanes << bucketsTr("RRDtool, %1").arg(laneText(rrd, rrdDiffers, unknown, 0));
    return lanes;
}

} // namespace

BucketsLabSource::BucketsLabSource(std::shared_ptr<const BucketsLabRun> run)
    : run_(std::move(run)) {}

int BucketsLabSource::stepCount() const {
    return static_cast<int>(run_->tiers.size());
}

QString BucketsLabSource::tierText(const BucketsLabRun& run, const BucketTier& tier) {
    const QString rrd = run.dateBinRan
                            ? bucketsTr("RRDtool's rows agree with date_bin on %1 of %2.")
                            : bucketsTr("RRDtool's rows agree with the model on %1 of %2.");
    QString text = QStringLiteral("%1: ").arg(QString::fromStdString(tier.name));
    if (run.dateBinRan) {
        text += bucketsTr("the model and date_bin agree on %1 of %2 buckets")
                    .arg(tier.dateBinAgree)
                    .arg(tier.dateBinCompared);
        text += tier.modelDropped > 0
                    ? bucketsTr(" (the model's retention dropped %1 more). ").arg(tier.modelDropped)
                    : QStringLiteral(". ");
    }
    return text + rrd.arg(tier.rrdAgree).arg(tier.rrdCompared);
}

QString BucketsLabSource::narration(int position) const {
    if (position < 0 || position >= stepCount()) {
        return {};
    }
    return tierText(*run_, run_->tiers[static_cast<std::size_t>(position)]);
}

QString BucketsLabSource::summary(int position) const {
    if (run_->tiers.empty()) {
        return {};
    }
    const BucketTier& tier =
        run_->tiers[static_cast<std::size_t>(std::clamp(position, 0, stepCount() - 1))];
    QString span;
    if (!tier.buckets.empty()) {
        span = bucketsTr(" from %1 to %2")
                   .arg(QString::fromStdString(timeseries::clockText(tier.buckets.front().start)),
                        QString::fromStdString(
                            timeseries::clockText(tier.buckets.back().start + tier.resolutionMs)));
    }
    QStringList lanes{bucketsCounted(
        QT_TRANSLATE_N_NOOP("fg::BucketsLabSource", "%Ln point(s) in all"), run_->points)};
    lanes << bucketLanesText(*run_, tier);
    return bucketsTr("Time buckets of %1%2, %3 lanes: %4.")
        .arg(QString::fromStdString(tier.name), span)
        .arg(lanes.size())
        .arg(lanes.join(QStringLiteral("; ")));
}

Frame BucketsLabSource::frame(int position, const Theme& t) const {
    Frame f;
    if (run_->tiers.empty()) {
        return f;
    }
    const BucketTier& tier =
        run_->tiers[static_cast<std::size_t>(std::clamp(position, 0, stepCount() - 1))];
    const BucketsGeometry g = bucketsGeometryOf(*run_, tier, t);
    const int lanes = run_->dateBinRan ? 4 : 3;
    addBucketsAxis(f, g, lanes, t);
    addBucketsLaneName(f, 0, bucketsTr("The points\n%1 in all").arg(run_->points), g, t);
    addBucketsPoints(f, *run_, g, t);
    const QString name = QString::fromStdString(tier.name);
    addBucketsLaneName(f, 1, bucketsTr("The model · %1\nevery bucket it keeps").arg(name), g, t);
    if (run_->dateBinRan) {
        addBucketsLaneName(f, 2,
                           bucketsTr("PostgreSQL date_bin · %1\n%2 of %3 agree")
                               .arg(name)
                               .arg(tier.dateBinAgree)
                               .arg(tier.dateBinCompared),
                           g, t);
    }
    const int rrdLane = lanes - 1;
    addBucketsLaneName(f, rrdLane,
                       bucketsTr("RRDtool · %1\n%2 of %3 agree")
                           .arg(name)
                           .arg(tier.rrdAgree)
                           .arg(tier.rrdCompared),
                       g, t);
    std::vector<BucketLaneBar> model, dateBin, rrd;
    for (const BucketCompare& b : tier.buckets) {
        const std::int64_t end = b.start + tier.resolutionMs;
        if (b.model) {
            model.push_back(
                {b.start, end, *b.model, !b.dateBinWhy.empty() && !b.modelDropped, false, false});
        }
        if (b.dateBin && run_->dateBinRan) {
            dateBin.push_back({b.start, end, *b.dateBin, false, b.modelDropped, false});
        }
        if (b.rrd || b.rrdUnknown) {
            rrd.push_back({b.start, end, b.rrd.value_or(BucketValues{}), !b.rrdWhy.empty(), false,
                           b.rrdUnknown});
        }
    }
    addBucketLane(f, 1, QStringLiteral("b"), std::move(model), g, t);
    addBucketLane(f, 2, QStringLiteral("c"), std::move(dateBin), g, t);
    addBucketLane(f, rrdLane, QStringLiteral("d"), std::move(rrd), g, t);
    f.size = QSizeF(g.x0 + g.w + 40 * g.k, g.laneY(lanes) + 10 * g.k);
    thickenLines(f, t);
    return f;
}

} // namespace fg
