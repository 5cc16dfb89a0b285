// PagePresenter: F5 on a page that has no slides (a Lab page, a study tool) gives the page the
// whole screen: the window full screen, without the chapter list, the tab bar, the status bar
// and (kept working, out of sight) the menu bar. The page stays live: a teacher runs the lab,
// steps, zooms (View > Zoom's keys), in the theme chosen (Projector for a room). Esc or F5
// (the window's key for it) gives the window back as it was. A line at the top says how to leave,
// for a few seconds.
#pragma once

#include <QObject>
#include <QPointer>
#include <QWidget>

class QLabel;
class QMainWindow;
class QShortcut;
class QTabWidget;

namespace fg {

class SidebarSplitter;

class PagePresenter : public QObject {
    Q_OBJECT
public:
    PagePresenter(QMainWindow* window, QTabWidget* tabs, SidebarSplitter* split);

    bool active() const { return active_; }
    // The chapter list as the student wants it outside the page's presentation (what the
    // settings keep while it is hidden for the page).
    bool sidebarWanted(bool now) const { return active_ ? sidebarWanted_ : now; }
    void start();
    void stop();
    // How long the line on leaving stays at the top.
    static constexpr int kHintMs = 4000;
    // A page presented has its type this many zoom steps larger (x1.46): the back of a classroom
    // reads it (a tester: a Lab page's sentences and tables stayed at 13 px in F5).
    static constexpr int kTypeSteps = 4;
    // The zoom steps the presentation added to `page`'s type (0 when it is not presented).
    int typeStepsAdded(const QWidget* page) const { return active_ && page == page_ ? added_ : 0; }
    QLabel* hint() const { return hint_; }

signals:
    void started();
    void stopped();

private:
    void placeHint();

    QMainWindow* window_;
    QTabWidget* tabs_;
    SidebarSplitter* split_;
    QShortcut* escape_ = nullptr;
    QLabel* hint_ = nullptr;
    bool active_ = false;
    QPointer<QWidget> page_; // the page presented
    int added_ = 0;          // the zoom steps its type was given
    bool sidebarWanted_ = true;
    bool statusShown_ = true;
    int menuMaxHeight_ = 0;
    Qt::WindowStates windowState_;
};

} // namespace fg
