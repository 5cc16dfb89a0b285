// A Lab page's two sides, row for row (tester 37): in the Projector's type a step's narration of
// five records took the model drawing's height and was cut with no scroll bar, and a title that
// wrapped on one side only put the two drawings at different heights.
#include "tests/suite_main.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/lab/lab_sides.h"
#include "widgets/lab/lab_widgets.h"

#include <QFont>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTest>
#include <QVBoxLayout>

class TestLabSides : public QObject {
    Q_OBJECT
private slots:
    void theSidesStayRowForRowAndALongNarrationScrolls() {
        QWidget page;
        QFont big = page.font();
        big.setPixelSize(26); // the Projector's type, zoomed
        page.setFont(big);
        auto* sides = new fg::LabSides(120, &page);
        sides->setTitles(QStringLiteral("librdkafka 2.0.2 on its mock cluster (not Apache Kafka's "
                                        "broker)"),
                         QStringLiteral("The model"));
        page.resize(1100, 700);
        sides->setGeometry(page.rect());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QString longer;
        for (int i = 0; i < 12; ++i) {
            longer += QStringLiteral("No key: the sticky partitioner keeps filling the batch on "
                                     "partition 1. Leader broker 1 appends it at offset %1. ")
                          .arg(i);
        }
        sides->realNarration()->setText(QStringLiteral("The producer's delivery reports."));
        emit sides->model()->narrationChanged(longer);
        QTest::qWait(50);
        // The drawings start at one height, and each keeps room.
        const int realTop = sides->real()->mapTo(&page, QPoint()).y();
        const int modelTop = sides->model()->mapTo(&page, QPoint()).y();
        QCOMPARE(realTop, modelTop);
        QVERIFY2(sides->model()->height() >= 120,
                 qPrintable(QString::number(sides->model()->height())));
        // The narrations at one height, four lines at most; the long one scrolls to its end.
        auto* realArea =
            qobject_cast<QScrollArea*>(sides->realNarration()->parentWidget()->parentWidget());
        auto* modelArea =
            qobject_cast<QScrollArea*>(sides->modelNarration()->parentWidget()->parentWidget());
        QVERIFY(realArea && modelArea);
        QCOMPARE(realArea->height(), modelArea->height());
        const int line = sides->modelNarration()->fontMetrics().lineSpacing();
        QVERIFY2(modelArea->height() <= line * 4 + 4,
                 qPrintable(QString::number(modelArea->height())));
        QCOMPARE(sides->modelNarration()->text(), longer);
        QVERIFY(sides->modelNarration()->height() > modelArea->viewport()->height());
        QVERIFY(modelArea->verticalScrollBar()->maximum() > 0);
        // A short narration on both sides takes its own height, no more.
        emit sides->model()->narrationChanged(QStringLiteral("One line."));
        QTest::qWait(50);
        QVERIFY2(modelArea->height() < line * 2 + 4,
                 qPrintable(QString::number(modelArea->height())));
    }

    // In a Lab page that scrolls, the drawings keep most of what is in view (tester 37: the
    // Kafka Lab's were 185 px high at 1920x1080 in the Projector's type, under a long
    // introduction and over the tables); the page scrolls to the tables.
    void theDrawingsKeepMostOfThePageInView() {
        QWidget page;
        QVBoxLayout* column = fg::scrolledPage(&page);
        auto* intro = new QLabel(QStringLiteral("An introduction of some lines."), &page);
        intro->setMinimumHeight(250);
        column->addWidget(intro);
        auto* sides = new fg::LabSides(200, &page);
        column->addWidget(sides, 3);
        auto* tables = new QWidget(&page);
        tables->setMinimumHeight(400);
        column->addWidget(tables, 2);
        page.resize(1600, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* view = page.findChild<QScrollArea*>(QStringLiteral("labPage"));
        QVERIFY(view);
        QTRY_VERIFY2(
            sides->height() >= view->viewport()->height() * fg::LabSides::kPageShare,
            qPrintable(
                QStringLiteral("%1 of %2").arg(sides->height()).arg(view->viewport()->height())));
        QVERIFY(sides->real()->height() > 300);
        QVERIFY(view->verticalScrollBar()->maximum() > 0); // the tables are below, in reach
        // A smaller window: the share follows it.
        page.resize(1280, 600);
        QTRY_VERIFY(sides->height() >= view->viewport()->height() * fg::LabSides::kPageShare);
        QTRY_VERIFY(sides->height() < 900 * fg::LabSides::kPageShare);
    }
};

FG_TEST_MAIN(TestLabSides)
#include "test_lab_sides.moc"
