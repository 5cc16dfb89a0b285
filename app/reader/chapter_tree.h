// ChapterTree: the sidebar: chapters and, under each, its sections. Arrow keys move (browsed),
// Enter or a click opens (activated). A chapter that failed to load is marked and its tooltip says
// why. A title longer than the list is wide goes on over more lines: none is cut, whatever the
// theme's type.
#pragma once

#include "models/course/course.h"

#include <QPointer>
#include <QTreeWidget>

namespace fg {

class ChapterTree : public QTreeWidget {
    Q_OBJECT
public:
    explicit ChapterTree(QWidget* parent = nullptr);

    void setCourse(const Course& course);
    // Marks the item of (chapter, section) current without emitting `activated`, its chapter
    // opened; the chapter opened for the last one closes again unless the student opened it
    // (Alt+PgDown through the course left every chapter open).
    void select(int chapter, const QString& sectionId);

    // Marks the row of (chapter, section) as bookmarked (a star after its title) and as having
    // a note (a pencil; its tooltip holds the note), or not: a student's bookmarks and notes
    // were nowhere to be seen where they read (a tester). A screen reader hears the words.
    void setSectionMarks(int chapter, const QString& sectionId, bool bookmarked,
                         const QString& note);
    // PgUp and PgDn in the list go to `reader` while it is on screen: they scroll what is read
    // (after a click on "3. Cassandra", PgDn moved the list a page down and opened "Common
    // Mistakes": tester 43). The arrows still move in the list.
    void sendPageKeysTo(QWidget* reader) { pageKeysTo_ = reader; }
    // True while the last key the list took was a page key it sent on: the list then follows
    // the reader's section as it would without the focus (it stayed on the chapter's row, and
    // Down jumped back to the top: tester 44).
    bool pagedTheReader() const { return pagedReader_; }
    static constexpr QChar kBookmarkMark = QChar(0x2605), kNoteMark = QChar(0x270E);

signals:
    // Enter or a click on a row: open it.
    void chapterSectionActivated(int chapter, const QString& sectionId);
    // The arrows (or type-ahead) moved the current row there; nothing asked to open it yet.
    void chapterSectionBrowsed(int chapter, const QString& sectionId);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    // The row marked is the one the reader shows: a click on a chapter opens it and closes the
    // one opened before, the rows slide, and the button's release marked the row that slid under
    // the pointer ("Caching Patterns" for a click on "4. Redis").
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void fitToFont();

    bool syncing_ = false;
    QTreeWidgetItem* openedBySelect_ = nullptr; // the chapter select() opened, if still so
    QPointer<QWidget> pageKeysTo_;
    bool pagedReader_ = false;
};

} // namespace fg
