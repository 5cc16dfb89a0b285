// WindowTabOrder: Tab and Shift+Tab go through the main window's parts in the order they read
// (tester 36 #6): the notices on top, the chapter list on the left, the tabs, the page on
// screen, the search on the right, then round again. Inside a part Qt's own order stands (a
// page orders its own stops); leaving a part, Tab goes to the next part's first stop and
// Shift+Tab to the previous part's last. Qt's chain followed the order the widgets were made:
// from the reader Tab skipped the list for the tabs, and from a study tool it went to the list
// only after the page.
#pragma once

#include <QList>
#include <functional>

class QWidget;

namespace fg {

class WindowTabOrder {
public:
    // A part of the window: the stops under `root` (itself included) but those under `except`
    // (the tabs' part leaves out their page). A part that is null or hidden is passed over.
    struct Part {
        QWidget* root = nullptr;
        QWidget* except = nullptr;
    };
    // `parts`: the window's parts in reading order, asked again at each key (a tab changes).
    explicit WindowTabOrder(std::function<QList<Part>()> parts);

    // Where Tab (`next`) or Shift+Tab goes from `focus` in `window` when Qt's chain would leave
    // focus's part for another than its neighbour; null when Qt's own move is right (it stays
    // in the part, or the focus is in no part).
    QWidget* redirect(QWidget* window, QWidget* focus, bool next) const;

private:
    std::function<QList<Part>()> parts_;
};

} // namespace fg
