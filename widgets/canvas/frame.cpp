#include "widgets/canvas/frame.h"

#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QPainterPath>
#include <QStringList>
#include <algorithm>
#include <cmath>

namespace fg {

QRectF changedArea(const Frame& before, const Frame& after) {
    QHash<QString, const FrameItem*> was;
    was.reserve(static_cast<qsizetype>(before.items.size()));
    for (const FrameItem& it : before.items) {
        if (!it.id.isEmpty()) {
            was.insert(it.id, &it);
        }
    }
    QRectF fresh;    // new or reworded
    QRectF moved;    // only moved (a B-Tree's nodes, shifted by a key added to one leaf)
    QRectF restyled; // only coloured otherwise (a mark taken off the step before's item)
    for (const FrameItem& it : after.items) {
        if (it.id.isEmpty()) {
            continue;
        }
        const QRectF area = it.kind == FrameItem::Kind::Line
                                ? QRectF(it.line.p1(), it.line.p2()).normalized()
                                : it.rect;
        const FrameItem* b = was.value(it.id);
        if (!b || b->kind != it.kind || b->text != it.text) {
            fresh = fresh.united(area);
        } else if (b->rect != it.rect || b->line != it.line) {
            moved = moved.united(area);
        } else if (b->fill != it.fill || b->stroke != it.stroke || b->textColor != it.textColor ||
                   b->opacity != it.opacity) {
            restyled = restyled.united(area);
        }
    }
    return fresh.isValid() ? fresh : moved.isValid() ? moved : restyled;
}

const FrameItem* Frame::find(const QString& id) const {
    for (const auto& it : items) {
        if (it.id == id) {
            return &it;
        }
    }
    return nullptr;
}

qreal Frame::largestTextPx() const {
    qreal largest = 0;
    for (const FrameItem& it : items) {
        if (!it.text.isEmpty() && it.opacity > 0) {
            largest = std::max(largest, it.fontPx);
        }
    }
    return largest;
}

qreal Frame::medianTextPx() const {
    std::vector<qreal> sizes;
    for (const FrameItem& it : items) {
        if (!it.text.isEmpty() && it.opacity > 0) {
            sizes.push_back(it.fontPx);
        }
    }
    if (sizes.empty()) {
        return 0;
    }
    const auto middle = sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2);
    std::nth_element(sizes.begin(), middle, sizes.end());
    return *middle;
}

QRectF Frame::bounds() const {
    QRectF r;
    for (const auto& it : items) {
        // What is drawn: half of a stroke lies outside a box's rect and around a line, and an
        // arrowhead reaches past its line's width.
        const qreal stroke = it.kind == FrameItem::Kind::Text ? 0 : it.strokeWidth / 2;
        const qreal pad = it.kind == FrameItem::Kind::Line
                              ? std::max<qreal>(1, it.arrow ? 6 + 2.5 * it.strokeWidth : stroke)
                              : stroke;
        QRectF area = it.kind == FrameItem::Kind::Line
                          ? QRectF(it.line.p1(), it.line.p2()).normalized()
                          : it.rect;
        if (it.kind == FrameItem::Kind::Text) {
            // A text item's rect is the room it may use: what is drawn is its text, placed in
            // it as its alignment says.
            const QSizeF text = frameTextSize(it).boundedTo(it.rect.size());
            const qreal x = it.align & Qt::AlignLeft    ? it.rect.left()
                            : it.align & Qt::AlignRight ? it.rect.right() - text.width()
                                                        : it.rect.center().x() - text.width() / 2;
            const qreal y = it.align & Qt::AlignTop      ? it.rect.top()
                            : it.align & Qt::AlignBottom ? it.rect.bottom() - text.height()
                                                         : it.rect.center().y() - text.height() / 2;
            area = text.isEmpty() ? QRectF() : QRectF(QPointF(x, y), text);
        }
        if (area.isValid() || it.kind == FrameItem::Kind::Line) {
            r = r.united(area.adjusted(-pad, -pad, pad, pad));
        }
    }
    return r;
}

namespace {

qreal lerp(qreal a, qreal b, qreal t) {
    return a + (b - a) * t;
}

QColor lerp(const QColor& a, const QColor& b, qreal t) {
    if (!a.isValid()) {
        return b;
    }
    if (!b.isValid()) {
        return a;
    }
    return QColor::fromRgbF(static_cast<float>(lerp(a.redF(), b.redF(), t)),
                            static_cast<float>(lerp(a.greenF(), b.greenF(), t)),
                            static_cast<float>(lerp(a.blueF(), b.blueF(), t)),
                            static_cast<float>(lerp(a.alphaF(), b.alphaF(), t)));
}

QRectF lerp(const QRectF& a, const QRectF& b, qreal t) {
    return QRectF(lerp(a.x(), b.x(), t), lerp(a.y(), b.y(), t), lerp(a.width(), b.width(), t),
                  lerp(a.height(), b.height(), t));
}

QLineF lerp(const QLineF& a, const QLineF& b, qreal t) {
    return QLineF(lerp(a.x1(), b.x1(), t), lerp(a.y1(), b.y1(), t), lerp(a.x2(), b.x2(), t),
                  lerp(a.y2(), b.y2(), t));
}

FrameItem blend(const FrameItem& a, const FrameItem& b, qreal t) {
    FrameItem r = t < 0.5 ? a : b; // discrete fields switch half way
    r.rect = lerp(a.rect, b.rect, t);
    r.line = lerp(a.line, b.line, t);
    r.fill = lerp(a.fill, b.fill, t);
    r.stroke = lerp(a.stroke, b.stroke, t);
    r.textColor = lerp(a.textColor, b.textColor, t);
    r.strokeWidth = lerp(a.strokeWidth, b.strokeWidth, t);
    r.fontPx = lerp(a.fontPx, b.fontPx, t);
    r.opacity = lerp(a.opacity, b.opacity, t);
    r.z = b.z;
    return r;
}

} // namespace

Frame tween(const Frame& from, const Frame& to, qreal t) {
    if (t >= 1) {
        return to;
    }
    if (t <= 0) {
        Frame f = from;
        const QRectF both = from.extent().united(to.extent());
        f.origin = both.topLeft();
        f.size = both.size();
        return f;
    }
    QHash<QString, const FrameItem*> before;
    for (const auto& it : from.items) {
        before.insert(it.id, &it);
    }
    Frame out;
    out.size = QSizeF(lerp(from.size.width(), to.size.width(), t),
                      lerp(from.size.height(), to.size.height(), t));
    out.origin =
        QPointF(lerp(from.origin.x(), to.origin.x(), t), lerp(from.origin.y(), to.origin.y(), t));
    out.camera =
        from.camera.isValid() && to.camera.isValid() ? lerp(from.camera, to.camera, t) : to.camera;
    QHash<QString, bool> kept;
    for (const auto& b : to.items) {
        if (const auto a = before.find(b.id); a != before.end()) {
            out.items.push_back(blend(**a, b, t));
            kept.insert(b.id, true);
            continue;
        }
        FrameItem start = b; // appearing: from its origin's place, or in place, transparent
        start.opacity = 0;
        if (const auto o = before.find(b.origin); !b.origin.isEmpty() && o != before.end()) {
            start.rect = QRectF(QPointF(0, 0), b.rect.size());
            start.rect.moveCenter((*o)->rect.center());
            start.line = QLineF((*o)->rect.center(), (*o)->rect.center());
            out.items.push_back(blend(start, b, t));
            continue;
        }
        // In place: in the second half, once what goes away has gone (a cross-fade drew the
        // 100,000-key tree's old and new "2607379-2611352" boxes over each other, both half
        // there).
        FrameItem r = blend(start, b, t);
        r.opacity = b.opacity * std::max<qreal>(0, 2 * t - 1);
        out.items.push_back(r);
    }
    for (const auto& a : from.items) {
        if (!kept.contains(a.id)) { // going away: fades where it stands, in the first half
            FrameItem r = a;
            r.opacity = a.opacity * std::max<qreal>(0, 1 - 2 * t);
            out.items.push_back(r);
        }
    }
    std::stable_sort(out.items.begin(), out.items.end(),
                     [](const FrameItem& x, const FrameItem& y) { return x.z < y.z; });
    return out;
}

namespace {

void drawArrowhead(QPainter& p, const QLineF& l, qreal width, const QColor& color) {
    const qreal len = 6 + 2.5 * width;
    const qreal angle = std::atan2(l.dy(), l.dx());
    const QPointF tip = l.p2();
    QPolygonF head;
    head << tip << tip - QPointF(std::cos(angle - 0.45) * len, std::sin(angle - 0.45) * len)
         << tip - QPointF(std::cos(angle + 0.45) * len, std::sin(angle + 0.45) * len);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPolygon(head);
}

// The part of `l` inside `r` (Liang-Barsky); false when none is.
bool clipLine(QLineF& l, const QRectF& r) {
    qreal t0 = 0, t1 = 1;
    const qreal dx = l.dx(), dy = l.dy();
    const qreal p[4] = {-dx, dx, -dy, dy};
    const qreal q[4] = {l.x1() - r.left(), r.right() - l.x1(), l.y1() - r.top(),
                        r.bottom() - l.y1()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) {
                return false;
            }
            continue;
        }
        const qreal t = q[i] / p[i];
        if (p[i] < 0) {
            t0 = std::max(t0, t);
        } else {
            t1 = std::min(t1, t);
        }
        if (t0 > t1) {
            return false;
        }
    }
    l = QLineF(l.pointAt(t0), l.pointAt(t1));
    return true;
}

} // namespace

qreal strokeScale(const Theme& theme) {
    return theme.lineWidth / 1.5;
}

void thickenLines(Frame& frame, const Theme& theme) {
    const qreal k = strokeScale(theme);
    if (std::abs(k - 1) < 1e-9) {
        return;
    }
    for (auto& it : frame.items) {
        it.strokeWidth *= k;
    }
}

namespace {
// Above this size on the device, Qt draws glyphs as outlines instead of from its glyph cache.
constexpr qreal kLargeTextPx = 64;
} // namespace

QFont frameFont(const FrameItem& item) {
    QFont font(item.mono ? QStringLiteral("DejaVu Sans Mono") : QStringLiteral("DejaVu Sans"));
    font.setBold(item.bold);
    font.setPixelSize(std::max(1, qRound(item.fontPx)));
    return font;
}

QStringList wrappedLines(const QString& text, const QFontMetricsF& metrics, qreal width) {
    if (text.isEmpty()) {
        return {};
    }
    QStringList lines;
    for (const QString& paragraph : text.split(QLatin1Char('\n'))) {
        QString line;
        for (const QString& word : paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const QString longer = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
            if (!line.isEmpty() && metrics.horizontalAdvance(longer) > width) {
                lines << line;
                line = word;
            } else {
                line = longer;
            }
        }
        lines << line;
    }
    return lines;
}

QRectF frameTextRoom(const FrameItem& item) {
    const qreal pad = item.kind == FrameItem::Kind::Box ? 4 : 0;
    return item.rect.adjusted(pad, 0, -pad, 0);
}

namespace {

// frameText, measured with `metrics` (frameFont's).
QString drawnText(const FrameItem& item, const QFontMetricsF& metrics) {
    if (!item.wrap || item.text.isEmpty()) {
        return item.text;
    }
    const qreal width = frameTextRoom(item).width();
    if (metrics.size(0, item.text).width() <= width) {
        return item.text; // it fits as it is written
    }
    return wrappedLines(item.text, metrics, width).join(QLatin1Char('\n'));
}

} // namespace

QString frameText(const FrameItem& item) {
    return item.wrap ? drawnText(item, QFontMetricsF(frameFont(item))) : item.text;
}

QSizeF frameTextSize(const FrameItem& item) {
    if (item.text.isEmpty()) {
        return {};
    }
    const QFontMetricsF metrics(frameFont(item));
    return metrics.size(0, drawnText(item, metrics));
}

namespace {

// The painted area in the device pixels combinedTransform() maps to. A widget's viewport is in
// its logical pixels while the transform includes the screen's scale; an image's viewport is in
// its pixels already. Taken as device pixels on a widget, at QT_SCALE_FACTOR=1.5 the boxes were
// cut at two thirds of the drawing's width and height (a tester).
QRectF deviceArea(const QPainter& p) {
    const QRectF v(p.viewport());
    if (p.device()->devType() != QInternal::Widget) {
        return v;
    }
    const qreal dpr = p.device()->devicePixelRatioF();
    return QRectF(v.topLeft() * dpr, v.size() * dpr);
}

} // namespace

void paintFrame(QPainter& p, const Frame& frame) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    // Level of detail: what lies outside the painted area is not drawn, text too small to read
    // (under 3.5 device pixels) is left out, and boxes under 3 pixels are drawn as plain squares.
    // A diagram of thousands of nodes then costs what is visible, at any zoom.
    const QTransform toDevice = p.combinedTransform();
    const qreal scale = std::sqrt(std::abs(toDevice.determinant()));
    const qreal slack = 24 / std::max<qreal>(scale, 1e-6); // strokes and arrowheads overhang
    const QRectF visible =
        toDevice.inverted().mapRect(deviceArea(p)).adjusted(-slack, -slack, slack, slack);
    std::vector<const FrameItem*> order;
    order.reserve(frame.items.size());
    for (const auto& it : frame.items) {
        // (a straight line's box has no width or height: pad it so that it can intersect)
        const QRectF area =
            (it.kind == FrameItem::Kind::Line ? QRectF(it.line.p1(), it.line.p2()).normalized()
                                              : it.rect)
                .adjusted(-0.5, -0.5, 0.5, 0.5);
        if (area.intersects(visible)) {
            order.push_back(&it);
        }
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const FrameItem* a, const FrameItem* b) { return a->z < b->z; });
    QFont font(QStringLiteral("DejaVu Sans"));
    for (const FrameItem* it : order) {
        if (it->opacity <= 0.001) {
            continue;
        }
        p.setOpacity(std::clamp<qreal>(it->opacity, 0, 1));
        switch (it->kind) {
        case FrameItem::Kind::Line: {
            p.setPen(QPen(it->stroke, it->strokeWidth, Qt::SolidLine, Qt::RoundCap));
            QLineF l = it->line;
            // Zoomed in far, a link runs far off screen and its thick stroke would be outlined
            // and filled whole (a 100,000-key tree at 40x: 200 ms a frame); only the part on
            // screen (with a margin wider than the stroke and arrowhead) is drawn.
            const qreal margin = 8 + 4 * it->strokeWidth;
            const QRectF keep = visible.adjusted(-margin, -margin, margin, margin);
            if (!keep.contains(l.p1()) || !keep.contains(l.p2())) {
                const QPointF end = l.p2();
                if (!clipLine(l, keep)) {
                    break;
                }
                if (l.p2() != end) {
                    p.drawLine(l); // the arrowhead is off screen
                    break;
                }
            }
            if (it->arrow && l.length() > 1) {
                const qreal cut = std::min(l.length(), 4 + 1.5 * it->strokeWidth);
                QLineF shaft = l;
                shaft.setLength(l.length() - cut);
                p.drawLine(shaft);
                drawArrowhead(p, l, it->strokeWidth, it->stroke);
            } else {
                p.drawLine(l);
            }
            break;
        }
        case FrameItem::Kind::Box:
            // Round caps and joins: an SVG writes a rounded box as a path that starts and ends
            // at one point, unclosed, and Qt's square cap drew a stub at that corner (a tester's
            // slides showed a notch on every node).
            p.setPen(it->stroke.isValid() ? QPen(it->stroke, it->strokeWidth, it->penStyle,
                                                 Qt::RoundCap, Qt::RoundJoin)
                                          : QPen(Qt::NoPen));
            p.setBrush(it->fill.isValid() ? QBrush(it->fill) : QBrush(Qt::NoBrush));
            if (std::min(it->rect.width(), it->rect.height()) * scale < 3) {
                p.drawRect(it->rect);
            } else {
                // A box far larger than the screen is drawn cut to the screen plus a margin:
                // the cut edges (and their corners) lie outside what is painted.
                const qreal margin = 8 + 4 * it->strokeWidth + it->radius;
                const QRectF shown =
                    it->rect.intersected(visible.adjusted(-margin, -margin, margin, margin));
                p.drawRoundedRect(shown, it->radius, it->radius);
            }
            [[fallthrough]];
        case FrameItem::Kind::Text:
            if (!it->text.isEmpty() && it->fontPx * scale >= 3.5) {
                font.setFamilies(it->mono ? QStringList{QStringLiteral("DejaVu Sans Mono")}
                                          : QStringList{QStringLiteral("DejaVu Sans")});
                font.setBold(it->bold);
                p.setPen(it->textColor);
                const QRectF box = frameTextRoom(*it);
                const QString text = frameText(*it);
                const QTransform world = p.worldTransform();
                if (it->fontPx * scale > kLargeTextPx && world.type() <= QTransform::TxScale) {
                    // Large text (zoomed in far): Qt draws glyphs this big as outlines, and
                    // filling them under a scaling transform costs about 4x what the same
                    // outlines cost at their size on the device (a 7-digit key at 233 px: 5.9
                    // ms against 1.4 ms). So it is drawn untransformed, with the font at its
                    // size on screen; the view transform (if any) still applies.
                    const qreal k = std::sqrt(std::abs(world.determinant()));
                    font.setPixelSize(std::max(1, qRound(it->fontPx * k)));
                    p.setFont(font);
                    p.setWorldTransform(QTransform());
                    p.drawText(world.mapRect(box), static_cast<int>(it->align), text);
                    p.setWorldTransform(world);
                } else {
                    font.setPixelSize(std::max(1, qRound(it->fontPx)));
                    p.setFont(font);
                    p.drawText(box, static_cast<int>(it->align), text);
                }
            }
            break;
        }
    }
    p.restore();
}

bool pinnedAtTheEdge(const Frame& frame, const QTransform& toDevice, qreal margin) {
    return std::any_of(frame.items.begin(), frame.items.end(), [&](const FrameItem& it) {
        return it.pinLeft && it.opacity > 0 && toDevice.mapRect(it.rect).left() < margin;
    });
}

namespace {

// The drawing's transform for the pinned item `it` at the edge (see pinnedRect).
QTransform pinnedTransform(const FrameItem& it, const QTransform& toDevice, qreal margin,
                           qreal largestScale) {
    const qreal scale = std::hypot(toDevice.m11(), toDevice.m12());
    const qreal k = largestScale > 0 ? std::min(scale, largestScale) : scale;
    QTransform t;
    t.translate(margin, toDevice.map(it.rect.center()).y());
    t.scale(k, k);
    t.translate(-it.rect.left(), -it.rect.center().y());
    return t;
}

} // namespace

QRectF pinnedRect(const FrameItem& it, const QTransform& toDevice, qreal margin,
                  qreal largestScale) {
    // As wide as its text (with the room's padding): the item's rect ran on far past it.
    QRectF r = it.rect;
    if (!it.text.isEmpty()) {
        const qreal pad = it.rect.width() - frameTextRoom(it).width();
        r.setWidth(std::min(r.width(), frameTextSize(it).width() + pad + 4));
    }
    return pinnedTransform(it, toDevice, margin, largestScale).mapRect(r);
}

void paintPinned(QPainter& p, const Frame& frame, const QTransform& toDevice, qreal margin,
                 qreal largestScale, const QColor& background) {
    p.save();
    p.resetTransform();
    for (const FrameItem& it : frame.items) {
        if (it.pinLeft) {
            // Opaque: what is under a name showed through as ghost text.
            p.fillRect(pinnedRect(it, toDevice, margin, largestScale).adjusted(-margin, -2, 4, 2),
                       background);
        }
    }
    for (const FrameItem& it : frame.items) {
        if (it.pinLeft) {
            Frame one;
            one.items.push_back(it);
            p.setTransform(pinnedTransform(it, toDevice, margin, largestScale));
            paintFrame(p, one);
        }
    }
    p.restore();
}

} // namespace fg
