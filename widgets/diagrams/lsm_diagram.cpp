#include "widgets/diagrams/lsm_diagram.h"

#include "widgets/canvas/counted.h"

#include <algorithm>
#include <map>
#include <optional>

namespace fg {

LsmDiagram::LsmDiagram(lsm::LsmParams params, std::vector<lsm::LsmOp> ops,
                       std::optional<KeepOnly> only)
    : TimelineSource(lsm::LsmEngine(params), lsm::LsmState{}, std::move(ops), only) {}

Frame LsmDiagram::layoutState(const State& state, const Step* step, const Theme& theme) const {
    Frame f = layout(state, step, timeline().engine().params(), theme);
    thickenLines(f, theme);
    return f;
}

Frame LsmDiagram::layout(const lsm::LsmState& s, const lsm::LsmStep* step, const lsm::LsmParams& p,
                         const Theme& t) {
    Frame f;
    const qreal fs = 14 * t.fontScale;
    // Geometry grows with the theme's type (the projector theme's larger letters still fit).
    const qreal k = t.fontScale;
    const qreal x0 = 40, tableW = 150 * k, tableH = 62 * k, gap = 12 * k, levelH = tableH + 44 * k;
    const qreal top = 40 + 70 * k;
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
    mem.rect = QRectF(x0, 10, 520 * k, 70 * k);
    mem.fill = t.toneFill(QStringLiteral("accent"));
    mem.stroke = memHit ? t.good : t.accent;
    mem.strokeWidth = memHit ? 3 : 1.5;
    mem.radius = 8;
    mem.z = 1;
    QStringList keys;
    for (const auto& [k, e] : s.memtable) {
        const QString key = QString::fromStdString(k).left(8); // as the tables show keys
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
        tag.rect = QRectF(x0 + 530 * k, 10, 200 * k, 70 * k);
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
    for (int l = 0; l < levels; ++l) {
        const qreal y = top + l * levelH;
        FrameItem label;
        label.id = QStringLiteral("level:%1").arg(l);
        label.kind = FrameItem::Kind::Text;
        label.rect = QRectF(x0, y - 22 * k, 400 * k, 20 * k);
        label.text = p.tiered ? QStringLiteral("tier %1").arg(l)
                              : (l == 0 ? QStringLiteral("level 0 (newest first, ranges overlap)")
                                        : QStringLiteral("level %1 (sorted, no overlaps)").arg(l));
        label.textColor = t.mutedText;
        label.fontPx = fs * 0.85;
        label.align = Qt::AlignLeft | Qt::AlignVCenter;
        f.items.push_back(label);
        qreal x = x0;
        for (const lsm::SSTable* tab : s.level(l)) {
            const bool input =
                step && step->kind == lsm::StepKind::kCompactionStart && has(step->inputs, tab->id);
            const bool output = step &&
                                (step->kind == lsm::StepKind::kCompactionDone ||
                                 step->kind == lsm::StepKind::kFlush) &&
                                has(step->outputs, tab->id);
            const auto pr = probe.find(tab->id);
            FrameItem box;
            box.id = QStringLiteral("table:%1").arg(tab->id);
            box.rect = QRectF(x, y, tableW, tableH);
            box.fill = output ? t.toneFill(QStringLiteral("good")) : t.surface;
            box.stroke = input                                                         ? t.warn
                         : output                                                      ? t.good
                         : (pr != probe.end() && pr->second == lsm::ProbeResult::kHit) ? t.good
                                                                                       : t.line;
            box.strokeWidth = input || output ? 3 : 1.3;
            box.radius = 5;
            box.z = 2;
            box.text =
                QStringLiteral("SSTable #%1\n%2 .. %3\n%4%5")
                    .arg(tab->id)
                    .arg(QString::fromStdString(tab->minKey()).left(8),
                         QString::fromStdString(tab->maxKey()).left(8))
                    .arg(counted(qint64(tab->entries.size()), QStringLiteral("entry"),
                                 QStringLiteral("entries")))
                    .arg(tab->tombstones() ? QStringLiteral(", %1 \u2020").arg(tab->tombstones())
                                           : QString());
            box.textColor = t.text;
            box.fontPx = fs * 0.78;
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
                tag.rect = QRectF(x - gap / 2, y + tableH + 2, tableW + gap, 18 * k);
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
                tag.fontPx = fs * 0.75;
                tag.bold = r == ProbeResult::kHit || r == ProbeResult::kFalsePositive;
                tag.z = 5;
                f.items.push_back(tag);
            }
            x += tableW + gap;
        }
        maxX = std::max(maxX, x);
    }
    f.size = QSizeF(maxX + 20, top + levels * levelH);
    return f;
}

} // namespace fg
