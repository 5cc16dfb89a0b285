#include "widgets/controls/range_box.h"

#include <QCoreApplication>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QTimer>
#include <QToolTip>
#include <algorithm>
#include <limits>
#include <optional>

namespace fg {

namespace {

// The words of this file go to translators under fg::RangeBox (tr() and lupdate agree).
struct RangeBoxWords {
    Q_DECLARE_TR_FUNCTIONS(fg::RangeBox)
};

// What the user typed, without the box's prefix and suffix and with no group separators
// ("1,000,000", "150 %").
QString bareNumber(const QAbstractSpinBox* box, QString text, const QString& prefix,
                   const QString& suffix) {
    text = text.trimmed();
    if (!prefix.isEmpty() && text.startsWith(prefix.trimmed())) {
        text.remove(0, prefix.trimmed().size());
    }
    if (!suffix.isEmpty() && text.endsWith(suffix.trimmed())) {
        text.chop(suffix.trimmed().size());
    }
    text.remove(QLatin1Char(' '));
    const QChar group = box->locale().groupSeparator().isEmpty()
                            ? QLatin1Char(',')
                            : box->locale().groupSeparator().front();
    if (group != box->locale().decimalPoint().front()) {
        text.remove(group);
    }
    return text;
}

// A whole number as typed: its value (the nearest 64-bit one when it has more digits) and how to
// write it back in a sentence.
struct Typed {
    qlonglong value;
    QString written;
};

std::optional<Typed> wholeNumber(const QSpinBox* box, const QString& text) {
    const QString bare = bareNumber(box, text, box->prefix(), box->suffix()).remove(',');
    static const QRegularExpression digits(QStringLiteral("^[+-]?[0-9]+$"));
    if (!digits.match(bare).hasMatch()) {
        return std::nullopt;
    }
    bool ok = false;
    const qlonglong n = bare.toLongLong(&ok);
    if (ok) {
        return Typed{n, QLocale(QLocale::English).toString(n)};
    }
    const bool negative = bare.startsWith(QLatin1Char('-'));
    return Typed{negative ? std::numeric_limits<qlonglong>::min()
                          : std::numeric_limits<qlonglong>::max(),
                 bare.size() > 40 ? bare.left(40) + QChar(0x2026) : bare};
}

std::optional<double> realNumber(const QDoubleSpinBox* box, const QString& text) {
    bool ok = false;
    const QString bare = bareNumber(box, text, box->prefix(), box->suffix());
    double x = box->locale().toDouble(bare, &ok);
    if (!ok) {
        x = bare.toDouble(&ok);
    }
    return ok ? std::optional(x) : std::nullopt;
}

// Hands `text` to the page or dialog the box is on; a tooltip at the box when none takes it.
void tellNow(QAbstractSpinBox* box, const QString& text) {
    for (QWidget* w = box->parentWidget(); w; w = w->parentWidget()) {
        if (auto* notes = dynamic_cast<RangeNotes*>(w)) {
            notes->sayOutOfRange(text);
            return;
        }
    }
    if (!text.isEmpty()) {
        QToolTip::showText(box->mapToGlobal(box->rect().bottomLeft()), text, box);
    }
}

// What a box says of a number out of its range, once the number it uses instead has been set
// (a page clears its messages when a setting changes: said at once, the sentence went with it).
void tell(QAbstractSpinBox* box, const QString& text) {
    if (text.isEmpty()) {
        tellNow(box, text);
        return;
    }
    QMetaObject::invokeMethod(
        box, [box, text] { tellNow(box, text); }, Qt::QueuedConnection);
}

QString nameOf(const QAbstractSpinBox* box) {
    QString name = box->accessibleName();
    return name.isEmpty() ? RangeBoxWords::tr("this box") : name;
}

// Typing again takes the box's last sentence back.
void forgetOnTyping(QAbstractSpinBox* box, QLineEdit* edit) {
    QObject::connect(edit, &QLineEdit::textEdited, box, [box] { tell(box, {}); });
}

} // namespace

QString outOfRangeSentence(const QString& name, const QString& typed, const QString& lowest,
                           const QString& highest, const QString& used, bool tooLarge) {
    return (tooLarge ? RangeBoxWords::tr(
                           "%1 is too large for \u201c%2\u201d (it takes %3 to %4): %5 is used "
                           "instead.")
                     : RangeBoxWords::tr(
                           "%1 is too small for \u201c%2\u201d (it takes %3 to %4): %5 is used "
                           "instead."))
        .arg(typed, name, lowest, highest, used);
}

RangeNoteLabel::RangeNoteLabel(QWidget* parent) : QLabel(parent) {
    setWordWrap(true);
    setAccessibleName(tr("Number out of range"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void RangeNoteLabel::say(const QString& text) {
    setText(text);
    setVisible(!text.isEmpty());
    if (!text.isEmpty() && !fresh_) {
        fresh_ = true;
        QTimer::singleShot(0, this, [this] { fresh_ = false; });
    }
}

void RangeNoteLabel::nextAction() {
    if (!fresh_) {
        say({});
    }
}

RangeSpinBox::RangeSpinBox(QWidget* parent) : QSpinBox(parent) {
    forgetOnTyping(this, lineEdit());
    // The number counts once it is entered (Enter, Tab, the arrows): typing 99999 as a B-Tree's
    // order applied 9 at the first key, and rebuilt a 100,000-key tree at order 9.
    setKeyboardTracking(false);
}

QValidator::State RangeSpinBox::validate(QString& text, int& pos) const {
    const QValidator::State st = QSpinBox::validate(text, pos);
    // A whole number out of the range may be typed; fixup() says what it becomes.
    return st == QValidator::Invalid && wholeNumber(this, text) ? QValidator::Intermediate : st;
}

void RangeSpinBox::fixup(QString& text) const {
    const std::optional<Typed> typed = wholeNumber(this, text);
    if (!typed || (typed->value >= minimum() && typed->value <= maximum())) {
        QSpinBox::fixup(text);
        return;
    }
    const int used = static_cast<int>(std::clamp<qlonglong>(typed->value, minimum(), maximum()));
    text = textFromValue(used);
    const QLocale english(QLocale::English);
    tell(const_cast<RangeSpinBox*>(this),
         outOfRangeSentence(nameOf(this), typed->written, english.toString(minimum()),
                            english.toString(maximum()), english.toString(used),
                            typed->value > maximum()));
}

RangeDoubleSpinBox::RangeDoubleSpinBox(QWidget* parent) : QDoubleSpinBox(parent) {
    forgetOnTyping(this, lineEdit());
    setKeyboardTracking(false);
}

QValidator::State RangeDoubleSpinBox::validate(QString& text, int& pos) const {
    const QValidator::State st = QDoubleSpinBox::validate(text, pos);
    return st == QValidator::Invalid && realNumber(this, text) ? QValidator::Intermediate : st;
}

void RangeDoubleSpinBox::fixup(QString& text) const {
    const std::optional<double> typed = realNumber(this, text);
    if (!typed || (*typed >= minimum() && *typed <= maximum())) {
        QDoubleSpinBox::fixup(text);
        return;
    }
    const double used = std::clamp(*typed, minimum(), maximum());
    text = textFromValue(used);
    const QLocale english(QLocale::English);
    const auto show = [&](double x) {
        return english.toString(x, 'f', QLocale::FloatingPointShortest);
    };
    tell(const_cast<RangeDoubleSpinBox*>(this),
         outOfRangeSentence(nameOf(this), show(*typed), show(minimum()), show(maximum()),
                            show(used), *typed > maximum()));
}

} // namespace fg
