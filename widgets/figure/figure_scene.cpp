#include "widgets/figure/figure_scene.h"

#include <QPainterPath>
#include <QtMath>
#include <vector>

namespace fg {

namespace {

QPainterPath boxPath(const FigureScene::Box& b) {
    QPainterPath path;
    const QRectF r = b.rect;
    const qreal k = std::min(r.height(), r.width()) * 0.5;
    switch (b.shape) {
    case FigureScene::Shape::Rect:
        path.addRect(r);
        break;
    case FigureScene::Shape::Rounded:
        path.addRoundedRect(r, std::min(8.0, k), std::min(8.0, k));
        break;
    case FigureScene::Shape::Pill:
        path.addRoundedRect(r, k, k);
        break;
    case FigureScene::Shape::Decision: { // a hexagon: pointed ends mark a question
        const qreal d = std::min(r.height() * 0.5, r.width() * 0.15);
        QPolygonF poly;
        poly << QPointF(r.left(), r.center().y()) << QPointF(r.left() + d, r.top())
             << QPointF(r.right() - d, r.top()) << QPointF(r.right(), r.center().y())
             << QPointF(r.right() - d, r.bottom()) << QPointF(r.left() + d, r.bottom());
        path.addPolygon(poly);
        path.closeSubpath();
        break;
    }
    case FigureScene::Shape::Store: { // a cylinder: a stored thing
        const qreal e = std::min(r.height() * 0.18, 10.0);
        path.moveTo(r.left(), r.top() + e);
        path.arcTo(QRectF(r.left(), r.top(), r.width(), 2 * e), 180, -180);
        path.lineTo(r.right(), r.bottom() - e);
        path.arcTo(QRectF(r.left(), r.bottom() - 2 * e, r.width(), 2 * e), 0, -180);
        path.closeSubpath();
        path.moveTo(r.left(), r.top() + e);
        path.arcTo(QRectF(r.left(), r.top(), r.width(), 2 * e), 180, 180);
        break;
    }
    }
    return path;
}

void drawArrowhead(QPainter& p, QPointF from, QPointF tip, qreal width, const QColor& color) {
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPolygon(arrowheadPolygon(from, tip, width));
}

// The occurrences of `query` in a laid-out text, as [start, length) in the layout's string. The
// layout's string may hold word joiners (inline_text.cpp keeps "I/O" on one line with one): a
// match looks through them, so "I/O" is found in "I/\u2060O".
std::vector<std::pair<int, int>> matches(const QString& laid, const QString& query) {
    std::vector<std::pair<int, int>> out;
    if (query.isEmpty()) {
        return out;
    }
    QString plain;
    std::vector<int> at; // index in `laid` of each character of `plain`
    plain.reserve(laid.size());
    for (qsizetype i = 0; i < laid.size(); ++i) {
        if (laid[i] != QChar(0x2060)) {
            plain += laid[i];
            at.push_back(static_cast<int>(i));
        }
    }
    for (qsizetype i = plain.indexOf(query, 0, Qt::CaseInsensitive); i >= 0;
         i = plain.indexOf(query, i + query.size(), Qt::CaseInsensitive)) {
        const int start = at[static_cast<std::size_t>(i)];
        const int end = at[static_cast<std::size_t>(i + query.size() - 1)] + 1;
        out.emplace_back(start, end - start);
    }
    return out;
}

} // namespace

int highlightCount(const FigureScene& scene, const QString& query) {
    int n = 0;
    for (const auto& t : scene.texts) {
        n += static_cast<int>(matches(t.block.layout->text(), query).size());
    }
    return n;
}

QRectF labelBackground(const FigureScene::Text& text) {
    return QRectF(text.pos, text.block.size).adjusted(-3, -1, 3, 1);
}

QPolygonF arrowheadPolygon(QPointF from, QPointF tip, qreal width) {
    const qreal len = 6 + 2.5 * width;
    const qreal angle = std::atan2(tip.y() - from.y(), tip.x() - from.x());
    const QPointF a = tip - QPointF(std::cos(angle - 0.45) * len, std::sin(angle - 0.45) * len);
    const QPointF b = tip - QPointF(std::cos(angle + 0.45) * len, std::sin(angle + 0.45) * len);
    return QPolygonF() << tip << a << b;
}

void paintScene(QPainter& p, const FigureScene& scene, const SceneHighlight* highlight) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    for (const auto& b : scene.boxes) {
        QPen pen(b.stroke.isValid() ? b.stroke : Qt::transparent, b.strokeWidth);
        pen.setStyle(b.style);
        pen.setCapStyle(Qt::RoundCap); // no stub where an SVG's unclosed box path starts
        pen.setJoinStyle(Qt::RoundJoin);
        p.setPen(b.stroke.isValid() ? pen : QPen(Qt::NoPen));
        p.setBrush(b.fill.isValid() ? QBrush(b.fill) : QBrush(Qt::NoBrush));
        p.drawPath(boxPath(b));
    }
    for (const auto& l : scene.lines) {
        if (l.points.size() < 2) {
            continue;
        }
        QPolygonF pts = l.points;
        if (l.arrow) { // stop the stroke short of the tip so the head stays sharp
            const QPointF tip = pts.last();
            const QPointF prev = pts[pts.size() - 2];
            const QLineF seg(prev, tip);
            const qreal cut = std::min(seg.length(), 4 + 1.5 * l.width);
            pts.last() = seg.pointAt((seg.length() - cut) / std::max<qreal>(seg.length(), 1e-9));
        }
        p.setPen(QPen(l.color, l.width, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(pts);
        if (l.arrow) {
            drawArrowhead(p, l.points[l.points.size() - 2], l.points.last(), l.width, l.color);
        }
    }
    int hit = 0;
    for (const auto& t : scene.texts) {
        if (t.background.isValid()) {
            p.setPen(Qt::NoPen);
            p.setBrush(t.background);
            p.drawRoundedRect(labelBackground(t), 3, 3);
        }
        p.setPen(t.color);
        QList<QTextLayout::FormatRange> marks;
        if (highlight) {
            for (const auto& [start, length] : matches(t.block.layout->text(), highlight->query)) {
                const bool current = hit++ == highlight->current;
                QTextLayout::FormatRange r;
                r.start = start;
                r.length = length;
                r.format.setBackground(current ? highlight->currentFill : highlight->fill);
                r.format.setForeground(current ? highlight->currentText : highlight->text);
                marks << r;
            }
        }
        t.block.layout->draw(&p, t.pos, marks);
    }
    p.restore();
}

} // namespace fg
