#include "app/reader/search_panel.h"

#include "app/reader/search_result_delegate.h"
#include "widgets/canvas/counted.h"
#include "widgets/canvas/long_words.h"
#include "widgets/diagrams/diagram_registry.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QShortcut>
#include <QVBoxLayout>

namespace fg {

SearchPanel::SearchPanel(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(6, 6, 6, 6);
    query_ = new QLineEdit(this);
    query_->setPlaceholderText(tr("Search every chapter"));
    query_->setAccessibleName(tr("Search"));
    column->addWidget(query_);
    status_ = new QLabel(this);
    status_->setAccessibleDescription(tr("Search status"));
    // A long query is said wrapped, its long words shortened: 1,000 characters typed made the
    // line as wide, and the window grew past the screen (a tester).
    status_->setWordWrap(true);
    column->addWidget(status_);
    results_ = new QListWidget(this);
    results_->setAccessibleName(tr("Search results"));
    results_->setWordWrap(true);
    results_->setUniformItemSizes(false);
    // Each result apart from the next, with room to read (SearchResultDelegate), laid out again
    // at the panel's new width.
    delegate_ = new SearchResultDelegate(results_);
    results_->setItemDelegate(delegate_);
    results_->setResizeMode(QListView::Adjust);
    results_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    results_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    column->addWidget(results_, 1);
    connect(query_, &QLineEdit::textChanged, this, &SearchPanel::runSearch);
    connect(query_, &QLineEdit::returnPressed, this, [this] {
        if (results_->count() > 0) {
            activate(results_->currentRow() < 0 ? 0 : results_->currentRow());
        }
    });
    connect(results_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { activate(results_->row(item)); });
    connect(results_, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { activate(results_->row(item)); });
    auto* close = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    close->setContext(Qt::WidgetWithChildrenShortcut);
    connect(close, &QShortcut::activated, this, &SearchPanel::closeRequested);
}

void SearchPanel::showEvent(QShowEvent* event) {
    // The clear button when the panel is first shown, not at start: its icon is the first image
    // the app reads, and reading it loads every image format plugin (5 ms of a start to the
    // window, where the panel is hidden).
    query_->setClearButtonEnabled(true);
    QWidget::showEvent(event);
}

void SearchPanel::followHit(int chapter, const QString& sectionId) {
    for (std::size_t i = 0; i < found_.size(); ++i) {
        if (found_[i].chapter == chapter && found_[i].sectionId == sectionId) {
            results_->setCurrentRow(static_cast<int>(i));
            results_->scrollToItem(results_->currentItem());
            return;
        }
    }
}

QList<int> SearchPanel::chaptersWithHits(const QString& query) const {
    QList<int> chapters;
    if (const SearchIndex* index = this->index()) {
        for (const SearchResult& r : index->search(query, 100000)) {
            if (!chapters.contains(r.chapter)) {
                chapters << r.chapter;
            }
        }
    }
    std::sort(chapters.begin(), chapters.end()); // reading order (the results are ranked)
    return chapters;
}

void SearchPanel::setCourse(const Course& course) {
    course_ = &course;
    index_.reset();
    runSearch();
}

const SearchIndex* SearchPanel::index() const {
    if (!index_ && course_) {
        index_ = std::make_unique<SearchIndex>(*course_, diagramLinks());
    }
    return index_.get();
}

void SearchPanel::focusQuery() {
    query_->setFocus(Qt::ShortcutFocusReason);
    query_->selectAll();
}

QString SearchPanel::query() const {
    return query_->text();
}

int SearchPanel::resultCount() const {
    return static_cast<int>(found_.size());
}

void SearchPanel::runSearch() {
    emit queryChanged(query_->text());
    results_->clear();
    const bool asked = query_->text().trimmed().size() >= 2; // the index waits for a question
    found_ = asked && index() ? index()->search(query_->text()) : std::vector<SearchResult>();
    int hits = 0;
    delegate_->setQuery(query_->text());
    for (const auto& r : found_) {
        hits += r.hits;
        const QString where = sectionPath(r.chapterTitle, r.sectionTitle);
        auto* item = new QListWidgetItem(where + QLatin1Char('\n') + r.snippet, results_);
        item->setData(SearchResultDelegate::kHeadingRole, where);
        item->setData(SearchResultDelegate::kSnippetRole, r.snippet);
        item->setToolTip(r.snippet);
    }
    if (query_->text().trimmed().size() < 2) {
        status_->setText(tr("Type at least two letters."));
    } else if (found_.empty()) {
        const QString asked = query_->text().trimmed();
        status_->setText(tr("No section mentions \u201c%1\u201d.").arg(shortWords(asked)));
    } else {
        status_->setText(
            tr("%1, %2").arg(inEnglishNumber(tr("%n section(s)", nullptr, int(found_.size())),
                                             qint64(found_.size())),
                             inEnglishNumber(tr("%n hit(s)", nullptr, int(hits)), hits)));
    }
    if (results_->count() > 0) {
        results_->setCurrentRow(0);
    }
}

void SearchPanel::activate(int row) {
    if (row < 0 || row >= static_cast<int>(found_.size())) {
        return;
    }
    const auto& r = found_[static_cast<std::size_t>(row)];
    emit resultActivated(r.chapter, r.sectionId, query_->text().trimmed());
}

} // namespace fg
