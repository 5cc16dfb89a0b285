// AnswerInputs once an answer is checked (answer_inputs.h): the inputs held as they were, the
// pick saying it was the pick, the right choice saying it is right.
#include "widgets/practice/answer_inputs.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QColor>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <algorithm>

namespace fg {

// Text inputs turn read-only rather than grey, so the answer given stays readable beside the
// feedback; buttons and lists are switched off.
// A checked choice, greyed once the answer is checked, says in words that it was the pick (in
// the dark theme every greyed button looked the same).
namespace {
const char* const kPlain = "fgPlainText"; // a marked button's text before its mark
const char* const kMarked = "fgMarked";   // the button has its own colours (right, or wrong pick)
// A button in `state` written and framed in `tone`, on the page's button colour: the right
// answer solid, a wrong pick dashed, as the figure outlines them.
QString framed(const QString& state, const QColor& tone, const QString& line) {
    return QStringLiteral("QPushButton:%1 { color: %2; background-color: palette(button); "
                          "border: 2px %3 %2; border-radius: 3px; padding: 2px 6px; }")
        .arg(state, tone.name(), line);
}
} // namespace

void AnswerInputs::markPick(QAbstractButton* button, bool mark) {
    const QVariant plain = button->property(kPlain);
    if (plain.isValid()) {
        button->setText(plain.toString());
        button->setProperty(kPlain, QVariant());
    }
    if (button->property(kMarked).isValid()) {
        button->setStyleSheet(QString());
        button->setProperty(kMarked, QVariant());
    }
    if (mark) {
        button->setProperty(kPlain, button->text());
        button->setText(button->text() + tr("  \u2190 your answer"));
    }
    QFont f = button->font();
    f.setBold(mark);
    button->setFont(f);
}

// The right option, in `tone` where it is not the pick (the pick keeps the selection's colours),
// says so in words as the quiz does.
void AnswerInputs::markRight(QAbstractButton* button, const QColor& tone) {
    const QString plain =
        button->property(kPlain).isValid() ? button->property(kPlain).toString() : button->text();
    button->setProperty(kPlain, plain);
    button->setProperty(kMarked, true);
    button->setText(plain + (button->isChecked() ? tr("  \u2713 right answer, your answer")
                                                 : tr("  \u2713 right answer")));
    button->setStyleSheet(framed(QStringLiteral("!checked"), tone, QStringLiteral("solid")));
    QFont f = button->font();
    f.setBold(true);
    button->setFont(f);
}

// A pick that is not the right option loses the selection's fill (it read as the chosen, "primary"
// button, standing out more than the right answer: a tester) and is framed in `tone`, the
// theme's colour for wrong, with a cross, as the figure marks it.
void AnswerInputs::markWrongPick(QAbstractButton* button, const QColor& tone) {
    const QString plain =
        button->property(kPlain).isValid() ? button->property(kPlain).toString() : button->text();
    button->setProperty(kPlain, plain);
    button->setProperty(kMarked, true);
    button->setText(plain + tr("  \u2718 your answer"));
    button->setStyleSheet(framed(QStringLiteral("checked"), tone, QStringLiteral("dashed")));
}

void AnswerInputs::showRightChoices(const nlohmann::json& answer, const QColor& tone,
                                    const QColor& wrongTone) {
    for (const Part& part : parts_) {
        const auto it = part.group ? answer.find(part.field.name) : answer.end();
        if (it == answer.end()) {
            continue;
        }
        int index = -1;
        if (part.field.numeric && it->is_number_integer()) {
            index = it->get<int>();
        } else if (it->is_string()) {
            const auto& options = part.field.options;
            index =
                static_cast<int>(std::find(options.begin(), options.end(), *it) - options.begin());
        }
        if (QAbstractButton* b = part.group->button(index)) {
            b->setEnabled(true);
            holdStill(b, true);
            markRight(b, tone);
        }
        QAbstractButton* pick = part.group->checkedButton();
        if (pick && part.group->id(pick) != index) {
            markWrongPick(pick, wrongTone);
        }
    }
}

// A button kept in colour after Check that nothing may change: no clicks, no focus.
void AnswerInputs::holdStill(QAbstractButton* button, bool still) {
    static const char* const kFocus = "fgFocusPolicy";
    button->setAttribute(Qt::WA_TransparentForMouseEvents, still);
    if (still && !button->property(kFocus).isValid()) {
        button->setProperty(kFocus, static_cast<int>(button->focusPolicy()));
        button->setFocusPolicy(Qt::NoFocus);
    } else if (!still && button->property(kFocus).isValid()) {
        button->setFocusPolicy(static_cast<Qt::FocusPolicy>(button->property(kFocus).toInt()));
        button->setProperty(kFocus, QVariant());
    }
}

void AnswerInputs::setInputsEnabled(bool on) {
    for (QWidget* b : boxes_) {
        for (QWidget* w : b->findChildren<QWidget*>()) {
            if (auto* line = qobject_cast<QLineEdit*>(w)) {
                line->setReadOnly(!on);
            } else if (auto* text = qobject_cast<QPlainTextEdit*>(w)) {
                text->setReadOnly(!on);
            } else if (auto* button = qobject_cast<QAbstractButton*>(w)) {
                // The pick stays in full colour (greyed, it was light grey on grey: a tester),
                // yet cannot be changed: mouse and keyboard pass it by.
                const bool pick = !on && button->isCheckable() && button->isChecked();
                button->setEnabled(on || pick);
                holdStill(button, pick);
                markPick(button, pick);
            } else if (qobject_cast<QComboBox*>(w)) {
                w->setEnabled(on);
            }
        }
    }
}

} // namespace fg
