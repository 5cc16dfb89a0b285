#include "widgets/diagrams/lsm_diagram.h"

#include "widgets/canvas/counted.h"

#include <algorithm>
#include <map>
#include <optional>

namespace fg {

namespace {

// A key as the memtable and the tables show it: at most 8 characters, an ellipsis where it is
// cut (cut bare, a 21-digit text key read as the number -9999999).
// A key in at most `most` characters (a table's range in its narrow box: 8).
QString shownKey(const std::string& key, qsizetype most = 8) {
    const QString k = QString::fromStdString(key);
    return k.size() <= most ? k : k.left(most - 1) + QChar(0x2026);
}

} // namespace

LsmDiagram::LsmDiagram(lsm::LsmParams params, std::vector<lsm::LsmOp> ops,
                       std::optional<KeepOnly> only, BuildWatch* watch)
    : TimelineSource(lsm::LsmEngine(params), lsm::LsmState{}, std::move(ops), only, watch) {
    // A run with a level longer than a row draws dense: its levels wrap, each line as tall as
    // one line of text, and each level keeps the most lines it needs in the run, so the levels
    // under it keep their place (the canvas keeps the room of the largest step: runCamera). One
    // replay measures all of it: the longest level, each level's most lines, the longest key.
    std::size_t most = 0;
    LsmExtent seen;
    replay([&most, &seen](std::size_t, const Step&, const State& s) {
        seen.rows.resize(std::max(seen.rows.size(), std::size_t(s.levels())), 1);
        for (int l = 0; l < s.levels(); ++l) {
            const auto level = s.level(l);
            most = std::max(most, level.size());
            auto& rows = seen.rows[static_cast<std::size_t>(l)];
            rows = std::max(rows, LsmExtent::rowsFor(level.size()));
            for (const lsm::SSTable* tab : level) { // the boxes fit the longest keys
                seen.keyChars =
                    std::max({seen.keyChars, tab->minKey().size(), tab->maxKey().size()});
            }
        }
    });
    if (most > LsmExtent::kTablesPerRow) {
        extent_ = std::move(seen);
        extent_.dense = true;
        extent_.keyChars = std::min<std::size_t>(extent_.keyChars, 8); // as the boxes cut keys
    }
}

Frame LsmDiagram::layoutState(const State& state, const Step* step, const Theme& theme) const {
    Frame f = layout(state, step, timeline().engine().params(), theme, extent_);
    thickenLines(f, theme);
    return f;
}

Frame LsmDiagram::layout(const lsm::LsmState& s, const lsm::LsmStep* step, const lsm::LsmParams& p,
                         const Theme& t, const LsmExtent& extent) {
    Frame f;
    const qreal fs = 14 * t.fontScale;
    // Geometry grows with the theme's type (the projector theme's larger letters still fit).
    const qreal k = t.fontScale;
    // Dense (a run with a level longer than a row, the 200-write preset): each level's name
    // stands left of its tables, a table shows its key range on one line, and a level wraps
    // after kTablesPerRow tables; fitted to a desk's view, 14 tables in one row of three-line
    // boxes drew their text 5 pixels high.
    const bool dense = extent.dense;
    const qreal labelW = dense ? 72 * k : 0;
    // Dense boxes are as wide as the run's longest range ("key .. key") needs.
    const qreal denseW =
        std::max<qreal>(64 * k, (2.0 * qreal(extent.keyChars) + 4) * 0.62 * fs * 0.78 + 14 * k);
    // A three-line table and the one-line memtable are as tall as their lines in the theme's
    // type plus a padding that does not grow with it (grown too, the projector's drawing came
    // out no larger than Light's in the same window).
    const qreal x0 = 40 + labelW, tableW = dense ? denseW : 150 * k,
                tableH = dense ? 26 * k : 3 * 1.25 * fs * 0.78 + 14, gap = 12 * k;
    // Each line keeps room below for a get's marks; a level's name above it when not dense.
    const qreal lineH = dense ? tableH + 18 * k : tableH + 18 * k + 6,
                labelH = dense ? 4 * k : 20 * k;
    const qreal memH = dense ? 40 * k : 1.25 * fs * 0.85 + 30;
    const qreal top = 10 + memH + (dense ? 24 * k : 30 + 18 * k);
    // What this step is about.
    std::map<int, lsm::ProbeResult> probe; // table id -> result
    std::optional<lsm::ProbeResult> memProbe;
    if (step && step->kind == lsm::StepKind::kGet) {
        for (const auto& pr : step->probed) {
            if (pr.where == lsm::Probe::Where::kMemtable) {
                memProbe = pr.result;
            } else {
                probe[pr.table] = pr.result;
            }
        }
    }
    const bool memHit = memProbe == lsm::ProbeResult::kHit;
    auto has = [](const std::vector<int>& v, int id) {
        return std::find(v.begin(), v.end(), id) != v.end();
    };

    // The memtable.
    FrameItem mem;
    mem.id = QStringLiteral("memtable");
    mem.rect = QRectF(x0 - labelW, 10, 520 * k, memH);
    mem.fill = t.toneFill(QStringLiteral("accent"));
    mem.stroke = memHit ? t.good : t.accent;
    mem.strokeWidth = memHit ? 3 : 1.5;
    mem.radius = 8;
    mem.z = 1;
    QStringList keys;
    for (const auto& [k, e] : s.memtable) {
        // The memtable's box is as wide as the drawing: a key of 24 characters whole (it cut
        // "user with spaces" to "user wi...", a tester).
        const QString key = shownKey(k, 24);
        keys << (e.value ? key : QStringLiteral("%1 \u2020").arg(key));
    }
    mem.textColor = t.text;
    mem.fontPx = fs * 0.85;
    const QString head = QStringLiteral("memtable (RAM, sorted) %1/%2: ")
                             .arg(s.memtable.size())
                             .arg(p.memtableEntries);
    if (keys.isEmpty()) {
        mem.text = head + QStringLiteral("empty");
    } else {
        // As many keys as fit the box, then an ellipsis (the counters give the number).
        for (qsizetype n = keys.size(); n >= 1; --n) {
            mem.text = head + keys.mid(0, n).join(QStringLiteral("  ")) +
                       (n < keys.size() ? QStringLiteral("  \u2026") : QString());
            if (frameTextSize(mem).width() <= frameTextRoom(mem).width()) {
                break;
            }
        }
    }
    f.items.push_back(mem);
    if (memProbe) {
        FrameItem tag;
        tag.id = QStringLiteral("probe:memtable");
        tag.kind = FrameItem::Kind::Text;
        tag.rect = QRectF(x0 - labelW + 530 * k, 10, 200 * k, memH);
        tag.text = memHit ? QStringLiteral("\u2714 found here") : QStringLiteral("not here");
        tag.textColor = memHit ? t.good : t.mutedText;
        tag.fontPx = fs;
        tag.bold = true;
        tag.align = Qt::AlignLeft | Qt::AlignVCenter;
        tag.z = 5;
        f.items.push_back(tag);
    }
    qreal maxX = x0 + 760 * k;
    const int levels = std::max(s.levels(), 1);
    // A level's lines: what it needs now, or the most it needs in the run (then the levels below
    // keep their place from step to step).
    auto linesOf = [&](int l) {
        const std::size_t now = l < s.levels() ? s.level(l).size() : 0;
        const std::size_t kept = static_cast<std::size_t>(l) < extent.rows.size()
                                     ? extent.rows[static_cast<std::size_t>(l)]
                                     : 1;
        return std::max(LsmExtent::rowsFor(now), kept);
    };
    qreal y = top;
    for (int l = 0; l < levels; ++l) {
        if (l > 0) {
            y += static_cast<qreal>(linesOf(l - 1)) * lineH + labelH;
        }
        FrameItem label;
        label.id = QStringLiteral("level:%1").arg(l);
        label.kind = FrameItem::Kind::Text;
        const std::size_t count = l < s.levels() ? s.level(l).size() : 0;
        if (dense) { // its name and how many tables it holds, left of them
            label.rect = QRectF(x0 - labelW, y, labelW - 8 * k, tableH + 18 * k);
            label.text =
                QStringLiteral("%1 %2\n%3")
                    .arg(p.tiered ? QStringLiteral("tier") : QStringLiteral("level"))
                    .arg(l)
                    .arg(counted(qint64(count), QStringLiteral("table"), QStringLiteral("tables")));
            label.align = Qt::AlignLeft | Qt::AlignTop;
        } else {
            label.rect = QRectF(x0, y - 22 * k, 400 * k, 20 * k);
            label.text = p.tiered
                             ? QStringLiteral("tier %1").arg(l)
                             : (l == 0 ? QStringLiteral("level 0 (newest first, ranges overlap)")
                                       : QStringLiteral("level %1 (sorted, no overlaps)").arg(l));
            label.align = Qt::AlignLeft | Qt::AlignVCenter;
        }
        label.textColor = t.mutedText;
        label.fontPx = fs * 0.85;
        f.items.push_back(label);
        std::size_t index = 0;
        for (const lsm::SSTable* tab : s.level(l)) {
            const qreal x =
                x0 + static_cast<qreal>(index % LsmExtent::kTablesPerRow) * (tableW + gap);
            const qreal ty = y + static_cast<qreal>(index / LsmExtent::kTablesPerRow) * lineH;
            ++index;
            const bool input =
                step && step->kind == lsm::StepKind::kCompactionStart && has(step->inputs, tab->id);
            const bool output = step &&
                                (step->kind == lsm::StepKind::kCompactionDone ||
                                 step->kind == lsm::StepKind::kFlush) &&
                                has(step->outputs, tab->id);
            const auto pr = probe.find(tab->id);
            FrameItem box;
            box.id = QStringLiteral("table:%1").arg(tab->id);
            box.rect = QRectF(x, ty, tableW, tableH);
            box.fill = output ? t.toneFill(QStringLiteral("good")) : t.surface;
            box.stroke = input                                                         ? t.warn
                         : output                                                      ? t.good
                         : (pr != probe.end() && pr->second == lsm::ProbeResult::kHit) ? t.good
                                                                                       : t.line;
            box.strokeWidth = input || output ? 3 : 1.3;
            box.radius = 5;
            box.z = 2;
            const QString range =
                QStringLiteral("%1 .. %2").arg(shownKey(tab->minKey()), shownKey(tab->maxKey()));
            const QString dead = tab->tombstones()
                                     ? QStringLiteral(", %1 \u2020").arg(tab->tombstones())
                                     : QString();
            box.text = dense ? range + dead
                             : QStringLiteral("SSTable #%1\n%2\n%3%4")
                                   .arg(tab->id)
                                   .arg(range)
                                   .arg(counted(qint64(tab->entries.size()),
                                                QStringLiteral("entry"), QStringLiteral("entries")))
                                   .arg(dead);
            box.textColor = t.text;
            box.fontPx = fs * 0.78;
            // Whole under the pointer, what a dense box shortens, and what its dagger means.
            box.toolTip =
                QStringLiteral("SSTable #%1: keys %2 .. %3, %4")
                    .arg(tab->id)
                    .arg(QString::fromStdString(tab->minKey()),
                         QString::fromStdString(tab->maxKey()))
                    .arg(counted(qint64(tab->entries.size()), QStringLiteral("entry"),
                                 QStringLiteral("entries"))) +
                (tab->tombstones()
                     ? QStringLiteral(", %1 (\u2020: a delete, kept until a compaction finds "
                                      "nothing older left for it to hide)")
                           .arg(counted(qint64(tab->tombstones()), QStringLiteral("tombstone"),
                                        QStringLiteral("tombstones")))
                     : QString());
            if (step && step->kind == lsm::StepKind::kFlush) {
                box.origin = QStringLiteral("memtable");
            } else if (step && step->kind == lsm::StepKind::kCompactionDone &&
                       !step->inputs.empty()) {
                box.origin = QStringLiteral("table:%1").arg(step->inputs.front());
            }
            f.items.push_back(box);
            if (pr != probe.end()) {
                FrameItem tag;
                tag.id = QStringLiteral("probe:%1").arg(tab->id);
                tag.kind = FrameItem::Kind::Text;
                tag.rect = QRectF(x - gap / 2, ty + tableH + 2, tableW + gap, 18 * k);
                using lsm::ProbeResult;
                const ProbeResult r = pr->second;
                tag.text =
                    r == ProbeResult::kHit             ? QStringLiteral("\u2714 read: found")
                    : r == ProbeResult::kFalsePositive ? QStringLiteral("\u26A0 read: bloom lied")
                    : r == ProbeResult::kSkippedBloom  ? QStringLiteral("skipped: bloom says no")
                                                       : QStringLiteral("skipped: key range");
                tag.textColor = r == ProbeResult::kHit             ? t.good
                                : r == ProbeResult::kFalsePositive ? t.warn
                                                                   : t.mutedText;
                tag.fontPx = fs * 0.8;
                tag.bold = r == ProbeResult::kHit || r == ProbeResult::kFalsePositive;
                tag.z = 5;
                f.items.push_back(tag);
            }
            maxX = std::max(maxX, x + tableW + gap);
        }
    }
    f.size = QSizeF(maxX + 20, y + static_cast<qreal>(linesOf(levels - 1)) * lineH + 8 * k);
    return f;
}

} // namespace fg
