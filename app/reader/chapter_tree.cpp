#include "app/reader/chapter_tree.h"

#include "widgets/controls/tree_rows.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QResizeEvent>
#include <QStyle>
#include <QStyledItemDelegate>
#include <algorithm>

namespace fg {

namespace {
constexpr int kChapterRole = Qt::UserRole;
constexpr int kSectionRole = Qt::UserRole + 1;
constexpr int kTitleRole = Qt::UserRole + 2; // a section's title, without its marks

// A title longer than the list is wide goes on over two lines or more, in every theme: the
// Projector theme's larger type cut "7. OLTP vs OLAP"'s sections and half the chapters' names
// with "..." at the list's 300 px (a tester, at 1920x1080). Qt's tree measures a row as if its
// text had no width to keep to: the row's height is measured here at the width it is given, with
// room above and below its words (kRowPadding each; a style sheet's padding did it, and started
// Qt's style-sheet machinery with the window: some 3 ms of its start).
class WrappingDelegate : public QStyledItemDelegate {
public:
    static constexpr int kRowPadding = 3;

    explicit WrappingDelegate(QTreeView* tree) : QStyledItemDelegate(tree), tree_(tree) {}

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QStyleOptionViewItem o = option;
        o.rect = QRect(0, 0, rowTextWidth(*tree_, index), 1);
        return QStyledItemDelegate::sizeHint(o, index) + QSize(0, 2 * kRowPadding);
    }

private:
    QTreeView* tree_;
};

} // namespace

ChapterTree::ChapterTree(QWidget* parent) : QTreeWidget(parent) {
    setHeaderHidden(true);
    setAccessibleName(tr("Chapters and sections"));
    setAccessibleDescription(tr("Enter or a click opens a section in the Reader tab; while the "
                                "Reader tab is shown, it follows the arrow keys."));
    // Rows of one line or more (WrappingDelegate): the heights differ, and nothing is cut.
    setUniformRowHeights(false);
    setWordWrap(true);
    setTextElideMode(Qt::ElideNone);
    setItemDelegate(new WrappingDelegate(this));
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setExpandsOnDoubleClick(true);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.2); // readable from the back of a classroom
    setFont(f);
    fitToFont();
    // A chapter the student closes or opens is theirs: select() leaves it as they put it.
    const auto theirs = [this](QTreeWidgetItem* item) {
        if (!syncing_ && item == openedBySelect_) {
            openedBySelect_ = nullptr;
        }
    };
    connect(this, &QTreeWidget::itemExpanded, this, theirs);
    connect(this, &QTreeWidget::itemCollapsed, this, theirs);
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (!syncing_ && item) {
            emit chapterSectionBrowsed(item->data(0, kChapterRole).toInt(),
                                       item->data(0, kSectionRole).toString());
        }
    });
    // A click opens the row, the current one too (behind a study tool's tab it had not
    // followed the arrows); Enter likewise (activated).
    for (const auto signal : {&QTreeWidget::itemClicked, &QTreeWidget::itemActivated}) {
        connect(this, signal, this, [this](QTreeWidgetItem* item) {
            emit chapterSectionActivated(item->data(0, kChapterRole).toInt(),
                                         item->data(0, kSectionRole).toString());
        });
    }
}

void ChapterTree::fitToFont() {
    // About 20 characters: a title's words stay readable when the search panel or a wide page
    // takes the window's width (it was squeezed to ~50 px); a longer title goes on over more
    // lines, and its tooltip has the whole of it too.
    setMinimumWidth(fontMetrics().averageCharWidth() * 20 + 2 * frameWidth() + indentation());
}

void ChapterTree::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) {
        fitToFont();
    }
    QTreeWidget::changeEvent(event);
}

void ChapterTree::resizeEvent(QResizeEvent* event) {
    QTreeWidget::resizeEvent(event);
    if (event->size().width() != event->oldSize().width()) {
        scheduleDelayedItemsLayout(); // the rows' heights at the new width
    }
}

void ChapterTree::keyPressEvent(QKeyEvent* event) {
    const bool page = event->key() == Qt::Key_PageUp || event->key() == Qt::Key_PageDown;
    if (page && event->modifiers() == Qt::NoModifier && pageKeysTo_ && pageKeysTo_->isVisible()) {
        pagedReader_ = true;
        QKeyEvent copy(event->type(), event->key(), event->modifiers(), event->text());
        QCoreApplication::sendEvent(pageKeysTo_, &copy);
        event->accept();
        return;
    }
    pagedReader_ = false;
    QTreeWidget::keyPressEvent(event);
}

void ChapterTree::mouseReleaseEvent(QMouseEvent* event) {
    QTreeWidget::mouseReleaseEvent(event);
    if (QTreeWidgetItem* shown = currentItem(); shown && !shown->isSelected()) {
        clearSelection();
        shown->setSelected(true);
    }
}

void ChapterTree::setCourse(const Course& course) {
    openedBySelect_ = nullptr;
    clear();
    for (std::size_t c = 0; c < course.chapters.size(); ++c) {
        const Chapter& ch = course.chapters[c];
        auto* top = new QTreeWidgetItem(this);
        const QString title =
            ch.number.isEmpty() ? ch.title : ch.number + QStringLiteral(". ") + ch.title;
        top->setText(0, title);
        top->setData(0, kChapterRole, static_cast<int>(c));
        // The whole title too: a narrow sidebar cuts it off.
        top->setToolTip(0,
                        ch.summary.isEmpty() ? title : title + QStringLiteral("\n\n") + ch.summary);
        if (!ch.loaded()) {
            top->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
            QStringList why;
            for (const auto& e : ch.errors) {
                why << e.toString();
            }
            top->setToolTip(0, tr("This chapter could not be opened:\n%1").arg(why.join('\n')));
        }
        for (const auto& s : ch.sections) {
            auto* item = new QTreeWidgetItem(top);
            item->setText(0, s.title);
            item->setToolTip(0, s.title);
            item->setData(0, kTitleRole, s.title);
            item->setData(0, kChapterRole, static_cast<int>(c));
            item->setData(0, kSectionRole, s.id);
        }
    }
}

void ChapterTree::setSectionMarks(int chapter, const QString& sectionId, bool bookmarked,
                                  const QString& note) {
    QTreeWidgetItem* top = topLevelItem(chapter);
    for (int i = 0; top && i < top->childCount(); ++i) {
        QTreeWidgetItem* item = top->child(i);
        if (item->data(0, kSectionRole).toString() != sectionId) {
            continue;
        }
        const QString title = item->data(0, kTitleRole).toString();
        QString marks, said = title, tip = title;
        if (bookmarked) {
            marks += QLatin1Char(' ');
            marks += kBookmarkMark;
            said += tr(", bookmarked");
            tip += QStringLiteral("\n") + tr("Bookmarked (Ctrl+D removes the bookmark).");
        }
        if (!note.isEmpty()) {
            marks += QLatin1Char(' ');
            marks += kNoteMark;
            said += tr(", with your note");
            tip += QStringLiteral("\n") + tr("Your note: %1").arg(note);
        }
        item->setText(0, title + marks);
        item->setData(0, Qt::AccessibleTextRole, said);
        item->setToolTip(0, tip);
    }
}

void ChapterTree::select(int chapter, const QString& sectionId) {
    QTreeWidgetItem* top = topLevelItem(chapter);
    if (!top) {
        return;
    }
    QTreeWidgetItem* target = top;
    for (int i = 0; i < top->childCount(); ++i) {
        if (top->child(i)->data(0, kSectionRole).toString() == sectionId) {
            target = top->child(i);
        }
    }
    syncing_ = true;
    if (openedBySelect_ && openedBySelect_ != top) {
        openedBySelect_->setExpanded(false);
    }
    if (openedBySelect_ != top) {
        openedBySelect_ = top->isExpanded() ? nullptr : top;
    }
    top->setExpanded(true);
    setCurrentItem(target);
    scrollToItem(target);
    syncing_ = false;
}

} // namespace fg
