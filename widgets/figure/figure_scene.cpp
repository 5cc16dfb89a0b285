#include "widgets/figure/figure_scene.h"

#include <QPainterPath>
#include <QtMath>

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
    const qreal len = 6 + 2.5 * width;
    const qreal angle = std::atan2(tip.y() - from.y(), tip.x() - from.x());
    const QPointF a = tip - QPointF(std::cos(angle - 0.45) * len, std::sin(angle - 0.45) * len);
    const QPointF b = tip - QPointF(std::cos(angle + 0.45) * len, std::sin(angle + 0.45) * len);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPolygon(QPolygonF() << tip << a << b);
}

} // namespace

void paintScene(QPainter& p, const FigureScene& scene) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    for (const auto& b : scene.boxes) {
        QPen pen(b.stroke.isValid() ? b.stroke : Qt::transparent, b.strokeWidth);
        pen.setStyle(b.style);
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
    for (const auto& t : scene.texts) {
        if (t.background.isValid()) {
            p.setPen(Qt::NoPen);
            p.setBrush(t.background);
            p.drawRoundedRect(QRectF(t.pos, t.block.size).adjusted(-3, -1, 3, 1), 3, 3);
        }
        p.setPen(t.color);
        t.block.layout->draw(&p, t.pos);
    }
    p.restore();
}

} // namespace fg
