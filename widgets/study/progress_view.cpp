#include "widgets/study/progress_view.h"

#include "engines/practice/practice_session.h"
#include "models/course/course.h"
#include "models/study/progress_store.h"
#include "models/study/quiz_deck.h"
#include "widgets/canvas/counted.h"
#include "widgets/canvas/reading_column.h"
#include "widgets/controls/tree_rows.h"

#include <QDate>
#include <QHeaderView>
#include <QLabel>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace fg {

namespace {

constexpr int kChapterRole = Qt::UserRole;
constexpr int kSectionRole = Qt::UserRole + 1;
constexpr int kNoteChars = 300; // of a note, in its row (the rest in its tooltip)

QString sectionTitle(const Chapter& ch, const QString& id) {
    const Section* s = ch.section(id);
    return s ? s->title : id;
}

// Cells with two characters of room after their words: the Read and Quiz columns, as wide as
// their words, ran together ("not yet not tried"). A bookmark's or a note's row spans the
// columns and its words go on over more lines, as tall as they need at the width they have (a
// note was cut at the column's edge: "NewS...", a tester).
class RoomyCells : public QStyledItemDelegate {
public:
    explicit RoomyCells(QTreeWidget* tree) : QStyledItemDelegate(tree), tree_(tree) {}
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QStyleOptionViewItem o = option;
        if (index.column() == 0 && index.parent().isValid()) {
            o.rect = QRect(0, 0, rowTextWidth(*tree_, index), 1);
        }
        QSize s = QStyledItemDelegate::sizeHint(o, index);
        s.rwidth() += 2 * option.fontMetrics.averageCharWidth();
        return s;
    }

private:
    QTreeWidget* tree_;
};

} // namespace

QString ProgressView::pageTitle() const {
    return tr("My progress");
}

ProgressView::ProgressView(QWidget* parent) : QWidget(parent) {
    // One centred column as wide as reads well: the Read and Quiz columns stand near the
    // chapter names (they were at the far right of a wide page).
    auto* column = new ReadingColumn(100, this);
    auto* v = column->column();
    error_ = new QLabel(this);
    error_->setWordWrap(true);
    error_->setTextFormat(Qt::PlainText);
    error_->setAccessibleDescription(tr("Progress file problem"));
    error_->hide();
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    summary_->setAccessibleDescription(tr("Summary"));
    tree_ = new QTreeWidget(this);
    tree_->setColumnCount(3);
    tree_->setHeaderLabels({tr("Chapter"), tr("Read"), tr("Quiz")});
    tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    // Read and Quiz as wide as their words, whatever the type becomes (a zoom or the projector
    // theme left them at their first width: "not ...").
    tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    tree_->header()->setStretchLastSection(false);
    tree_->setItemDelegate(new RoomyCells(tree_));
    tree_->setWordWrap(true);
    tree_->setUniformRowHeights(false);
    tree_->setTextElideMode(Qt::ElideNone);
    // The rows' heights again at the column's new width (the window or the type changed).
    connect(tree_->header(), &QHeaderView::sectionResized, tree_, [this](int column) {
        if (column == 0) {
            tree_->doItemsLayout();
        }
    });
    tree_->setAccessibleName(QStringLiteral("Progress by chapter"));
    v->addWidget(error_);
    v->addWidget(summary_);
    v->addWidget(tree_, 1);
    connect(tree_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString chapter = item->data(0, kChapterRole).toString();
        if (!chapter.isEmpty()) {
            emit chapterLinkActivated(chapter, item->data(0, kSectionRole).toString());
        }
    });
}

void ProgressView::setData(const Course* course, const QuizDeck* deck, const ProgressStore* store) {
    course_ = course;
    deck_ = deck;
    store_ = store;
    refresh();
}

QString ProgressView::summaryText() const {
    return summary_->text();
}

void ProgressView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (store_) {
        refresh();
    }
}

void ProgressView::refresh() {
    tree_->clear();
    error_->setVisible(store_ && !store_->error().isEmpty());
    error_->setText(store_ ? store_->error() : QString());
    if (!course_ || !store_) {
        summary_->setText(tr("No progress yet."));
        return;
    }
    int chaptersRead = 0;
    int cardsRight = 0;
    int cardsTotal = 0;
    for (const Chapter& ch : course_->chapters) {
        const ChapterProgress p = store_->chapter(ch.id);
        int read = 0;
        for (const Section& s : ch.sections) {
            read += p.sectionsRead.contains(s.id) ? 1 : 0;
        }
        const int total = static_cast<int>(ch.sections.size());
        chaptersRead += total > 0 && read == total ? 1 : 0;

        auto* item = new QTreeWidgetItem(tree_);
        item->setText(0,
                      ch.number.isEmpty() ? ch.title : ch.number + QStringLiteral(". ") + ch.title);
        item->setData(0, kChapterRole, ch.id);
        item->setText(1, read == total && total > 0 ? tr("read")
                         : read == 0                ? tr("not yet")
                                                    : tr("%1 of %2")
                                           .arg(read)
                                           .arg(inEnglishNumber(
                                               tr("%n section(s)", nullptr, int(total)), total)));
        if (deck_) {
            const auto cards = deck_->fromChapter(ch.id);
            int right = 0;
            int answered = 0;
            for (const auto* c : cards) {
                const QString result = p.quiz.value(QString::fromStdString(c->id));
                answered += result.isEmpty() ? 0 : 1;
                right += result == QStringLiteral("right") ? 1 : 0;
            }
            cardsRight += right;
            cardsTotal += static_cast<int>(cards.size());
            if (!cards.empty()) {
                item->setText(2, answered == 0 ? tr("not tried")
                                               : tr("%1 of %2 right").arg(right).arg(cards.size()));
            }
        }
        for (const QString& s : p.bookmarks) {
            auto* b = new QTreeWidgetItem(item);
            b->setText(0, tr("Bookmark: %1").arg(sectionTitle(ch, s)));
            b->setFirstColumnSpanned(true);
            b->setData(0, kChapterRole, ch.id);
            b->setData(0, kSectionRole, s);
        }
        for (auto it = p.notes.cbegin(); it != p.notes.cend(); ++it) {
            auto* n = new QTreeWidgetItem(item);
            QString text = it.value().simplified();
            if (text.size() > kNoteChars) {
                text = text.left(kNoteChars - 1) + QChar(0x2026); // the whole in its tooltip
            }
            n->setText(0, tr("Note on %1: %2").arg(sectionTitle(ch, it.key()), text));
            n->setFirstColumnSpanned(true);
            n->setToolTip(0, it.value());
            n->setData(0, kChapterRole, ch.id);
            n->setData(0, kSectionRole, it.key());
        }
        item->setExpanded(true);
    }
    summary_->setText(tr("%1 of %2 chapters read. Quiz: %3 of %4 cards right.")
                          .arg(chaptersRead)
                          .arg(course_->chapters.size())
                          .arg(cardsRight)
                          .arg(cardsTotal) +
                      addPracticeRows());
}

// A "Practice" row, under it a row per topic (its right answers of all), and under each topic
// a row per exercise type tried: how many answers were right, and when the practice review brings
// the type back. Returns a sentence for the summary (empty when no exercise was answered).
QString ProgressView::addPracticeRows() {
    if (store_->practiceTallies().isEmpty()) {
        return {};
    }
    const long today = static_cast<long>(QDate::currentDate().toJulianDay());
    // The columns are titled for chapters (Read, Quiz): the practice row titles them for the
    // rows under it, in bold, as a sub-heading (a tester read a review date as "Read").
    auto* top = new QTreeWidgetItem(tree_);
    top->setText(1, tr("Next review"));
    top->setText(2, tr("Right answers"));
    QFont bold = top->font(0);
    bold.setBold(true);
    for (int c = 0; c < 3; ++c) {
        top->setFont(c, bold);
    }
    PracticeTally all;
    for (const auto& topic : practice::topics()) {
        QTreeWidgetItem* topicRow = nullptr;
        PracticeTally sum;
        for (const practice::ExerciseType* type : practice::typesOf(topic.id)) {
            const QString id = QString::fromStdString(practice::typeId(*type));
            const PracticeTally t = store_->practiceTally(id);
            if (t.seen == 0 || std::string_view(topic.id) == "mixed") {
                continue;
            }
            if (!topicRow) {
                topicRow = new QTreeWidgetItem(top);
                topicRow->setText(0, QString::fromUtf8(topic.title));
                topicRow->setExpanded(true);
            }
            sum.seen += t.seen;
            sum.right += t.right;
            auto* row = new QTreeWidgetItem(topicRow);
            row->setText(0, QString::fromUtf8(type->what));
            const study::CardState* card = store_->practiceReview().state(id.toStdString());
            const long days = card ? card->due - today : 0;
            row->setText(1, days <= 0 ? tr("due today")
                                      : tr("in %1").arg(inEnglishNumber(
                                            tr("%n day(s)", nullptr, int(days)), days)));
            row->setText(2, tr("%1 of %2 right").arg(t.right).arg(t.seen));
        }
        if (topicRow) {
            topicRow->setText(2, tr("%1 of %2 right").arg(sum.right).arg(sum.seen));
            all.seen += sum.seen;
            all.right += sum.right;
        }
    }
    top->setText(0, tr("Practice (Study > Practice): %1 of %2 right").arg(all.right).arg(all.seen));
    top->setExpanded(true);
    const int due = store_->practiceReview().dueCount(today);
    return QLatin1Char(' ') +
           tr("Practice: %1 of %2 answers right; %3 due for review today.")
               .arg(all.right)
               .arg(all.seen)
               .arg(inEnglishNumber(tr("%n exercise type(s)", nullptr, int(due)), due));
}

} // namespace fg
