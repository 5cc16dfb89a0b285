// ReaderView: shows one chapter of the course: its text as rich text, its figures drawn by
// FigureRenderer at the view's width and zoom (sharp at the screen's device pixel ratio), its
// live-diagram cards. It knows where each section starts, follows the scroll to tell which
// section is on screen, and highlights search hits. It is the first tab's page (Reader); it exports
// nothing (File > Export chapter as handout PDF does).
#pragma once

#include "app/reader/figure_images.h"
#include "app/reader/table_fit.h"
#include "models/course/course.h"
#include "models/theme/theme.h"
#include "widgets/canvas/page.h"

#include <QHash>
#include <QTextBrowser>
#include <QTimer>
#include <optional>

namespace fg {

class ReaderView : public QTextBrowser, public Page {
    Q_OBJECT
public:
    explicit ReaderView(QWidget* parent = nullptr);

    void setCourse(const Course* course);
    // For a window that lays the reader out as it shows (MainWindow): the reader's width is
    // final only once the whole window has shown, so its figures wait for windowShown().
    void waitForWindow() { waitsForWindow_ = true; }
    // The most room the window will give the reader when shown (its width less the chapter
    // list's): if the reading column fits in it with room to spare, the figures are drawn
    // while the window is made, at the column's width (drawFiguresEarly).
    void expectRoom(int width) { expectedRoom_ = width; }
    void windowShown();
    // The figures' drawings started on worker threads so far (what a test counts).
    int figureDrawsStarted() const { return images_.started(); }
    // The figures laid out on this thread for their size only, the workers drawing them.
    int figuresLaidOutHere() const { return laidOutHere_; }
    // Shows chapter `index` and scrolls to `sectionId` (its top when empty).
    void showChapter(int index, const QString& sectionId = {});
    int chapterIndex() const { return chapter_; }
    QString currentSection() const;
    // The first line of text wholly in view (at its middle): the place a theme or a zoom keeps.
    QTextCursor lineAtTop() const;
    // True at the chapter's very top (its title in view): the chapter list marks the chapter
    // there, not its first section (a new student's first start marked a section).
    bool atChapterTop() const;
    // The sections whose heading is on screen now (a chapter that fits the view: all of them).
    QStringList sectionsInView() const;
    void scrollToSection(const QString& sectionId);

    void setTheme(const Theme& theme) override;
    QString pageTitle() const override;
    // Zoom steps: 0 is the default body size; each step is 10% larger or smaller.
    void setZoom(int step);
    // View > Zoom: one step larger (+1) or smaller (-1), or back to 0.
    bool zoomPage(int direction) override;
    int zoom() const { return zoom_; }
    // The body text size: 19 px, 10% more or less a zoom step, times the theme's fontScale.
    qreal bodyPx() const;
    // The text column's widest measure, in average characters of the body's type.
    static constexpr int kMeasureChars = 75;

    // Highlights every occurrence of `query` (case-insensitive), in the text and in the figures'
    // labels, and scrolls to the first one in `sectionId` (or the first anywhere). Returns the
    // number of hits in the chapter (text and figures).
    int highlight(const QString& query, const QString& sectionId = {});
    // Moves to the next (or previous) hit, in reading order, figures included, going round from
    // the last to the first (lastMoveWrapped() then says so); false when there is none.
    bool nextHit(bool backward = false);
    bool lastMoveWrapped() const { return wrapped_; }
    int hitCount() const { return static_cast<int>(allHits_.size()); }
    int currentHit() const { return currentHit_; }
    // The section the current hit is in.
    QString hitSection() const;
    // The query highlighted (empty: none).
    QString query() const { return query_; }
    // Goes to hit `index` (0 .. hitCount() - 1) of this chapter.
    void showHit(int index);
    // Takes every highlight off (text and figures), leaving the view where it is.
    void clearHighlights();
    // The link that has the keyboard focus (empty: none), and its mark as drawn.
    QString focusedLink() const;
    std::optional<QTextEdit::ExtraSelection> focusedLinkSelection() const;

signals:
    void sectionChanged(const QString& sectionId);
    void chapterLinkActivated(const QString& chapterId, const QString& sectionId);
    void diagramRequested(const QString& diagramId);
    // The current search hit moved (F3) to a hit in `sectionId`.
    void hitChanged(const QString& sectionId);

protected:
    void resizeEvent(QResizeEvent* event) override;
    // Ctrl+Home and Ctrl+End go to the chapter's top and end, as Home and End do (they did
    // nothing: tester 43).
    void keyPressEvent(QKeyEvent* event) override;
    // Ctrl+wheel: larger / smaller text, a step a notch, as Ctrl++ / Ctrl+- (and as a diagram
    // zooms); it scrolled the chapter instead.
    void wheelEvent(QWheelEvent* event) override;
    void changeEvent(QEvent* event) override;
    // The figures drawn at the view's width the first time it is shown (drawn hidden, they
    // were drawn at 320 pixels, shown so, and drawn again when the resize settled).
    void showEvent(QShowEvent* event) override;
    // A figure not drawn yet (the view not shown) is nothing, quietly: QTextBrowser would look
    // for a file named "figure:ID" and warn.
    QVariant loadResource(int type, const QUrl& name) override;
    // The figures drawn aside (images_) put in place first.
    void paintEvent(QPaintEvent* event) override;
    // Tab and Shift+Tab go from link to link; the link reached is marked as the focus is
    // everywhere in the app and scrolled well into view (reader_links.cpp).
    bool focusNextPrevChild(bool next) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void render();
    void renderChapter(); // render() without telling a section change
    void rerenderKeepingPlace();
    // Where the reader is: the section read, the first line in view and its height in the view
    // (none at the chapter's top), the search's hit in focus.
    struct Place {
        QString section;
        bool atTop = true;
        int position = 0;
        int y = 0;
        int hit = -1;
    };
    Place place() const;
    // The chapter laid out again (a theme, a zoom, a font) with `p` where it was.
    void rerenderAt(const Place& p);
    // At `keep`, or at the top; the search's marks (if any) put back.
    void rerenderKeepingPlace(const QString& keep, bool atTop);
    QString sectionAtScroll() const;    // the section a quarter down the view
    QString sectionAtScrollTop() const; // the first section
    // Scrolls anchor_ back to anchorY_ in the view.
    void scrollToAnchor();
    void updateMargins();
    qreal gutter() const; // the least side margin of the text column
    // Which of the chapter's tables are to be stacked at the view's width now.
    std::vector<bool> tablesStacked() const;
    // How the chapter's tables are fitted to the column: their type may shrink to keep their
    // words whole, but not when the reader is zoomed in (the zoom asked for larger type).
    TableFitting tableFitting() const;
    // At the view's width; `aside`: on worker threads (images_), put in place at the next paint.
    void renderFigures(bool aside = false);
    void relayOutFigures();
    // Draws one figure block into the document's image resource, its search hits marked.
    void renderFigure(const nlohmann::json& block, qreal width);
    // Draws one figure block on a worker thread (images_), the text laid out meanwhile.
    void drawFigureAside(const nlohmann::json& block, qreal width);
    // The figures started on workers at `width` before the text is laid out: before the window
    // is shown, at the width the column will have in a window wider than the column's measure
    // (the usual case), so they are laid out and drawn while the window is made; else when it
    // shows, while the text is laid out. renderFigures() keeps them if the width came true.
    void drawFiguresEarly(qreal width);
    // A stand-in of `size` for the figure `block` (its pixels never drawn nor touched: filling
    // them cost 7 ms of page faults), replaced by the worker's picture before the first paint.
    void standIn(const nlohmann::json& block, QSizeF size);
    static QString figureName(const nlohmann::json& block); // "figure:ID"
    // The chapter on screen's figure blocks, in reading order.
    std::vector<const nlohmann::json*> figureBlocks() const;
    qreal figureWidth(qreal viewportWidth, qreal sideMargins) const;
    qreal widestColumn() const; // the column's measure: kMeasureChars, or a wide table's need
    qreal sideMargin() const;   // the text column's margin on each side in the view's width
    qreal sideMargin(int viewportWidth) const;
    // The width the vertical scroll bar will take once the text is laid out at the view's
    // width (0: none), -1 where the text's length does not tell.
    int scrollBarToCome() const;
    qreal figureBodyPx() const; // the figures' type: FigureLayout applies the theme's fontScale
    static QColor textOn(const QColor& background); // black or white, whichever reads better
    void goToHit(int index);
    QString sectionAt(int position) const;
    void onAnchor(const QUrl& url);
    // The search's hits, and the link that has the focus (if any) in the focus's colours.
    void showSelections();
    // The focused link's mark: the app's focus colour (at least 3:1 on the page), text on it.
    QTextEdit::ExtraSelection focusedLinkMark() const;
    // The text cursor's selection (the focused link, a search hit) a third down the view when it
    // is near an edge (or out of sight).
    void scrollLinkIntoView();
    // From a reading position (no link focused, or the focused one scrolled out of view): the
    // next link in view below it (Tab) or the previous one above it (Shift+Tab), selected,
    // without scrolling. None in view: Tab goes to the next link below, Shift+Tab finds none.
    // False when none was found (the keys then leave the reader).
    bool focusLinkFromReadingPosition(bool next);
    // The link after (`next`) or before document position `from`, the nearest; only among those
    // wholly in view when `inViewOnly`. No selection when there is none.
    QTextCursor linkFrom(int from, bool next, bool inViewOnly) const;
    // Where the student reads: the text cursor when it is in view (a click put it there), else
    // the view's first line. A document position.
    int readingPosition() const;
    // The text cursor set to `cursor`, the page not scrolled (Qt scrolls to the cursor).
    void setCursorWhereSeen(const QTextCursor& cursor);
    // True when the text from `start` to `end` (document positions) is wholly in view.
    bool inView(int start, int end) const;

    const Course* course_ = nullptr;
    int chapter_ = -1;
    Theme theme_ = Theme::light();
    int wheelNotches_ = 0; // Ctrl+wheel turns not yet a whole notch
    int zoom_ = 0;
    qreal renderedWidth_ = 0;
    qreal earlyWidth_ = 0; // drawFiguresEarly()'s width (0: none under way), at earlyRatio_
    qreal earlyRatio_ = 0;
    int expectedRoom_ = 0;        // expectRoom()
    int laidOutHere_ = 0;         // figuresLaidOutHere()
    bool shown_ = false;          // shown at least once: the view's width is real
    bool waitsForWindow_ = false; // waitForWindow() until windowShown()
    qreal fittedColumn_ = -1;     // the column the tables were last fitted to (updateMargins)
    int fittedRevision_ = -1;     // and the document's revision after that fit
    FigureImages images_;
    qreal tablesNeed_ = 0; // tableNeeds().widest of the chapter on screen (table_fit.h)
    // Per table of the chapter: the narrowest column it keeps its words whole in as a grid
    // (tableNeeds().least); in a narrower one it is stacked (chapterHtml).
    std::vector<qreal> gridColumns_;
    std::vector<bool> stacked_;
    bool resizeAtTop_ = false; // at the top of the text when a run of resizes began
    QString resizeKeep_;       // the section read when it began
    // The text kept in its place on screen when the view's width changes (the search closed,
    // the window resized): a document position and its height in the view. Taken when a run of
    // resizes begins, or at a search hit shown; kept until the reader scrolls (-1: none yet).
    int anchor_ = -1;
    int anchorY_ = 0;
    bool reflowing_ = false;                // in resizeEvent: the scroll bar moves with the text
    QHash<QString, int> sectionPos_;        // section id -> document position of its heading
    QList<QTextEdit::ExtraSelection> hits_; // in the text
    struct Hit {
        int position;   // in the document (a figure's: its image's)
        QString figure; // empty: in the text (hits_[textIndex])
        int index;      // in hits_, or the n-th in the figure
    };
    std::vector<Hit> allHits_; // in reading order
    QString query_;
    QHash<QString, int> figureHits_; // figure id -> hits in its labels
    int currentHit_ = -1;
    bool wrapped_ = false;
    QString lastSection_;
    bool scrolling_ = false;
    QTimer resizeTimer_;
};

} // namespace fg
