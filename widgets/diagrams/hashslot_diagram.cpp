#include "widgets/diagrams/hashslot_diagram.h"

#include "engines/redis/key_slot.h"
#include "widgets/canvas/counted.h"
#include "widgets/canvas/long_words.h"

#include <array>
#include <map>

namespace fg {

namespace {

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

} // namespace

Frame HashslotDiagram::layout(const redis::ClusterState& s, const redis::ClusterStep* step,
                              const Theme& t) {
    Frame f;
    const qreal fs = 15 * t.fontScale;
    const qreal k = t.fontScale;
    // Letters and the boxes that hold them grow with the theme's type; the gaps between them do
    // not (grown too, they took the projector's larger type back: fitted to the same window,
    // its drawing came out no larger than Light's). Above the bar: the routed key's line, then
    // the bar's title.
    const qreal width = 1100, barTop = 24 + 62 * k, barH = 46 * k;
    // The type of the masters' boxes, and of the bar's ranges and the replicas: as large as
    // the boxes hold on two lines (at 0.85 and 0.8 they read 11-13 px in a 1280-px window).
    const qreal boxType = fs, smallType = fs * 0.92;
    const qreal x0 = 40;

    // Nodes: masters in a row, replicas under them.
    std::vector<const redis::ClusterNode*> masters;
    std::map<int, std::vector<const redis::ClusterNode*>> replicasOf;
    for (const auto& n : s.nodes) {
        if (n.removed) {
            continue;
        }
        if (n.replicaOf < 0) {
            masters.push_back(&n);
        } else {
            replicasOf[n.replicaOf].push_back(&n);
        }
    }
    std::map<int, QRectF> nodeRect;
    // A master's box says who it is, its slots and its keys: on two lines when the box is wide
    // enough, else on three or four (with eight masters in the projector's type, two lines were
    // cut at both ends: "ode 0 (maste"); the boxes are as tall as the most lines any of them
    // takes. Only when four lines do not fit either does the row of boxes grow wider than 1020
    // (and the bar and the whole drawing with it).
    const auto textsOf = [&](const redis::ClusterNode& n) {
        // A failed node is no master any more (its replica took its slots, or no one serves
        // them): "failed" where "master" was (a tester read "failed: node 0 (master)").
        const QString role = n.alive ? QStringLiteral("master") : QStringLiteral("failed");
        const QString mark = n.alive ? QString() : QStringLiteral("\u2718 ");
        const QString slotText = counted(qint64(s.slotsOf(n.id).size()), QStringLiteral("slot"),
                                         QStringLiteral("slots"));
        const QString keyText =
            counted(qint64(s.keysOn(n.id)), QStringLiteral("key"), QStringLiteral("keys"));
        const QString name = QStringLiteral("%1node %2").arg(mark).arg(n.id);
        return QStringList{
            QStringLiteral("%1 (%2)\n%3 \u00b7 %4").arg(name, role, slotText, keyText),
            QStringLiteral("%1 (%2)\n%3\n%4").arg(name, role, slotText, keyText),
            QStringLiteral("%1\n%2\n%3\n%4").arg(name, role, slotText, keyText)};
    };
    FrameItem sample; // a master's box, for measuring its text
    sample.fontPx = boxType;
    const auto textSize = [&sample](const QString& text) {
        sample.text = text;
        return frameTextSize(sample);
    };
    const qreal pad = 16; // a box's side padding (frameTextRoom) and a little air
    qreal slotW = (width - 2 * x0) / static_cast<qreal>(std::max<std::size_t>(masters.size(), 1));
    const auto replicaText = [](const redis::ClusterNode& r) {
        return QStringLiteral("%1replica %2")
            .arg(r.alive ? QString() : QStringLiteral("\u2718 "))
            .arg(r.id);
    };
    for (const auto* n : masters) {
        slotW = std::max(slotW, textSize(textsOf(*n).back()).width() + pad + 16);
        for (const auto* rep : replicasOf[n->id]) {
            sample.fontPx = smallType; // a replica's box: 14 in from its master's on each side
            slotW = std::max(slotW, textSize(replicaText(*rep)).width() + pad + 28 + 16);
            sample.fontPx = boxType;
        }
    }
    // The row of masters: the bar's width, or wider when their text needs it; the bar is as
    // wide as the row (it stopped short of the last boxes).
    const qreal rowW = slotW * static_cast<qreal>(masters.size());
    const qreal barW = std::max(width - 2 * x0, rowW);
    auto slotX = [&](int slot) { return x0 + barW * slot / 16384.0; };

    // The slot bar: one segment per contiguous run of one owner.
    f.items.push_back(text("bar-title", QRectF(x0, barTop - 30 * k, barW, 24 * k),
                           QStringLiteral("16,384 hash slots"), t, fs, true));
    int start = 0;
    for (int sl = 1; sl <= redis::kSlots; ++sl) {
        if (sl < redis::kSlots &&
            s.owner[static_cast<std::size_t>(sl)] == s.owner[static_cast<std::size_t>(start)]) {
            continue;
        }
        const int owner = s.owner[static_cast<std::size_t>(start)];
        FrameItem seg;
        seg.id = QStringLiteral("seg:%1").arg(start);
        seg.rect = QRectF(slotX(start), barTop, slotX(sl) - slotX(start), barH);
        const bool alive = owner >= 0 && s.nodes[static_cast<std::size_t>(owner)].alive;
        seg.fill = alive ? t.toneFill(toneOf(owner)) : t.surface;
        seg.stroke = alive ? nodeColor(t, owner) : t.bad;
        seg.penStyle = nodeBorder(owner);
        seg.strokeWidth = 1.5;
        seg.radius = 2;
        seg.z = 1;
        // The range and its owner when they fit the segment whole, else the owner alone
        // ("node 4", else "4"), else nothing: never a label cut ("5461-6826" read "5461-682"),
        // and the owner before the range (a range alone named no one, and with more masters
        // than tones the colour does not either).
        seg.textColor = t.text;
        seg.fontPx = smallType;
        for (const QString& label :
             {QStringLiteral("%1-%2\nnode %3").arg(start).arg(sl - 1).arg(owner),
              QStringLiteral("node %1").arg(owner), QString::number(owner)}) {
            seg.text = label;
            if (frameTextSize(seg).width() <= frameTextRoom(seg).width()) {
                break;
            }
            seg.text.clear();
        }
        seg.toolTip =
            QStringLiteral("Slots %1-%2 (%3): node %4%5")
                .arg(start)
                .arg(sl - 1)
                .arg(counted(qint64(sl - start), QStringLiteral("slot"), QStringLiteral("slots")))
                .arg(owner)
                .arg(alive ? QString() : QStringLiteral(", failed: no live owner"));
        f.items.push_back(seg);
        start = sl;
    }
    const qreal boxW = std::min<qreal>(190 * k, slotW - 16);
    std::vector<QString> chosen;
    qreal tallest = 0;
    for (const auto* n : masters) {
        const QStringList texts = textsOf(*n);
        QString pick = texts.back();
        for (const QString& text : texts) {
            if (textSize(text).width() + pad <= boxW) {
                pick = text;
                break;
            }
        }
        chosen.push_back(pick);
        tallest = std::max(tallest, textSize(pick).height());
    }
    // Under the bar: the slot marker, then room for the route's arrows to reach the nodes.
    const qreal nodeTop = barTop + barH + 22 * k + 72;
    const qreal nodeH = std::max<qreal>(78 * k, tallest + 20 * k);
    for (std::size_t i = 0; i < masters.size(); ++i) {
        const auto& n = *masters[i];
        const qreal w = boxW;
        const QRectF r(x0 + slotW * static_cast<qreal>(i) + (slotW - w) / 2, nodeTop, w, nodeH);
        nodeRect[n.id] = r;
        FrameItem box;
        box.id = QStringLiteral("node:%1").arg(n.id);
        box.rect = r;
        box.fill = n.alive ? t.toneFill(toneOf(n.id)) : t.surface;
        box.stroke = n.alive ? nodeColor(t, n.id) : t.bad;
        box.penStyle = nodeBorder(n.id);
        box.strokeWidth = 2.5;
        box.radius = 8;
        box.z = 2;
        box.text = chosen[i];
        box.textColor = t.text;
        box.fontPx = boxType;
        f.items.push_back(box);
        qreal ry = nodeTop + nodeH + 16;
        for (const auto* rep : replicasOf[n.id]) {
            FrameItem rb;
            rb.id = QStringLiteral("node:%1").arg(rep->id);
            rb.rect = QRectF(r.left() + 14, ry, r.width() - 28, 40 * k);
            rb.fill = t.surface;
            rb.stroke = rep->alive ? nodeColor(t, n.id) : t.bad;
            rb.penStyle = nodeBorder(n.id);
            rb.strokeWidth = 1.5;
            rb.radius = 6;
            rb.z = 2;
            rb.text = replicaText(*rep);
            rb.textColor = t.mutedText;
            rb.fontPx = smallType;
            nodeRect[rep->id] = rb.rect;
            f.items.push_back(rb);
            f.items.push_back(arrow(QStringLiteral("repl:%1").arg(rep->id),
                                    QPointF(r.center().x(), r.bottom()),
                                    QPointF(r.center().x(), ry), t.mutedText, 1));
            ry += 40 * k + 10;
        }
    }
    // An open migration: the slot is MIGRATING on its owner and IMPORTING on the target.
    if (s.migration) {
        const qreal x = slotX(s.migration->slot);
        FrameItem m;
        m.id = QStringLiteral("migrating");
        m.rect = QRectF(x - 3, barTop - 6, 6, barH + 12);
        m.fill = t.warn;
        m.z = 3;
        f.items.push_back(m);
        if (nodeRect.count(s.migration->from) && nodeRect.count(s.migration->to)) {
            auto a = arrow(QStringLiteral("migration-arrow"),
                           nodeRect[s.migration->from].center() + QPointF(0, 8),
                           nodeRect[s.migration->to].center() + QPointF(0, 8), t.warn, 2.5);
            a.z = 1;
            f.items.push_back(a);
        }
    }
    // The routed key, its slot on the bar, and the client's path.
    if (step &&
        (step->kind == redis::StepKind::kRoute || step->kind == redis::StepKind::kClusterDown)) {
        // The key and its tag as long as the line has room for: a 1,000-character key kept 53
        // characters and the line, cut at both ends, read "... slot 3" for slot 3195.
        FrameItem label;
        for (const int most : {40, 24, 12}) {
            const QString key = shortWord(QString::fromStdString(step->key), most);
            const QString tag =
                step->hashTag.empty()
                    ? QString()
                    : QStringLiteral(" (hash tag {%1})")
                          .arg(shortWord(QString::fromStdString(step->hashTag), most));
            label =
                text(QStringLiteral("route-label"), QRectF(x0, 10, barW, 40 * k),
                     QStringLiteral("%1%2 \u2192 CRC16 0x%3 \u2192 slot %4")
                         .arg(key, tag)
                         // upper case, as the narration writes it ("0x1D0D")
                         .arg(QStringLiteral("%1").arg(step->crc16, 4, 16, QChar('0')).toUpper())
                         .arg(step->slot),
                     t, fs * 1.1, true);
            if (frameTextSize(label).width() <= barW) {
                break;
            }
        }
        f.items.push_back(label);
        const qreal x = slotX(step->slot);
        // The marker hangs under the bar, pointing up at the slot: over the bar it would hide
        // the range's label ("5461" read "?461").
        FrameItem mark;
        mark.id = QStringLiteral("slot-marker");
        mark.rect = QRectF(x - 4, barTop + barH + 1, 8, 22 * k);
        mark.fill = t.highlight;
        mark.stroke = t.text;
        mark.strokeWidth = 1.5;
        mark.radius = 3;
        mark.z = 3;
        f.items.push_back(mark);
        if (step->node >= 0 && nodeRect.count(step->node)) {
            const QRectF target = nodeRect[step->node];
            if (step->redirect != redis::Redirect::kNone && step->first >= 0 &&
                step->first != step->node && nodeRect.count(step->first)) {
                const QRectF first = nodeRect[step->first];
                f.items.push_back(arrow(QStringLiteral("route-first"),
                                        QPointF(x, barTop + barH + 2 + 22 * k),
                                        QPointF(first.center().x(), first.top()), t.mutedText, 2));
                // The redirect: up out of the first node, across above the row, down into
                // the node that serves the key (straight across, it ran through the boxes
                // between the two and their text); its name over the crossing.
                const qreal toward = target.center().x() > first.center().x() ? 1 : -1;
                const qreal lane = nodeTop - 22;
                const QPointF from(first.center().x() + toward * first.width() / 4, first.top());
                const QPointF to(target.center().x() - toward * target.width() / 4, target.top());
                auto up = arrow(QStringLiteral("route-redirect-up"), from, QPointF(from.x(), lane),
                                t.bad, 3);
                up.arrow = false;
                auto across = arrow(QStringLiteral("route-redirect-across"),
                                    QPointF(from.x(), lane), QPointF(to.x(), lane), t.bad, 3);
                across.arrow = false;
                f.items.push_back(up);
                f.items.push_back(across);
                f.items.push_back(
                    arrow(QStringLiteral("route-redirect"), QPointF(to.x(), lane), to, t.bad, 3));
                f.items.push_back(
                    text(QStringLiteral("route-redirect-label"),
                         QRectF(across.line.center().x() - 60, lane - 4 - 24 * k, 120, 24 * k),
                         QString::fromUtf8(redis::redirectName(step->redirect)), t, fs, true));
            } else {
                f.items.push_back(arrow(QStringLiteral("route-arrow"),
                                        QPointF(x, barTop + barH + 2 + 22 * k),
                                        QPointF(target.center().x(), target.top()), t.accent, 3));
            }
        }
    }
    qreal bottom = nodeTop + nodeH;
    for (const auto& [id, r] : nodeRect) {
        bottom = std::max(bottom, r.bottom());
    }
    f.size = QSizeF(std::max(width, rowW + 2 * x0), bottom + 20);
    return f;
}

} // namespace fg
