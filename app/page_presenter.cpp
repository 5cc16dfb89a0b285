#include "app/page_presenter.h"

#include "app/page_zoom.h"
#include "app/sidebar_splitter.h"

#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QShortcut>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>

namespace fg {

PagePresenter::PagePresenter(QMainWindow* window, QTabWidget* tabs, SidebarSplitter* split)
    : QObject(window), window_(window), tabs_(tabs), split_(split) {
    // F5 is View > Presentation mode's key: the window stops the page's presentation on it.
    escape_ = new QShortcut(QKeySequence(Qt::Key_Escape), window_);
    escape_->setEnabled(false);
    connect(escape_, &QShortcut::activated, this, &PagePresenter::stop);
    hint_ = new QLabel(window_);
    hint_->setObjectName(QStringLiteral("pagePresentHint"));
    hint_->setText(tr("Esc or F5 leaves the full screen"));
    hint_->setAlignment(Qt::AlignCenter);
    hint_->setAutoFillBackground(true);
    hint_->setBackgroundRole(QPalette::ToolTipBase); // apart from the page under it
    hint_->setForegroundRole(QPalette::ToolTipText);
    hint_->setFrameShape(QFrame::Box);
    hint_->setMargin(8);
    hint_->hide();
}

void PagePresenter::start() {
    if (active_) {
        return;
    }
    active_ = true;
    windowState_ = window_->windowState();
    sidebarWanted_ = split_->wanted();
    statusShown_ = window_->statusBar()->isVisible();
    menuMaxHeight_ = window_->menuBar()->maximumHeight();
    split_->setWanted(false);
    page_ = tabs_->currentWidget();
    if (page_) {
        const int before = typeZoom(page_);
        setTypeZoom(page_, before + kTypeSteps);
        added_ = typeZoom(page_) - before;
    }
    tabs_->tabBar()->hide();
    window_->statusBar()->hide();
    // Out of sight but not hidden: a hidden menu bar's actions lose their keys (View > Zoom).
    window_->menuBar()->setMaximumHeight(0);
    window_->setWindowState(windowState_ | Qt::WindowFullScreen);
    escape_->setEnabled(true);
    hint_->adjustSize();
    hint_->raise();
    hint_->show();
    placeHint();
    QTimer::singleShot(100, this, &PagePresenter::placeHint); // once the screen is filled
    QTimer::singleShot(kHintMs, hint_, &QWidget::hide);
    emit started();
}

void PagePresenter::stop() {
    if (!active_) {
        return;
    }
    active_ = false;
    escape_->setEnabled(false);
    hint_->hide();
    window_->menuBar()->setMaximumHeight(menuMaxHeight_);
    window_->statusBar()->setVisible(statusShown_);
    tabs_->tabBar()->show();
    split_->setWanted(sidebarWanted_);
    if (page_) {
        setTypeZoom(page_, typeZoom(page_) - added_);
    }
    page_ = nullptr;
    added_ = 0;
    window_->setWindowState(windowState_);
    emit stopped();
}

void PagePresenter::placeHint() {
    // At the foot: the page's first line (its introduction) stays readable (a tester).
    hint_->move((window_->width() - hint_->width()) / 2, window_->height() - hint_->height() - 8);
}

} // namespace fg
