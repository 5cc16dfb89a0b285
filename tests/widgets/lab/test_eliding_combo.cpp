// The Lab's scenario list (ElidingComboBox): in a box narrower than the scenario's title, the
// title ends in "..." and its whole is the tooltip; Qt's combo box cut it mid-word ("...into
// three part", tester 37, the Kafka Lab in the Projector's type).
#include "tests/suite_main.h"
#include "widgets/controls/eliding_combo.h"

#include <QHBoxLayout>
#include <QHelpEvent>
#include <QTest>
#include <QToolTip>

class TestElidingCombo : public QObject {
    Q_OBJECT
private slots:
    void aLongTitleEndsInAnEllipsisAndShowsWholeOnHover() {
        QWidget page;
        auto* row = new QHBoxLayout(&page);
        auto* box = new fg::ElidingComboBox(&page);
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(10);
        row->addWidget(box);
        const QString title =
            QStringLiteral("The default scenario: Keyed and keyless records into three partitions");
        box->addItem(title);
        page.resize(260, 60);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const QString shown = box->shownText();
        QVERIFY2(shown.endsWith(QChar(0x2026)) && shown.size() < title.size(), qPrintable(shown));
        QVERIFY(title.startsWith(shown.chopped(1)));
        QHelpEvent hover(QEvent::ToolTip, QPoint(10, 10), box->mapToGlobal(QPoint(10, 10)));
        QCoreApplication::sendEvent(box, &hover);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), title);
        QToolTip::hideText();
        // Wide enough: the whole title, and no tooltip.
        page.resize(1400, 60);
        QTRY_COMPARE(box->shownText(), title);
        QTRY_VERIFY(!QToolTip::isVisible());
        QCoreApplication::sendEvent(box, &hover);
        QTest::qWait(100);
        QVERIFY(!QToolTip::isVisible());
    }
};

FG_TEST_MAIN(TestElidingCombo)
#include "test_eliding_combo.moc"
