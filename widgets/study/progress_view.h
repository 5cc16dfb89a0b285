// ProgressView: the student's progress, one row per chapter in reading order: how many sections
// are read, the quiz score (cards from that chapter last answered right), and under each chapter
// its bookmarks and notes. A damaged progress file's message (ProgressStore::error) is shown at the
// top. Activating a bookmark or note emits chapterLinkActivated for its section. Under the
// chapters, a Practice row: each exercise type answered, right answers of all, and when the
// practice review brings it back.
#pragma once

#include "widgets/canvas/page.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace fg {

struct Course;
struct QuizDeck;
class ProgressStore;

class ProgressView : public QWidget, public Page {
    Q_OBJECT
public:
    explicit ProgressView(QWidget* parent = nullptr);

    // The view follows the application's palette: a theme changes nothing of its own.
    void setTheme(const Theme&) override {}
    QString pageTitle() const override;

    // All three must outlive the view (the deck may be null). Calls refresh().
    void setData(const Course* course, const QuizDeck* deck, const ProgressStore* store);
    // Rebuilds the rows from the store (call after the store changed).
    void refresh();

    QTreeWidget* tree() const { return tree_; }
    QString summaryText() const;

signals:
    void chapterLinkActivated(QString chapterId, QString sectionId);

protected:
    // Shown again (its tab chosen, the window restored): what was read meanwhile counts. The
    // view went on showing the reading of the session's start until the app was restarted.
    void showEvent(QShowEvent* event) override;

private:
    QString addPracticeRows();

    const Course* course_ = nullptr;
    const QuizDeck* deck_ = nullptr;
    const ProgressStore* store_ = nullptr;
    QLabel* error_;
    QLabel* summary_;
    QTreeWidget* tree_;
};

} // namespace fg
