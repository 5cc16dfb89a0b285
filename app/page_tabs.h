// PageTabs: the window's tabs (the reader, the live diagrams, the tools). With many pages open
// their names are elided first, so that the bar keeps every tab in view, then the bar scrolls;
// each name keeps its first eight characters or so before it scrolls ("Redis Cl...", never
// "R..."): a tab is found by what it says, its tooltip has the whole title. Its least size is the
// page on screen's, not the largest of every page's (a diagram's controls held the window at
// 1416 px with the reader and the search on screen). At the bar's right, "All tabs" lists every
// page by its whole title and goes to the one picked: with a dozen pages open the Reader's tab
// had scrolled out of sight, the others read "B-Tree vs ...".
#pragma once

#include <QTabWidget>

class QToolButton;

namespace fg {

class PageTabs : public QTabWidget {
    Q_OBJECT
public:
    explicit PageTabs(QWidget* parent = nullptr);

    // The "All tabs" button (its menu is filled as it opens).
    QToolButton* allTabsButton() const { return allTabs_; }

protected:
    void tabInserted(int index) override;

private:
    // The pages not on screen take no room in the least size (QSizePolicy::Ignored); the page
    // on screen has its own policy back.
    void sizeToPageOnScreen();
    // The menu of every page, the one on screen checked.
    void fillAllTabsMenu();

    QToolButton* allTabs_ = nullptr;
};

} // namespace fg
