#include "widgets/diagrams/flow_layout.h"

#include <QLabel>
#include <QStyle>
#include <QWidget>
#include <algorithm>

namespace fg {

FlowLayout::FlowLayout(QWidget* parent) : QLayout(parent) {}

FlowLayout::~FlowLayout() {
    while (QLayoutItem* item = takeAt(0)) {
        delete item;
    }
}

void FlowLayout::addWidget(QWidget* widget, int stretch) {
    addChildWidget(widget);
    entries_.append({new QWidgetItem(widget), std::max(0, stretch)});
    invalidate();
}

void FlowLayout::addStretch(int stretch) {
    entries_.append({new QSpacerItem(0, 0, QSizePolicy::Expanding, QSizePolicy::Minimum),
                     std::max(1, stretch)});
    invalidate();
}

void FlowLayout::addItem(QLayoutItem* item) {
    entries_.append({item, 0});
    invalidate();
}

int FlowLayout::count() const {
    return static_cast<int>(entries_.size());
}

QLayoutItem* FlowLayout::itemAt(int index) const {
    return index >= 0 && index < entries_.size() ? entries_[index].item : nullptr;
}

QLayoutItem* FlowLayout::takeAt(int index) {
    if (index < 0 || index >= entries_.size()) {
        return nullptr;
    }
    QLayoutItem* item = entries_.takeAt(index).item;
    invalidate();
    return item;
}

Qt::Orientations FlowLayout::expandingDirections() const {
    return Qt::Horizontal;
}

bool FlowLayout::hasHeightForWidth() const {
    return true;
}

int FlowLayout::heightForWidth(int width) const {
    return doLayout(QRect(0, 0, width, 0), false);
}

int FlowLayout::hSpacing() const {
    if (spacing() >= 0) {
        return spacing();
    }
    const QWidget* w = parentWidget();
    const int s = w ? w->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, w) : -1;
    return s >= 0 ? s : 6;
}

int FlowLayout::vSpacing() const {
    if (spacing() >= 0) {
        return spacing();
    }
    const QWidget* w = parentWidget();
    const int s = w ? w->style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing, nullptr, w) : -1;
    return s >= 0 ? s : 6;
}

namespace {

// A label is kept on the same line as the control it names (its buddy, just after it).
bool namesNext(const QLayoutItem* item, const QLayoutItem* next) {
    const auto* label = item->widget() ? qobject_cast<const QLabel*>(item->widget()) : nullptr;
    return label && next && label->buddy() && label->buddy() == next->widget();
}

} // namespace

QSize FlowLayout::minimumSize() const {
    // The widest control (with the label that names it): a narrower page wraps the row.
    QSize size;
    for (int i = 0; i < entries_.size(); ++i) {
        const QLayoutItem* item = entries_[i].item;
        if (item->isEmpty()) {
            continue;
        }
        int w = item->minimumSize().width();
        const QLayoutItem* next = i + 1 < entries_.size() ? entries_[i + 1].item : nullptr;
        if (namesNext(item, next) && !next->isEmpty()) {
            w += hSpacing() + next->minimumSize().width();
        }
        size = size.expandedTo(QSize(w, item->minimumSize().height()));
    }
    const QMargins m = contentsMargins();
    size += QSize(m.left() + m.right(), m.top() + m.bottom());
    // As tall as its rows at the width it has: the page above it is then never given less
    // height than its rows take (a window at its least, 500 px wide, wrapped the Kafka page's
    // controls onto five rows and laid the drawing and the narration over each other: tester
    // 43); the window's least height follows.
    if (const QRect g = geometry(); g.width() > 0) {
        size.setHeight(std::max(size.height(), heightForWidth(g.width())));
    }
    return size;
}

QSize FlowLayout::sizeHint() const {
    // Everything on one line.
    int w = 0, h = 0, n = 0;
    for (const Entry& e : entries_) {
        if (e.item->isEmpty()) {
            continue;
        }
        w += e.item->sizeHint().width();
        h = std::max(h, e.item->sizeHint().height());
        ++n;
    }
    w += std::max(0, n - 1) * hSpacing();
    const QMargins m = contentsMargins();
    return QSize(w + m.left() + m.right(), h + m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect& rect) {
    QLayout::setGeometry(rect);
    doLayout(rect, true);
}

int FlowLayout::doLayout(const QRect& rect, bool apply) const {
    const QMargins m = contentsMargins();
    const QRect area = rect.marginsRemoved(m);
    const int space = hSpacing();
    const int avail = std::max(1, area.width());

    struct Placed {
        QLayoutItem* item;
        int stretch;
        int width;
        bool spacer;
    };
    QList<QList<Placed>> lines(1);
    int x = 0; // the width taken on the current line
    for (int i = 0; i < entries_.size(); ++i) {
        const Entry& e = entries_[i];
        const bool spacer = e.item->spacerItem() != nullptr;
        if (!spacer && e.item->isEmpty()) {
            continue;
        }
        int w = 0;
        if (!spacer) {
            w = std::clamp(e.item->sizeHint().width(), e.item->minimumSize().width(),
                           std::max(e.item->minimumSize().width(), e.item->maximumSize().width()));
            w = std::max(std::min(w, avail), e.item->minimumSize().width());
            // A stretching control with a least width (a key box's room for its characters)
            // takes that on its line and grows into the spare room: placed at its wider size
            // hint, it pushed Clear and Reset to a second line of a 1920-px Kafka page.
            if (e.stretch > 0 && e.item->minimumSize().width() > 0) {
                w = std::min(w, e.item->minimumSize().width());
            }
        }
        // The room this item needs on the line: with the control its label names.
        int need = w;
        const QLayoutItem* next = i + 1 < entries_.size() ? entries_[i + 1].item : nullptr;
        if (namesNext(e.item, next) && !next->isEmpty()) {
            need += space + std::min(next->sizeHint().width(), avail);
        }
        const bool lineEmpty = std::none_of(lines.back().begin(), lines.back().end(),
                                            [](const Placed& p) { return !p.spacer; });
        if (!spacer && !lineEmpty && x + space + need > avail) {
            lines.append(QList<Placed>());
            x = 0;
        }
        const bool first = lines.back().isEmpty();
        if (spacer) {
            lines.back().append({e.item, e.stretch, 0, true});
            continue;
        }
        x += (first ? 0 : space) + w;
        lines.back().append({e.item, e.stretch, w, false});
    }

    int y = area.top();
    int count = 0;
    for (QList<Placed>& line : lines) {
        // Spacers at the start or end of a wrapped line do nothing; skip lines of only spacers.
        if (std::none_of(line.begin(), line.end(), [](const Placed& p) { return !p.spacer; })) {
            continue;
        }
        ++count;
        int used = 0, height = 0, visible = 0, stretch = 0;
        for (const Placed& p : line) {
            if (!p.spacer) {
                used += p.width;
                ++visible;
                height = std::max(height, p.item->sizeHint().height());
            }
            stretch += p.stretch;
        }
        used += (visible - 1) * space;
        // The spare room goes to the stretching items (not beyond a control's maximum width).
        int spare = std::max(0, avail - used);
        if (stretch > 0 && spare > 0) {
            int left = spare;
            int share = stretch;
            for (Placed& p : line) {
                if (p.stretch <= 0) {
                    continue;
                }
                int add = left * p.stretch / std::max(1, share);
                if (!p.spacer) {
                    add = std::min(add, std::max(0, p.item->maximumSize().width() - p.width));
                }
                p.width += add;
                left -= add;
                share -= p.stretch;
            }
        }
        if (apply) {
            int px = area.left();
            bool firstVisible = true;
            for (const Placed& p : line) {
                if (p.spacer) {
                    px += p.width;
                    continue;
                }
                px += firstVisible ? 0 : space;
                firstVisible = false;
                const int h = std::min(
                    height, std::max(p.item->sizeHint().height(), p.item->minimumSize().height()));
                p.item->setGeometry(QRect(px, y + (height - h) / 2, p.width, h));
                px += p.width;
            }
        }
        y += height + vSpacing();
    }
    if (apply) { // heightForWidth() asks about other widths
        lines_ = count;
    }
    return count == 0 ? m.top() + m.bottom() : y - vSpacing() - area.top() + m.top() + m.bottom();
}

} // namespace fg
