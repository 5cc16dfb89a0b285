// Presentation mode (F5; Esc leaves): the chapter on screen as slides for a classroom. A slide is
// the chapter's title, one section, or one live diagram of a section. The type scales with the
// window (body text at least 28 px at 1080p). Next (PageDown, Right, Space, Down: what clicker
// remotes send) steps a diagram slide's animation to its end, scrolls a long section a screen
// at a time, then moves to the next slide; back (PageUp, Left, Up, Backspace) undoes the same
// way. B (or .) blanks the screen, L toggles a spotlight that follows the pointer, Z zooms into
// the region under the pointer, T shows or hides the timer. With two screens the slides go to
// the second screen and the presenter's view (this slide, the next one, the timer) stays on the
// first.
#pragma once

#include "models/course/course.h"
#include "models/theme/theme.h"
#include "widgets/diagrams/diagram_view.h"

#include <QElapsedTimer>
#include <QPixmap>
#include <QPointer>
#include <QWidget>
#include <memory>

class QLabel;
class QStackedWidget;
class QTextBrowser;
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

class PresentationWindow : public QWidget {
    Q_OBJECT
public:
    PresentationWindow(const Chapter& chapter, const Theme& theme, int startSlide = 0,
                       QWidget* parent = nullptr);
    ~PresentationWindow() override;

    // Shows the slides full screen (on the second screen when there is one, with the presenter's
    // view on the first).
    void start();

    int slideCount() const { return static_cast<int>(slides_.size()); }
    int currentSlide() const { return current_; }
    const Slide& slide(int i) const { return slides_[std::size_t(i)]; }
    bool blanked() const { return blank_; }
    bool spotlight() const { return spotlight_; }
    bool zoomed() const { return zoomed_; }
    bool timerShown() const { return timerShown_; }
    QString elapsedText() const;
    // The body text size of text slides, in pixels.
    qreal bodyPx() const;
    DiagramView* diagramView() const { return diagram_; }
    QTextBrowser* textView() const { return text_; }
    // The presenter's view (two screens only), or null.
    QWidget* presenterView() const;

    void next();
    void back();
    void goTo(int slide);

signals:
    void slideChanged(int slide);
    void closed();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    friend class Overlay;
    void showSlide();
    bool handleKey(int key);

    const Chapter& chapter_;
    Theme theme_;
    std::vector<Slide> slides_;
    int current_ = 0;
    QStackedWidget* stack_;
    QTextBrowser* text_;
    QPointer<DiagramView> diagram_;
    QWidget* overlay_;
    QTimer* tick_;
    QElapsedTimer clock_;
    bool blank_ = false, spotlight_ = false, zoomed_ = false, timerShown_ = true;
    QPixmap zoomShot_;
    QPoint zoomAt_;
    std::unique_ptr<PresenterView> presenter_;
};

} // namespace fg
