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
const char* const kRight = "fgRightMark"; // the button is marked as the right answer
} // namespace

void AnswerInputs::markPick(QAbstractButton* button, bool mark) {
    const QVariant plain = button->property(kPlain);
    if (plain.isValid()) {
        button->setText(plain.toString());
        button->setProperty(kPlain, QVariant());
    }
    if (button->property(kRight).isValid()) {
        button->setStyleSheet(QString());
        button->setProperty(kRight, QVariant());
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
    button->setProperty(kRight, true);
    button->setText(plain + (button->isChecked() ? tr("  \u2713 right answer, your answer")
                                                 : tr("  \u2713 right answer")));
    button->setStyleSheet(QStringLiteral("QPushButton:!checked { color: %1; }").arg(tone.name()));
    QFont f = button->font();
    f.setBold(true);
    button->setFont(f);
}

void AnswerInputs::showRightChoices(const nlohmann::json& answer, const QColor& tone) {
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
