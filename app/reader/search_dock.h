// SearchDock: the search panel's dock, beside the pages on the right. It opens about 40
// characters wide the first time, then at the width the student leaves it. The search is of the
// chapters and its results open in the reader: on another tab (a live diagram, a tool) in a
// window too narrow for both, it steps aside when that tab is shown, so the diagram keeps the
// room its letters need (at 1280 px with the search beside it a diagram's letters were 6-9 px
// high), and comes back on the reader's tab or when the window is widened. Ctrl+F shows it on any
// tab; Esc (dismiss) closes it until the next search. Of it and the chapter list, the one asked
// for last has a narrow window's room.
#pragma once

#include <QDockWidget>
#include <functional>

class QMainWindow;
class QTabWidget;

namespace fg {

class SearchPanel;

class SearchDock : public QDockWidget {
    Q_OBJECT
public:
    // `pages`: the window's tabs, the reader first.
    SearchDock(SearchPanel* panel, QTabWidget* pages, QMainWindow* window);

    // Shows the search on the tab on screen, whatever the room (Ctrl+F).
    void open();
    // Closes it until the student searches again (Esc, or its close button).
    void dismiss();
    // Something else asked for last (F9's chapter list) leaves the page beside the search
    // `pageWidth` wide: on a tab other than the reader, under the least width, the search steps
    // aside (back on the Reader tab or in a wider window).
    void leaveRoom(int pageWidth);
    // The width the pages have beside the panels shown now, the search aside: the window
    // tells, so that a chapter list that stepped aside for the same tab is counted as room
    // (the pages are not laid out again yet when the tab changes: reached from the Reader, a
    // diagram lost the search, reached from another diagram it kept it). Unset: the pages' width.
    void setPageRoom(std::function<int()> room) { pageRoom_ = std::move(room); }
    // The least width a page other than the reader keeps beside the search: more than a
    // 1280-px window leaves beside a search at its least width (200 px), so that on a laptop a
    // diagram's letters are as large with the search open as without it.
    static constexpr int kLeastPageWidth = 1100;
    // The least width the reader keeps beside it (at 500x400 the reader beside the list and the
    // search was ~110 px: a heading broke letter by letter).
    static constexpr int kLeastReaderWidth = 420;

signals:
    // The search stepped aside for the tab on screen (the window says where it went).
    void steppedAsideForPage();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // Shown or stepped aside, as the tab on screen and the room say (the window `widened` by
    // that many pixels that its pages do not have yet).
    void place(int widened = 0);
    void setShown(bool shown);
    int openWidth() const;           // its width, or the one it will open at
    int firstWidth() const;          // about 40 characters of the panel's type
    int roomyWidth(int width) const; // `width`, less what the reader's least width needs

    SearchPanel* panel_;
    QTabWidget* pages_;
    std::function<int()> pageRoom_;
    QMainWindow* window_;
    bool wanted_ = false;  // open, as far as the student is concerned
    bool placing_ = false; // the dock's own show or hide: not the student's
    // Its first width, or the one the student dragged it to (0: never opened); a narrow window
    // squeezes it, and it is back at this width, as far as the reader's least width allows.
    int studentWidth_ = 0;
};

} // namespace fg
