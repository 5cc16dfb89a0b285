// BTreeView as a student uses it: typing a key and pressing Enter inserts it and plays the steps;
// a new order rebuilds the same keys; junk in the key box gets a plain message, never a crash.
#include "widgets/diagrams/btree_diagram.h"
#include "widgets/diagrams/btree_view.h"

#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>

namespace {

std::int64_t keysShown(fg::BTreeView& v) {
    const auto& t = static_cast<const fg::BTreeDiagram*>(v.panel()->canvas()->source())->timeline();
    return t.finalState().stats.keys;
}

} // namespace

class TestBTreeView : public QObject {
    Q_OBJECT
private slots:
    void typingAKeyInsertsItAndPlays() {
        fg::BTreeView v;
        v.resize(1200, 700);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        const auto before = keysShown(v);
        auto* key = v.findChild<QLineEdit*>();
        QVERIFY(key);
        key->setText("55");
        QTest::keyClick(key, Qt::Key_Return);
        QCOMPARE(keysShown(v), before + 1);
        QVERIFY(v.panel()->player()->isPlaying() || v.panel()->player()->atEnd());
        QTRY_VERIFY_WITH_TIMEOUT(v.panel()->player()->atEnd(), 10000);
        if (const QByteArray dir = qgetenv("FG_SAVE_FIGURES"); !dir.isEmpty()) {
            v.grab().save(QString::fromLocal8Bit(dir) + "/btree-view.png");
        }
    }

    void aNewOrderRebuildsTheSameKeys() {
        fg::BTreeView v;
        const auto keys = keysShown(v);
        const auto ops = v.ops();
        v.findChild<QSpinBox*>()->setValue(3);
        QCOMPARE(v.params().order, 3);
        QCOMPARE(keysShown(v), keys);
        QVERIFY(v.ops() == ops);
        QVERIFY(v.panel()->player()->atEnd());
    }

    void junkInTheKeyBoxIsExplained() {
        fg::BTreeView v;
        const auto ops = v.ops().size();
        auto* key = v.findChild<QLineEdit*>();
        key->setText(QString(100000, 'x'));
        QTest::keyClick(key, Qt::Key_Return);
        QCOMPARE(v.ops().size(), ops);
        bool explained = false;
        for (auto* l : v.findChildren<QLabel*>()) {
            explained |= l->text().contains("not a whole number");
        }
        QVERIFY(explained);
    }
};

QTEST_MAIN(TestBTreeView)
#include "test_btree_view.moc"
