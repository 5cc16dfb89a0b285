#include "widgets/controls/focus_ring.h"

#include "models/theme/theme.h"

#include <QApplication>
#include <QPainter>
#include <QPointer>
#include <QProxyStyle>
#include <algorithm>

namespace fg {

namespace {

bool standsOut(const QColor& c, const QPalette& p) {
    for (QPalette::ColorRole role : {QPalette::Window, QPalette::Button, QPalette::Base}) {
        if (contrastRatio(c, p.color(role)) < 3.05) {
            return false;
        }
    }
    return true;
}

// The style the ring asks where to stand: above the widgets (Fusion says below, where a
// neighbour or the edge of the parent hides it), kWidth pixels out, with no mask.
class RingPlacement : public QProxyStyle {
public:
    int styleHint(StyleHint hint, const QStyleOption* option, const QWidget* widget,
                  QStyleHintReturn* returned) const override {
        if (hint == SH_FocusFrame_AboveWidget) {
            return 1;
        }
        if (hint == SH_FocusFrame_Mask) {
            return 0;
        }
        return QProxyStyle::styleHint(hint, option, widget, returned);
    }
    int pixelMetric(PixelMetric metric, const QStyleOption* option,
                    const QWidget* widget) const override {
        if (metric == PM_FocusFrameHMargin || metric == PM_FocusFrameVMargin) {
            return FocusRing::width();
        }
        return QProxyStyle::pixelMetric(metric, option, widget);
    }
};

const char* const kRingArea = "fgFocusRingArea";

QPointer<FocusRing>& theRing() {
    static QPointer<FocusRing> ring;
    return ring;
}

int& ringWidth() {
    static int width = FocusRing::kWidth;
    return width;
}

} // namespace

QColor focusRingColor(const QPalette& palette) {
    const QColor from = palette.color(QPalette::Highlight);
    const QColor to = palette.color(QPalette::Text);
    for (int i = 0; i <= 10; ++i) {
        const qreal t = i / 10.0;
        const QColor c = QColor::fromRgbF(from.redF() + (to.redF() - from.redF()) * t,
                                          from.greenF() + (to.greenF() - from.greenF()) * t,
                                          from.blueF() + (to.blueF() - from.blueF()) * t);
        if (standsOut(c, palette)) {
            return c;
        }
    }
    return to;
}

FocusRing::FocusRing(QWidget* parent) : QFocusFrame(parent) {
    auto* placement = new RingPlacement;
    placement->setParent(this);
    setStyle(placement);
}

void FocusRing::install() {
    static const bool installed = [] {
        QObject::connect(qApp, &QApplication::focusChanged, qApp,
                         [](QWidget*, QWidget* now) { follow(now); });
        return true;
    }();
    (void)installed;
}

int FocusRing::width() {
    return ringWidth();
}

void FocusRing::setWidth(int pixels) {
    ringWidth() = std::max(int(kWidth), pixels);
    if (FocusRing* ring = current()) {
        ring->setWidget(ring->widget()); // placed again, as far out as it is wide
        ring->update();
    }
}

FocusRing* FocusRing::current() {
    FocusRing* ring = theRing();
    return ring && ring->widget() ? ring : nullptr;
}

void FocusRing::ringAround(QWidget* focusable, QWidget* area) {
    focusable->setProperty(kRingArea, QVariant::fromValue(static_cast<QObject*>(area)));
}

void FocusRing::follow(QWidget* now) {
    QPointer<FocusRing>& ring = theRing();
    // A click gives the focus with a mouse button down: no ring for the pointer's user. Nor
    // around a whole window (nothing outside it to draw on).
    if (!now || now->isWindow() || QGuiApplication::mouseButtons() != Qt::NoButton) {
        if (ring) {
            ring->setWidget(nullptr);
        }
        return;
    }
    if (!ring) { // made again if the parent it last had took it away with it
        ring = new FocusRing(now->parentWidget());
    }
    auto* area = qobject_cast<QWidget*>(now->property(kRingArea).value<QObject*>());
    ring->setWidget(area && area->isAncestorOf(now) ? area : now);
}

QRect FocusRing::unclipped() const {
    QRect r = rect();
    for (const QWidget* p = parentWidget(); p; p = p->parentWidget()) {
        r &= QRect(mapFrom(p, QPoint(0, 0)), p->size());
        if (p->isWindow()) {
            break;
        }
    }
    return r;
}

void FocusRing::paintEvent(QPaintEvent*) {
    if (!widget()) {
        return;
    }
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(focusRingColor(widget()->window()->palette()), width()));
    p.setBrush(Qt::NoBrush);
    const qreal half = width() / 2.0;
    p.drawRoundedRect(QRectF(unclipped()).adjusted(half, half, -half, -half), 3, 3);
}

} // namespace fg
