// SidebarSplitter: the chapter list beside the pages. The list keeps the width it has (a new
// tab, the search panel, a theme, a resized window: the page beside it takes the change); the
// student's own drag of the handle is what changes it.
//
// On a tab other than the reader (a live diagram, a study tool) in a window too narrow for both,
// the list steps aside, as the search does, so that the page has the window's width: at 1280 px
// beside the list a diagram's letters were 9-11 px high, too small on a projector. It is back on
// the reader's tab or when the window is widened. F9 (View > Chapter list) shows it on any tab
// until there is less room (the search opened there, the window narrowed), or hides it for good
// until F9 again. Where it stepped aside, a button in its place at the left of the tab bar says
// so and shows it (F9): the tabs stay where they were under the mouse (they moved ~300 px to the
// left when the list stepped aside, and a second click opened another tab).
#pragma once

#include <QSplitter>

class QTabWidget;
class QToolButton;

namespace fg {

class SidebarSplitter : public QSplitter {
    Q_OBJECT
public:
    // `sidebar` is the chapter list; `pages` the window's tabs, the reader first.
    SidebarSplitter(QWidget* sidebar, QTabWidget* pages, QWidget* parent);

    // The list's width when shown: the student's, else its width now.
    int sidebar() const;
    void setSidebar(int width);

    // F9: hidden for good when on screen; else shown on the tab on screen, whatever the room.
    void toggle();
    // The student's choice (remembered): false after F9 hid it.
    bool wanted() const { return wanted_; }
    void setWanted(bool wanted);

    // The pages' width beside the list as it is now (the whole width when it stepped aside),
    // before the layout catches up with a list just shown or hidden.
    int pageWidth() const;

    // The button in the list's place when it stepped aside (hidden otherwise).
    QToolButton* placeHolder() const { return placeHolder_; }

    // The least width a page other than the reader keeps beside the list.
    static constexpr int kLeastPageWidth = 1200;

signals:
    // The list stepped aside for the tab on screen (the window says where it went).
    void steppedAsideForPage();
    // Back on screen (the note that it stepped aside is over).
    void shownAgain();
    // The list is `pixels` short of its width, the page beside it at its least width.
    void wantsRoom(int pixels);

protected:
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;

private:
    // Shown or stepped aside, as the student's choice, the tab on screen and the room say.
    void place();
    void keepWidth();
    void showPlaceHolder(bool shown);

    QTabWidget* pages_;
    QToolButton* placeHolder_;
    int wanted_width_ = 0;
    bool wanted_ = true;
    bool forced_ = false; // F9 showed it on this tab, at this width, whatever the room
};

} // namespace fg
