// LabSides: the two drawings of a Lab page that steps through a run (RocksDB, Kafka), the real
// system's on the left and the model's on the right, each under its title and over its
// narration; one bar (the real side's player) moves both, a step forward animated in both, and
// both are drawn at one scale (camera partners) and scrolled in step: scrolling one (its bars,
// Shift+arrows, a drag) scrolls the other to the same place. In a Lab page that scrolls (its
// QScrollArea "labPage"), the sides keep at least kPageShare of the page's visible height: the
// page scrolls to its tables instead of squeezing the drawings (the Kafka Lab's were 185 px high
// in the Projector's type at 1920x1080, a few boxes of a larger drawing: tester 37).
#pragma once

#include <QSplitter>

class QLabel;

namespace fg {

class DiagramCanvas;

class LabSides : public QSplitter {
    Q_OBJECT
public:
    // `minimumHeight`: the least height of each drawing.
    LabSides(int minimumHeight, QWidget* parent);

    DiagramCanvas* real() const { return real_; }
    DiagramCanvas* model() const { return model_; }
    QLabel* realTitle() const { return realTitle_; }
    QLabel* modelTitle() const { return modelTitle_; }
    QLabel* realNarration() const { return realNarration_; }
    QLabel* modelNarration() const { return modelNarration_; }
    // The titles, in bold (markup, not a font of their own, so they follow the theme's type).
    void setTitles(const QString& real, const QString& model);

    static constexpr double kPageShare = 0.6;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void evenOut();
    // The least height: kPageShare of the page's visible height, or what the parts need.
    void keepPageShare();
    // `to` scrolled to where `from` is.
    void follow(DiagramCanvas* from, DiagramCanvas* to);

    bool following_ = false;
    QWidget* pageView_ = nullptr; // the Lab page's viewport, once shown in one
    DiagramCanvas* real_ = nullptr;
    DiagramCanvas* model_ = nullptr;
    QLabel* realTitle_ = nullptr;
    QLabel* modelTitle_ = nullptr;
    QLabel* realNarration_ = nullptr;
    QLabel* modelNarration_ = nullptr;
};

} // namespace fg
