#include "app/page_tabs.h"

#include "widgets/controls/own_focus.h"
#include "widgets/controls/tab_bar.h"
#include "widgets/playback/player.h"

#include <QActionGroup>
#include <QMenu>
#include <QSizePolicy>
#include <QTabBar>
#include <QToolButton>
#include <QVariant>
#include <algorithm>

namespace fg {

namespace {

class PageTabBar : public TabBar {
public:
    using TabBar::TabBar;

protected:
    // Qt elides a name down to three characters ("R...") before it scrolls: eight more.
    QSize minimumTabSizeHint(int index) const override {
        const QSize least = QTabBar::minimumTabSizeHint(index);
        const QSize whole = tabSizeHint(index);
        return {std::min(whole.width(), least.width() + fontMetrics().averageCharWidth() * 8),
                least.height()};
    }
};

} // namespace

PageTabs::PageTabs(QWidget* parent) : QTabWidget(parent) {
    setTabBar(new PageTabBar(this));
    keepOwnFocus(this); // focused for a screen reader only when it has the focus, not its bar
    setDocumentMode(true);
    setTabsClosable(true);
    // Without elision the bar scrolled the Reader tab away at 1280x800; without scroll buttons
    // its least width was every tab's, and sixteen open tabs held the window at 1545 px, the
    // page on screen cut at the right.
    setElideMode(Qt::ElideRight);
    setUsesScrollButtons(true);
    connect(this, &QTabWidget::currentChanged, this, &PageTabs::sizeToPageOnScreen);
    allTabs_ = new QToolButton(this);
    allTabs_->setText(tr("All tabs"));
    allTabs_->setAccessibleName(tr("All tabs"));
    allTabs_->setToolTip(tr("Every open page by its whole title: pick one to go to it"));
    allTabs_->setPopupMode(QToolButton::InstantPopup);
    allTabs_->setAutoRaise(true);
    auto* menu = new QMenu(allTabs_);
    allTabs_->setMenu(menu);
    connect(menu, &QMenu::aboutToShow, this, &PageTabs::fillAllTabsMenu);
    setCornerWidget(allTabs_, Qt::TopRightCorner);
}

void PageTabs::fillAllTabsMenu() {
    QMenu* menu = allTabs_->menu();
    menu->clear();
    qDeleteAll(menu->findChildren<QActionGroup*>(Qt::FindDirectChildrenOnly));
    // A dot at the page shown (one of a group): a tick box read as "shown or hidden" (a tester).
    auto* group = new QActionGroup(menu);
    group->setExclusive(true);
    for (int i = 0; i < count(); ++i) {
        // The whole title: the tooltip holds it where the tab's text is short ("Reader").
        const QString whole = tabToolTip(i).isEmpty() ? tabText(i) : tabToolTip(i);
        QAction* a = menu->addAction(QString(whole).replace(QLatin1Char('&'), QLatin1String("&&")));
        a->setCheckable(true);
        a->setChecked(i == currentIndex());
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, page = widget(i)] {
            if (const int at = indexOf(page); at >= 0) {
                setCurrentIndex(at);
            }
        });
    }
}

QString PageTabs::closePage(int index) {
    if (index <= 0 || index >= count()) {
        return {};
    }
    QWidget* page = widget(index);
    const QString text = tabText(index);
    if (page->property("endsOnClose").toBool()) {
        removeTab(index);
        page->deleteLater(); // a Lab page: its helper and servers end with it
        return text;
    }
    closed_.push_back({page, text, tabToolTip(index), index});
    removeTab(index); // the page stays the stack's child, hidden
    for (Player* player : page->findChildren<Player*>()) {
        player->pause(); // a hidden page does not play on
    }
    if (closed_.size() > static_cast<std::size_t>(kKeptClosed)) {
        if (closed_.front().page) {
            closed_.front().page->deleteLater();
        }
        closed_.erase(closed_.begin());
    }
    return closed_.back().text;
}

QWidget* PageTabs::reopenClosedPage() {
    while (!closed_.empty()) {
        Closed last = closed_.back();
        closed_.pop_back();
        if (last.page) {
            const int at = insertTab(std::clamp(last.index, 1, count()), last.page, last.text);
            setTabToolTip(at, last.toolTip);
            setCurrentIndex(at);
            return last.page;
        }
    }
    return nullptr;
}

void PageTabs::forgetClosed(const char* property, const QString& value) {
    std::erase_if(closed_, [&](const Closed& c) {
        if (c.page && c.page->property(property).toString() == value) {
            c.page->deleteLater();
            return true;
        }
        return false;
    });
}

void PageTabs::tabInserted(int index) {
    QTabWidget::tabInserted(index);
    sizeToPageOnScreen();
}

void PageTabs::sizeToPageOnScreen() {
    static constexpr const char* kOwnPolicy = "fgOwnSizePolicy";
    for (int i = 0; i < count(); ++i) {
        QWidget* page = widget(i);
        if (!page->property(kOwnPolicy).isValid()) {
            page->setProperty(kOwnPolicy, QVariant::fromValue(page->sizePolicy()));
        }
        page->setSizePolicy(i == currentIndex()
                                ? page->property(kOwnPolicy).value<QSizePolicy>()
                                : QSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored));
    }
}

} // namespace fg
