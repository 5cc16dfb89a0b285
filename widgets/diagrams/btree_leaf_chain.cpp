#include "widgets/diagrams/btree_leaf_chain.h"

#include <QCoreApplication>

namespace fg::btree_draw {

using btree::NodeId;

namespace {

FrameItem linkItem(const QString& id, QPointF from, QPointF to, bool lit, const Theme& theme) {
    FrameItem link;
    link.kind = FrameItem::Kind::Line;
    link.id = id;
    link.line = QLineF(from, to);
    link.stroke = lit ? theme.accent : theme.line;
    link.strokeWidth = lit ? 2.5 * theme.lineWidth : theme.lineWidth;
    link.arrow = true;
    link.z = 0;
    return link;
}

} // namespace

void addLeafChain(Frame& f, const btree::NodeStore& ns,
                  const std::unordered_map<NodeId, QRectF>& drawn, const ChainLit& lit, qreal stub,
                  const Theme& theme) {
    for (const auto& [a, rect] : drawn) {
        if (!ns.leaf(a) || ns.next(a) == btree::kNoNode) {
            continue;
        }
        const NodeId b = ns.next(a);
        // From the middle of a's right side to the outside of b's outline (b is drawn over it).
        const QPointF from(rect.right(), rect.center().y());
        const auto to = drawn.find(b);
        if (to == drawn.end()) {
            f.items.push_back(linkItem(QStringLiteral("link:%1-out").arg(a), from,
                                       from + QPointF(stub, 0), false, theme));
            continue;
        }
        const bool hop = lit.from == a && lit.to == b;
        const bool read = lit.read && lit.read->count(a) && lit.read->count(b);
        const bool thick = lit.thick && lit.thick->count(b);
        const qreal outline = (thick ? 2.5 : 1.0) * theme.lineWidth / 2;
        f.items.push_back(linkItem(QStringLiteral("link:%1-%2").arg(a).arg(b), from,
                                   QPointF(to->second.left() - outline, to->second.center().y()),
                                   hop || read, theme));
    }
}

void markSeparator(FrameItem& cell, btree::Key k, bool lit, const Theme& theme) {
    cell.id = QStringLiteral("sep:%1").arg(k);
    cell.origin = QStringLiteral("key:%1").arg(k); // copied up: it grows out of the leaf's key
    cell.fill = lit ? theme.highlight : theme.surface;
    cell.stroke = theme.line;
    cell.penStyle = Qt::DashLine;
    cell.strokeWidth = lit ? 2 * theme.lineWidth : theme.lineWidth;
    cell.bold = lit;
    cell.toolTip =
        QCoreApplication::translate("fg::BTreeDiagram",
                                    "A separator: a copy of key %1 that guides a search (keys "
                                    "from %1 on are to its right). The key itself is in a leaf.")
            .arg(k);
}

FrameItem legendItem(qreal centreX, qreal top, qreal fontPx, const Theme& theme) {
    FrameItem legend;
    legend.kind = FrameItem::Kind::Text;
    legend.id = QStringLiteral("legend");
    legend.text = QCoreApplication::translate(
        "fg::BTreeDiagram", "B+-tree: every key is in a leaf. Dashed keys are separators,\n"
                            "copies that guide a search; arrows link each leaf to the next.");
    legend.textColor = theme.mutedText;
    legend.fontPx = fontPx;
    legend.rect = QRectF(QPointF(0, 0), frameTextSize(legend));
    legend.rect.moveTop(top);
    legend.rect.moveLeft(centreX - legend.rect.width() / 2);
    legend.z = 1;
    return legend;
}

} // namespace fg::btree_draw
