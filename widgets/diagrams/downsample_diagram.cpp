#include "widgets/diagrams/downsample_diagram.h"

#include <QDateTime>

namespace fg {

DownsampleDiagram::DownsampleDiagram(std::vector<timeseries::Tier> tiers,
                                     std::vector<timeseries::TieredOp> ops,
                                     std::optional<KeepOnly> only)
    : TimelineSource(timeseries::TieredStore(tiers), timeseries::TieredStore(tiers).initialState(),
                     std::move(ops), only) {
    // One time axis for every frame: from the first point to a little past the last clock
    // (long rollup blocks are cut at the edges, so hours of raw data stay readable).
    // (one pass over the timeline, not a replay per step)
    bool any = false;
    replay([&](std::size_t, const Step&, const State& s) {
        const auto& raw = s.tiers.front().blocks;
        if (!raw.empty()) {
            tmin_ = any ? std::min(tmin_, raw.begin()->second.start) : raw.begin()->second.start;
            any = true;
        }
        tmax_ = std::max(tmax_, s.now);
    });
    tmax_ += std::max<std::int64_t>((tmax_ - tmin_) / 10, 60'000);
    if (tmax_ <= tmin_) {
        tmax_ = tmin_ + 1;
    }
}

namespace {

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
    return QStringLiteral("%1 s").arg(s);
}

} // namespace

Frame DownsampleDiagram::layoutState(const State& s, const Step* step, const Theme& t) const {
    Frame f;
    const auto& tiers = timeline().engine().tiers();
    const qreal fs = 14 * t.fontScale;
    const qreal labelW = 230, x0 = 30 + labelW, w = 860, rowH = 60, top = 40;
    auto xOf = [&](std::int64_t ms) {
        return x0 + w * static_cast<qreal>(ms - tmin_) / static_cast<qreal>(tmax_ - tmin_);
    };
    const bool query = step && step->kind == timeseries::StepKind::kQueryResult;
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        const auto& tier = tiers[i];
        const qreal y = top + static_cast<qreal>(i) * rowH;
        const bool answering = query && step->tier == tier.name;
        FrameItem label;
        label.id = QStringLiteral("tier:%1").arg(i);
        label.kind = FrameItem::Kind::Text;
        label.rect = QRectF(20, y, labelW - 10, rowH - 14);
        label.text = QStringLiteral("%1%2 · every %3\nkept %4")
                         .arg(answering ? QStringLiteral("\u25B6 ") : QString(),
                              QString::fromStdString(tier.name), duration(tier.resolutionMs),
                              duration(tier.retentionMs));
        label.textColor = answering ? t.accent : t.text;
        label.bold = answering;
        label.fontPx = fs * 0.85;
        label.align = Qt::AlignLeft | Qt::AlignVCenter;
        f.items.push_back(label);
        for (const auto& [start, b] : s.tiers[i].blocks) {
            const bool read = answering && b.end > step->from && b.start < step->to;
            FrameItem box;
            box.id = QStringLiteral("block:%1:%2").arg(i).arg(b.start);
            const qreal left = std::max(xOf(b.start), x0), right = std::min(xOf(b.end), x0 + w);
            if (right <= x0 || left >= x0 + w) {
                continue; // outside the window shown
            }
            box.rect = QRectF(left + 1, y, std::max<qreal>(right - left - 2, 3), rowH - 14);
            const QString tone = QString(QChar('a' + static_cast<int>(i) % 7));
            box.fill = read ? t.highlight : t.toneFill(tone);
            box.stroke = read ? t.text : t.toneStroke(tone);
            box.strokeWidth = read ? 2.5 : 1;
            box.radius = 3;
            box.z = 2;
            if (answering && !read && box.rect.width() > 46) {
                box.text = QStringLiteral("skipped");
                box.textColor = t.mutedText;
                box.fontPx = fs * 0.72;
            } else if (box.rect.width() > 46) {
                box.text = QString::number(b.rows());
                box.textColor = t.text;
                box.fontPx = fs * 0.72;
            }
            f.items.push_back(box);
        }
    }
    // The clock.
    if (s.started) {
        FrameItem now;
        now.id = QStringLiteral("now");
        now.kind = FrameItem::Kind::Line;
        now.line =
            QLineF(xOf(s.now), top - 20, xOf(s.now), top + static_cast<qreal>(tiers.size()) * rowH);
        now.stroke = t.bad;
        now.strokeWidth = 2;
        now.z = 4;
        f.items.push_back(now);
        FrameItem nowLabel;
        nowLabel.id = QStringLiteral("now-label");
        nowLabel.kind = FrameItem::Kind::Text;
        nowLabel.rect = QRectF(xOf(s.now) - 120, 2, 240, 18);
        nowLabel.text = QStringLiteral("now: ") + QDateTime::fromMSecsSinceEpoch(s.now, Qt::UTC)
                                                      .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        nowLabel.textColor = t.bad;
        nowLabel.fontPx = fs * 0.8;
        nowLabel.z = 5;
        f.items.push_back(nowLabel);
    }
    if (query) {
        FrameItem q;
        q.id = QStringLiteral("query-result");
        q.kind = FrameItem::Kind::Text;
        q.rect = QRectF(x0, top + static_cast<qreal>(tiers.size()) * rowH + 4, w, 22);
        q.text = QStringLiteral("answered from %1: %2 block(s) read, %3 skipped, %4 rows scanned")
                     .arg(QString::fromStdString(step->query.tier))
                     .arg(step->query.partitionsRead)
                     .arg(step->query.partitionsSkipped)
                     .arg(step->query.rowsScanned);
        q.textColor = t.accent;
        q.fontPx = fs * 0.85;
        q.bold = true;
        q.z = 5;
        f.items.push_back(q);
    }
    f.size = QSizeF(x0 + w + 20, top + static_cast<qreal>(tiers.size()) * rowH + 30);
    thickenLines(f, t);
    return f;
}

} // namespace fg
