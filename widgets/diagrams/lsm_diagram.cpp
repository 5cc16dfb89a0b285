#include "widgets/diagrams/lsm_diagram.h"

#include "widgets/canvas/counted.h"
#include "widgets/diagrams/spoken_state.h"

#include <QCoreApplication>
#include <algorithm>
#include <map>
#include <optional>

namespace fg {

namespace {

// What this file draws goes to translators under fg::LsmDiagram (lupdate and tr() agree).
struct LsmWords {
    Q_DECLARE_TR_FUNCTIONS(fg::LsmDiagram)
};

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

namespace {

// Where everything goes. Geometry grows with the theme's type (the projector theme's larger
// letters still fit).
struct LsmGeometry {
    LsmGeometry(const Theme& t, const LsmExtent& extent)
        : fs(14 * t.fontScale), k(t.fontScale), dense(extent.dense), labelW(dense ? 72 * k : 0),
          // Dense boxes are as wide as the run's longest range ("key .. key") needs.
          denseW(std::max<qreal>(64 * k,
                                 (2.0 * qreal(extent.keyChars) + 4) * 0.62 * fs * 0.78 + 14 * k)),
          x0(40 + labelW), tableW(dense ? denseW : 150 * k),
          tableH(dense ? 26 * k : 3 * 1.25 * fs * 0.78 + 14), gap(12 * k),
          lineH(dense ? tableH + 18 * k : tableH + 18 * k + 6), labelH(dense ? 4 * k : 20 * k),
          memH(dense ? 40 * k : 1.25 * fs * 0.85 + 30),
          top(10 + memH + (dense ? 24 * k : 30 + 18 * k)) {}
    qreal fs, k;
    // Dense (a run with a level longer than a row, the 200-write preset): each level's name
    // stands left of its tables, a table shows its key range on one line, and a level wraps
    // after kTablesPerRow tables; fitted to a desk's view, 14 tables in one row of three-line
    // boxes drew their text 5 pixels high.
    bool dense;
    qreal labelW, denseW;
    // A three-line table and the one-line memtable are as tall as their lines in the theme's
    // type plus a padding that does not grow with it (grown too, the projector's drawing came
    // out no larger than Light's in the same window).
    qreal x0, tableW, tableH, gap;
    // Each line keeps room below for a get's marks; a level's name above it when not dense.
    qreal lineH, labelH;
    qreal memH, top;
};

// What a get looked at: the memtable, and each table (by id).
struct Probes {
    std::map<int, lsm::ProbeResult> tables;
    std::optional<lsm::ProbeResult> memtable;
};

Probes probesOf(const lsm::LsmStep* step) {
    Probes probes;
    if (step && step->kind == lsm::StepKind::kGet) {
        for (const auto& pr : step->probed) {
            if (pr.where == lsm::Probe::Where::kMemtable) {
                probes.memtable = pr.result;
            } else {
                probes.tables[pr.table] = pr.result;
            }
        }
    }
    return probes;
}

bool listsTable(const std::vector<int>& v, int id) {
    return std::find(v.begin(), v.end(), id) != v.end();
}

// The memtable: its keys, as many as fit the box; and what a get found there.
void addMemtable(Frame& f, const lsm::LsmState& s, const lsm::LsmParams& p, const Probes& probes,
                 const LsmGeometry& g, const Theme& t) {
    const bool memHit = probes.memtable == lsm::ProbeResult::kHit;
    FrameItem mem;
    mem.id = QStringLiteral("memtable");
    mem.rect = QRectF(g.x0 - g.labelW, 10, 520 * g.k, g.memH);
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
    mem.fontPx = g.fs * 0.85;
    // "2/3" said nothing to a tester: the entries it holds, of the most it holds before a flush.
    const QString head = LsmWords::tr("memtable (RAM, sorted), %1 of %2 entries: ")
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
    if (probes.memtable) {
        FrameItem tag;
        tag.id = QStringLiteral("probe:memtable");
        tag.kind = FrameItem::Kind::Text;
        tag.rect = QRectF(g.x0 - g.labelW + 530 * g.k, 10, 200 * g.k, g.memH);
        tag.text = memHit ? LsmWords::tr("✔ found here") : LsmWords::tr("not here");
        tag.textColor = memHit ? t.good : t.mutedText;
        tag.fontPx = g.fs;
        tag.bold = true;
        tag.align = Qt::AlignLeft | Qt::AlignVCenter;
        tag.z = 5;
        f.items.push_back(tag);
    }
}

// A level's name at `y`: dense, with how many tables it holds, left of them; else above them.
FrameItem levelLabel(int l, std::size_t count, bool tiered, qreal y, const LsmGeometry& g,
                     const Theme& t) {
    FrameItem label;
    label.id = QStringLiteral("level:%1").arg(l);
    label.kind = FrameItem::Kind::Text;
    if (g.dense) {
        label.rect = QRectF(g.x0 - g.labelW, y, g.labelW - 8 * g.k, g.tableH + 18 * g.k);
        const int n = int(count);
        label.text = inEnglishNumber(tiered ? LsmWords::tr("tier %1\n%n table(s)", nullptr, n)
                                            : LsmWords::tr("level %1\n%n table(s)", nullptr, n),
                                     n)
                         .arg(l);
        label.align = Qt::AlignLeft | Qt::AlignTop;
    } else {
        label.rect = QRectF(g.x0, y - 22 * g.k, 400 * g.k, 20 * g.k);
        label.text = tiered ? LsmWords::tr("tier %1").arg(l)
                            : (l == 0 ? LsmWords::tr("level 0 (newest first, ranges overlap)")
                                      : LsmWords::tr("level %1 (sorted, no overlaps)").arg(l));
        label.align = Qt::AlignLeft | Qt::AlignVCenter;
    }
    label.textColor = t.mutedText;
    label.fontPx = g.fs * 0.85;
    return label;
}

// A table's box at `at`: lit as a compaction's input or a flush's or compaction's output, or
// found by a get; its key range (dense: on one line) and what its dagger means.
FrameItem tableBox(const lsm::SSTable& tab, const lsm::LsmStep* step, bool found, QPointF at,
                   const LsmGeometry& g, const Theme& t) {
    const bool input =
        step && step->kind == lsm::StepKind::kCompactionStart && listsTable(step->inputs, tab.id);
    const bool output =
        step &&
        (step->kind == lsm::StepKind::kCompactionDone || step->kind == lsm::StepKind::kFlush) &&
        listsTable(step->outputs, tab.id);
    FrameItem box;
    box.id = QStringLiteral("table:%1").arg(tab.id);
    box.rect = QRectF(at.x(), at.y(), g.tableW, g.tableH);
    box.fill = output ? t.toneFill(QStringLiteral("good")) : t.surface;
    box.stroke = input ? t.warn : output ? t.good : found ? t.good : t.line;
    box.strokeWidth = input || output ? 3 : 1.3;
    // A compaction's inputs, about to go, in a broken outline: their colour and their outputs'
    // are not all that tells them apart.
    box.penStyle = input ? Qt::DashLine : Qt::SolidLine;
    box.radius = 5;
    box.z = 2;
    const QString range =
        QStringLiteral("%1 .. %2").arg(shownKey(tab.minKey()), shownKey(tab.maxKey()));
    const QString dead =
        tab.tombstones() ? QStringLiteral(", %1 \u2020").arg(tab.tombstones()) : QString();
    const int entries = int(tab.entries.size());
    box.text =
        g.dense
            ? range + dead
            : LsmWords::tr("SSTable #%1\n%2\n%3%4")
                  .arg(tab.id)
                  .arg(range)
                  .arg(inEnglishNumber(LsmWords::tr("%n entr(y/ies)", nullptr, entries), entries))
                  .arg(dead);
    box.textColor = t.text;
    box.fontPx = g.fs * 0.78;
    // Whole under the pointer, what a dense box shortens, and what its dagger means.
    const int dagger = int(tab.tombstones());
    const QString id = QString::number(tab.id), from = QString::fromStdString(tab.minKey()),
                  to = QString::fromStdString(tab.maxKey());
    box.toolTip =
        dagger > 0
            ? inEnglishNumber(LsmWords::tr("SSTable #%1: keys %2 .. %3, %n entr(y/ies), %4 (†: a "
                                           "delete, kept until a compaction finds nothing older "
                                           "left for it to hide)",
                                           nullptr, entries),
                              entries)
                  .arg(id, from, to,
                       inEnglishNumber(LsmWords::tr("%n tombstone(s)", nullptr, dagger), dagger))
            : inEnglishNumber(
                  LsmWords::tr("SSTable #%1: keys %2 .. %3, %n entr(y/ies)", nullptr, entries),
                  entries)
                  .arg(id, from, to);
    if (step && step->kind == lsm::StepKind::kFlush) {
        box.origin = QStringLiteral("memtable");
    } else if (step && step->kind == lsm::StepKind::kCompactionDone && !step->inputs.empty()) {
        box.origin = QStringLiteral("table:%1").arg(step->inputs.front());
    }
    return box;
}

// Under the table at `at`: what a get did there, in words (not colour alone), short enough for
// a longer language on the one line a level's row leaves ("skipped: bloom says no" was not).
FrameItem probeTag(int table, lsm::ProbeResult r, QPointF at, const LsmGeometry& g,
                   const Theme& t) {
    using lsm::ProbeResult;
    FrameItem tag;
    tag.id = QStringLiteral("probe:%1").arg(table);
    tag.kind = FrameItem::Kind::Text;
    tag.rect = QRectF(at.x() - g.gap / 2, at.y() + g.tableH + 2, g.tableW + g.gap, 18 * g.k);
    tag.text = r == ProbeResult::kHit             ? LsmWords::tr("✔ read: found")
               : r == ProbeResult::kFalsePositive ? LsmWords::tr("⚠ read: bloom lied")
               : r == ProbeResult::kSkippedBloom  ? LsmWords::tr("skipped: bloom")
                                                  : LsmWords::tr("skipped: key range");
    tag.textColor = r == ProbeResult::kHit             ? t.good
                    : r == ProbeResult::kFalsePositive ? t.warn
                                                       : t.mutedText;
    tag.fontPx = g.fs * 0.8;
    tag.bold = r == ProbeResult::kHit || r == ProbeResult::kFalsePositive;
    tag.z = 5;
    return tag;
}

// Level `l`'s tables from `y`, kTablesPerRow to a line, each with what a get did there; returns
// the right of the widest line (and `maxX` when wider).
qreal addTables(Frame& f, const lsm::LsmState& s, int l, const lsm::LsmStep* step,
                const Probes& probes, qreal y, qreal maxX, const LsmGeometry& g, const Theme& t) {
    std::size_t index = 0;
    for (const lsm::SSTable* tab : s.level(l)) {
        const qreal x =
            g.x0 + static_cast<qreal>(index % LsmExtent::kTablesPerRow) * (g.tableW + g.gap);
        const qreal ty = y + static_cast<qreal>(index / LsmExtent::kTablesPerRow) * g.lineH;
        ++index;
        const auto pr = probes.tables.find(tab->id);
        const bool found = pr != probes.tables.end() && pr->second == lsm::ProbeResult::kHit;
        f.items.push_back(tableBox(*tab, step, found, QPointF(x, ty), g, t));
        if (pr != probes.tables.end()) {
            f.items.push_back(probeTag(tab->id, pr->second, QPointF(x, ty), g, t));
        }
        maxX = std::max(maxX, x + g.tableW + g.gap);
    }
    return maxX;
}

// A level's lines: what it needs now, or the most it needs in the run (then the levels below
// keep their place from step to step).
std::size_t linesOf(const lsm::LsmState& s, const LsmExtent& extent, int l) {
    const std::size_t now = l < s.levels() ? s.level(l).size() : 0;
    const std::size_t kept = static_cast<std::size_t>(l) < extent.rows.size()
                                 ? extent.rows[static_cast<std::size_t>(l)]
                                 : 1;
    return std::max(LsmExtent::rowsFor(now), kept);
}

bool idleLevel(const lsm::LsmState& s, const LsmExtent& extent, int l) {
    const auto at = static_cast<std::size_t>(l);
    return at < extent.idle.size() && extent.idle[at] && (l >= s.levels() || s.level(l).empty());
}

// Levels `from` to `to`, empty all through the run, on one line at `y`.
FrameItem idleLevels(int from, int to, bool tiered, qreal y, const LsmGeometry& g, const Theme& t) {
    FrameItem label = levelLabel(from, 0, tiered, y, g, t);
    label.id = QStringLiteral("levels:%1-%2").arg(from).arg(to);
    const QString kind = tiered ? QStringLiteral("tier") : QStringLiteral("level");
    label.text = from == to
                     ? LsmWords::tr("%1 %2: empty in this run").arg(kind).arg(from)
                     : LsmWords::tr("%1s %2–%3: empty in this run").arg(kind).arg(from).arg(to);
    if (g.dense) { // across, not in the narrow column of the levels' names
        label.rect = QRectF(g.x0 - g.labelW, y, 400 * g.k, 22 * g.k);
    }
    return label;
}

} // namespace

// Named steps: the geometry (dense or not), what a get probed, the memtable, then each level: its
// name, its tables and the get's marks under them; levels empty all through the run on one line.
Frame LsmDiagram::layout(const lsm::LsmState& s, const lsm::LsmStep* step, const lsm::LsmParams& p,
                         const Theme& t, const LsmExtent& extent) {
    Frame f;
    const LsmGeometry g(t, extent);
    const Probes probes = probesOf(step);
    addMemtable(f, s, p, probes, g, t);
    qreal maxX = g.x0 + 760 * g.k;
    const int levels = std::max(s.levels(), static_cast<int>(extent.idle.size()));
    qreal y = g.top, above = 0; // `above`: the height of what the last level drew
    for (int l = 0; l < std::max(levels, 1);) {
        y += above;
        int idleTo = l;
        while (idleTo < levels && idleLevel(s, extent, idleTo)) {
            ++idleTo;
        }
        if (idleTo > l) {
            f.items.push_back(idleLevels(l, idleTo - 1, p.tiered, y, g, t));
            above = 24 * g.k + g.labelH;
            l = idleTo;
            continue;
        }
        const std::size_t count = l < s.levels() ? s.level(l).size() : 0;
        f.items.push_back(levelLabel(l, count, p.tiered, y, g, t));
        maxX = addTables(f, s, l, step, probes, y, maxX, g, t);
        above = static_cast<qreal>(linesOf(s, extent, l)) * g.lineH + g.labelH;
        ++l;
    }
    f.size = QSizeF(maxX + 20, y + above - g.labelH + 8 * g.k);
    return f;
}

QString LsmDiagram::describe(const State& state) const {
    return spokenLsm(state, timeline().engine().params());
}

} // namespace fg
