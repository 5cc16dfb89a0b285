#include "app/sidebar_splitter.h"

#include "app/reader/search_dock.h"

#include <QResizeEvent>
#include <QTabWidget>
#include <QToolButton>
#include <algorithm>

namespace fg {

namespace {

// The tab widget lays its corner out at its size hint: the list's width, not the text's.
class PlaceHolder : public QToolButton {
public:
    explicit PlaceHolder(QWidget* parent) : QToolButton(parent) {}
    void setWidth(int width) {
        width_ = width;
        setFixedWidth(width);
    }
    QSize sizeHint() const override { return {width_, QToolButton::sizeHint().height()}; }

private:
    int width_ = 0;
};

} // namespace

SidebarSplitter::SidebarSplitter(QWidget* sidebar, QTabWidget* pages, QWidget* parent)
    : QSplitter(parent), pages_(pages), placeHolder_(new PlaceHolder(pages)) {
    placeHolder_->setObjectName(QStringLiteral("chapterListPlaceHolder"));
    placeHolder_->setText(tr("\u2630 Chapter list (F9)"));
    placeHolder_->setToolTip(tr("The chapter list stepped aside to give this page room. Click "
                                "or press F9 to show it here."));
    placeHolder_->setAutoRaise(true);
    placeHolder_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    placeHolder_->hide();
    connect(placeHolder_, &QToolButton::clicked, this, [this] { toggle(); });
    addWidget(sidebar);
    addWidget(pages);
    setChildrenCollapsible(false);
    setStretchFactor(0, 0);
    setStretchFactor(1, 1);
    connect(this, &QSplitter::splitterMoved, this, [this] { wanted_width_ = sizes().value(0); });
    connect(pages_, &QTabWidget::currentChanged, this, [this] {
        forced_ = false;
        place();
    });
}

int SidebarSplitter::sidebar() const {
    if (wanted_width_ > 0) {
        return wanted_width_;
    }
    return widget(0)->isHidden() ? widget(0)->width() : sizes().value(0);
}

int SidebarSplitter::pageWidth() const {
    return width() - handleWidth() - (widget(0)->isHidden() ? 0 : sidebar());
}

void SidebarSplitter::setSidebar(int width) {
    wanted_width_ = width;
    keepWidth();
}

void SidebarSplitter::setWanted(bool wanted) {
    wanted_ = wanted;
    forced_ = false;
    place();
}

void SidebarSplitter::toggle() {
    if (widget(0)->isHidden()) {
        wanted_ = true;
        forced_ = true;
    } else {
        wanted_ = false;
        forced_ = false;
    }
    place();
}

void SidebarSplitter::resizeEvent(QResizeEvent* event) {
    QSplitter::resizeEvent(event);
    if (width() < event->oldSize().width()) {
        forced_ = false; // less room: it decides again (the search opened, the window narrowed)
    }
    place();
}

bool SidebarSplitter::event(QEvent* event) {
    const bool done = QSplitter::event(event);
    if (event->type() == QEvent::LayoutRequest) {
        keepWidth(); // the list shown again: the splitter laid it out at a width of its own
    }
    return done;
}

void SidebarSplitter::place() {
    QWidget* list = widget(0);
    bool show = wanted_;
    const int room = width() - handleWidth() - sidebar();
    if (show && !forced_) {
        show =
            room >= (pages_->currentIndex() > 0 ? kLeastPageWidth : SearchDock::kLeastReaderWidth);
    }
    // Only where the list is beside the reader and steps aside for this tab: in a window too
    // narrow for it on any tab, the tabs do not move, and a list's width of empty bar would
    // squeeze them (300 of 500 px).
    showPlaceHolder(wanted_ && !show && room >= SearchDock::kLeastReaderWidth);
    const bool wasShown = !list->isHidden();
    if (show != wasShown) {
        list->setVisible(show);
        if (!show && wanted_ && pages_->currentIndex() > 0) {
            emit steppedAsideForPage();
        } else if (show) {
            emit shownAgain();
        }
    }
    keepWidth();
}

void SidebarSplitter::showPlaceHolder(bool shown) {
    // The tab bar starts where it starts beside the list: the list and the handle's width.
    const int width = sidebar() + handleWidth();
    if (shown == (pages_->cornerWidget(Qt::TopLeftCorner) != nullptr) &&
        (!shown || placeHolder_->width() == width)) {
        return;
    }
    if (shown) {
        static_cast<PlaceHolder*>(placeHolder_)->setWidth(width);
        pages_->setCornerWidget(placeHolder_, Qt::TopLeftCorner);
        placeHolder_->show();
    } else {
        pages_->setCornerWidget(nullptr, Qt::TopLeftCorner); // hides it
    }
}

void SidebarSplitter::keepWidth() {
    const QList<int> now = sizes();
    if (wanted_width_ <= 0 || now.size() != 2 || widget(0)->isHidden()) {
        return;
    }
    const int total = now[0] + now[1];
    // Not under the list's own minimum; the page keeps 100 px at least.
    const int least = std::max(widget(0)->minimumSizeHint().width(), widget(0)->minimumWidth());
    const int side = std::max(least, std::min(wanted_width_, total - 100));
    if (total > 0 && now[0] != side) {
        setSizes({side, total - side});
        // The page at its least width: the list is short of its width by what the window's
        // other panels (the search) would have to give.
        if (const int short_ = side - sizes().value(0); short_ > 1) {
            emit wantsRoom(short_);
        }
    }
}

} // namespace fg
