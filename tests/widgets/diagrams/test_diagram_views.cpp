// What every live diagram's page must do as a student and a teacher use it: scenarios save and
// open again as the same scenario (the contract's JSON); a broken, foreign or unreadable file is
// refused with a message naming the problem and changes nothing; 10,000 steps back and forth
// leave no more live objects than before; the charts show the engine's numbers for the step on
// screen.
#include "widgets/diagrams/btree_view.h"
#include "widgets/diagrams/diagram_view.h"
#include "widgets/diagrams/downsample_view.h"
#include "widgets/diagrams/hashslot_diagram.h"
#include "widgets/diagrams/hashslot_view.h"
#include "widgets/diagrams/kafka_view.h"
#include "widgets/diagrams/lsm_diagram.h"
#include "widgets/diagrams/lsm_view.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>
#include <qcustomplot.h>
#include <unistd.h>

namespace {

using Factory = std::function<std::unique_ptr<fg::DiagramView>()>;

void addViews() {
    QTest::addColumn<Factory>("make");
    QTest::newRow("btree") << Factory([] { return std::make_unique<fg::BTreeView>(); });
    QTest::newRow("lsm") << Factory([] { return std::make_unique<fg::LsmView>(); });
    QTest::newRow("hashslot") << Factory([] { return std::make_unique<fg::HashslotView>(); });
    QTest::newRow("kafka") << Factory([] { return std::make_unique<fg::KafkaView>(); });
    QTest::newRow("downsample") << Factory([] { return std::make_unique<fg::DownsampleView>(); });
}

int liveObjects(QObject* root) {
    return static_cast<int>(root->findChildren<QObject*>().size() +
                            QApplication::allWidgets().size());
}

// Resident memory in bytes (Linux: /proc/self/statm).
qint64 residentBytes() {
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * sysconf(_SC_PAGESIZE) : -1;
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

Q_DECLARE_METATYPE(Factory)

class TestDiagramViews : public QObject {
    Q_OBJECT
private slots:
    void eachOpensOnItsDefaultScenario_data() { addViews(); }
    void eachOpensOnItsDefaultScenario() {
        QFETCH(Factory, make);
        auto view = make();
        auto* message = view->findChild<QLabel*>();
        for (auto* l : view->findChildren<QLabel*>()) {
            message = l->accessibleName() == "Message" ? l : message;
        }
        QVERIFY(message && message->accessibleName() == "Message");
        QVERIFY2(message->isHidden(), qPrintable(message->text()));
        QVERIFY(view->panel()->player()->stepCount() > 0);
        QVERIFY(view->panel()->player()->atEnd());
        QVERIFY(!view->countersText().isEmpty());
    }

    void scenarioSavesAndOpensAsTheSame_data() { addViews(); }
    void scenarioSavesAndOpensAsTheSame() {
        QFETCH(Factory, make);
        auto view = make();
        QTemporaryDir dir;
        const QString path = dir.filePath("s.json");
        QString error;
        QVERIFY2(view->saveScenarioFile(path, &error), qPrintable(error));
        const nlohmann::json saved = view->scenarioJson();
        QCOMPARE(QString::fromStdString(saved["engine"].get<std::string>()),
                 QString::fromLatin1(view->engineName()));
        auto other = make();
        other->panel()->player()->toEnd();
        QVERIFY2(other->openScenarioFile(path, &error), qPrintable(error));
        QVERIFY(other->scenarioJson() == saved);
        QCOMPARE(other->panel()->player()->stepCount(), view->panel()->player()->stepCount());
        // Opening a scenario shows it from the start, ready to play.
        QCOMPARE(other->panel()->player()->position(), -1);
    }

    void badFilesAreRefusedAndChangeNothing_data() { addViews(); }
    void badFilesAreRefusedAndChangeNothing() {
        QFETCH(Factory, make);
        auto view = make();
        const nlohmann::json before = view->scenarioJson();
        const int steps = view->panel()->player()->stepCount();
        QTemporaryDir dir;
        QString error;
        const QString broken = dir.filePath("broken.json");
        QVERIFY(writeFile(broken, "{\n  \"engine\": \"btree\",\n  \"ops\": [ {\"op\": \n"));
        QVERIFY(!view->openScenarioFile(broken, &error));
        QVERIFY2(error.contains("broken.json") && error.contains(":4"), qPrintable(error));

        const QString foreign = dir.filePath("foreign.json");
        const char* other = view->engineName() == std::string("lsm") ? "btree" : "lsm";
        QVERIFY(writeFile(foreign, QByteArray("{\"engine\": \"") + other + "\", \"ops\": []}"));
        error.clear();
        QVERIFY(!view->openScenarioFile(foreign, &error));
        QVERIFY2(error.contains(other) && error.contains(view->engineName()), qPrintable(error));

        const QString badOp = dir.filePath("bad-op.json");
        nlohmann::json bad = before;
        bad["ops"] = nlohmann::json::array({{{"op", "explode"}}});
        QVERIFY(writeFile(badOp, QByteArray::fromStdString(bad.dump())));
        error.clear();
        QVERIFY(!view->openScenarioFile(badOp, &error));
        QVERIFY2(error.contains("/ops/0"), qPrintable(error));

        error.clear();
        QVERIFY(!view->openScenarioFile(dir.filePath("missing.json"), &error));
        QVERIFY2(error.contains("missing.json"), qPrintable(error));

        QVERIFY(view->scenarioJson() == before);
        QCOMPARE(view->panel()->player()->stepCount(), steps);
    }

    void saveToAnUnwritablePlaceKeepsTheOldFile_data() { addViews(); }
    void saveToAnUnwritablePlaceKeepsTheOldFile() {
        QFETCH(Factory, make);
        auto view = make();
        QString error;
        QVERIFY(!view->saveScenarioFile("/proc/fieldguide/none.json", &error));
        QVERIFY2(error.contains("/proc/fieldguide/none.json"), qPrintable(error));
    }

    void tenThousandStepsLeaveNoObjectsBehind_data() { addViews(); }
    void tenThousandStepsLeaveNoObjectsBehind() {
        QFETCH(Factory, make);
        auto view = make();
        view->resize(1280, 800);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        fg::Player* player = view->panel()->player();
        const int count = player->stepCount();
        QVERIFY(count >= 3);
        // Warm up once through every step (lazily created objects are not growth).
        for (int i = -1; i < count; ++i) {
            player->seek(i);
        }
        QCoreApplication::processEvents();
        const int before = liveObjects(view.get());
        [[maybe_unused]] const qint64 rssBefore = residentBytes();
        int pos = -1, dir = 1;
        for (int i = 0; i < 10'000; ++i) {
            if (pos + dir < -1 || pos + dir >= count) {
                dir = -dir;
            }
            pos += dir;
            if (i % 2) {
                player->seek(pos);
            } else if (dir > 0) {
                player->seek(pos - 1);
                player->stepForward(); // animated: a transition starts
            } else {
                player->stepBack();
                pos = player->position();
            }
            if (i % 500 == 0) {
                QCoreApplication::processEvents();
            }
        }
        QCoreApplication::processEvents();
        QCOMPARE(liveObjects(view.get()), before);
        // Nor more memory: the play button once kept ~1.6 KB a step (a new icon each time).
        // AddressSanitizer holds freed memory in quarantine, so the bound holds without it.
#if !defined(__SANITIZE_ADDRESS__)
        const qint64 growth = residentBytes() - rssBefore;
        QVERIFY2(growth < 3 * 1024 * 1024,
                 qPrintable(QStringLiteral("grew %1 KB").arg(growth / 1024)));
#endif
    }

    void hashslotHistogramCountsKeysPerMaster() {
        fg::HashslotView view;
        view.resize(1280, 800);
        const auto& source =
            *static_cast<const fg::HashslotDiagram*>(view.panel()->canvas()->source());
        const int last = view.panel()->player()->stepCount() - 1;
        view.panel()->player()->seek(last);
        const auto state = source.stateAt(last);
        std::vector<double> shown; // every bar, left to right
        for (int i = 0; i < view.chart()->plottableCount(); ++i) {
            if (auto* bars = qobject_cast<QCPBars*>(view.chart()->plottable(i))) {
                for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) {
                    shown.push_back(it->value);
                }
            }
        }
        int masters = 0;
        std::int64_t total = 0;
        for (const auto& n : state.nodes) {
            if (!n.removed && n.replicaOf < 0) {
                QVERIFY(masters < int(shown.size()));
                QCOMPARE(shown[std::size_t(masters)], double(state.keysOn(n.id)));
                total += state.keysOn(n.id);
                ++masters;
            }
        }
        QCOMPARE(int(shown.size()), masters);
        QVERIFY(total > 0);
    }

    void lsmChartFollowsTheStepOnScreen() {
        fg::LsmView view;
        view.resize(1280, 800);
        const auto& source = *static_cast<const fg::LsmDiagram*>(view.panel()->canvas()->source());
        for (int pos : {0, 5, view.panel()->player()->stepCount() - 1}) {
            view.panel()->player()->seek(pos);
            QCPGraph* write = view.chart()->graph(0);
            QCOMPARE(write->data()->size(), pos + 1);
            const auto& st = source.stateAt(pos).stats;
            const double expected =
                st.userBytes ? double(st.diskBytesWritten) / double(st.userBytes) : 0.0;
            QCOMPARE((write->data()->end() - 1)->value, expected);
        }
        QVERIFY(view.chart()->graph(0)->data()->size() > 1);
    }
};

QTEST_MAIN(TestDiagramViews)
#include "test_diagram_views.moc"
