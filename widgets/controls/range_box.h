// Number boxes that say what happened to a number typed outside their range. Qt's own spin box
// keeps the valid prefix of what was typed (order 9999 became 9, slot 99999 became 9999) or
// refuses the keys, with no word; a RangeSpinBox or RangeDoubleSpinBox takes the number as typed,
// brings it into the range when the box is left or Enter is pressed, and tells the nearest
// enclosing RangeNotes (the page or dialog it is on) a sentence such as "9,999 is more than the
// order allows (3 to 64): it uses 64." Every number box of the app is one of these
// (test_range_box checks every page and dialog).
#pragma once

#include <QDoubleSpinBox>
#include <QLabel>
#include <QSpinBox>
#include <QString>

namespace fg {

// A page or dialog that shows what a number box of its own says (a message over the drawing, a
// line under the controls). An empty text takes the last one back (the box is typed in again).
class RangeNotes {
public:
    virtual ~RangeNotes() = default;
    virtual void sayOutOfRange(const QString& text) = 0;
};

// A line under a page's or dialog's controls for what its boxes say: hidden when there is nothing.
class RangeNoteLabel : public QLabel {
    Q_OBJECT
public:
    explicit RangeNoteLabel(QWidget* parent = nullptr);
    void say(const QString& text);
    // The next action: a note said before this one goes (it stayed under the controls, "0 is
    // too small for Write quorum W", through every later change). A note said in this action,
    // before the event loop came back, stays.
    void nextAction();

private:
    bool fresh_ = false; // said in the action under way
};

class RangeSpinBox : public QSpinBox {
    Q_OBJECT
public:
    explicit RangeSpinBox(QWidget* parent = nullptr);

protected:
    QValidator::State validate(QString& text, int& pos) const override;
    void fixup(QString& text) const override;
};

class RangeDoubleSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    explicit RangeDoubleSpinBox(QWidget* parent = nullptr);

protected:
    QValidator::State validate(QString& text, int& pos) const override;
    void fixup(QString& text) const override;
};

// The sentence a box says when `typed` (as the user wrote it) is out of [lowest, highest] and
// `used` is the number it takes instead; `name` is what the box sets (its accessible name).
QString outOfRangeSentence(const QString& name, const QString& typed, const QString& lowest,
                           const QString& highest, const QString& used, bool tooLarge);

} // namespace fg
