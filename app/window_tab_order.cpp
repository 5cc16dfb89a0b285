#include "app/window_tab_order.h"

#include <QWidget>

namespace fg {

namespace {

// True when Tab stops at `w` in `window`, as Qt's chain decides (a focus proxy's policy counts).
bool takesTab(QWidget* window, QWidget* w) {
    QWidget* proxy = w;
    while (proxy->focusProxy()) {
        proxy = proxy->focusProxy();
    }
    return proxy == w && (w->focusPolicy() & Qt::TabFocus) == Qt::TabFocus && w->isEnabled() &&
           w->isVisibleTo(window) && !w->isWindow();
}

bool inPart(const WindowTabOrder::Part& part, const QWidget* w) {
    const auto under = [w](const QWidget* root) {
        return root && (root == w || root->isAncestorOf(w));
    };
    return under(part.root) && !under(part.except);
}

// The Tab stops of `window` in the chain's order, from the window on.
QList<QWidget*> stopsOf(QWidget* window) {
    QList<QWidget*> stops;
    for (QWidget* w = window->nextInFocusChain(); w && w != window; w = w->nextInFocusChain()) {
        if (takesTab(window, w) && !stops.contains(w)) {
            stops << w;
        }
    }
    return stops;
}

} // namespace

WindowTabOrder::WindowTabOrder(std::function<QList<Part>()> parts) : parts_(std::move(parts)) {}

QWidget* WindowTabOrder::redirect(QWidget* window, QWidget* focus, bool next) const {
    QList<Part> parts;
    for (const Part& p : parts_()) {
        if (p.root && p.root->isVisibleTo(window)) {
            parts << p;
        }
    }
    const QList<QWidget*> stops = stopsOf(window);
    const auto partOf = [&parts](const QWidget* w) {
        for (int i = 0; w && i < parts.size(); ++i) {
            if (inPart(parts[i], w)) {
                return i;
            }
        }
        return -1;
    };
    const int from = partOf(focus);
    const int at = int(stops.indexOf(focus));
    if (from < 0 || at < 0 || stops.size() < 2) {
        return nullptr;
    }
    const int step = next ? 1 : -1;
    const auto wrap = [](int i, int n) { return (i % n + n) % n; };
    QWidget* qtsChoice = stops[wrap(at + step, int(stops.size()))];
    if (partOf(qtsChoice) == from) {
        return nullptr;
    }
    // The neighbouring part that has a stop: its first (Tab) or last (Shift+Tab).
    for (int k = 1; k <= parts.size(); ++k) {
        const int part = wrap(from + k * step, int(parts.size()));
        QList<QWidget*> in;
        for (QWidget* s : stops) {
            if (partOf(s) == part) {
                in << s;
            }
        }
        if (!in.isEmpty()) {
            QWidget* to = next ? in.front() : in.back();
            return to == qtsChoice ? nullptr : to;
        }
    }
    return nullptr;
}

} // namespace fg
