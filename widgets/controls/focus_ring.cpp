#include "widgets/controls/focus_ring.h"

#include "models/theme/theme.h"

#include <QApplication>
#include <QPainter>
#include <QPointer>

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

QPointer<FocusRing>& theRing() {
    static QPointer<FocusRing> ring;
    return ring;
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

void FocusRing::install() {
    static const bool installed = [] {
        QObject::connect(qApp, &QApplication::focusChanged, qApp,
                         [](QWidget*, QWidget* now) { follow(now); });
        return true;
    }();
    (void)installed;
}

FocusRing* FocusRing::current() {
    FocusRing* ring = theRing();
    return ring && ring->widget() ? ring : nullptr;
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
    ring->setWidget(now);
}

void FocusRing::paintEvent(QPaintEvent*) {
    if (!widget()) {
        return;
    }
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(focusRingColor(widget()->palette()), kWidth));
    p.setBrush(Qt::NoBrush);
    const qreal half = kWidth / 2.0;
    p.drawRoundedRect(QRectF(rect()).adjusted(half, half, -half, -half), 3, 3);
}

} // namespace fg
