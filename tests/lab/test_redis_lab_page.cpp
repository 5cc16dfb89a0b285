// Lab > Redis Cluster (RedisLabPage), offscreen: the real cluster's data drawn with the Redis
// diagram's own layout (built by hand here: shards with a failed master and a promoted replica, a
// stale client's ASK), the page's key sources and their budgets.
#include "engines/redis/key_slot.h"
#include "engines/redis/slot_ranges.h"
#include "tests/suite_main.h"
#include "widgets/canvas/diagram_canvas.h"
#include "widgets/lab/lab_widgets.h"
#include "widgets/lab/redis_key_table.h"
#include "widgets/lab/redis_lab_page.h"
#include "widgets/lab/redis_lab_pictures.h"

#include <QFile>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <qcustomplot.h>

namespace {

std::vector<fg::lab::RedisNode> sixNodes() {
    std::vector<fg::lab::RedisNode> nodes;
    for (int i = 0; i < 6; ++i) {
        nodes.push_back({i, "id" + std::to_string(i), 7000 + i, 17000 + i, i < 3 ? -1 : i - 3, 0});
    }
    return nodes;
}

// CLUSTER SHARDS of 3 masters and their replicas after master 1 was killed, as Redis 7.0 gives
// it: replica 4 took over master 1's slots, and master 1 is a shard of its own, without slots,
// "fail".
std::vector<fg::lab::Shard> shardsAfterAFailover() {
    const auto ranges = fg::redis::clusterCreateRanges(3);
    std::vector<fg::lab::Shard> shards(4);
    for (int m = 0; m < 3; ++m) {
        fg::lab::Shard& s = shards[std::size_t(m)];
        s.ranges = {ranges[std::size_t(m)]};
        s.nodes = {{"id", 7003 + m, m == 1 ? "master" : "replica", "online", 0, m + 3}};
        if (m != 1) {
            s.nodes.insert(s.nodes.begin(), {"id", 7000 + m, "master", "online", 0, m});
        }
    }
    shards[3].nodes = {{"id", 7001, "master", "fail", 0, 1}};
    return shards;
}

// CLUSTER SHARDS of `masters` masters as redis-cli --cluster create splits the slots, each with
// its replica when `replicas`.
std::vector<fg::lab::Shard> freshShards(int masters, bool replicas) {
    const auto ranges = fg::redis::clusterCreateRanges(masters);
    std::vector<fg::lab::Shard> shards(std::size_t(masters), fg::lab::Shard{});
    for (int m = 0; m < masters; ++m) {
        fg::lab::Shard& s = shards[std::size_t(m)];
        s.ranges = {ranges[std::size_t(m)]};
        s.nodes = {{"id", 7000 + m, "master", "online", 0, m}};
        if (replicas) {
            s.nodes.push_back({"id", 7000 + masters + m, "replica", "online", 0, masters + m});
        }
    }
    return shards;
}

fg::lab::StaleReply askReply() {
    fg::lab::StaleReply r;
    r.key = "{u}a";
    r.asked = 0;
    r.reply = "-ASK 11826 127.0.0.1:7002";
    r.redirect = "ASK";
    r.redirectTo = 2;
    r.followed = "1";
    r.modelRedirect = "ASK";
    r.modelNode = 2;
    return r;
}

} // namespace

class TestRedisLabPage : public QObject {
    Q_OBJECT

private slots:
    void theRealSlotMapIsTheDiagramsState() {
        const auto state =
            fg::realCluster(sixNodes(), shardsAfterAFailover(), {10, 0, 7, 0, 12, 0});
        QCOMPARE(state.owner[0], 0);
        QCOMPARE(state.owner[6000], 4); // the promoted replica serves master 1's slots
        QCOMPARE(state.owner[16383], 2);
        QVERIFY(!state.nodes[1].alive); // drawn as the failed master it is
        QCOMPARE(state.nodes[1].replicaOf, -1);
        QCOMPARE(state.nodes[4].replicaOf, -1);
        QCOMPARE(state.nodes[3].replicaOf, 0);
        QCOMPARE(state.keysOn(4), std::int64_t{12});
        const auto bars = fg::keysBars(state);
        QCOMPARE(bars.size(), std::size_t{4}); // the failed master keeps its bar, as in the model
        QCOMPARE(bars[3].node, 4);
        QCOMPARE(bars[3].keys, 12.0);
        // Drawn by the Redis diagram's layout: its slot bar's segments and node boxes.
        fg::ClusterPictures pictures({{std::make_shared<fg::redis::ClusterState>(state),
                                       std::nullopt, QStringLiteral("after")}});
        const fg::Frame f = pictures.frame(-1, fg::Theme::dark());
        QVERIFY(f.find(QStringLiteral("seg:5461")));
        QVERIFY(f.find(QStringLiteral("node:4")));
        QVERIFY(f.find(QStringLiteral("node:4"))->text.contains(QStringLiteral("12 keys")));
        QVERIFY(f.find(QStringLiteral("node:1"))->text.contains(QStringLiteral("failed")));
        QCOMPARE(pictures.narration(0), QStringLiteral("after"));
    }

    // A tester at 1920x1080: both slot maps (the real cluster's and the model's, side by side)
    // opened cut off on the right, the bar's title and node 2 hidden, until Fit. Each takes
    // half of the page (a drawing about 800 px wide beside the chapter list) and shows 3
    // masters whole there, at the page's type (the Lab's drawings never go below it).
    void threeMastersShowWholeInHalfTheWindow_data() {
        QTest::addColumn<bool>("replicas");
        QTest::newRow("3 masters") << false;
        QTest::newRow("3 masters, a replica each") << true;
    }
    void threeMastersShowWholeInHalfTheWindow() {
        QFETCH(bool, replicas);
        std::vector<fg::lab::RedisNode> nodes = sixNodes();
        nodes.resize(replicas ? 6 : 3);
        std::vector<long long> keys{332, 337, 331};
        keys.resize(nodes.size(), 0);
        const auto state = std::make_shared<fg::redis::ClusterState>(
            fg::realCluster(nodes, freshShards(3, replicas), keys));
        fg::ClusterPictures pictures({{state, std::nullopt, QStringLiteral("sent")}});
        QWidget half;
        fg::DiagramCanvas* canvas = fg::labCanvas(&half);
        canvas->setTheme(fg::Theme::dark());
        canvas->setSource(&pictures);
        half.resize(800, 330);
        canvas->setGeometry(half.rect());
        half.show();
        QVERIFY(QTest::qWaitForWindowExposed(&half));
        QCoreApplication::processEvents();
        QVERIFY2(!canvas->horizontalScrollBar()->isVisible(),
                 qPrintable(QStringLiteral("the drawing %1 units wide at %2x, in %3 px")
                                .arg(canvas->currentFrame().size.width())
                                .arg(canvas->zoom())
                                .arg(canvas->width())));
        QVERIFY(!canvas->verticalScrollBar()->isVisible());
    }

    // Tester 40 at 1024x700: the page scrolled, the key table and the charts took the height and
    // each drawing showed its slot bar alone, the nodes below the window. The page fits the
    // window now, the charts step aside for the drawings (the node boxes say the same counts),
    // and a map of 3 masters shows whole there; with the room for them, the charts are back.
    void aShortWindowGivesTheDrawingsTheRoom() {
        fg::RedisLabPage page;
        page.resize(1000, 620); // the page's room in a 1024x700 window
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCoreApplication::processEvents();
        auto* scroll = page.findChild<QScrollArea*>(QStringLiteral("labPage"));
        QVERIFY(scroll);
        QVERIFY(!scroll->verticalScrollBar()->isVisible());
        QVERIFY(!page.realChart()->isVisible());
        fg::DiagramCanvas* model = page.modelCanvas();
        const QSize room = model->size();
        QVERIFY2(room.height() >= 200, qPrintable(QString::number(room.height())));

        std::vector<fg::lab::RedisNode> nodes = sixNodes();
        nodes.resize(3);
        const auto state = std::make_shared<fg::redis::ClusterState>(
            fg::realCluster(nodes, freshShards(3, false), {332, 337, 331}));
        fg::ClusterPictures pictures({{state, std::nullopt, QStringLiteral("sent")}});
        QWidget half;
        fg::DiagramCanvas* canvas = fg::labCanvas(&half);
        canvas->setSource(&pictures);
        half.resize(room);
        canvas->setGeometry(half.rect());
        half.show();
        QVERIFY(QTest::qWaitForWindowExposed(&half));
        QCoreApplication::processEvents();
        QVERIFY2(!canvas->horizontalScrollBar()->isVisible() &&
                     !canvas->verticalScrollBar()->isVisible(),
                 qPrintable(QStringLiteral("%1 by %2 units in %3 by %4 px")
                                .arg(canvas->currentFrame().size.width())
                                .arg(canvas->currentFrame().size.height())
                                .arg(room.width())
                                .arg(room.height())));
        canvas->setSource(nullptr);

        page.resize(1800, 1000);
        QCoreApplication::processEvents();
        QVERIFY(page.realChart()->isVisible());
        QVERIFY(page.modelChart()->isVisible());
        page.resize(1000, 620);
        QCoreApplication::processEvents();
        QVERIFY(!page.modelChart()->isVisible());
    }

    // The Failover tab (a line of text) leaves the drawings the room the Resharding tab's table
    // needs: the tabs were as tall as their tallest page at least, and kept some 150 px blank
    // over drawings squeezed to 8-px words in a 1024x700 window (tester 41).
    void theFailoverTabGivesTheDrawingsTheRoomItDoesNotNeed() {
        fg::RedisLabPage page;
        page.resize(1000, 620); // the page's room in a 1024x700 window
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* tabs = page.findChild<QTabWidget*>();
        QVERIFY(tabs && tabs->count() == 3);
        tabs->setCurrentIndex(1);
        QCoreApplication::processEvents();
        const int withResharding = page.modelCanvas()->height();
        tabs->setCurrentIndex(2);
        QCoreApplication::processEvents();
        const int withFailover = page.modelCanvas()->height();
        QVERIFY2(withFailover >= withResharding + 60,
                 qPrintable(QStringLiteral("%1 px with Resharding, %2 with Failover")
                                .arg(withResharding)
                                .arg(withFailover)));
        // Each tab still has what it needs shown: the current page is never below its least.
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QCoreApplication::processEvents();
            QVERIFY2(tabs->currentWidget()->height() >=
                         tabs->currentWidget()->minimumSizeHint().height(),
                     qPrintable(tabs->tabText(i)));
        }
    }

    void aStaleClientsAskIsDrawnAsTheDiagramDrawsIt() {
        const fg::lab::StaleReply r = askReply();
        const fg::redis::ClusterStep real = fg::staleRoute(r, false);
        QCOMPARE(real.redirect, fg::redis::Redirect::kAsk);
        QCOMPARE(real.first, 0);
        QCOMPARE(real.node, 2);
        QCOMPARE(real.hashTag, std::string("u"));
        QCOMPARE(real.slot, fg::redis::keySlot("u"));
        const auto before = fg::realCluster(sixNodes(), shardsAfterAFailover(), {});
        const auto migrating = fg::reshardState(before, 2, real.slot, 2, 0, 3, 1);
        QVERIFY(migrating.migration.has_value());
        fg::ClusterPictures pictures(
            {{std::make_shared<fg::redis::ClusterState>(migrating), real, QString()}});
        const fg::Frame f = pictures.frame(0, fg::Theme::light());
        const fg::FrameItem* label = f.find(QStringLiteral("route-redirect-label"));
        QVERIFY(label);
        QCOMPARE(label->text, QStringLiteral("ASK"));
        QVERIFY(f.find(QStringLiteral("migrating")));
        // The model's client served at once: no redirect drawn.
        fg::lab::StaleReply plain = r;
        plain.modelRedirect.clear();
        plain.modelNode = 0;
        const fg::redis::ClusterStep model = fg::staleRoute(plain, true);
        QCOMPARE(model.redirect, fg::redis::Redirect::kNone);
        QCOMPARE(model.node, 0);
        QVERIFY(model.replies.empty());
    }

    void aReshardStepMovesTheSlotAndItsKeys() {
        const auto before = fg::realCluster(sixNodes(), shardsAfterAFailover(), {5, 0, 9});
        const int slot = 100; // master 0's
        const auto first = fg::reshardState(before, 2, slot, 0, 2, 3, 1);
        QCOMPARE(first.owner[slot], 0);
        QCOMPARE(first.keysOn(0), std::int64_t{4});
        QCOMPARE(first.keysOn(2), std::int64_t{10});
        const auto done = fg::reshardState(before, 3, slot, 0, 2, 3, 1);
        QCOMPARE(done.owner[slot], 2);
        QVERIFY(!done.migration.has_value());
        QCOMPARE(done.keysOn(0), std::int64_t{2});
        QCOMPARE(done.keysOn(2), std::int64_t{12});
    }

    void theKeySourcesGiveTheirKeysWithinTheBudget() {
        fg::RedisLabPage page;
        QString why;
        page.offerKeys(QStringLiteral("the Redis diagram's 2 keys"),
                       {QStringLiteral("user:1000"), QStringLiteral("{user:1000}.cart")});
        QCOMPARE(page.chosenKeys(&why).size(), 2);
        page.setKeySource(fg::RedisLabPage::KeySource::kTyped);
        page.setTypedKeys(QStringLiteral("a\n\nb\nc\n"));
        QCOMPARE(page.chosenKeys(&why), (QStringList{"a", "b", "c"}));
        // A key typed twice is one key in the cluster: sent and counted once, in its first place.
        page.setTypedKeys(QStringLiteral("user:1\nuser:2\nuser:1\n"));
        QCOMPARE(page.chosenKeys(&why), (QStringList{"user:1", "user:2"}));
        page.setTypedKeys({});
        QVERIFY(page.chosenKeys(&why).isEmpty());
        QVERIFY(why.contains(QStringLiteral("one per line")));
        QStringList many;
        for (int i = 0; i <= fg::RedisLabPage::kMaxPageKeys; ++i) {
            many << QString::number(i);
        }
        page.setTypedKeys(many.join(QLatin1Char('\n')));
        QVERIFY(page.chosenKeys(&why).isEmpty());
        QVERIFY2(why.contains(QStringLiteral("at most")), qPrintable(why));
        page.setKeySource(fg::RedisLabPage::KeySource::kGenerated);
        page.setGeneratedCount(3);
        QCOMPARE(page.chosenKeys(&why), (QStringList{"user:1", "user:2", "user:3"}));
        // No cluster yet: nothing to send, and the page says what to do.
        QVERIFY(!page.running());
        QVERIFY(!page.status().isEmpty());
    }

    // An error about what one tab did goes when the student moves to another tab; an error of
    // the page (the helper ended) would stay.
    void aTabsErrorGoesWithTheTab() {
        fg::RedisLabPage page;
        auto* tabs = page.findChild<QTabWidget*>();
        QVERIFY(tabs);
        page.failMaster(0); // no cluster: said on the Failover tab
        QCOMPARE(tabs->currentIndex(), 2);
        QVERIFY2(page.status().startsWith(QStringLiteral("No cluster is running.")),
                 qPrintable(page.status()));
        tabs->setCurrentIndex(1);
        QVERIFY2(page.status().isEmpty(), qPrintable(page.status()));
    }

    void withoutRedisThePageNamesThePackageAndStartsNothing() {
        QTemporaryDir empty; // no redis-server on this PATH
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(empty.path()));
        fg::RedisLabPage page;
        qputenv("PATH", path);
        QVERIFY2(page.status().contains(QStringLiteral("redis-server")), qPrintable(page.status()));
        QVERIFY(page.status().contains(QStringLiteral("Everything else in the app works")));
        for (QPushButton* b : page.findChildren<QPushButton*>()) {
            QVERIFY2(!b->isEnabled(), qPrintable(b->text()));
        }
        page.startCluster(3, false); // said again, nothing started
        QVERIFY(!page.busy());
        QVERIFY(!page.running());
    }

    // Projector's larger type reaches the charts under the drawings (their letters and their
    // height: a thin strip of plot before), View > Zoom grows both drawings and charts, and a
    // theme after another leaves the page as a fresh one.
    void theDrawingsFollowTheThemesTypeAndTheZoom() {
        fg::RedisLabPage fresh;
        fg::RedisLabPage page;
        page.setTheme(fg::Theme::projector());
        QCustomPlot* chart = page.realChart();
        const qreal light = fresh.realChart()->xAxis->tickLabelFont().pointSizeF();
        QCOMPARE(chart->xAxis->tickLabelFont().pointSizeF(), light * 1.35);
        QVERIFY2(chart->minimumHeight() >= fresh.realChart()->minimumHeight() * 1.3,
                 qPrintable(QString::number(chart->minimumHeight())));
        const int chartHeight = chart->maximumHeight();
        QVERIFY(page.zoomPage(+1));
        QVERIFY(page.zoomPage(+1));
        QCOMPARE(page.zoomStep(), 2);
        // The zoom is for the drawings: the charts keep their height (zoomed, they squeezed
        // the cluster into a strip).
        QCOMPARE(chart->maximumHeight(), chartHeight);
        QCOMPARE(page.realCanvas()->zoom(), 1.25 * 1.25);
        QCOMPARE(page.modelCanvas()->zoom(), 1.25 * 1.25);
        QVERIFY(chart->xAxis->tickLabelFont().pointSizeF() > light * 1.35 * 1.5);
        QVERIFY(page.zoomPage(0)); // Reset zoom: fitted again
        QCOMPARE(page.realCanvas()->zoom(), 1.0);
        QCOMPARE(page.zoomStep(), 0);
        page.setTheme(fg::Theme::light());
        QCOMPARE(chart->xAxis->tickLabelFont().pointSizeF(), light);
        QCOMPARE(chart->yAxis->labelFont().pointSizeF(), light);
        QCOMPARE(chart->minimumHeight(), fresh.realChart()->minimumHeight());
        QCOMPARE(chart->maximumHeight(), fresh.realChart()->maximumHeight());
        QCOMPARE(page.realCanvas()->minimumHeight(), fresh.realCanvas()->minimumHeight());
    }

    void countsAreInWords() {
        QCOMPARE(fg::labCount(1, QStringLiteral("key"), QStringLiteral("keys")),
                 QStringLiteral("1 key"));
        QCOMPARE(fg::labCount(999999, QStringLiteral("key"), QStringLiteral("keys")),
                 QStringLiteral("999,999 keys"));
    }

    void theKeyTableSaysAgreementInWords() {
        fg::RedisKeyTable table;
        table.setRows({{"user:1", 10778, 10778, 1, 2, 1}, {"user:2", 6777, 6777, 1, 1, 1}});
        QCOMPARE(table.rowCount(), 2);
        QCOMPARE(table.data(table.index(0, fg::RedisKeyTable::kAgree)).toString(),
                 QStringLiteral("DIFFERENT"));
        QCOMPARE(table.data(table.index(1, fg::RedisKeyTable::kAgree)).toString(),
                 QStringLiteral("same"));
        QCOMPARE(table.data(table.index(0, fg::RedisKeyTable::kModelServer)).toString(),
                 QStringLiteral("node 2"));
    }
};

FG_TEST_MAIN(TestRedisLabPage)
#include "test_redis_lab_page.moc"
