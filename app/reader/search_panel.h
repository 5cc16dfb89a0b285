// SearchPanel: a search box and its results across every chapter ("Chapter › Section" and the
// words around the hit, each with room around it: SearchResultDelegate). Enter or a click on a
// result asks the window to show it; Esc asks it to close the panel.
#pragma once

#include "app/reader/search_index.h"

#include <QWidget>
#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;

namespace fg {

class SearchResultDelegate;

class SearchPanel : public QWidget {
    Q_OBJECT
public:
    explicit SearchPanel(QWidget* parent = nullptr);

    // The course must outlive the panel; its index is made at the first search (it lays out
    // every chapter: ~0.1 s that start-up need not pay).
    void setCourse(const Course& course);
    void focusQuery(); // selects the query text, ready to type
    QString query() const;
    int resultCount() const;
    QListWidget* results() { return results_; }
    // Makes the result for (chapter, section) the current one, as F3 moves through the hits.
    void followHit(int chapter, const QString& sectionId);
    // The chapters with a hit for `query`, in reading order (F3 goes on to them).
    QList<int> chaptersWithHits(const QString& query) const;

signals:
    void resultActivated(int chapter, const QString& sectionId, const QString& query);
    // The query was changed (typed, pasted, cleared): the reader's marks of the old one go.
    void queryChanged(const QString& query);
    void closeRequested();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void runSearch();
    void activate(int row);

    const SearchIndex* index() const; // null before setCourse

    const Course* course_ = nullptr;
    mutable std::unique_ptr<SearchIndex> index_;
    std::vector<SearchResult> found_;
    QLineEdit* query_;
    QLabel* status_;
    QListWidget* results_;
    SearchResultDelegate* delegate_;
};

} // namespace fg
