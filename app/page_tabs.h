// PageTabs: the window's tabs (the reader, the live diagrams, the tools). With many pages open
// their names are elided first, so that the bar keeps every tab in view, then the bar scrolls;
// each name keeps its first eight characters or so before it scrolls ("Redis Cl...", never
// "R..."): a tab is found by what it says, its tooltip has the whole title. Its least size is the
// page on screen's, not the largest of every page's (a diagram's controls held the window at
// 1416 px with the reader and the search on screen). At the bar's right, "All tabs" lists every
// page by its whole title and goes to the one picked: with a dozen pages open the Reader's tab
// had scrolled out of sight, the others read "B-Tree vs ...".
//
// A closed tab is kept, as it was, for Ctrl+Shift+T (File > Reopen closed tab), as a web
// browser does: Ctrl+W on a B-Tree built key by key threw the student's work away with no way
// back (a tester). The last kKeptClosed closed pages are kept, paused and hidden; older ones go.
#pragma once

#include <QPointer>
#include <QTabWidget>
#include <vector>

class QToolButton;

namespace fg {

class PageTabs : public QTabWidget {
    Q_OBJECT
public:
    explicit PageTabs(QWidget* parent = nullptr);

    // The "All tabs" button (its menu is filled as it opens).
    QToolButton* allTabsButton() const { return allTabs_; }

    static constexpr int kKeptClosed = 5;

    // Closes tab `index`, keeping its page (its playback paused) for reopenClosedPage(); a page
    // whose property "endsOnClose" is true is deleted instead (a Lab page: its servers stop). The
    // Reader's tab (index 0) stays. Returns the closed tab's text, empty when nothing closed.
    QString closePage(int index);
    // Brings the page closed last back where it was, on screen, as it was; null when none is kept.
    QWidget* reopenClosedPage();
    // How many closed pages can come back.
    int closedCount() const { return static_cast<int>(closed_.size()); }
    // Deletes the kept closed pages whose `property` is `value` (the same diagram or tool opened
    // afresh: two tabs of one name would be a puzzle).
    void forgetClosed(const char* property, const QString& value);

protected:
    void tabInserted(int index) override;

private:
    // The pages not on screen take no room in the least size (QSizePolicy::Ignored); the page
    // on screen has its own policy back.
    void sizeToPageOnScreen();
    // The menu of every page, the one on screen checked.
    void fillAllTabsMenu();

    struct Closed {
        QPointer<QWidget> page;
        QString text;
        QString toolTip;
        int index = 0;
    };

    QToolButton* allTabs_ = nullptr;
    std::vector<Closed> closed_; // the last closed at the back
};

} // namespace fg
