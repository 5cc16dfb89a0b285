// Lab > Redis Cluster through the real helper program (fieldguide-lab --serve, started by the
// page's LabClient) and a real Redis Cluster, offscreen: start with replicas, send keys and see
// every key agree, step through a reshard with the real ASK and MOVED drawn, stop a master and
// see its replica promoted as in the model; 10,000 keys from Start to the drawing under 5 s; and
// nothing left running or on disk once the page is gone.
#include "engines/redis/key_slot.h"
#include "tests/lab/lab_test_support.h"
#include "tests/suite_main.h"
#include "tests/widgets/accessibility_test_support.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/lab/redis_key_table.h"
#include "widgets/lab/redis_lab_page.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QPushButton>
#include <QTemporaryDir>

namespace {

// Gone, or a zombie waiting for whoever inherited it to reap it (it runs no more).
bool processGone(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) {
        return true;
    }
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || line.mid(close + 2, 1) == "Z";
}

// Waits until the page's call is answered; false after `ms`.
bool answered(const fg::RedisLabPage& page, int ms = 60000) {
    QElapsedTimer clock;
    clock.start();
    while (page.busy() && clock.elapsed() < ms) {
        QTest::qWait(10);
    }
    return !page.busy();
}

} // namespace

class TestRedisLabPageLive : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        FG_REQUIRE_LAB(fg::lab::LabKind::kRedisCluster);
        qputenv("FIELDGUIDE_LAB_HELPER", LAB_HELPER_BIN);
    }

    void startSendReshardAndFailOver() {
        const auto described = [](QWidget* canvas) { // what a screen reader reads of a drawing
            return fg::test::accessibleText(canvas, QAccessible::Description);
        };
        auto page = std::make_unique<fg::RedisLabPage>();
        page->resize(1280, 800);
        page->show();
        page->startCluster(3, true);
        QVERIFY(answered(*page));
        QVERIFY2(page->running(), qPrintable(page->status()));
        QCOMPARE(page->nodes().size(), std::size_t{6});
        const QString folder = page->folder();
        QVERIFY(QDir(folder).exists());

        page->setKeySource(fg::RedisLabPage::KeySource::kGenerated);
        page->setGeneratedCount(1000);
        page->sendKeys();
        QVERIFY(answered(*page));
        QCOMPARE(page->agreement(),
                 QStringLiteral("All 1,000 keys: the same slot and the same server in the real "
                                "cluster and in the model."));
        QCOMPARE(page->keyTable()->rowCount(), 1000);
        const fg::Frame real = page->realCanvas()->currentFrame();
        QVERIFY(real.find(QStringLiteral("node:0")));
        // A screen reader hears each drawing's cluster after its sentence: the masters, their
        // slots and keys (the Redis diagram's words).
        const QString realSaid = described(page->realCanvas());
        QVERIFY2(realSaid.contains(QStringLiteral("Redis Cluster, 3 masters: node 0: ")) &&
                     realSaid.contains(QStringLiteral(" keys;")),
                 qPrintable(realSaid));
        QVERIFY2(
            described(page->modelCanvas()).contains(QStringLiteral("Redis Cluster, 3 masters")),
            qPrintable(described(page->modelCanvas())));
        QVERIFY(real.find(QStringLiteral("node:0"))->text.contains(QStringLiteral("keys")));

        // Reshard the first key's slot ("user:1") to another master, first MIGRATE one key.
        const int slot = fg::redis::keySlot("user:1");
        const int from = page->lastSend().rows.front().owner;
        page->reshard(slot, (from + 1) % 3, 1);
        QVERIFY(answered(*page));
        QVERIFY2(page->reshardSteps().size() == 4, qPrintable(page->status()));
        QCOMPARE(page->reshardStep(), 0);
        // The first MIGRATE moved the slot's only key: Redis still answers ASK (the slot stays
        // MIGRATING until SETSLOT NODE), the model MOVED; the page says why.
        page->showReshardStep(2);
        QVERIFY2(
            described(page->realCanvas()) != realSaid &&
                described(page->realCanvas())
                    .contains(QStringLiteral("slot %1 moving from node %2").arg(slot).arg(from)),
            qPrintable(described(page->realCanvas())));
        const fg::lab::StaleReply& first = page->reshardSteps()[2].replies.front();
        QCOMPARE(first.redirect, std::string("ASK"));
        QCOMPARE(first.modelRedirect, std::string("MOVED"));
        QVERIFY2(page->reshardStepText().contains(QStringLiteral("keeps the slot MIGRATING")),
                 qPrintable(page->reshardStepText()));
        // Counted in words: the slot's one key, no "1 keys", no "the other 0 keys".
        QVERIFY2(page->reshardSteps()[0].text.find("with 1 key,") != std::string::npos,
                 page->reshardSteps()[0].text.c_str());
        QCOMPARE(page->reshardSteps()[2].text.substr(0, 29), "MIGRATE moves its only key to");
        QVERIFY2(page->reshardSteps()[3].text.starts_with("CLUSTER SETSLOT"),
                 page->reshardSteps()[3].text.c_str());
        QVERIFY2(page->status().contains(QStringLiteral(" in 4 steps:")),
                 qPrintable(page->status()));
        page->showReshardStep(3); // done: the stale client gets MOVED, as in the model
        const fg::lab::StaleReply& moved = page->reshardSteps()[3].replies.front();
        QCOMPARE(moved.redirect, std::string("MOVED"));
        QCOMPARE(moved.modelRedirect, std::string("MOVED"));
        const fg::FrameItem* label =
            page->realCanvas()->currentFrame().find(QStringLiteral("route-redirect-label"));
        QVERIFY(label);
        QCOMPARE(label->text, QStringLiteral("MOVED"));
        QVERIFY(page->modelCanvas()->currentFrame().find(QStringLiteral("route-redirect-label")));

        QComboBox* picker = page->victimPicker();
        QCOMPARE(picker->count(), 3);
        QCOMPARE(picker->itemData(1).toInt(), 1);
        page->failMaster(1);
        QVERIFY(answered(*page));
        QCOMPARE(page->lastFailover().promoted, 4);
        // The picker lists the live masters by node, the promoted replica too (without a replica
        // of its own it cannot fail over, and says so); stopping node 1 again is refused in words
        // that name the servers that can be stopped.
        QCOMPARE(page->stoppableMasters(), (std::vector<int>{0, 2}));
        QStringList items;
        for (int i = 0; i < picker->count(); ++i) {
            items << picker->itemText(i);
        }
        QCOMPARE(items, (QStringList{"node 0", "node 2", "node 4 (no replica left to take over)"}));
        QCOMPARE(picker->currentData().toInt(), 0);
        page->failMaster(1);
        QVERIFY(!page->busy());
        QCOMPARE(page->status(),
                 QStringLiteral("Node 1 is stopped already. You can stop node 0 or node 2."));
        page->failMaster(4);
        QCOMPARE(page->status(), QStringLiteral("Node 4 has no replica left to take over its "
                                                "slots. You can stop node 0 or node 2."));
        QCOMPARE(page->lastFailover().modelPromoted, 4);
        QVERIFY2(page->failoverText().contains(QStringLiteral("the same replica")),
                 qPrintable(page->failoverText()));
        // Keys sent after the failover still agree: the model failed the same master.
        page->sendKeys();
        QVERIFY(answered(*page));
        QVERIFY2(page->agreement().startsWith(QStringLiteral("All 1,000 keys")),
                 qPrintable(page->agreement()));

        // The page closes: the helper stops every server and removes the folder.
        std::vector<qint64> pids;
        for (const auto& n : page->nodes()) {
            pids.push_back(n.pid);
        }
        page.reset();
        for (const qint64 pid : pids) {
            QTRY_VERIFY_WITH_TIMEOUT(processGone(pid), 10000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!QDir(folder).exists(), 10000);
    }

    // Stop is there during a start and ends it (tester 32: it stayed grey through the start):
    // nothing is left running or on disk, and the next Start starts afresh.
    void stopEndsAStartUnderWay() {
        QTemporaryDir root; // the helper's lab folder goes here (TMPDIR), to be seen emptied
        QVERIFY(root.isValid());
        const QByteArray tmp = qgetenv("TMPDIR");
        qputenv("TMPDIR", root.path().toLocal8Bit());
        fg::RedisLabPage page;
        page.resize(1280, 800);
        page.show();
        QPushButton* stop = nullptr;
        for (auto* b : page.findChildren<QPushButton*>()) {
            stop = b->text() == QLatin1String("St&op") ? b : stop;
        }
        QVERIFY(stop && !stop->isEnabled());
        page.startCluster(3, true);
        QVERIFY(page.busy());
        QTRY_VERIFY_WITH_TIMEOUT(!QDir(root.path()).isEmpty(QDir::Dirs | QDir::NoDotAndDotDot),
                                 10000); // the folder made: servers on their way
        QVERIFY(page.busy());
        QVERIFY(stop->isEnabled());
        QTest::mouseClick(stop, Qt::LeftButton);
        QVERIFY(!page.busy());
        QVERIFY(!page.running());
        QVERIFY2(page.status().startsWith(QStringLiteral("Stopped")), qPrintable(page.status()));
        QVERIFY(!stop->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(QDir(root.path()).isEmpty(QDir::Dirs | QDir::NoDotAndDotDot),
                                 10000);
        page.startCluster(3, false);
        QVERIFY(answered(page));
        QVERIFY2(page.running(), qPrintable(page.status()));
        QCOMPARE(page.nodes().size(), std::size_t{3});
        page.stopCluster();
        QVERIFY(answered(page));
        QVERIFY(!page.running());
        QTRY_VERIFY_WITH_TIMEOUT(QDir(root.path()).isEmpty(QDir::Dirs | QDir::NoDotAndDotDot),
                                 10000);
        tmp.isNull() ? qunsetenv("TMPDIR") : qputenv("TMPDIR", tmp);
    }

    void tenThousandKeysFromStartToTheDrawingUnder5Seconds() {
        fg::RedisLabPage page;
        page.resize(1280, 800);
        page.show();
        page.setKeySource(fg::RedisLabPage::KeySource::kGenerated);
        page.setGeneratedCount(10000);
        QElapsedTimer clock;
        clock.start();
        page.startCluster(3, false);
        QVERIFY(answered(page));
        const qint64 started = clock.elapsed();
        page.sendKeys();
        QVERIFY(answered(page));
        const QImage drawn = page.realCanvas()->grabFrame(QSize(800, 400));
        const qint64 done = clock.elapsed();
        QVERIFY(!drawn.isNull());
        QVERIFY2(page.agreement().startsWith(QStringLiteral("All 10,000 keys")),
                 qPrintable(page.agreement()));
        qInfo("10,000 keys on the page: cluster started in %lld ms, sent, read back and drawn by "
              "%lld ms",
              started, done);
        QVERIFY(done < 5000);
    }
};

FG_TEST_MAIN(TestRedisLabPageLive)
#include "test_redis_lab_page_live.moc"
