#include "app/reader/search_dock.h"

#include "app/reader/search_panel.h"

#include <QMainWindow>
#include <QResizeEvent>
#include <QTabWidget>
#include <QTimer>
#include <algorithm>

namespace fg {

SearchDock::SearchDock(SearchPanel* panel, QTabWidget* pages, QMainWindow* window)
    : QDockWidget(tr("Search"), window), panel_(panel), pages_(pages), window_(window) {
    setObjectName(QStringLiteral("searchDock"));
    setWidget(panel);
    window->addDockWidget(Qt::RightDockWidgetArea, this);
    hide();
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (placing_) {
            return;
        }
        // Shown or closed by the student (Ctrl+F, the View menu, its close button).
        wanted_ = visible;
        if (visible && studentWidth_ == 0) {
            // About 40 characters the first time (its own size hint took ~400 px from the page
            // and the sidebar; 32 characters was a cramped column).
            studentWidth_ = firstWidth();
            window_->resizeDocks({this}, {roomyWidth(studentWidth_)}, Qt::Horizontal);
        }
    });
    connect(pages_, &QTabWidget::currentChanged, this, [this] { place(); });
    window_->installEventFilter(this);
}

int SearchDock::openWidth() const {
    if (isVisible()) {
        return width();
    }
    return studentWidth_ > 0 ? roomyWidth(studentWidth_) : firstWidth();
}

int SearchDock::roomyWidth(int width) const {
    // In a narrow window, the reader keeps its least width (opened at 500 px, the search took
    // 280 and left the reader 200: its heading broke inside words); 200 px at least.
    return std::max(200, std::min(width, window_->width() - kLeastReaderWidth));
}

int SearchDock::firstWidth() const {
    return panel_->fontMetrics().averageCharWidth() * 40 + 40;
}

void SearchDock::open() {
    if (!isVisible()) {
        show();
    }
    wanted_ = true;
}

void SearchDock::dismiss() {
    wanted_ = false;
    if (isVisible()) {
        placing_ = true;
        hide();
        placing_ = false;
    }
}

void SearchDock::leaveRoom(int pageWidth) {
    if (isVisible() && pages_->currentIndex() > 0 && pageWidth < kLeastPageWidth) {
        setShown(false);
        emit steppedAsideForPage();
    }
}

void SearchDock::setShown(bool shown) {
    if (shown == isVisible()) {
        return;
    }
    placing_ = true;
    setVisible(shown);
    if (shown && studentWidth_ > 0) {
        window_->resizeDocks({this}, {roomyWidth(studentWidth_)}, Qt::Horizontal);
    }
    placing_ = false;
}

void SearchDock::place(int widened) {
    if (!wanted_ || window_->isMinimized()) {
        return;
    }
    const bool reader = pages_->currentIndex() == 0;
    // The page's width with the search beside it: the room the pages and the search share
    // (`widened` more once the window's new width is laid out), less the search at its width.
    const int room =
        (pageRoom_ ? pageRoom_() : pages_->width()) + (isVisible() ? width() : 0) + widened;
    const bool show = room - openWidth() >= (reader ? kLeastReaderWidth : kLeastPageWidth);
    const bool wasShown = isVisible();
    setShown(show);
    if (wasShown && !show && !reader) {
        emit steppedAsideForPage();
    }
}

bool SearchDock::eventFilter(QObject* watched, QEvent* event) {
    if (watched == window_ && event->type() == QEvent::Resize) {
        const auto* resize = static_cast<QResizeEvent*>(event);
        const bool laidOut = resize->oldSize().isValid() && pages_->width() > 0;
        place(laidOut ? resize->size().width() - resize->oldSize().width() : 0);
        // A narrower window squeezed the search (to ~180 px at 500x400); widened again, it is
        // back at the student's width once the window is laid out.
        if (laidOut && resize->size().width() > resize->oldSize().width()) {
            QTimer::singleShot(0, this, [this] {
                if (isVisible() && studentWidth_ > width()) {
                    window_->resizeDocks({this}, {roomyWidth(studentWidth_)}, Qt::Horizontal);
                }
            });
        }
    }
    // The student's own drag of the separator between the search and the pages ends there.
    if (watched == window_ && event->type() == QEvent::MouseButtonRelease && isVisible()) {
        studentWidth_ = width();
    }
    return QDockWidget::eventFilter(watched, event);
}

} // namespace fg
