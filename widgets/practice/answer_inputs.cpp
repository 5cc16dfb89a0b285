#include "widgets/practice/answer_inputs.h"

#include "engines/practice/practice_session.h"
#include "widgets/diagrams/flow_layout.h"
#include "widgets/practice/one_tab_stop.h"

#include <QAbstractButton>
#include <QApplication>
#include <QButtonGroup>
#include <QComboBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>
#include <memory>
#include <optional>

namespace fg {

namespace {

using json = nlohmann::json;
using Kind = practice::AnswerField::Kind;

QString toQ(const std::string& s) {
    return QString::fromStdString(s);
}

// "7437", " -12 ", "7 437" and "7,437" read as whole numbers (the digits a student types, with
// the separators a student may add); nullopt for anything else.
std::optional<qint64> wholeNumber(QString text) {
    text.remove(QRegularExpression(QStringLiteral("[\\s,_\u00a0\u202f]")));
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

const QRegularExpression& separators() {
    static const QRegularExpression re(QStringLiteral("[\\s,;]+"));
    return re;
}

// The fixed-width type, as large as the page's type (the system's was 8-9 px beside 16 px text,
// hard to read in the dark theme and on a projector).
QFont fixedFontLike(const QFont& page) {
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (page.pointSizeF() > 0) {
        f.setPointSizeF(page.pointSizeF());
    } else {
        f.setPixelSize(page.pixelSize());
    }
    return f;
}

QLineEdit* lineFor(const practice::AnswerField& f, QWidget* box) {
    auto* line = new QLineEdit(box);
    line->setAccessibleName(toQ(f.label));
    line->setMaxLength(100'000);
    box->layout()->addWidget(line);
    return line;
}

} // namespace

AnswerInputs::AnswerInputs(QWidget* parent) : QWidget(parent) {
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
}

void AnswerInputs::setFields(const std::vector<practice::AnswerField>& fields,
                             const QString& treeBefore, const nlohmann::json& memberStart) {
    memberStart_ = memberStart.is_object() ? memberStart : json::object();
    for (QWidget* b : boxes_) {
        delete b;
    }
    boxes_.clear();
    parts_.clear();
    for (const auto& f : fields) {
        addPart(f, treeBefore);
    }
}

void AnswerInputs::addPart(const practice::AnswerField& f, const QString& treeBefore) {
    auto* box = new QWidget(this);
    auto* v = new QVBoxLayout(box);
    v->setContentsMargins(0, 4, 0, 4);
    auto* label = new QLabel(toQ(f.label), box);
    label->setWordWrap(true);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    v->addWidget(label);
    switch (f.kind) {
    case Kind::Number:
    case Kind::NumberList:
        parts_.push_back(numberPart(f, box));
        break;
    case Kind::Choice:
        parts_.push_back(choicePart(f, box));
        break;
    case Kind::WordList:
        parts_.push_back(wordListPart(f, box));
        break;
    case Kind::PerMember:
        parts_.push_back(perMemberPart(f, box));
        break;
    case Kind::Tree:
    case Kind::Buckets:
        parts_.push_back(textPart(f, box, treeBefore));
        break;
    }
    layout()->addWidget(box);
    boxes_.push_back(box);
}

AnswerInputs::Part AnswerInputs::numberPart(const practice::AnswerField& f, QWidget* box) {
    QLineEdit* line = lineFor(f, box);
    const bool list = f.kind == Kind::NumberList;
    line->setPlaceholderText(list ? tr("whole numbers, in order, such as 40, 20 (none: leave "
                                       "empty)")
                                  : tr("a whole number"));
    const QString label = toQ(f.label);
    // One number, or the reason it cannot be an answer (a slip is refused, not graded).
    auto one = [f, label](const QString& text, QString& problem) -> std::optional<qint64> {
        const auto n = wholeNumber(text);
        if (!n) {
            static const QRegularExpression digits(QStringLiteral("^\\s*[-+]?[\\d\\s,_]+$"));
            problem = text.trimmed().isEmpty() ? tr("%1: type a whole number.").arg(label)
                      : digits.match(text).hasMatch()
                          ? tr("%1: %2 is far too large.").arg(label, text.trimmed().left(30))
                          : tr("%1: \u201c%2\u201d is not a whole number.")
                                .arg(label, text.trimmed().left(30));
            return std::nullopt;
        }
        if (*n < f.min || *n > f.max) {
            problem =
                f.max == std::numeric_limits<std::int64_t>::max()
                    ? tr("%1: %2 cannot be right: it is at least %3.").arg(label).arg(*n).arg(f.min)
                    : tr("%1: %2 cannot be right: it is %3 to %4.")
                          .arg(label)
                          .arg(*n)
                          .arg(f.min)
                          .arg(f.max);
            return std::nullopt;
        }
        return n;
    };
    auto read = [line, list, one](QString& problem) -> json {
        if (!list) {
            const auto n = one(line->text(), problem);
            return n ? json(*n) : json();
        }
        json out = json::array();
        for (const QString& item : line->text().split(separators(), Qt::SkipEmptyParts)) {
            const auto n = one(item, problem);
            if (!n) {
                return json();
            }
            out.push_back(*n);
        }
        return out;
    };
    return {f, read, {}, {}};
}

// A button picked is filled with the selection colour, not a shade darker grey (a tester could
// not tell a picked choice or tree node from the others, in Dark not at all).
void AnswerInputs::markPicksClearly(QWidget* row) {
    row->setStyleSheet(QStringLiteral("QPushButton:checked { background-color: palette(highlight);"
                                      " color: palette(highlighted-text); }"));
}

AnswerInputs::Part AnswerInputs::choicePart(const practice::AnswerField& f, QWidget* box) {
    auto* row = new QWidget(box);
    markPicksClearly(row);
    auto* flow = new FlowLayout(row);
    flow->setContentsMargins(0, 0, 0, 0);
    auto* group = new QButtonGroup(row);
    for (std::size_t i = 0; i < f.options.size(); ++i) {
        const int n = static_cast<int>(i) + 1;
        auto* b = new QPushButton(n <= 9 ? QStringLiteral("%1  %2").arg(n).arg(toQ(f.options[i]))
                                         : toQ(f.options[i]),
                                  row);
        b->setCheckable(true);
        b->setAccessibleName(toQ(f.options[i]));
        group->addButton(b, static_cast<int>(i));
        flow->addWidget(b);
    }
    makeOneTabStop(group);
    connect(group, &QButtonGroup::idClicked, this, &AnswerInputs::choicePicked);
    box->layout()->addWidget(row);
    const QString label = toQ(f.label);
    auto read = [group, f, label](QString& problem) -> json {
        const int id = group->checkedId();
        if (id < 0) {
            problem = tr("%1: pick one.").arg(label);
            return json();
        }
        return f.numeric ? json(id) : json(f.options[static_cast<std::size_t>(id)]);
    };
    auto pick = [group](int index) {
        if (QAbstractButton* b = group->button(index)) {
            b->setChecked(true);
        }
    };
    return {f, read, pick, [group] { return group->checkedId(); }, group};
}

AnswerInputs::Part AnswerInputs::wordListPart(const practice::AnswerField& f, QWidget* box) {
    auto* row = new QWidget(box);
    markPicksClearly(row);
    auto* flow = new FlowLayout(row);
    flow->setContentsMargins(0, 0, 0, 0);
    auto order = std::make_shared<std::vector<std::string>>();
    auto* said = new QLabel(box);
    said->setWordWrap(true);
    const auto sayOrder = [this, said, order, ordered = f.ordered] {
        QStringList words;
        for (const auto& w : *order) {
            words << toQ(w);
        }
        emit wordsChanged(words);
        said->setText(words.isEmpty() ? tr("Nothing picked yet.")
                                      : (ordered ? tr("Your order: %1") : tr("Picked: %1"))
                                            .arg(words.join(QStringLiteral(", "))));
    };
    // One Tab stop, the arrows moving inside (one_tab_stop.h); many may be picked.
    auto* group = new QButtonGroup(row);
    group->setExclusive(false);
    for (const auto& word : f.options) {
        auto* b = new QPushButton(toQ(word), row);
        b->setCheckable(true);
        group->addButton(b);
        connect(b, &QPushButton::toggled, this, [order, word, sayOrder](bool on) {
            std::erase(*order, word);
            if (on) {
                order->push_back(word);
            }
            sayOrder();
        });
        flow->addWidget(b);
    }
    makeOneTabStop(group);
    sayOrder();
    box->layout()->addWidget(row);
    box->layout()->addWidget(said);
    auto read = [order](QString&) -> json { return *order; };
    return {f, read, {}, {}};
}

AnswerInputs::Part AnswerInputs::perMemberPart(const practice::AnswerField& f, QWidget* box) {
    auto* grid = new QWidget(box);
    auto* g = new QGridLayout(grid);
    g->setContentsMargins(0, 0, 0, 0);
    constexpr int kColumns = 4;
    std::vector<QComboBox*> combos;
    for (std::size_t i = 0; i < f.words.size(); ++i) {
        auto* label = new QLabel(toQ(f.words[i]), grid);
        auto* combo = new QComboBox(grid);
        combo->addItem(tr("(nobody)"));
        for (const auto& m : f.options) {
            combo->addItem(toQ(m));
        }
        combo->setAccessibleName(tr("Member for %1").arg(toQ(f.words[i])));
        // Where a partition starts: with its member before the change (a rebalance), if any.
        for (const auto& [member, words] : memberStart_.items()) {
            for (const auto& w : words) {
                if (w == f.words[i]) {
                    combo->setCurrentIndex(std::max(0, combo->findText(toQ(member))));
                }
            }
        }
        connect(combo, &QComboBox::currentIndexChanged, this,
                [this] { emit assignmentChanged(assignment()); });
        label->setBuddy(combo);
        const int r = static_cast<int>(i) / kColumns, c = static_cast<int>(i) % kColumns;
        g->addWidget(label, r, c * 2, Qt::AlignRight);
        g->addWidget(combo, r, c * 2 + 1);
        combos.push_back(combo);
    }
    box->layout()->addWidget(grid);
    auto read = [combos, f](QString&) -> json {
        json out = json::object();
        for (const auto& m : f.options) {
            out[m] = json::array();
        }
        for (std::size_t i = 0; i < combos.size(); ++i) {
            const int m = combos[i]->currentIndex() - 1;
            if (m >= 0) {
                out[f.options[static_cast<std::size_t>(m)]].push_back(f.words[i]);
            }
        }
        return out;
    };
    return {f, read, {}, {}};
}

AnswerInputs::Part AnswerInputs::textPart(const practice::AnswerField& f, QWidget* box,
                                          const QString& treeBefore) {
    return f.kind == Kind::Tree ? treePart(f, box, treeBefore) : bucketsPart(f, box);
}

AnswerInputs::Part AnswerInputs::treePart(const practice::AnswerField& f, QWidget* box,
                                          const QString& treeBefore) {
    QLineEdit* line = lineFor(f, box);
    line->setFont(fixedFontLike(line->font()));
    line->setText(treeBefore);
    line->setPlaceholderText(QStringLiteral("[20] ([10] [30 40])"));
    auto* hint = new QLabel(tr("A node is its keys in brackets, then its children in "
                               "parentheses: [20] ([10] [30 40]) is a root holding 20 with two "
                               "leaves. It starts as the tree before the operation."),
                            box);
    hint->setWordWrap(true);
    box->layout()->addWidget(hint);
    auto read = [line, label = toQ(f.label)](QString& problem) -> json {
        std::string error;
        const auto tree = practice::parseTreeText(line->text().toStdString(), error);
        if (!tree) {
            problem = tr("%1: %2.").arg(label, toQ(error));
            return json();
        }
        return *tree;
    };
    return {f, read, {}, {}};
}

// Lines of "start value" ("start -> value" as the answer is written): [[start, value], ...], or
// null with `problem` naming the line that is not one.
static json readBuckets(const QString& text, const QString& label, QString& problem) {
    json out = json::array();
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        line.replace(QStringLiteral("->"), QStringLiteral(" "));
        const QStringList items = line.split(separators(), Qt::SkipEmptyParts);
        if (items.isEmpty()) {
            continue;
        }
        bool ok = false;
        const double value = items.size() == 2 ? items[1].toDouble(&ok) : 0.0;
        const auto start = wholeNumber(items[0]);
        if (!start || !ok) {
            problem = AnswerInputs::tr("%1, line %2: write the start (ms) and the value, such as "
                                       "\u201c1700000040000 12.5\u201d.")
                          .arg(label)
                          .arg(i + 1);
            return json();
        }
        out.push_back({*start, value});
    }
    return out;
}

AnswerInputs::Part AnswerInputs::bucketsPart(const practice::AnswerField& f, QWidget* box) {
    auto* edit = new QPlainTextEdit(box);
    edit->setFont(fixedFontLike(edit->font()));
    edit->setTabChangesFocus(true);
    edit->setAccessibleName(toQ(f.label));
    edit->setPlaceholderText(
        tr("one bucket per line: its start (ms) and its value, such as\n"
           "1700000040000 12.5\n(Enter starts a new line; Ctrl+Enter checks the answer)"));
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 8);
    box->layout()->addWidget(edit);
    auto read = [edit, label = toQ(f.label)](QString& problem) {
        return readBuckets(edit->toPlainText(), label, problem);
    };
    return {f, read, {}, {}};
}

std::optional<nlohmann::json> AnswerInputs::submission(QString& problem) const {
    json out = json::object();
    for (const Part& p : parts_) {
        QString partProblem;
        json v = p.read(partProblem);
        if (!partProblem.isEmpty()) {
            problem = partProblem;
            return std::nullopt;
        }
        out[p.field.name] = std::move(v);
    }
    return out;
}

QMap<QString, QString> AnswerInputs::assignment() const {
    QMap<QString, QString> out;
    for (QWidget* box : boxes_) {
        for (auto* combo : box->findChildren<QComboBox*>()) {
            const QString name = combo->accessibleName();
            if (name.startsWith(QStringLiteral("Member for ")) && combo->currentIndex() > 0) {
                out.insert(name.mid(11), combo->currentText());
            }
        }
    }
    return out;
}

bool AnswerInputs::assignWord(const QString& word, const QString& member) {
    for (QWidget* box : boxes_) {
        for (auto* combo : box->findChildren<QComboBox*>()) {
            if (combo->accessibleName() == tr("Member for %1").arg(word) && combo->isEnabled()) {
                const int i = member.isEmpty() ? 0 : combo->findText(member);
                if (i < 0) {
                    return false;
                }
                combo->setCurrentIndex(i);
                return true;
            }
        }
    }
    return false;
}

bool AnswerInputs::toggleWord(const QString& word) {
    for (std::size_t i = 0; i < parts_.size(); ++i) {
        if (parts_[i].field.kind != Kind::WordList) {
            continue;
        }
        for (auto* b : boxes_[i]->findChildren<QPushButton*>()) {
            if (b->isCheckable() && b->text() == word && b->isEnabled()) {
                b->toggle();
                return true;
            }
        }
        return false;
    }
    return false;
}

bool AnswerInputs::appendNumber(qint64 number) {
    for (std::size_t i = 0; i < parts_.size(); ++i) {
        if (parts_[i].field.kind != Kind::NumberList) {
            continue;
        }
        auto* line = boxes_[i]->findChild<QLineEdit*>();
        if (!line || line->isReadOnly()) {
            return false;
        }
        const QString text = line->text().trimmed();
        line->setText(text.isEmpty() ? QString::number(number)
                                     : text + QStringLiteral(", ") + QString::number(number));
        return true;
    }
    return false;
}

// A number key picks in the group that has the focus and no pick yet, else the first group with
// no pick, else the group with the focus, else the first; the focus then goes to the button
// picked, so the arrow keys go on from there (they went on from the old focus, and a tester's
// Right then Space picked another master).
bool AnswerInputs::pickChoiceByKey(int index) {
    const auto focused = [&](std::size_t i) {
        return boxes_[i]->isAncestorOf(QApplication::focusWidget());
    };
    std::optional<std::size_t> target;
    const auto find = [&](auto&& ok) {
        for (std::size_t i = 0; i < parts_.size() && !target; ++i) {
            if (parts_[i].pick && ok(i)) {
                target = i;
            }
        }
    };
    find([&](std::size_t i) { return focused(i) && parts_[i].picked() < 0; });
    find([&](std::size_t i) { return parts_[i].picked() < 0; });
    find(focused);
    find([](std::size_t) { return true; });
    if (!target || index < 0 || index >= static_cast<int>(parts_[*target].field.options.size())) {
        return false;
    }
    parts_[*target].pick(index);
    QList<QAbstractButton*> buttons;
    for (auto* b : boxes_[*target]->findChildren<QAbstractButton*>()) {
        if (b->isCheckable()) {
            buttons << b;
        }
    }
    if (index < buttons.size()) {
        buttons[index]->setFocus(Qt::ShortcutFocusReason);
    }
    const auto first = std::find_if(parts_.begin(), parts_.end(),
                                    [](const Part& p) { return static_cast<bool>(p.pick); });
    if (first != parts_.end() && static_cast<std::size_t>(first - parts_.begin()) == *target) {
        emit choicePicked(index); // the picture shows the first group's pick
    }
    return true;
}

bool AnswerInputs::pickChoice(int index) {
    for (const Part& p : parts_) {
        if (p.pick && index >= 0 && index < static_cast<int>(p.field.options.size())) {
            p.pick(index);
            emit choicePicked(index);
            return true;
        }
    }
    return false;
}

int AnswerInputs::pickedChoice() const {
    for (const Part& p : parts_) {
        if (p.picked) {
            return p.picked();
        }
    }
    return -1;
}

void AnswerInputs::focusFirst() {
    for (QWidget* box : boxes_) {
        for (QWidget* w : box->findChildren<QWidget*>()) {
            if ((w->focusPolicy() & Qt::TabFocus) && w->isEnabled() && w->isVisibleTo(this)) {
                w->setFocus(Qt::TabFocusReason);
                return;
            }
        }
    }
}

} // namespace fg
