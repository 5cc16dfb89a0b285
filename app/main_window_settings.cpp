// MainWindow (main_window.h): what it remembers between runs (QSettings), read and written,
// and the page zoom it keeps per kind of page.
#include "app/export_actions.h"
#include "app/main_window.h"
#include "app/notice_bar.h"
#include "app/page_presenter.h"
#include "app/page_tabs.h"
#include "app/page_zoom.h"
#include "app/reader/reader_view.h"
#include "app/sidebar_splitter.h"

#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>
#include <algorithm>

namespace fg {

namespace {

// The groups of keys the app writes to its settings file: reader/ and view/ and window/ (this
// window), export/ (the export dialog), scenarios/ (the Scenario menu). A key outside them came
// from elsewhere (a damaged or foreign file): it is ignored, and dropped when the settings are
// saved, so junk is not carried from save to save. A new group of settings is added here.
bool knownSettingsKey(const QString& key) {
    static const QStringList groups = {QStringLiteral("reader/"), QStringLiteral("view/"),
                                       QStringLiteral("window/"), QStringLiteral("export/"),
                                       QStringLiteral("scenarios/")};
    return std::any_of(groups.begin(), groups.end(),
                       [&](const QString& g) { return key.startsWith(g); });
}

constexpr QSize kMinimumWindow(800, 500);

} // namespace

void MainWindow::saveSettings() const {
    if (progress_ && progress_->isDirty()) {
        progress_->save();
    }
    QSettings s;
    for (const QString& key : s.allKeys()) {
        if (!knownSettingsKey(key)) {
            s.remove(key);
        }
    }
    s.setValue("reader/chapter", currentChapterId());
    s.setValue("reader/section", reader_->currentSection());
    s.setValue("reader/zoom", reader_->zoom());
    s.setValue("view/theme", themeChoiceName(themeChoice_));
    s.setValue("view/safeColours", appTheme_.safeColours());
    if (!pagePresenter_->active()) { // not the full screen of a page presented (F5)
        s.setValue("window/geometry", saveGeometry());
        s.setValue("window/state", saveState());
    }
    s.setValue("window/sidebar", split_->sidebar());
    s.setValue("window/chapterList", pagePresenter_->sidebarWanted(split_->wanted()));
    s.sync(); // on disk now: a kill right after loses nothing
}

void MainWindow::restoreSettings() {
    QSettings s;
    // A settings file that is not ours (junk, or unreadable) is said once: its unknown keys are
    // dropped at the next save, so the next start finds a clean file.
    int unknown = 0;
    for (const QString& key : s.allKeys()) {
        unknown += knownSettingsKey(key) ? 0 : 1;
    }
    if (s.status() != QSettings::NoError || unknown > 0) {
        showNotice(
            damageNotice_,
            (damageNotice_->isVisible()
                 ? damageNotice_->findChild<QLabel*>(QStringLiteral("text"))->text() +
                       QStringLiteral("\n")
                 : QString()) +
                tr("Your settings file %1 is damaged or holds settings Field Guide does "
                   "not know (%n unknown entries); they are ignored and will be removed "
                   "at the next change of a setting. Settings that were not valid are back to "
                   "their defaults.",
                   "", unknown)
                    .arg(QDir::toNativeSeparators(s.fileName())));
    }
    // A geometry is used only if it is at least the minimum size and mostly on a screen: a
    // damaged one opened a window of 201 x 117 pixels.
    const bool restored =
        s.contains("window/geometry") && restoreGeometry(s.value("window/geometry").toByteArray());
    bool fits = false;
    if (restored) {
        const QRect g = geometry();
        for (const QScreen* screen : QGuiApplication::screens()) {
            const QRect on = screen->availableGeometry().intersected(g);
            fits = fits || (qint64(on.width()) * on.height() * 2 >= qint64(g.width()) * g.height());
        }
        fits = fits && g.width() >= kMinimumWindow.width() && g.height() >= kMinimumWindow.height();
    }
    if (fits) {
        // No larger than the screen it is on, and wholly on it: a window left at 922x938 on a
        // 1920x1080 screen came back 170 px taller than a 1024x768 one, the foot of every page
        // out of reach (tester 45).
        QRect g = geometry();
        const QScreen* on = QGuiApplication::screenAt(g.center());
        if (const QRect room = (on ? on : screen())->availableGeometry(); !room.contains(g)) {
            g.setSize(g.size().boundedTo(room.size()));
            g.moveTo(std::clamp(g.x(), room.left(), room.right() + 1 - g.width()),
                     std::clamp(g.y(), room.top(), room.bottom() + 1 - g.height()));
            setGeometry(g);
        }
    }
    if (!fits) { // the default, as on a first start
        setWindowState(Qt::WindowNoState);
        // 90% of the screen's room, whatever its size or the type's scale (a fixed 1600x1000
        // went past the edges of a 1280x800 screen, and of a 1920x1080 one at 150%), and never
        // more than the room: the minimum gives way on a screen smaller than it.
        QSize size(1600, 1000);
        if (const QScreen* on = screen()) {
            const QSize room = on->availableGeometry().size();
            size = (room * 0.9).expandedTo(kMinimumWindow).boundedTo(room);
        }
        resize(size);
    }
    restoreState(s.value("window/state").toByteArray());
    // The sidebar's width the student chose, set once the window has its size (showEvent).
    sidebarWidth_ = std::max(0, s.value("window/sidebar", 0).toInt());
    split_->setWanted(s.value("window/chapterList", true).toBool());
    appTheme_.setSafeColours(s.value("view/safeColours", false).toBool());
    safeColoursAction_->setChecked(appTheme_.safeColours());
    setThemeChoice(themeChoiceFromName(s.value("view/theme").toString()));
    reader_->setZoom(s.value("reader/zoom", 0).toInt());
    reader_->expectRoom(width() -
                        (split_->wanted() ? std::max(sidebarWidth_, split_->sidebar()) : 0));
    const int chapter = std::max(0, course_.indexOf(s.value("reader/chapter").toString()));
    showSection(chapter, s.value("reader/section").toString());
    if (!s.contains("reader/chapter")) {
        // The first start: nothing told a new student where to begin (a tester), and a line in
        // the status bar went after 30 seconds, or at the first menu looked at (a tester): a bar
        // that stays until it is closed.
        welcomeWanted_ = true;
        showNotice(welcomeNotice_,
                   tr("Welcome to fieldguide. Read the course from its first chapter, above, or "
                      "pick a chapter in the list on the left. The decision wizard (Study menu) "
                      "helps you choose a database for a job; F1 lists the keys."));
    }
}

void MainWindow::buildWelcome() {
    welcomeNotice_ = makeNoticeBar(this, QStringLiteral("welcomeNotice"), NoticeKind::Welcome);
    auto* wizard = welcomeNotice_->findChild<QPushButton*>(QStringLiteral("action"));
    wizard->setText(tr("Open the decision wizard"));
    wizard->show();
    connect(wizard, &QPushButton::clicked, this, [this] {
        welcomeWanted_ = false;
        openTool(QStringLiteral("wizard"));
    });
    connect(welcomeNotice_->findChild<QPushButton*>(QStringLiteral("close")), &QPushButton::clicked,
            this, [this] { welcomeWanted_ = false; });
    // On the Reader tab only: it is about where to read, and over a diagram it took the
    // drawing's room.
    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        welcomeNotice_->setVisible(welcomeWanted_ && tabs_->currentWidget() == reader_);
    });
}

void MainWindow::keepSoon() {
    keepTimer_->start(); // restarted by each change: one write after a burst of them
}

void MainWindow::moveEvent(QMoveEvent* event) {
    QMainWindow::moveEvent(event);
    keepSoon();
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    keepSoon();
}

// Each kind of tool page keeps its own type zoom (the wizard read from afar, the matrix close).
QString MainWindow::typeZoomKey(const QWidget* page) {
    const QString tool = page->property("toolId").toString();
    return QStringLiteral("view/zoom/") +
           (tool.isEmpty() ? page->property("diagramId").toString() : tool);
}

void MainWindow::zoomCurrentPage(int direction) {
    QWidget* w = tabs_->currentWidget();
    Page* page = pageOf(w);
    // A page with a zoom of its own zooms it; a Lab page its type too (its sentences and tables
    // stayed small beside the drawings, a tester).
    if (!page || (page->zoomPage(direction) && !page->zoomsTypeToo())) {
        return;
    }
    const int presented = pagePresenter_->typeStepsAdded(w); // F5's larger type, not kept
    setTypeZoom(w, direction == 0 ? presented : typeZoom(w) + direction);
    QSettings().setValue(typeZoomKey(w), typeZoom(w) - presented);
    keepSoon(); // the reader's zoom
}

} // namespace fg
