// The controls above every live diagram take as few lines as they can: each line they take is a
// line less of the drawing. At 1920x1080 beside the chapter list they take one line in the desk
// themes (the Kafka page's Clear and Reset wrapped to a second line: Fusion gives every button
// 80 px, "Get" as wide as "Compact"); on a 1280x800 laptop and in the Projector's larger type
// no more than two.
#include "tests/app/window_test_support.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_view.h"

#include <QPushButton>
#include <QTabWidget>
#include <algorithm>

class TestControlRows : public WindowSuite {
    Q_OBJECT
private slots:
    void initTestCase() { useOwnTestSettings("control-rows"); }
    void init() { QSettings().clear(); }
    void cleanup() { desktop_.restore(); }

    void theControlsTakeFewLines() {
        QStringList problems;
        int checked = 0;
        forEveryWindow([&](fg::MainWindow& w, QSize screen, fg::ThemeChoice t) {
            const bool desk = t != fg::ThemeChoice::Projector && screen.width() >= 1920;
            for (const auto& d : fg::liveDiagrams()) {
                w.openDiagram(d.id);
                settle();
                auto* view = qobject_cast<fg::DiagramView*>(w.tabs()->currentWidget());
                if (!view) {
                    continue; // B-Tree vs LSM has a page of its own
                }
                ++checked;
                const int lines = view->controlLines();
                qInfo("%s %s %s: %d line(s), %d px wide", qPrintable(sizeText(screen)),
                      qPrintable(fg::themeChoiceName(t)), qPrintable(d.id), lines, view->width());
                if (lines > (desk ? 1 : 2)) {
                    problems << QStringLiteral("%1 %2 %3: %4 lines")
                                    .arg(sizeText(screen), fg::themeChoiceName(t), d.id)
                                    .arg(lines);
                }
            }
        });
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
        const auto stepDiagrams =
            std::count_if(fg::liveDiagrams().begin(), fg::liveDiagrams().end(),
                          [](const auto& d) { return d.hasSteps(); });
        QCOMPARE(checked, 8 * int(stepDiagrams)); // 8 windows (sizes and themes), every diagram
    }

    // A Lab page's Run button: its words clear of its border (half a line either side, as the
    // diagrams' buttons), the button clear of the page's right edge (a tester: "Run in RocksDB
    // and the model" touched the window's edge and its label its border), at 1920 and 1280.
    void theLabsRunButtonsHaveRoom() {
        QStringList problems;
        int checked = 0;
        forEveryWindow([&](fg::MainWindow& w, QSize screen, fg::ThemeChoice t) {
            // With practice's "Review them", whose label touched its border too (a tester).
            const std::pair<const char*, const char*> buttons[] = {{"lab-rocksdb", "&Run in"},
                                                                   {"lab-kafka", "&Run in"},
                                                                   {"lab-buckets", "&Run in"},
                                                                   {"practice", "Review the&m"}};
            for (const auto& [lab, label] : buttons) {
                w.openTool(QString::fromLatin1(lab));
                settle();
                QWidget* page = w.tabs()->currentWidget();
                QPushButton* run = nullptr;
                for (auto* b : page->findChildren<QPushButton*>()) {
                    run = b->text().startsWith(QString::fromLatin1(label)) ? b : run;
                }
                QVERIFY2(run, lab);
                ++checked;
                const QFontMetrics fm = run->fontMetrics();
                const int words = fm.horizontalAdvance(QString(run->text()).remove('&'));
                const int right = run->mapTo(w.window(), QPoint(run->width(), 0)).x();
                const int pageRight = page->mapTo(w.window(), QPoint(page->width(), 0)).x();
                const QString where =
                    QStringLiteral("%1 %2 %3")
                        .arg(sizeText(screen), fg::themeChoiceName(t), QString::fromLatin1(lab));
                if (run->width() < words + fm.height()) {
                    problems << QStringLiteral("%1: %2 px of words in a %3 px button")
                                    .arg(where)
                                    .arg(words)
                                    .arg(run->width());
                }
                if (pageRight - right < 6 || w.width() - right < 6) {
                    problems << QStringLiteral("%1: %2 px from the page's edge")
                                    .arg(where)
                                    .arg(pageRight - right);
                }
            }
        });
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
        QCOMPARE(checked, 4 * 8); // three Labs' Run buttons and practice's, 8 windows
    }
};

FG_TEST_MAIN(TestControlRows)
#include "test_control_rows.moc"
