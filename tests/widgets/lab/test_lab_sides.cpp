// A Lab page's two sides, row for row (tester 37): in the Projector's type a step's narration of
// five records took the model drawing's height and was cut with no scroll bar, and a title that
// wrapped on one side only put the two drawings at different heights.
#include "tests/suite_main.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/lab/lab_sides.h"

#include <QFont>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTest>

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
};

FG_TEST_MAIN(TestLabSides)
#include "test_lab_sides.moc"
