// The key boxes of the live diagrams (Redis hash slots, Kafka, LSM-tree) take a key of at most
// DiagramView::kMostKeyChars characters, and refuse a longer one whole, with a message naming the
// limit: Qt cut a pasted 1 MB key to its first 4,096 characters without a word, and the Redis
// diagram then gave that key's slot (12393), not the pasted key's (10777), a tester found.
#include "models/theme/theme.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/diagram_view.h"

#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <memory>

namespace key_boxes_test {

QLabel* messageOf(QWidget* page) {
    for (auto* l : page->findChildren<QLabel*>()) {
        if (l->accessibleDescription() == QLatin1String("Message")) {
            return l;
        }
    }
    return nullptr;
}

} // namespace key_boxes_test

class TestKeyBoxes : public QObject {
    Q_OBJECT
private slots:
    void aKeyTooLongIsRefusedWholeWithAMessage_data() {
        QTest::addColumn<QString>("diagram");
        QTest::addColumn<QString>("box");
        QTest::newRow("hashslot") << "hashslot"
                                  << "Key";
        QTest::newRow("kafka") << "kafka"
                               << "Record key";
        QTest::newRow("lsm") << "lsm"
                             << "Key";
    }
    void aKeyTooLongIsRefusedWholeWithAMessage() {
        QFETCH(QString, diagram);
        QFETCH(QString, box);
        std::unique_ptr<QWidget> page(fg::createDiagramPage(diagram, fg::Theme::light(), nullptr));
        QVERIFY(page);
        page->resize(1280, 800);
        page->show();
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));
        QLineEdit* key = nullptr;
        for (auto* e : page->findChildren<QLineEdit*>()) {
            key = e->accessibleName() == box ? e : key;
        }
        QVERIFY(key);
        QLabel* message = key_boxes_test::messageOf(page.get());
        QVERIFY(message);
        // As a paste puts it: one insert of the whole text.
        key->insert(QString(1 << 20, QLatin1Char('k')));
        QVERIFY2(key->text().isEmpty(), qPrintable(QString::number(key->text().size())));
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("4,096")), qPrintable(message->text()));
        // The longest key it takes is kept whole, with no message.
        key->clear();
        key->insert(QString(fg::DiagramView::kMostKeyChars, QLatin1Char('k')));
        QCOMPARE(key->text().size(), fg::DiagramView::kMostKeyChars);
        // One more character typed at the limit is refused too, the key going with it: a key
        // half-kept is the one thing the box must not send.
        QTest::keyClick(key, Qt::Key_K);
        QVERIFY(key->text().isEmpty());
    }
};

FG_TEST_MAIN(TestKeyBoxes)
#include "test_key_boxes.moc"
