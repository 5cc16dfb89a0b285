// A student's bookmarks and notes where they read (a tester found them nowhere but in a word on
// the status bar): each marked in the chapter list, with words for a screen reader and the note
// in the row's tooltip; Study's entry says "Remove bookmark" on a bookmarked section; the marks
// come back at the next start; My progress shows a note whole, over as many lines as it needs.
#include "app/main_window.h"
#include "app/reader/chapter_tree.h"
#include "app/reader/reader_view.h"
#include "models/course/content_loader.h"
#include "models/study/progress_store.h"
#include "models/study/quiz_deck.h"
#include "tests/app/app_test_support.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/study/progress_view.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

namespace {

QTreeWidgetItem* sectionRow(fg::ChapterTree* tree, int chapter, int section) {
    QTreeWidgetItem* top = tree->topLevelItem(chapter);
    return top ? top->child(section) : nullptr;
}

// The Study menu's entry Ctrl+D triggers, as the menu shows it.
QString bookmarkEntry(fg::MainWindow& w) {
    for (QAction* menu : w.menuBar()->actions()) {
        if (!menu->menu() || menu->text() != QStringLiteral("&Study")) {
            continue;
        }
        emit menu->menu()->aboutToShow();
        for (QAction* a : menu->menu()->actions()) {
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_D)) {
                return a->text();
            }
        }
    }
    return {};
}

} // namespace

class TestStudyMarks : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { useOwnTestSettings("study-marks"); }
    // Each test from no progress: bookmarks and notes are saved as they are made.
    void init() {
        QSettings().clear();
        QFile::remove(fg::ProgressStore::defaultPath());
    }

    void bookmarksAndNotesAreMarkedInTheChapterList() {
        const fg::Course course = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
        const fg::Chapter& chapter = course.chapters[2];
        const QString section = chapter.sections[1].id, title = chapter.sections[1].title;
        {
            fg::MainWindow w(course);
            w.resize(1280, 800);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.showSection(2, section);
            QTest::qWait(100);
            QTreeWidgetItem* row = sectionRow(w.tree(), 2, 1);
            QVERIFY(row);
            QCOMPARE(row->text(0), title);
            QCOMPARE(bookmarkEntry(w), QStringLiteral("&Bookmark this section"));
            QTest::keyClick(&w, Qt::Key_D, Qt::ControlModifier);
            QVERIFY(w.progress()->isBookmarked(chapter.id, section));
            QCOMPARE(row->text(0), title + QLatin1Char(' ') + fg::ChapterTree::kBookmarkMark);
            QCOMPARE(row->data(0, Qt::AccessibleTextRole).toString(), title + ", bookmarked");
            QCOMPARE(bookmarkEntry(w), QStringLiteral("Remove &bookmark"));
            w.setSectionNote(chapter.id, section, QStringLiteral("ISR: replicas caught up"));
            QCOMPARE(row->text(0), title + QLatin1Char(' ') + fg::ChapterTree::kBookmarkMark +
                                       QLatin1Char(' ') + fg::ChapterTree::kNoteMark);
            QVERIFY(row->toolTip(0).contains(QStringLiteral("ISR: replicas caught up")));
            QCOMPARE(row->data(0, Qt::AccessibleTextRole).toString(),
                     title + ", bookmarked, with your note");
        }
        {
            // The next start marks them again, from the saved progress.
            fg::MainWindow w(course);
            QTreeWidgetItem* row = sectionRow(w.tree(), 2, 1);
            QCOMPARE(row->text(0), title + QLatin1Char(' ') + fg::ChapterTree::kBookmarkMark +
                                       QLatin1Char(' ') + fg::ChapterTree::kNoteMark);
            w.resize(1280, 800);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.showSection(2, section);
            QTest::qWait(100);
            QTest::keyClick(&w, Qt::Key_D, Qt::ControlModifier); // off again
            w.setSectionNote(chapter.id, section, QString());
            QCOMPARE(row->text(0), title);
            QCOMPARE(row->toolTip(0), title);
            QCOMPARE(bookmarkEntry(w), QStringLiteral("&Bookmark this section"));
        }
    }

    // My progress at 1920x1080 cut a note at its column's edge ("...Decision Flowchart: NewS").
    // A note's row spans the page's columns and is as tall as its words need.
    // Tester 40 looked for a list of bookmarks in the Study menu: Study > Your bookmarks and
    // notes lists each marked section in the course's order, and opens it.
    void theStudyMenuListsTheMarkedSections() {
        const fg::Course course = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
        fg::MainWindow w(course);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* list = w.findChild<QMenu*>(QStringLiteral("markedSections"));
        QVERIFY(list);
        emit list->aboutToShow();
        QCOMPARE(list->actions().size(), 1);
        QVERIFY(!list->actions().first()->isEnabled()); // "None yet: Ctrl+D ..."
        const fg::Chapter& late = course.chapters[4];
        const fg::Chapter& early = course.chapters[2];
        w.progress()->setBookmark(late.id, late.sections[1].id, true);
        w.setSectionNote(early.id, early.sections[2].id, QStringLiteral("ISR & acks"));
        emit list->aboutToShow();
        const QList<QAction*> entries = list->actions();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0]->text(), QStringLiteral("%1  %2 \u203a %3")
                                         .arg(fg::ChapterTree::kNoteMark)
                                         .arg(early.title, early.sections[2].title)
                                         .replace('&', QStringLiteral("&&")));
        QVERIFY(entries[0]->toolTip().contains(QStringLiteral("ISR & acks")));
        QVERIFY(entries[1]->text().startsWith(fg::ChapterTree::kBookmarkMark));
        QVERIFY(entries[1]->text().endsWith(late.sections[1].title));
        entries[1]->trigger();
        QTest::qWait(100);
        QCOMPARE(w.reader()->chapterIndex(), 4);
        QCOMPARE(w.reader()->currentSection(), late.sections[1].id);
        // Past kMarkedSectionsListed, the rest are in My progress.
        for (const fg::Chapter& ch : course.chapters) {
            for (const fg::Section& s : ch.sections) {
                w.progress()->setBookmark(ch.id, s.id, true);
            }
        }
        emit list->aboutToShow();
        QCOMPARE(list->actions().size(), fg::MainWindow::kMarkedSectionsListed + 2);
        QVERIFY(list->actions().last()->text().contains(QStringLiteral("My progress")));
    }

    void myProgressShowsANoteWhole() {
        const fg::Course course = fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent);
        const fg::QuizDeck deck =
            fg::loadQuizDeck(QStringLiteral(":/content"), fg::kEnglishContent);
        QTemporaryDir dir;
        fg::ProgressStore store(dir.filePath(QStringLiteral("progress.json")));
        const QString note =
            QStringLiteral("NewSQL when the data is relational but one node cannot take the "
                           "writes: CockroachDB or Spanner, and mind the latency of a write "
                           "that waits for a quorum in another region.");
        store.setNote(QStringLiteral("database-types"), course.chapters[1].sections.back().id,
                      note);
        fg::ProgressView view;
        view.setData(&course, &deck, &store);
        for (const int width : {800, 1200}) {
            view.resize(width, 700);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QCoreApplication::processEvents();
            QTreeWidget* tree = view.tree();
            QTreeWidgetItem* noteRow = tree->topLevelItem(1)->child(0);
            QVERIFY(noteRow);
            QVERIFY(noteRow->text(0).endsWith(note));
            const QRect shown = tree->visualItemRect(noteRow);
            const QRect needs = tree->fontMetrics().boundingRect(
                QRect(0, 0, shown.width() - 2 * tree->fontMetrics().averageCharWidth(), 100000),
                Qt::TextWordWrap, noteRow->text(0));
            QVERIFY2(shown.height() >= needs.height(),
                     qPrintable(QStringLiteral("at %1 px: the row %2 px high, its words %3")
                                    .arg(width)
                                    .arg(shown.height())
                                    .arg(needs.height())));
            QVERIFY2(needs.height() > tree->fontMetrics().lineSpacing(),
                     "the note fits one line: the test shows nothing");
        }
    }
};

FG_TEST_MAIN(TestStudyMarks)
#include "test_study_marks.moc"
