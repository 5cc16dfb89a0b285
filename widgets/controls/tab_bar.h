// TabBar: a QTabBar whose tabs tell a screen reader the truth about the focus. Qt 6.4's tab
// interface says the current tab is focused whatever has the focus (QAccessibleTabButton::state:
// focused = current), so every tab bar of the window, those of hidden pages too, had a "focused"
// tab on the accessibility bus while the reader was on a drawing. A TabBar's tabs say focused
// only when the bar has the focus (the current tab), selected when current, and otherwise read as
// Qt's do: the tab's text without its '&', its tool tip as description, Press to pick it.
// The current tab is marked by a bar in the theme's highlight colour along its outer edge
// (Dark's current tab was only a shade lighter than the others: a tester).
// LabTabs: a QTabWidget with a TabBar (QTabWidget::setTabBar is protected), as tall at least as
// its current page needs, not its tallest (the Redis Lab's Failover tab, a line of text, kept
// the Resharding table's height, blank, over drawings squeezed to 8-px words: a tester).
#pragma once

#include <QTabBar>
#include <QTabWidget>

namespace fg {

class TabBar : public QTabBar {
    Q_OBJECT
public:
    explicit TabBar(QWidget* parent = nullptr);

    // Where the current tab's marker is drawn (empty: no current tab).
    QRect currentMarker() const;

protected:
    void paintEvent(QPaintEvent* event) override;
};

class LabTabs : public QTabWidget {
    Q_OBJECT
public:
    explicit LabTabs(QWidget* parent = nullptr);

protected:
    void tabInserted(int index) override;

private:
    // The pages other than the current one count for nothing in the least height (their
    // vertical size policy Ignored, the current page's its own).
    void followCurrentPage();
};

} // namespace fg
