#include "widgets/controls/tab_bar.h"

#include "widgets/controls/accessible_factory.h"
#include "widgets/controls/own_focus.h"
#include "widgets/controls/shown_text.h"

#include <QAccessibleWidget>
#include <QHash>
#include <QPainter>
#include <QPointer>
#include <algorithm>

namespace fg {

namespace {

// One tab of a TabBar: a child interface without an object of its own (as Qt's).
class TabAccessible : public QAccessibleInterface, public QAccessibleActionInterface {
public:
    TabAccessible(QTabBar* bar, int index) : bar_(bar), index_(index) {}

    void* interface_cast(QAccessible::InterfaceType t) override {
        return t == QAccessible::ActionInterface ? static_cast<QAccessibleActionInterface*>(this)
                                                 : nullptr;
    }
    QObject* object() const override { return nullptr; }
    bool isValid() const override { return bar_ && index_ < bar_->count(); }
    QAccessible::Role role() const override { return QAccessible::PageTab; }
    QAccessible::State state() const override {
        QAccessible::State s;
        if (!isValid()) {
            s.invalid = true;
            return s;
        }
        const bool current = index_ == bar_->currentIndex();
        s.focusable = s.selectable = true;
        s.selected = current;
        s.focused = current && bar_->hasFocus();
        s.invisible = !bar_->isVisible() || !bar_->isTabVisible(index_);
        s.disabled = !bar_->isTabEnabled(index_);
        return s;
    }
    QRect rect() const override {
        return isValid() ? QRect(bar_->mapToGlobal(bar_->tabRect(index_).topLeft()),
                                 bar_->tabRect(index_).size())
                         : QRect();
    }
    QString text(QAccessible::Text t) const override {
        if (!isValid()) {
            return {};
        }
        if (t == QAccessible::Name) {
            const QString own = bar_->accessibleTabName(index_);
            return own.isEmpty() ? shownText(bar_->tabText(index_)) : own;
        }
        return t == QAccessible::Description ? bar_->tabToolTip(index_) : QString();
    }
    void setText(QAccessible::Text, const QString&) override {}
    QAccessibleInterface* parent() const override {
        return QAccessible::queryAccessibleInterface(bar_.data());
    }
    QAccessibleInterface* child(int) const override { return nullptr; }
    QAccessibleInterface* childAt(int, int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface*) const override { return -1; }

    QStringList actionNames() const override { return {pressAction()}; }
    void doAction(const QString& name) override {
        if (name == pressAction() && isValid()) {
            bar_->setCurrentIndex(index_);
        }
    }
    QStringList keyBindingsForAction(const QString&) const override { return {}; }
    int index() const { return index_; }

private:
    QPointer<QTabBar> bar_;
    int index_;
};

// The bar: its tabs first (Qt's QTabBar sends its focus and selection events with the tab's
// index as the child), then its child widgets (the scroll buttons).
class TabBarAccessible : public QAccessibleWidget {
public:
    explicit TabBarAccessible(QTabBar* bar) : QAccessibleWidget(bar, QAccessible::PageTabList) {}
    ~TabBarAccessible() override {
        for (QAccessible::Id id : std::as_const(tabs_)) {
            QAccessible::deleteAccessibleInterface(id);
        }
    }
    int childCount() const override { return bar()->count() + QAccessibleWidget::childCount(); }
    QAccessibleInterface* child(int index) const override {
        if (index < 0) {
            return nullptr;
        }
        if (index >= bar()->count()) {
            return QAccessibleWidget::child(index - bar()->count());
        }
        if (const auto id = tabs_.constFind(index); id != tabs_.cend()) {
            return QAccessible::accessibleInterface(*id);
        }
        auto* tab = new TabAccessible(bar(), index);
        tabs_.insert(index, QAccessible::registerAccessibleInterface(tab));
        return tab;
    }
    int indexOfChild(const QAccessibleInterface* child) const override {
        if (const auto* tab = dynamic_cast<const TabAccessible*>(child)) {
            return tab->index();
        }
        const int other = QAccessibleWidget::indexOfChild(child);
        return other < 0 ? -1 : bar()->count() + other;
    }
    QAccessible::State state() const override { // the current tab has the focus, not the bar
        QAccessible::State s = QAccessibleWidget::state();
        s.focused = s.focused && bar()->currentIndex() < 0;
        return s;
    }
    QAccessibleInterface* focusChild() const override {
        return bar()->hasFocus() && bar()->currentIndex() >= 0 ? child(bar()->currentIndex())
                                                               : nullptr;
    }
    QString text(QAccessible::Text t) const override {
        const QString own = QAccessibleWidget::text(t);
        return t == QAccessible::Name && own.isEmpty() && bar()->currentIndex() >= 0
                   ? child(bar()->currentIndex())->text(t) // as Qt's: the current tab's
                   : own;
    }

private:
    QTabBar* bar() const { return static_cast<QTabBar*>(widget()); }
    mutable QHash<int, QAccessible::Id> tabs_;
};

QAccessibleInterface* tabBarFactory(const QString& className, QObject* object) {
    (void)className;
    auto* bar = qobject_cast<TabBar*>(object);
    return bar ? new TabBarAccessible(bar) : nullptr;
}

} // namespace

TabBar::TabBar(QWidget* parent) : QTabBar(parent) {
    answerWith<TabBarAccessible>(tabBarFactory, this);
}

QRect TabBar::currentMarker() const {
    const QRect tab = tabRect(currentIndex());
    if (tab.isEmpty()) {
        return {};
    }
    // As thick as the type is large (a sixth of a line, 3 pixels at least), inside the tab along
    // its outer edge: along the edge that meets the page it ran into the page's focus frame,
    // of the same colour.
    const int thick = std::max(3, fontMetrics().height() / 6);
    switch (shape()) {
    case RoundedSouth:
    case TriangularSouth:
        return {tab.left(), tab.bottom() - thick + 1, tab.width(), thick};
    case RoundedWest:
    case TriangularWest:
        return {tab.left(), tab.top(), thick, tab.height()};
    case RoundedEast:
    case TriangularEast:
        return {tab.right() - thick + 1, tab.top(), thick, tab.height()};
    default:
        return {tab.left(), tab.top(), tab.width(), thick};
    }
}

void TabBar::paintEvent(QPaintEvent* event) {
    QTabBar::paintEvent(event);
    if (const QRect marker = currentMarker(); !marker.isEmpty()) {
        QPainter p(this);
        p.fillRect(marker, palette().color(QPalette::Highlight));
    }
}

LabTabs::LabTabs(QWidget* parent) : QTabWidget(parent) {
    setTabBar(new TabBar(this));
    keepOwnFocus(this); // its tab bar has the focus, not the group
    connect(this, &QTabWidget::currentChanged, this, &LabTabs::followCurrentPage);
}

void LabTabs::tabInserted(int index) {
    QTabWidget::tabInserted(index);
    followCurrentPage();
}

void LabTabs::followCurrentPage() {
    static constexpr const char* kOwnPolicy = "fgOwnVerticalPolicy";
    for (int i = 0; i < count(); ++i) {
        QWidget* page = widget(i);
        QSizePolicy policy = page->sizePolicy();
        if (!page->property(kOwnPolicy).isValid()) {
            page->setProperty(kOwnPolicy, int(policy.verticalPolicy()));
        }
        policy.setVerticalPolicy(i == currentIndex()
                                     ? QSizePolicy::Policy(page->property(kOwnPolicy).toInt())
                                     : QSizePolicy::Ignored);
        page->setSizePolicy(policy);
    }
    updateGeometry();
}

} // namespace fg
