// MainWindow: the course on screen: the chapter tree on the left, the reader (and any live
// diagrams opened from it, as tabs) in the middle, search on the right. It owns the menus and
// keyboard shortcuts, the theme and zoom, and remembers where the student was (QSettings).
// main_window.cpp builds the window and moves about the course; main_window_menus.cpp the menus,
// main_window_study.cpp notes, bookmarks, progress and the study tools, main_window_settings.cpp
// what is remembered, main_window_help.cpp the keyboard sheet and About.
#pragma once

#include "app/app_theme.h"
#include "app/presentation/presentation.h"
#include "models/course/course.h"
#include "models/study/progress_store.h"
#include "models/study/quiz_deck.h"
#include "widgets/canvas/page.h"

#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

class QDockWidget;
class QTabWidget;
class QAction;
class QActionGroup;
class QTimer;
class QMenu;
class QSplitter;

namespace fg {

class PagePresenter;

class ChapterTree;
class PageTabs;
class ReaderView;
class SearchDock;
class SearchPanel;
class SidebarSplitter;
class WindowTabOrder;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Course course, QWidget* parent = nullptr);
    ~MainWindow() override;

    const Course& course() const { return course_; }
    ReaderView* reader() { return reader_; }
    ChapterTree* tree() { return tree_; }
    SearchPanel* search() { return search_; }
    QTabWidget* tabs();

    void showSection(int chapter, const QString& sectionId);
    void goSection(int delta);
    void goChapter(int delta);
    // Ctrl+PgDown / Ctrl+PgUp: the next or previous tab, round from the last to the first.
    void goTab(int delta);
    void openDiagram(const QString& id);
    // Closes tab `index` (File > Close tab, Ctrl+W, its x), kept for reopenClosedTab(); the
    // Reader's stays.
    void closeTab(int index);
    // File > Reopen closed tab (Ctrl+Shift+T): the page closed last, as it was.
    void reopenClosedTab();
    void setThemeChoice(ThemeChoice choice);
    // View > Colours for colour blindness: the palette safe for colour-vision deficiencies in
    // every theme (Theme::withSafeColours), remembered as the theme is.
    void setSafeColours(bool safe);
    void saveSettings() const;
    // Settings and the open tabs kept a second after they change (a theme, a tab opened or
    // closed, a section read, the window moved), not only at a clean quit: a killed app (a
    // crash, kill -9, a lost session) starts again as it was a second before.
    void keepSoon();
    static constexpr int kKeepDelayMs = 1000;
    // The tabs open at quit (each diagram's scenario and step, each tool), kept in
    // sessionPath() when the window closes and opened again by restoreSession() at the next
    // start (main.cpp; a test's window starts without them).
    static QString sessionPath();
    void saveSession() const;
    void restoreSession();
    void exportDiagram();
    void exportAnimation();
    // F5: presents what is on screen: the live diagram of the current tab as it stands, or the
    // chapter being read from its first slide (`fromSection`, Shift+F5: from the slide of the
    // section on screen). Leaving a chapter's slides, the reader shows the section of the slide
    // shown last.
    void startPresentation(bool fromSection = false);
    // A study tool as a tab (one of studyTools(): "wizard", "matrix", "quorum", "quiz"...), or
    // the tab already showing it. An unknown id opens nothing.
    void openTool(const QString& id);
    // Study > Note on this section (Ctrl+Shift+N); setSectionNote saves at once.
    void editSectionNote();
    void setSectionNote(const QString& chapter, const QString& section, const QString& text);
    PresentationWindow* presentation() const { return presentation_; }
    PagePresenter* pagePresenter() const { return pagePresenter_; }
    const Chapter* currentChapter() const;
    ProgressStore* progress() { return progress_.get(); }
    // Study > Bookmark this section (Ctrl+D): on or off, saved at once.
    void toggleBookmark();
    // The chapter list's marks of bookmarks and notes (ChapterTree::setSectionMarks): of one
    // section, or (empty chapter) of every section with either.
    void markStudyAids(const QString& chapter = {}, const QString& section = {});
    // Study > Your bookmarks and notes: every bookmarked or noted section in the course's order,
    // each opening its section (they were only in the chapter list and My progress: tester 40).
    void fillMarkedSections(QMenu* menu);
    static constexpr int kMarkedSectionsListed = 30; // then "All of them: My progress"
    // Saves the progress if anything changed; on failure the save notice stays on top of the
    // window (the change is kept in memory and saving is tried again at the next change).
    bool saveProgress();
    // The bars on top of the window: a damaged progress file (what was kept, where the damaged
    // copy is) and a progress save that failed. Hidden when there is nothing to say.
    QWidget* damageNotice() const { return damageNotice_; }
    // The first start's welcome: where to begin, the decision wizard and the keys.
    QWidget* welcomeNotice() const { return welcomeNotice_; }
    QWidget* saveNotice() const { return saveNotice_; }
    // Before quitting: true when the progress is saved, or the student chose to quit anyway.
    bool confirmProgressSaved();
    // The quiz's cards, read from the course's folder the first time they are needed (a quiz,
    // the progress page, the Anki export): not before the window is first painted.
    const QuizDeck& quizDeck() const;

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void moveEvent(QMoveEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    // Tab goes through the window's parts as they read (WindowTabOrder).
    bool focusNextPrevChild(bool next) override;

private:
    // The Study menu's tools, one row each, in the menu's order: the menu, openTool and the
    // session (which reopens tools by id) read the rows. A new tool is a row here.
    struct StudyTool {
        QString id;
        QString menuText;
        QString tabName; // short, for its tab; the page's title is the tab's tooltip
        int group;       // the menu puts a line between groups; kLabGroup: the Lab menu
        bool studyType;  // set in the study type, as pages read as a whole
        // Its page, not yet themed; problems in its content files are added to `errors`.
        std::function<QWidget*(QWidget* parent, std::vector<ContentError>& errors)> make;
    };
    static constexpr int kLabGroup = 3;
    std::vector<StudyTool> studyTools();
    // A "Practice this" button on a live diagram whose engine has exercises.
    void offerPractice(QWidget* view, const QString& diagramId);
    // The open B-Tree or Redis diagram's keys offered to a Lab page (`page`, any tab's page).
    // `pick`: the page has just opened (its choice becomes the diagram's); later offers keep the
    // entry up to date and leave the student's choice as it is.
    void offerDiagramKeys(QWidget* page, bool pick);
    bool offerDiagramScenario(QWidget* page, bool pick);
    std::optional<nlohmann::json> openDiagramScenario(const QString& engine) const;
    // Study > Practice on `topic` (a diagram's "Practice this").
    void openPractice(const QString& topic);
    // Practice's "Show me": the live diagram `diagram` playing `scenario` (JSON), at step
    // `fromStep` (the exercise's own operation comes next).
    void showPracticeScenario(const QString& diagram, const QByteArray& scenario, int fromStep);
    void buildMenus();
    void restoreSettings();
    // The first start's welcome bar (shown by restoreSettings), on the Reader tab only.
    void buildWelcome();
    // Over `over` (the slides' window), else over this window.
    void showKeyboardHelp(QWidget* over = nullptr);
    void showAbout();
    void toggleFullScreen();
    void updateWindowTitle();
    void followTabInSidebar();
    // The chapter list's arrows moved its mark to (chapter, section).
    void browseSection(int chapter, const QString& sectionId);
    void focusStudyPage();
    // View > Zoom in (+1), out (-1) or reset (0) on the tab on screen: the page's own zoom (the
    // reader, a diagram) or its type (a tool, kept per kind in the settings).
    void zoomCurrentPage(int direction);
    static QString typeZoomKey(const QWidget* page);
    // F3 / Shift+F3: the next or previous search hit, saying when the search wraps around.
    // Across the chapters: past the last hit of a chapter, the first of the next one with hits.
    void findNext(bool backward);
    // Esc: the search panel closed and its highlights taken off.
    void closeSearch();
    // After an export: `sentence` ("Diagram saved as %1.") naming the file written, in the status
    // bar; nothing when `path` is empty (nothing was written).
    void saySaved(const QString& sentence, const QString& path);
    // A status-bar hint about the tab shown ("Open a live diagram ... to export it"): gone when
    // another tab is shown (it was still there in the export dialog of the diagram opened
    // meanwhile: a tester), else after `ms`.
    void showTabHint(const QString& text, int ms);
    // After a dialog: the window active again and the keyboard back where it was.
    void afterDialog(QWidget* focus);
    QString currentChapterId() const;
    // What the current tab's page exports, if anything.
    std::optional<Exportable> currentExportable() const;

    Course course_;
    AppTheme appTheme_;
    ThemeChoice themeChoice_ = ThemeChoice::System;
    QAction* safeColoursAction_ = nullptr;
    Theme theme_;
    ChapterTree* tree_ = nullptr;
    ReaderView* reader_ = nullptr;
    PageTabs* tabs_ = nullptr;
    SearchPanel* search_ = nullptr;
    SearchDock* searchDock_ = nullptr;
    QActionGroup* themeGroup_ = nullptr;
    QTimer* keepTimer_ = nullptr; // keepSoon()
    QPointer<PresentationWindow> presentation_;
    PagePresenter* pagePresenter_ = nullptr; // F5 on a page without slides
    QString tabHint_;                        // showTabHint's last hint
    QMenu* studyMenu_ = nullptr;
    std::unique_ptr<ProgressStore> progress_;
    QWidget* welcomeNotice_ = nullptr;
    bool welcomeWanted_ = false; // a first start's, on the Reader tab until it is closed
    QWidget* damageNotice_ = nullptr;
    QWidget* saveNotice_ = nullptr;
    mutable std::optional<QuizDeck> deck_;
    QString lastQuery_; // the search F3 goes through
    SidebarSplitter* split_ = nullptr;
    std::unique_ptr<WindowTabOrder> tabOrder_; // made with the window's parts
    int sidebarWidth_ = 0;                     // a remembered sidebar width still to set (0: none)
    QString lastLabClosed_; // the Lab page closed last, when nothing was closed after it
};

} // namespace fg
