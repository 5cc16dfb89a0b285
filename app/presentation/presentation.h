// Presentation mode (F5; Esc leaves): what is on screen as slides for a classroom: the chapter
// being read (its title, each section, each live diagram of a section), or the live diagram of
// the tab on screen as it stands (its scenario and step). The type scales with the window (body
// text at least 28 px at 1080p). A slide always fits the screen: a section too long for it is
// set a little smaller, and if it still does not fit it is shown a screen-sized page at a time,
// cut between paragraphs, never through a line. A diagram slide has a title, the diagram fitted
// to the space left (one camera for all its steps, so it grows in place), its narration and
// controls at presentation size, and the timer in the title row, clear of them. Next (Right,
// Space, Down, Enter) steps a diagram slide's animation to its end, goes to a long section's next
// page, then moves to the next slide; back (Left, Up, Backspace) undoes the same way, as in
// Keynote or PowerPoint with builds and VisuAlgo's steps. PageDown and PageUp (what a clicker
// remote sends) move a whole screen: the next or previous page of a long section, else the next
// or previous slide, without stepping through a diagram. B (or .) blanks the screen, L toggles a
// spotlight that follows the pointer, Z zooms into the region under the pointer, T shows or hides
// the timer. With two screens the slides go to the second screen and the presenter's view (this
// slide, the next one, the timer) stays on the first.
#pragma once

#include "models/course/course.h"
#include "models/theme/theme.h"
#include "widgets/diagrams/diagram_view.h"

#include <QElapsedTimer>
#include <QPixmap>
#include <QPointer>
#include <QWidget>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

class QLabel;
class QStackedWidget;
class QTextDocument;
class QTimer;

namespace fg {

struct Slide {
    enum class Kind { Title, Section, Diagram };
    Kind kind = Kind::Title;
    int section = -1;  // index into the chapter's sections
    QString diagramId; // Diagram slides
    QString title;
};

// The slides of a chapter, in order.
std::vector<Slide> slidesOf(const Chapter& chapter);

class PresenterView;
class Player;

class PresentationWindow : public QWidget {
    Q_OBJECT
public:
    PresentationWindow(const Chapter& chapter, const Theme& theme, int startSlide = 0,
                       QWidget* parent = nullptr);
    // One live diagram as it stands in its tab: `scenario` (null: its first scenario) at
    // `position` (-1: before the first step, -2: the last step).
    PresentationWindow(const QString& diagramId, const nlohmann::json& scenario, int position,
                       const Theme& theme, QWidget* parent = nullptr);
    // The live diagram of a desk's tab (F5 on it): presented at its scenario, step and speed, and
    // when the presentation ends the desk's diagram is where the presentation left it (the same
    // step, the same speed).
    PresentationWindow(DiagramView* desk, const QString& diagramId, const Theme& theme,
                       QWidget* parent = nullptr);
    ~PresentationWindow() override;

    // Shows the slides full screen (on the second screen when there is one, with the presenter's
    // view on the first).
    void start();
    // The slides' body type is never smaller than `px` (set before start): the reader's, which
    // the teacher may have zoomed for the room (the slides' 30 px at 1080 lines stood smaller
    // than a reader zoomed in the Projector theme: a tester).
    void setLeastBodyPx(qreal px) { leastBodyPx_ = px; }

    int slideCount() const { return static_cast<int>(slides_.size()); }
    const Chapter& chapter() const { return chapter_; }
    int currentSlide() const { return current_; }
    const Slide& slide(int i) const { return slides_[std::size_t(i)]; }
    bool blanked() const { return blank_; }
    // For a moment after B blacks the screen out, a line at its foot says how to bring it back
    // (a tester pressed B by mistake and saw a black screen with no way out but F1).
    static constexpr int kBlankHintMs = 3000;
    bool spotlight() const { return spotlight_; }
    bool zoomed() const { return zoomed_; }
    bool timerShown() const { return timerShown_; }
    QString elapsedText() const;
    // The body text size of text slides, in pixels.
    qreal bodyPx() const;
    DiagramView* diagramView() const { return diagram_; }
    // The page of a diagram slide (a DiagramView, or a page without steps such as B-Tree vs
    // LSM), or null on a text slide.
    QWidget* diagramPage() const { return page_; }
    // The title over a diagram slide.
    QLabel* slideTitle() const { return title_; }
    // Where the timer and slide number are drawn (empty when hidden).
    QRect timerRect() const;
    // A text slide's pages (1 when it fits the screen), the one shown, and its document (laid
    // out in pages of the text area's size).
    int pageCount() const;
    int currentPage() const { return page_ ? 0 : textPage_; }
    QTextDocument* slideDocument() const;
    // The line over the page on screen when it is not a section's first ("Scaling Redis
    // (continued)"), and the band it is drawn in; "" on a first page and on other slides.
    QString runningHead() const;
    QRectF runningHeadRoom() const;
    QFont runningHeadFont() const;
    // The presenter's view (two screens only), or null.
    QWidget* presenterView() const;

    // Right / Left: a diagram's next (previous) step, a long section's next (previous) page, else
    // the next (previous) slide.
    void next();
    void back();
    // PageDown / PageUp: the next (previous) page of a long section, else the next (previous)
    // slide; a diagram slide is left as it stands.
    void nextScreen();
    void previousScreen();
    // Onto a diagram's slide shown before, from either side: the step it was left at
    // (PageDown skipped it at step 3, and PageUp brought it back at its first step; coming
    // forward again it was back at its first: testers). Never shown yet: from after it (Left,
    // PageUp), its last step (the whole run, as a slide is when it comes back in a presentation
    // program); from before it, its first, the steps unfolding with Right.
    void ontoDiagram(bool forward);
    void goTo(int slide);

signals:
    void slideChanged(int slide);
    void closed();
    // F1 on a slide: the keyboard sheet, over the slides.
    void helpRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    friend class Overlay;
    void build();
    QFont timerFont() const;
    QString timerText() const;
    void showSlide();
    void showDiagramSlide(const Slide& s);
    void showTextSlide(const Slide& s);
    QString titleSlideHtml(qreal px) const;
    void setTextPage(int page);
    bool handleKey(int key);
    // The player of the diagram on the slide on screen, or null (a text slide).
    Player* slideDiagramPlayer() const;
    // B: the screen black (the diagram on the slide paused, playing on when it is back) or not.
    void setBlank(bool on);
    // The keys handleKey takes.
    static bool isSlideKey(int key);

    Chapter chapter_;
    Theme theme_;
    std::vector<Slide> slides_;
    int current_ = 0;
    qreal leastBodyPx_ = 0;
    QStackedWidget* stack_;
    QWidget* text_;         // paints one page of the text slide's document
    QWidget* diagramSlide_; // the title row over the diagram's page
    QLabel* title_;
    QPointer<QWidget> page_;
    QPointer<DiagramView> diagram_;
    int diagramOf_ = -1;            // the slide diagram_ is on
    std::map<int, int> leftAtStep_; // each diagram slide left: the step it was at
    int textPage_ = 0;
    nlohmann::json scenario_; // the diagram presented from its tab (null: a chapter's)
    int scenarioPosition_ = -1;
    QPointer<DiagramView> desk_; // the tab presented, given its step and speed back at the end
    double speed_ = 0;           // the diagrams' playback speed (0: the player's own)
    QWidget* overlay_;
    QTimer* tick_;
    QElapsedTimer clock_;
    QElapsedTimer blankedAt_; // when B blacked the screen out (the hint's time)
    bool blank_ = false, spotlight_ = false, zoomed_ = false, timerShown_ = true;
    bool playAfterBlank_ = false; // the diagram was playing when the screen went black
    QPixmap zoomShot_;
    QPoint zoomAt_;
    std::unique_ptr<PresenterView> presenter_;
};

} // namespace fg
