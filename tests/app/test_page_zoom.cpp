// View > Zoom in, Zoom out and Reset zoom act on the tab on screen: the reader's text, a live
// diagram's drawing, and a tool's type (the study tools and simulators stayed at 11-12 px while
// Ctrl++ enlarged a reader nobody could see). A tool's zoom is kept per kind of tool; the study
// tools stand in a centred column with their buttons by their content at 1920x1080.
#include "app/main_window.h"
#include "app/page_zoom.h"
#include "app/reader/reader_view.h"
#include "models/course/content_loader.h"
#include "tests/app/app_test_support.h"
#include "tests/app/window_test_support.h"
#include "tests/suite_main.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/canvas/diagram_panel.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/diagram_view.h"
#include "widgets/simulators/simulators.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QFontInfo>
#include <QLabel>
#include <QSettings>
#include <QStyle>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

namespace {

// The window's View menu entry with this text ("Zoom &in").
QAction* viewAction(fg::MainWindow& w, const QString& text) {
    for (QAction* a : w.findChildren<QAction*>()) {
        if (a->text() == text) {
            return a;
        }
    }
    return nullptr;
}

// The type size of every visible label and button of `page` that shows text, by widget.
QHash<const QWidget*, int> typeSizes(QWidget* page) {
    QHash<const QWidget*, int> px;
    for (QWidget* c : page->findChildren<QWidget*>()) {
        const auto* label = qobject_cast<QLabel*>(c);
        const auto* button = qobject_cast<QAbstractButton*>(c);
        if (c->isVisible() &&
            ((label && !label->text().isEmpty()) || (button && !button->text().isEmpty()))) {
            px.insert(c, QFontInfo(c->font()).pixelSize());
        }
    }
    return px;
}

} // namespace

class TestPageZoom : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { useOwnTestSettings("page-zoom"); }
    void init() { QSettings().clear(); }
    void cleanup() { desktop_.restore(); }

    // A theme's larger type scales the widgets with a size of their own once, and leaves those
    // that set only bold, say, to follow their parent: the quiz's choices, bold set on their
    // inherited font, were scaled on top of the size they had followed, and after Projector ->
    // System stood at the Projector's size (a fresh quiz in test_theme_chrome).
    void aThemesTypeScalesEachOwnSizeOnce() {
        QWidget page;
        auto* follower = new QLabel(QStringLiteral("bold only"), &page);
        QFont bold = follower->font();
        bold.setBold(true);
        follower->setFont(bold); // a font of its own, its size still the page's
        auto* sized = new QLabel(QStringLiteral("its own size"), &page);
        QFont big = sized->font();
        big.setPointSizeF(big.pointSizeF() * 1.25);
        sized->setFont(big);
        auto* under = new QLabel(QStringLiteral("bold, under the sized one"), sized);
        QFont underBold = under->font();
        underBold.setBold(true);
        under->setFont(underBold);
        const qreal app = QApplication::font().pointSizeF();
        const auto themeScale = [&](qreal ratio) {
            const fg::OwnFontSizes before = fg::ownFontSizes(&page);
            QFont f = QApplication::font();
            f.setPointSizeF(f.pointSizeF() * ratio);
            QApplication::setFont(f);
            QEvent now(QEvent::ApplicationFontChange); // at once, as AppTheme::apply hands it on
            QCoreApplication::sendEvent(&page, &now);
            fg::scaleOwnFonts(&page, ratio, before);
        };
        themeScale(1.35);
        QCOMPARE(follower->font().pointSizeF(), app * 1.35);
        QVERIFY(follower->font().bold());
        QCOMPARE(sized->font().pointSizeF(), app * 1.25 * 1.35);
        QCOMPARE(under->font().pointSizeF(), app * 1.25 * 1.35);
        themeScale(1 / 1.35);
        QCOMPARE(follower->font().pointSizeF(), app);
        QCOMPARE(sized->font().pointSizeF(), app * 1.25);
        QCOMPARE(under->font().pointSizeF(), app * 1.25);
    }

    // Every tool's text grows with Zoom in (three steps: 1.33 times), the reader's zoom stays
    // where it was, and Reset zoom brings back the very sizes it had.
    void zoomScalesAToolsType() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1920, 1080);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setThemeChoice(fg::ThemeChoice::Light);
        QAction* in = viewAction(w, QStringLiteral("Zoom &in"));
        QAction* reset = viewAction(w, QStringLiteral("&Reset zoom"));
        QVERIFY(in && reset);
        QStringList problems;
        QStringList pages = allTools();
        pages << QStringLiteral("btree-vs-lsm");
        for (const QString& id : pages) {
            if (id == QLatin1String("btree-vs-lsm")) {
                w.openDiagram(id);
            } else {
                w.openTool(id);
            }
            settle();
            QWidget* page = w.tabs()->currentWidget();
            const auto before = typeSizes(page);
            // Radio circles and tick boxes grow with the type (the quiz's are sized in its style
            // sheet from the type, and stayed small beside large answers).
            QHash<QWidget*, int> marks;
            for (QAbstractButton* b : page->findChildren<QAbstractButton*>()) {
                if (b->isVisible() && b->isCheckable() && !b->inherits("QPushButton")) {
                    marks.insert(b, b->style()->pixelMetric(QStyle::PM_ExclusiveIndicatorHeight,
                                                            nullptr, b));
                }
            }
            if (before.isEmpty()) {
                problems << id + QStringLiteral(": no text found");
                continue;
            }
            for (int i = 0; i < 3; ++i) {
                in->trigger();
            }
            settle();
            const auto zoomed = typeSizes(page);
            for (auto it = before.cbegin(); it != before.cend(); ++it) {
                const int now = zoomed.value(it.key(), QFontInfo(it.key()->font()).pixelSize());
                if (now < it.value() * 1.25) {
                    problems << QStringLiteral("%1: \"%2\" %3 px after three zoom steps, was %4")
                                    .arg(id, it.key()->accessibleName().isEmpty()
                                                 ? QString::fromLatin1(
                                                       it.key()->metaObject()->className())
                                                 : it.key()->accessibleName())
                                    .arg(now)
                                    .arg(it.value());
                }
            }
            // A table's short columns stay as wide as their words (progress: "not ..." read).
            for (QTreeWidget* tree : page->findChildren<QTreeWidget*>()) {
                for (int i = 0; tree->isVisible() && i < tree->topLevelItemCount(); ++i) {
                    const QTreeWidgetItem* item = tree->topLevelItem(i);
                    for (int c = 1; c < tree->columnCount(); ++c) {
                        const int need = tree->fontMetrics().horizontalAdvance(item->text(c));
                        if (need > tree->columnWidth(c)) {
                            problems << QStringLiteral("%1: \"%2\" needs %3 px in a column %4 "
                                                       "wide")
                                            .arg(id, item->text(c))
                                            .arg(need)
                                            .arg(tree->columnWidth(c));
                        }
                    }
                }
            }
            for (auto it = marks.cbegin(); it != marks.cend(); ++it) {
                const int now = it.key()->style()->pixelMetric(QStyle::PM_ExclusiveIndicatorHeight,
                                                               nullptr, it.key());
                if (now < it.value() * 1.2) {
                    problems << QStringLiteral("%1: a choice's circle %2 px after three zoom "
                                               "steps, was %3")
                                    .arg(id)
                                    .arg(now)
                                    .arg(it.value());
                }
            }
            reset->trigger();
            settle();
            for (auto it = before.cbegin(); it != before.cend(); ++it) {
                if (const int now = QFontInfo(it.key()->font()).pixelSize(); now != it.value()) {
                    problems << QStringLiteral("%1: %2 px after Reset zoom, was %3")
                                    .arg(id)
                                    .arg(now)
                                    .arg(it.value());
                }
            }
        }
        QCOMPARE(w.reader()->zoom(), 0);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join('\n')));
    }

    // A fresh tester at 1920x1080 in Light: the quiz, the wizard and the progress in the
    // desktop's type, ~11-13 px high, beside a reader at 19 px. The study pages read as a whole
    // open in a reading type: their body text (the median of their labels and buttons) at least
    // fg::kStudyBodyPx times the theme's scale. (Not the matrix, whose table fills the window.)
    void theStudyPagesOpenInAReadingType() {
        for (fg::ThemeChoice t : {fg::ThemeChoice::Light, fg::ThemeChoice::Projector}) {
            fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
            w.resize(1920, 1080);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.setThemeChoice(t);
            const qreal scale = t == fg::ThemeChoice::Projector ? fg::Theme::projector().fontScale
                                                                : fg::Theme::light().fontScale;
            const qreal least = std::floor(fg::kStudyBodyPx * scale);
            for (const char* id : {"wizard", "scenarios", "quiz", "progress"}) {
                w.openTool(QString::fromLatin1(id));
                settle();
                std::vector<int> sizes;
                for (int px : typeSizes(w.tabs()->currentWidget())) {
                    sizes.push_back(px);
                }
                QVERIFY2(!sizes.empty(), id);
                std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
                const int median = sizes[sizes.size() / 2];
                // The progress's short columns: their words and a gap (they ran together).
                for (QTreeWidget* tree : w.tabs()->currentWidget()->findChildren<QTreeWidget*>()) {
                    const int gap = tree->fontMetrics().averageCharWidth();
                    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
                        for (int c = 1; c < tree->columnCount(); ++c) {
                            const QString text = tree->topLevelItem(i)->text(c);
                            QVERIFY2(tree->fontMetrics().horizontalAdvance(text) + gap <=
                                         tree->columnWidth(c),
                                     qPrintable(QStringLiteral("%1: \"%2\" in %3 px")
                                                    .arg(QLatin1String(id), text)
                                                    .arg(tree->columnWidth(c))));
                        }
                    }
                }
                QVERIFY2(median >= least,
                         qPrintable(QStringLiteral("%1 in %2: body type %3 px, want %4")
                                        .arg(QLatin1String(id), fg::themeChoiceName(t))
                                        .arg(median)
                                        .arg(least)));
            }
            desktop_.restore();
        }
    }

    // A tool's zoom is its kind's: the wizard opened again is as large as it was left, a matrix
    // opened after it is not; the keys (Ctrl++) do it as the menu does; and a theme switch keeps
    // the zoomed size (the projector's larger type times the zoom, back to the same size after).
    void aToolsZoomIsKeptAndFollowsTheTheme() {
        int zoomedPx = 0;
        int plainPx = 0;
        {
            fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.setThemeChoice(fg::ThemeChoice::Light);
            w.openTool(QStringLiteral("wizard"));
            QWidget* wizard = w.tabs()->currentWidget();
            plainPx = QFontInfo(wizard->font()).pixelSize();
            wizard->setFocus();
            for (int i = 0; i < 4; ++i) {
                QTest::keyClick(wizard, Qt::Key_Equal, Qt::ControlModifier);
            }
            zoomedPx = QFontInfo(wizard->font()).pixelSize();
            QVERIFY2(zoomedPx >= plainPx * 1.4,
                     qPrintable(QStringLiteral("%1 -> %2 px").arg(plainPx).arg(zoomedPx)));
            // The next question's answers, made after the zoom, are as large as the first's.
            QAbstractButton* answer = nullptr;
            for (auto* b : wizard->findChildren<QAbstractButton*>()) {
                if (b->isVisible() && b->accessibleName().startsWith(QLatin1String("Yes"))) {
                    answer = b;
                }
            }
            QVERIFY(answer);
            answer->click();
            settle();
            int answers = 0;
            for (auto* b : wizard->findChildren<QAbstractButton*>()) {
                if (b->isVisible() && b->text().startsWith(QLatin1Char('&'))) {
                    ++answers;
                    QVERIFY2(QFontInfo(b->font()).pixelSize() >= zoomedPx, qPrintable(b->text()));
                }
            }
            QVERIFY(answers >= 2);
            w.setThemeChoice(fg::ThemeChoice::Projector);
            QVERIFY(QFontInfo(wizard->font()).pixelSize() > zoomedPx);
            w.setThemeChoice(fg::ThemeChoice::Light);
            QVERIFY(std::abs(QFontInfo(wizard->font()).pixelSize() - zoomedPx) <= 1);
        }
        fg::MainWindow again(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        again.openTool(QStringLiteral("wizard"));
        QCOMPARE(QFontInfo(again.tabs()->currentWidget()->font()).pixelSize(), zoomedPx);
        // The matrix in the application's type (not in the study pages' reading type: its
        // table fills the window), not zoomed.
        again.openTool(QStringLiteral("matrix"));
        QCOMPARE(QFontInfo(again.tabs()->currentWidget()->font()).pixelSize(),
                 QFontInfo(again.font()).pixelSize());
    }

    // On a diagram's tab the menu's Zoom in zooms the drawing (it enlarged the hidden reader),
    // and Reset zoom fits it again.
    void zoomOnADiagramZoomsTheDrawing() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1600, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDiagram(QStringLiteral("btree"));
        settle();
        auto* view = qobject_cast<fg::DiagramView*>(w.tabs()->currentWidget());
        QVERIFY(view);
        fg::DiagramCanvas* canvas = view->panel()->canvas();
        QVERIFY(canvas->fitted());
        viewAction(w, QStringLiteral("Zoom &in"))->trigger();
        QVERIFY(canvas->zoom() > 1.0);
        QCOMPARE(w.reader()->zoom(), 0);
        viewAction(w, QStringLiteral("&Reset zoom"))->trigger();
        QVERIFY(canvas->fitted());
    }

    // On a Lab page View > Zoom in zooms the drawings and the type of its sentences and tables
    // (they stayed small beside the drawings, a tester), kept for the next time.
    void zoomOnALabPageZoomsItsTypeToo() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1600, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openTool(QStringLiteral("lab-rocksdb"));
        settle();
        QWidget* page = w.tabs()->currentWidget();
        QVERIFY(page->property("toolId") == QStringLiteral("lab-rocksdb"));
        const QList<fg::DiagramCanvas*> canvases = page->findChildren<fg::DiagramCanvas*>();
        QVERIFY(!canvases.isEmpty());
        QLabel* sentence = nullptr; // the page's introduction
        for (QLabel* l : page->findChildren<QLabel*>()) {
            sentence =
                !sentence && l->text().startsWith(QStringLiteral("A real RocksDB")) ? l : sentence;
        }
        QVERIFY(sentence);
        const qreal before = QFontInfo(sentence->font()).pixelSize();
        viewAction(w, QStringLiteral("Zoom &in"))->trigger();
        viewAction(w, QStringLiteral("Zoom &in"))->trigger();
        QVERIFY2(QFontInfo(sentence->font()).pixelSize() >= before * 1.15,
                 qPrintable(QStringLiteral("%1 px, %2 before")
                                .arg(QFontInfo(sentence->font()).pixelSize())
                                .arg(before)));
        for (const fg::DiagramCanvas* c : canvases) {
            QVERIFY(c->zoom() > 1.0);
        }
        QCOMPARE(QSettings().value(QStringLiteral("view/zoom/lab-rocksdb")).toInt(), 2);
        viewAction(w, QStringLiteral("&Reset zoom"))->trigger();
        QCOMPARE(QFontInfo(sentence->font()).pixelSize(), qRound(before));
        for (const fg::DiagramCanvas* c : canvases) {
            QVERIFY(c->fitted());
        }
    }

    // At 1920x1080 the study tools read as a column in the middle of the page, not a band at
    // its left; the quiz's Check button is under its answers, not at the far right.
    void theStudyToolsStandInACentredColumn() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.resize(1920, 1080);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (const QString& id :
             {QStringLiteral("wizard"), QStringLiteral("quiz"), QStringLiteral("progress")}) {
            w.openTool(id);
            settle();
            QWidget* page = w.tabs()->currentWidget();
            // The widest child laid out directly in the page (or in its scroll area's page).
            QWidget* column = nullptr;
            for (QWidget* c : page->findChildren<QWidget*>()) {
                if (c->isVisible() && c->maximumWidth() < QWIDGETSIZE_MAX &&
                    c->maximumWidth() > 300 && (!column || c->width() > column->width())) {
                    column = c;
                }
            }
            QVERIFY2(column, qPrintable(id));
            const QRect r(column->mapTo(page, QPoint(0, 0)), column->size());
            const int left = r.left();
            const int right = page->width() - r.right() - 1;
            QVERIFY2(std::abs(left - right) <= 30 && left > 100,
                     qPrintable(QStringLiteral("%1: margins %2 and %3 on a page %4 wide")
                                    .arg(id)
                                    .arg(left)
                                    .arg(right)
                                    .arg(page->width())));
        }
        w.openTool(QStringLiteral("quiz"));
        settle();
        QWidget* quiz = w.tabs()->currentWidget();
        QAbstractButton* check = nullptr;
        QWidget* lastChoice = nullptr;
        for (QWidget* c : quiz->findChildren<QWidget*>()) {
            if (c->accessibleName() == QLatin1String("Check or next")) {
                check = qobject_cast<QAbstractButton*>(c);
            } else if (c->accessibleDescription() == QLatin1String("Choice 4 text")) {
                lastChoice = c;
            }
        }
        QVERIFY(check && lastChoice && check->isVisible());
        const int gap = check->mapTo(quiz, QPoint(0, 0)).y() -
                        (lastChoice->mapTo(quiz, QPoint(0, 0)).y() + lastChoice->height());
        QVERIFY2(
            gap >= 0 && gap < 4 * check->fontMetrics().height(),
            qPrintable(QStringLiteral("the Check button is %1 px under the answers").arg(gap)));
        QVERIFY(check->mapTo(quiz, QPoint(0, 0)).x() < quiz->width() / 2);
    }

private:
    const DesktopLook desktop_;
};

FG_TEST_MAIN(TestPageZoom)
#include "test_page_zoom.moc"
