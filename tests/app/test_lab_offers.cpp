// A Lab page offers the open diagram's keys (Lab > Redis Cluster: the Redis diagram's keys),
// each key once: a SET and a GET of one key were "the Redis diagram's 2 keys", and Send sent
// one (tester 41).
#include "app/main_window.h"
#include "models/course/content_loader.h"
#include "models/io/status_text.h"
#include "tests/app/app_test_support.h"
#include "tests/suite_main.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/diagram_view.h"
#include "widgets/lab/redis_lab_page.h"

#include <QSettings>
#include <QTabWidget>
#include <QTest>
#include <nlohmann/json.hpp>

class TestLabOffers : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { useOwnTestSettings("lab-offers"); }
    void init() { QSettings().clear(); }

    void theRedisDiagramsKeysAreOfferedOnceEach() {
        fg::MainWindow w(fg::loadCourse(fg::diagramLinks(), fg::kEnglishContent));
        w.openDiagram(QStringLiteral("hashslot"));
        auto* view = qobject_cast<fg::DiagramView*>(w.tabs()->currentWidget());
        QVERIFY(view);
        const auto scenario = nlohmann::json::parse(R"({"engine": "hashslot",
            "params": {"nodes": 3, "replicas": 0},
            "ops": [{"op": "route", "key": "user:1000", "value": "v"},
                    {"op": "route", "key": "user:1000"},
                    {"op": "route", "key": "{user:1000}.cart"}]})");
        const fg::Status loaded = view->loadScenario(scenario);
        QVERIFY2(loaded, qPrintable(fg::messageOf(loaded)));
        w.openTool(QStringLiteral("lab-redis"));
        auto* lab = qobject_cast<fg::RedisLabPage*>(w.tabs()->currentWidget());
        QVERIFY(lab);
        lab->setKeySource(fg::RedisLabPage::KeySource::kOffered);
        QString why;
        const QStringList keys = lab->chosenKeys(&why);
        QCOMPARE(keys,
                 (QStringList{QStringLiteral("user:1000"), QStringLiteral("{user:1000}.cart")}));
    }
};

FG_TEST_MAIN(TestLabOffers)
#include "test_lab_offers.moc"
