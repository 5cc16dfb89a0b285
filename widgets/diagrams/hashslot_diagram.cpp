#include "widgets/diagrams/hashslot_diagram.h"

#include "engines/redis/key_slot.h"
#include "widgets/canvas/counted.h"
#include "widgets/canvas/long_words.h"
#include "widgets/diagrams/spoken_state.h"

#include <QCoreApplication>
#include <array>
#include <map>

namespace fg {

namespace {

// What this file draws goes to translators under fg::HashSlotDiagram (lupdate and tr() agree).
struct HashSlotWords {
    Q_DECLARE_TR_FUNCTIONS(fg::HashSlotDiagram)
};

// The categorical tones a node is drawn in ("a".."g": the eighth, black, is no tone on the
// dark themes).
constexpr int kTones = 7;

QString toneOf(int id) {
    return QString(QChar('a' + id % kTones));
}

} // namespace

HashslotDiagram::HashslotDiagram(int masters, int replicas, std::vector<redis::ClusterOp> ops,
                                 std::optional<KeepOnly> only, BuildWatch* watch)
    : TimelineSource(redis::ClusterEngine(masters, replicas),
                     redis::ClusterEngine(masters, replicas).initialState(), std::move(ops), only,
                     watch) {}

Frame HashslotDiagram::layoutState(const State& state, const Step* step, const Theme& theme) const {
    Frame f = layout(state, step, theme);
    thickenLines(f, theme);
    return f;
}

QColor HashslotDiagram::nodeColor(const Theme& t, int id) {
    return t.toneStroke(toneOf(id)); // its fill's tone, seen on the ground
}

Qt::PenStyle HashslotDiagram::nodeBorder(int id) {
    static constexpr std::array<Qt::PenStyle, 3> kBorders{Qt::SolidLine, Qt::DashLine, Qt::DotLine};
    return kBorders[std::size_t(id / kTones) % kBorders.size()];
}

namespace {

FrameItem text(const QString& id, QRectF r, const QString& s, const Theme& t, qreal px,
               bool bold = false) {
    FrameItem it;
    it.id = id;
    it.kind = FrameItem::Kind::Text;
    it.rect = r;
    it.text = s;
    it.textColor = t.text;
    it.fontPx = px;
    it.bold = bold;
    it.z = 5;
    return it;
}

FrameItem arrow(const QString& id, QPointF a, QPointF b, const QColor& c, qreal w) {
    FrameItem it;
    it.id = id;
    it.kind = FrameItem::Kind::Line;
    it.line = QLineF(a, b);
    it.stroke = c;
    it.strokeWidth = w;
    it.arrow = true;
    it.z = 4;
    return it;
}

// The nodes drawn: masters in a row, replicas under them (removed nodes are not drawn).
struct ClusterNodes {
    std::vector<const redis::ClusterNode*> masters;
    std::map<int, std::vector<const redis::ClusterNode*>> replicas;
    const std::vector<const redis::ClusterNode*>& replicasOf(int master) const {
        static const std::vector<const redis::ClusterNode*> none;
        const auto it = replicas.find(master);
        return it == replicas.end() ? none : it->second;
    }
};

ClusterNodes clusterOf(const redis::ClusterState& s) {
    ClusterNodes c;
    for (const auto& n : s.nodes) {
        if (n.removed) {
            continue;
        }
        if (n.replicaOf < 0) {
            c.masters.push_back(&n);
        } else {
            c.replicas[n.replicaOf].push_back(&n);
        }
    }
    return c;
}

// Where everything goes. Letters and the boxes that hold them grow with the theme's type; the
// gaps between them do not (grown too, they took the projector's larger type back: fitted to the
// same window, its drawing came out no larger than Light's). Above the bar: the routed key's
// line, then the bar's title.
struct SlotGeometry {
    SlotGeometry(const Theme& t, qreal across)
        : fs(15 * t.fontScale), k(t.fontScale), width(across), barTop(24 + 62 * k), barH(46 * k),
          boxType(fs), smallType(fs * 0.92) {}
    qreal fs, k;
    qreal width, barTop, barH;
    // The type of the masters' boxes, and of the bar's ranges and the replicas: as large as
    // the boxes hold on two lines (at 0.85 and 0.8 they read 11-13 px in a 1280-px window).
    qreal boxType, smallType;
    qreal x0 = 40;
    qreal pad = 16;               // a box's side padding (frameTextRoom) and a little air
    qreal slotW = 0;              // each master's column
    qreal rowW = 0, barW = 0;     // the row of masters, and the bar as wide as it
    qreal boxW = 0;               // a master's box
    qreal nodeTop = 0, nodeH = 0; // the masters' row
    qreal slotX(int slot) const { return x0 + barW * slot / 16384.0; }
};

// A master's box says who it is, its slots and its keys: on two lines when the box is wide
// enough, else on three or four (with eight masters in the projector's type, two lines were
// cut at both ends: "ode 0 (maste"); the boxes are as tall as the most lines any of them
// takes. Only when four lines do not fit either does the row of boxes grow wider than 1020
// (and the bar and the whole drawing with it).
QStringList masterTexts(const redis::ClusterState& s, const redis::ClusterNode& n) {
    // A failed node is no master any more (its replica took its slots, or no one serves
    // them): "failed" where "master" was (a tester read "failed: node 0 (master)").
    const QString role = n.alive ? HashSlotWords::tr("master") : HashSlotWords::tr("failed");
    const QString mark = n.alive ? QString() : QStringLiteral("\u2718 ");
    const qint64 slotCount = qint64(s.slotsOf(n.id).size()), keyCount = qint64(s.keysOn(n.id));
    const QString slotText =
        inEnglishNumber(HashSlotWords::tr("%n slot(s)", nullptr, int(slotCount)), slotCount);
    const QString keyText =
        inEnglishNumber(HashSlotWords::tr("%n key(s)", nullptr, int(keyCount)), keyCount);
    const QString name = HashSlotWords::tr("%1node %2").arg(mark).arg(n.id);
    return QStringList{QStringLiteral("%1 (%2)\n%3 \u00b7 %4").arg(name, role, slotText, keyText),
                       QStringLiteral("%1 (%2)\n%3\n%4").arg(name, role, slotText, keyText),
                       QStringLiteral("%1\n%2\n%3\n%4").arg(name, role, slotText, keyText)};
}

QString replicaText(const redis::ClusterNode& r) {
    return HashSlotWords::tr("%1replica %2")
        .arg(r.alive ? QString() : QStringLiteral("\u2718 "))
        .arg(r.id);
}

// The size of `text` in a box's type `px`.
QSizeF textSize(const QString& text, qreal px) {
    FrameItem sample;
    sample.fontPx = px;
    sample.text = text;
    return frameTextSize(sample);
}

// Each master's column: an even share of the bar, or wider when a master's or a replica's text
// needs it (a replica's box: 14 in from its master's on each side); then the row, and the bar as
// wide as the row (it stopped short of the last boxes).
void sizeColumns(SlotGeometry& g, const redis::ClusterState& s, const ClusterNodes& c) {
    g.slotW = (g.width - 2 * g.x0) / static_cast<qreal>(std::max<std::size_t>(c.masters.size(), 1));
    for (const auto* n : c.masters) {
        g.slotW =
            std::max(g.slotW, textSize(masterTexts(s, *n).back(), g.boxType).width() + g.pad + 16);
        for (const auto* rep : c.replicasOf(n->id)) {
            g.slotW = std::max(g.slotW,
                               textSize(replicaText(*rep), g.smallType).width() + g.pad + 28 + 16);
        }
    }
    g.rowW = g.slotW * static_cast<qreal>(c.masters.size());
    g.barW = std::max(g.width - 2 * g.x0, g.rowW);
}

// A run of slots as the bar says it: "5461-10777", or "10778" for one slot.
QString slotRun(int start, int end) {
    return end - start == 1 ? QString::number(start)
                            : QStringLiteral("%1-%2").arg(start).arg(end - 1);
}

// The least type a segment's range is set in, of the bar's (below it, the owner alone).
constexpr qreal kLeastRangeType = 0.8;

// The slot bar's segment for slots [start, end), all of one owner; `runs`: every run of slots
// that owner has, in order (end exclusive).
FrameItem slotSegment(const redis::ClusterState& s, int start, int end, const SlotGeometry& g,
                      const Theme& t, const std::vector<std::pair<int, int>>& runs) {
    const int owner = s.owner[static_cast<std::size_t>(start)];
    FrameItem seg;
    seg.id = QStringLiteral("seg:%1").arg(start);
    seg.rect = QRectF(g.slotX(start), g.barTop, g.slotX(end) - g.slotX(start), g.barH);
    const bool alive = owner >= 0 && s.nodes[static_cast<std::size_t>(owner)].alive;
    seg.fill = alive ? t.toneFill(toneOf(owner)) : t.surface;
    seg.stroke = alive ? HashslotDiagram::nodeColor(t, owner) : t.bad;
    seg.penStyle = HashslotDiagram::nodeBorder(owner);
    seg.strokeWidth = 1.5;
    seg.radius = 2;
    seg.z = 1;
    // The range and its owner when they fit the segment whole (with the owner's other runs, or
    // how many, when they fit too), else the owner alone
    // ("node 4", else "4"), else nothing: never a label cut ("5461-6826" read "5461-682"),
    // and the owner before the range (a range alone named no one, and with more masters
    // than tones the colour does not either).
    // An owner with other runs says them too, or how many: after one slot moved, node 1's
    // "5461-10777" hid the 144 slots it still had past it, a sliver too narrow for words
    // (tester 40).
    seg.textColor = t.text;
    seg.fontPx = g.smallType;
    QStringList labels;
    if (runs.size() > 1) {
        if (runs.size() <= 3) {
            QStringList all;
            for (const auto& [a, b] : runs) {
                all << slotRun(a, b);
            }
            labels
                << HashSlotWords::tr("%1\nnode %2").arg(all.join(QStringLiteral(", "))).arg(owner);
        }
        const int more = static_cast<int>(runs.size()) - 1;
        labels << inEnglishNumber(HashSlotWords::tr("%1 and %n more\nnode %2", nullptr, more), more)
                      .arg(slotRun(start, end))
                      .arg(owner)
               << HashSlotWords::tr("%1, \u2026\nnode %2").arg(slotRun(start, end)).arg(owner);
    }
    // This run alone before its owner alone: "10923-12287" fitted where "10923-12287, ..." did
    // not, and the segment said "node 6" beside ones that said their ranges (tester 41); then
    // the same in type down to 0.8 of the bar's: a new master's 1,365 slots said "node 6" only,
    // and the key's slot 12182 lay in a range no label named (tester 44).
    labels << HashSlotWords::tr("%1\nnode %2").arg(slotRun(start, end)).arg(owner);
    const qsizetype ownRange = labels.size() - 1; // the one set smaller before it is left out
    labels << HashSlotWords::tr("node %1").arg(owner) << QString::number(owner);
    const auto fits = [&seg] { return frameTextSize(seg).width() <= frameTextRoom(seg).width(); };
    for (qsizetype i = 0; i < labels.size(); ++i) {
        seg.text = labels[i];
        seg.fontPx = g.smallType;
        for (qreal k = 0.95; i == ownRange && !fits() && k >= kLeastRangeType - 1e-6; k -= 0.05) {
            seg.fontPx = g.smallType * k; // as large as fits, down to the least
        }
        if (fits()) {
            break;
        }
        seg.text.clear();
    }
    const int count = end - start;
    seg.toolTip = inEnglishNumber(
                      alive ? HashSlotWords::tr("Slots %1-%2 (%n slot(s)): node %3", nullptr, count)
                            : HashSlotWords::tr("Slots %1-%2 (%n slot(s)): node %3, failed: no "
                                                "live owner",
                                                nullptr, count),
                      count)
                      .arg(start)
                      .arg(end - 1)
                      .arg(owner);
    return seg;
}

// The slot bar under its title: one segment per contiguous run of one owner.
void addSlotBar(Frame& f, const redis::ClusterState& s, const SlotGeometry& g, const Theme& t) {
    f.items.push_back(text("bar-title", QRectF(g.x0, g.barTop - 30 * g.k, g.barW, 24 * g.k),
                           HashSlotWords::tr("16,384 hash slots"), t, g.fs, true));
    // The bar's runs in slot order, and each owner's (one scan of the 16,384 slots).
    struct Run {
        int start, end, owner;
    };
    std::vector<Run> bar;
    std::map<int, std::vector<std::pair<int, int>>> owned;
    for (int start = 0, sl = 1; sl <= redis::kSlots; ++sl) {
        const int owner = s.owner[static_cast<std::size_t>(start)];
        if (sl == redis::kSlots || s.owner[static_cast<std::size_t>(sl)] != owner) {
            bar.push_back({start, sl, owner});
            owned[owner].emplace_back(start, sl);
            start = sl;
        }
    }
    for (const Run& run : bar) {
        FrameItem seg = slotSegment(s, run.start, run.end, g, t, owned[run.owner]);
        // A run narrower than a stripe one can see (a slot moved in a reshard: 1 of 16,384 is
        // a tenth of a pixel) gets a stripe of its owner's colour over its neighbours, at its
        // place (a tester saw slot 5474, moved to node 2, drawn in node 1's colour); the
        // segment itself keeps its true width.
        if (const qreal least = 4 * g.k; seg.rect.width() < least) {
            FrameItem stripe = seg;
            stripe.id = QStringLiteral("slot-stripe:%1").arg(run.start);
            stripe.rect =
                QRectF(seg.rect.center().x() - least / 2, seg.rect.top(), least, seg.rect.height());
            stripe.text.clear();
            stripe.z = 2;
            stripe.strokeWidth = 1;
            stripe.radius = 0;
            f.items.push_back(std::move(stripe));
        }
        f.items.push_back(std::move(seg));
    }
}

// Each master's text, the longest that fits its box; and the masters' row under the bar: the
// slot marker, then room for the route's arrows to reach the nodes, then boxes as tall as the
// most lines any master takes.
std::vector<QString> chooseMasterTexts(SlotGeometry& g, const redis::ClusterState& s,
                                       const ClusterNodes& c) {
    g.boxW = std::min<qreal>(190 * g.k, g.slotW - 16);
    std::vector<QString> chosen;
    qreal tallest = 0;
    for (const auto* n : c.masters) {
        const QStringList texts = masterTexts(s, *n);
        QString pick = texts.back();
        for (const QString& text : texts) {
            if (textSize(text, g.boxType).width() + g.pad <= g.boxW) {
                pick = text;
                break;
            }
        }
        chosen.push_back(pick);
        tallest = std::max(tallest, textSize(pick, g.boxType).height());
    }
    g.nodeTop = g.barTop + g.barH + 22 * g.k + 72;
    g.nodeH = std::max<qreal>(78 * g.k, tallest + 20 * g.k);
    return chosen;
}

FrameItem masterBox(const redis::ClusterNode& n, const QRectF& r, const QString& label,
                    const SlotGeometry& g, const Theme& t) {
    FrameItem box;
    box.id = QStringLiteral("node:%1").arg(n.id);
    box.rect = r;
    box.fill = n.alive ? t.toneFill(toneOf(n.id)) : t.surface;
    box.stroke = n.alive ? HashslotDiagram::nodeColor(t, n.id) : t.bad;
    box.penStyle = HashslotDiagram::nodeBorder(n.id);
    box.strokeWidth = 2.5;
    box.radius = 8;
    box.z = 2;
    box.text = label;
    box.textColor = t.text;
    box.fontPx = g.boxType;
    return box;
}

// A replica's box at `y` under its master's box `r`, in its master's colour.
FrameItem replicaBox(const redis::ClusterNode& rep, int master, const QRectF& r, qreal y,
                     const SlotGeometry& g, const Theme& t) {
    FrameItem rb;
    rb.id = QStringLiteral("node:%1").arg(rep.id);
    rb.rect = QRectF(r.left() + 14, y, r.width() - 28, 40 * g.k);
    rb.fill = t.surface;
    rb.stroke = rep.alive ? HashslotDiagram::nodeColor(t, master) : t.bad;
    rb.penStyle = HashslotDiagram::nodeBorder(master);
    rb.strokeWidth = 1.5;
    rb.radius = 6;
    rb.z = 2;
    rb.text = replicaText(rep);
    rb.textColor = t.mutedText;
    rb.fontPx = g.smallType;
    return rb;
}

// The masters in a row, each with its replicas under it; returns where each node stands.
std::map<int, QRectF> addNodes(Frame& f, const ClusterNodes& c, const std::vector<QString>& chosen,
                               const SlotGeometry& g, const Theme& t) {
    std::map<int, QRectF> nodeRect;
    for (std::size_t i = 0; i < c.masters.size(); ++i) {
        const auto& n = *c.masters[i];
        const qreal w = g.boxW;
        const QRectF r(g.x0 + g.slotW * static_cast<qreal>(i) + (g.slotW - w) / 2, g.nodeTop, w,
                       g.nodeH);
        nodeRect[n.id] = r;
        f.items.push_back(masterBox(n, r, chosen[i], g, t));
        qreal ry = g.nodeTop + g.nodeH + 16;
        for (const auto* rep : c.replicasOf(n.id)) {
            const FrameItem rb = replicaBox(*rep, n.id, r, ry, g, t);
            nodeRect[rep->id] = rb.rect;
            f.items.push_back(rb);
            f.items.push_back(arrow(QStringLiteral("repl:%1").arg(rep->id),
                                    QPointF(r.center().x(), r.bottom()),
                                    QPointF(r.center().x(), ry), t.mutedText, 1));
            ry += 40 * g.k + 10;
        }
    }
    return nodeRect;
}

// An open migration: the slot is MIGRATING on its owner and IMPORTING on the target.
void addMigration(Frame& f, const redis::Migration& migration,
                  const std::map<int, QRectF>& nodeRect, const SlotGeometry& g, const Theme& t) {
    const qreal x = g.slotX(migration.slot);
    FrameItem m;
    m.id = QStringLiteral("migrating");
    m.rect = QRectF(x - 3, g.barTop - 6, 6, g.barH + 12);
    m.fill = t.warn;
    m.z = 3;
    f.items.push_back(m);
    if (nodeRect.count(migration.from) && nodeRect.count(migration.to)) {
        // From the side of the slot's owner to the side of the target, its head outside the
        // target's outline (it ended at the target's middle, under the box of a target the
        // step marked: the resharding preset's node 0).
        const QRectF& from = nodeRect.at(migration.from);
        const QRectF& to = nodeRect.at(migration.to);
        const bool leftwards = to.center().x() < from.center().x();
        const qreal y = from.center().y() + 8, off = 5; // past the widest outline
        auto a = arrow(QStringLiteral("migration-arrow"),
                       QPointF(leftwards ? from.left() - off : from.right() + off, y),
                       QPointF(leftwards ? to.right() + off : to.left() - off, y), t.warn, 2.5);
        a.z = 1;
        f.items.push_back(a);
    }
}

// The routed key, its tag, CRC16 and slot, on two lines where one is too narrow (a longer
// language's words). The key and its tag are shortened only when two lines cannot hold them
// (a 1,000-character key kept 53 characters and the line, cut at both ends, read "... slot 3"
// for slot 3195; shortened before it was wrapped, a translation lost characters of a key that
// two lines had room for).
FrameItem routeLabel(const redis::ClusterStep& step, const SlotGeometry& g, const Theme& t) {
    FrameItem label;
    for (const int most : {40, 24, 12}) {
        const QString key = shortWord(QString::fromStdString(step.key), most);
        const QString tag = step.hashTag.empty()
                                ? QString()
                                : HashSlotWords::tr(" (hash tag {%1})")
                                      .arg(shortWord(QString::fromStdString(step.hashTag), most));
        label = text(QStringLiteral("route-label"), QRectF(g.x0, 10, g.barW, 40 * g.k),
                     HashSlotWords::tr("%1%2 → CRC16 0x%3 → slot %4")
                         .arg(key, tag)
                         // upper case, as the narration writes it ("0x1D0D")
                         .arg(QStringLiteral("%1").arg(step.crc16, 4, 16, QChar('0')).toUpper())
                         .arg(step.slot),
                     t, g.fs * 1.1, true);
        label.wrap = true; // the label has two lines' height
        const QSizeF need = frameTextSize(label);
        if (need.width() <= g.barW && need.height() <= label.rect.height()) {
            break;
        }
    }
    return label;
}

// The marker under the bar at `x`, pointing up at the slot: over the bar it would hide the
// range's label ("5461" read "?461").
FrameItem slotMarker(qreal x, const SlotGeometry& g, const Theme& t) {
    FrameItem mark;
    mark.id = QStringLiteral("slot-marker");
    mark.rect = QRectF(x - 4, g.barTop + g.barH + 1, 8, 22 * g.k);
    mark.fill = t.highlight;
    mark.stroke = t.text;
    mark.strokeWidth = 1.5;
    mark.radius = 3;
    mark.z = 3;
    return mark;
}

// A redirect: up out of the node asked, across above the row at height `lane`, down into the
// node its reply names (straight across, it ran through the boxes between the two and their
// text); the reply's name over the crossing, or, `onLane`, on it in a box of the background's
// colour (lanes stacked closer than a label's height). Items `id`, `id`-up, -across, -label.
void addRedirect(Frame& f, const QString& id, redis::Redirect reply, const QRectF& asked,
                 const QRectF& named, qreal lane, bool onLane, const SlotGeometry& g,
                 const Theme& t) {
    const qreal toward = named.center().x() > asked.center().x() ? 1 : -1;
    const QPointF from(asked.center().x() + toward * asked.width() / 4, asked.top());
    const QPointF to(named.center().x() - toward * named.width() / 4, named.top());
    auto up = arrow(id + QStringLiteral("-up"), from, QPointF(from.x(), lane), t.bad, 3);
    up.arrow = false;
    auto across = arrow(id + QStringLiteral("-across"), QPointF(from.x(), lane),
                        QPointF(to.x(), lane), t.bad, 3);
    across.arrow = false;
    f.items.push_back(up);
    f.items.push_back(across);
    f.items.push_back(arrow(id, QPointF(to.x(), lane), to, t.bad, 3));
    const QString name = QString::fromUtf8(redis::redirectName(reply));
    const qreal cx = across.line.center().x();
    if (!onLane) {
        f.items.push_back(text(id + QStringLiteral("-label"),
                               QRectF(cx - 60, lane - 4 - 24 * g.k, 120, 24 * g.k), name, t, g.fs,
                               true));
        return;
    }
    FrameItem label = text(id + QStringLiteral("-label"), QRectF(), name, t, g.fs * 0.9, true);
    const qreal w = frameTextSize(label).width() + 12 * g.k; // the name and a little air
    label.rect = QRectF(cx - w / 2, lane - 10 * g.k, w, 20 * g.k);
    label.kind = FrameItem::Kind::Box;
    label.fill = t.background;
    label.stroke = t.bad;
    label.strokeWidth = 1.5;
    f.items.push_back(label);
}

// The routed key, its slot on the bar, and the client's path: an arrow to the node that served
// it, or to the node it asked first and each redirect from there, in order, the first one
// highest (a client two maps behind gets MOVED, then ASK: drawn as one ASK out of the node first
// asked, it said that node replied ASK).
void addRoute(Frame& f, const redis::ClusterStep& step, const std::map<int, QRectF>& nodeRect,
              const SlotGeometry& g, const Theme& t) {
    f.items.push_back(routeLabel(step, g, t));
    const qreal x = g.slotX(step.slot);
    f.items.push_back(slotMarker(x, g, t));
    if (step.node < 0 || !nodeRect.count(step.node)) {
        return;
    }
    const QRectF target = nodeRect.at(step.node);
    const QPointF underSlot(x, g.barTop + g.barH + 2 + 22 * g.k);
    if (step.replies.empty() || !nodeRect.count(step.first)) {
        f.items.push_back(arrow(QStringLiteral("route-arrow"), underSlot,
                                QPointF(target.center().x(), target.top()), t.accent, 3));
        return;
    }
    const QRectF first = nodeRect.at(step.first);
    f.items.push_back(arrow(QStringLiteral("route-first"), underSlot,
                            QPointF(first.center().x(), first.top()), t.mutedText, 2));
    // The lanes between the slot marker and the row, the last redirect's lowest; the labels of
    // several sit on their lanes, which keeps them apart in the room there is.
    const std::size_t n = step.replies.size();
    const qreal lowest = g.nodeTop - 22;
    const qreal room = lowest - 10 * g.k - (underSlot.y() + 2);
    const qreal gap = n > 1 ? std::min(26 * g.k, room / static_cast<qreal>(n - 1)) : 0;
    for (std::size_t i = 0; i < n; ++i) {
        const redis::Reply& r = step.replies[i];
        if (!nodeRect.count(r.node) || !nodeRect.count(r.to)) {
            continue;
        }
        const QString id = i + 1 == n ? QStringLiteral("route-redirect")
                                      : QStringLiteral("route-redirect-%1").arg(i);
        addRedirect(f, id, r.redirect, nodeRect.at(r.node), nodeRect.at(r.to),
                    lowest - gap * static_cast<qreal>(n - 1 - i), n > 1, g, t);
    }
}

} // namespace

// Named steps: the nodes to draw, the columns as wide as their text needs, the slot bar, each
// master's text, the nodes (masters and their replicas), an open migration, and the step's route.
Frame HashslotDiagram::layout(const redis::ClusterState& s, const redis::ClusterStep* step,
                              const Theme& t, qreal width) {
    Frame f;
    const ClusterNodes cluster = clusterOf(s);
    SlotGeometry g(t, width);
    sizeColumns(g, s, cluster);
    addSlotBar(f, s, g, t);
    const std::vector<QString> chosen = chooseMasterTexts(g, s, cluster);
    const std::map<int, QRectF> nodeRect = addNodes(f, cluster, chosen, g, t);
    if (s.migration) {
        addMigration(f, *s.migration, nodeRect, g, t);
    }
    if (step &&
        (step->kind == redis::StepKind::kRoute || step->kind == redis::StepKind::kClusterDown)) {
        addRoute(f, *step, nodeRect, g, t);
    }
    qreal bottom = g.nodeTop + g.nodeH;
    for (const auto& [id, r] : nodeRect) {
        bottom = std::max(bottom, r.bottom());
    }
    f.size = QSizeF(std::max(g.width, g.rowW + 2 * g.x0), bottom + 20);
    return f;
}

QString HashslotDiagram::describe(const State& state) const {
    return spokenCluster(state);
}

} // namespace fg
