// Lifecycle cost against sums worked out by hand at the course's prices ($ per GB-month:
// Standard 0.023, Infrequent Access 0.0125, Glacier 0.004), 1 TB = 1,024 GB added each month:
//   month 1: 1,024 GB Standard = $23.552, with or without the rule.
//   month 2: 1,024 Standard + 1,024 IA (30 days old) = 23.552 + 12.80 = $36.352; without: $47.104.
//   month 4: batch 1 is 90 days old (Glacier), batches 2-3 in IA, batch 4 Standard:
//            4.096 + 25.60 + 23.552 = $53.248; without: 4 x 23.552 = $94.208.
#include "engines/concepts/lifecycle_cost.h"
#include "tests/suite_main.h"

#include <QTest>

using namespace fg::concepts;

class TestLifecycleCost : public QObject {
    Q_OBJECT
private slots:
    void oneTerabyteForAMonth() {
        LifecycleParams p;
        p.months = 1;
        const auto run = simulateLifecycle(p);
        QCOMPARE(run.months.size(), std::size_t(1));
        QCOMPARE(run.months[0].costWithRule, 23.552);
        QCOMPARE(run.months[0].costWithoutRule, 23.552);
        QCOMPARE(run.totalWithRule, 23.552);
    }

    void monthsByHand() {
        const auto run = simulateLifecycle(LifecycleParams{});
        QCOMPARE(run.months.size(), std::size_t(36));
        QCOMPARE(run.months[1].costWithRule, 36.352);
        QCOMPARE(run.months[1].costWithoutRule, 47.104);
        QCOMPARE(run.months[3].glacierGb, 1024.0);
        QCOMPARE(run.months[3].iaGb, 2048.0);
        QCOMPARE(run.months[3].standardGb, 1024.0);
        QCOMPARE(run.months[3].costWithRule, 53.248);
        QCOMPARE(run.months[3].costWithoutRule, 94.208);
        QVERIFY(run.totalWithRule < run.totalWithoutRule);
    }

    // Deleted after 365 days: from month 13 on, 12 batches are kept all month (ages 0..330
    // days at its start) and the 13th for its first 5 days (days 360 to 364).
    void deletionCapsTheData() {
        LifecycleParams p;
        p.daysToDelete = 365;
        const auto run = simulateLifecycle(p);
        const auto& m = run.months[20];
        QCOMPARE(m.standardGb + m.iaGb + m.glacierGb, 12 * 1024.0 + 1024.0 * 5 / 30);
        QCOMPARE(m.glacierGb, 9 * 1024.0 + 1024.0 * 5 / 30); // ages 90..330, and 360
        QCOMPARE(run.months[35].costWithRule, run.months[20].costWithRule);
    }

    // A tester: deleted after 5 days, a month's data was billed the whole month in Standard.
    // Storage is billed by the day: 5 days of 30, and the GB kept is that month's average.
    void deletionIsBilledByTheDay() {
        LifecycleParams p;
        p.daysToDelete = 5;
        p.months = 3;
        const auto run = simulateLifecycle(p);
        for (const auto& m : run.months) {
            QCOMPARE(m.standardGb, 1024.0 * 5 / 30);
            QCOMPARE(m.costWithRule, 1024 * 0.023 * 5 / 30);
            QCOMPARE(m.iaGb + m.glacierGb, 0.0);
        }
        // Moved mid-month: 45 days to IA is 15 days of Standard and 15 of IA in month 1.
        p = LifecycleParams();
        p.daysToIa = 45;
        p.daysToGlacier = 0;
        p.months = 2;
        const auto moved = simulateLifecycle(p);
        QCOMPARE(moved.months[1].iaGb, 1024.0 * 15 / 30);
        QCOMPARE(moved.months[1].standardGb, 1024.0 + 1024.0 * 15 / 30);
    }

    // Retrieval: reading back 10 % a month at $0.01 / GB from IA and $0.03 / GB from Glacier.
    void retrievalFees() {
        LifecycleParams p;
        p.months = 4;
        p.retrievedShare = 0.1;
        p.iaRetrievalPrice = 0.01;
        p.glacierRetrievalPrice = 0.03;
        const auto run = simulateLifecycle(p);
        // Month 4: 53.248 + 0.1 x (2048 x 0.01 + 1024 x 0.03) = 53.248 + 5.12 = 58.368.
        QVERIFY(qFuzzyCompare(run.months[3].costWithRule, 58.368));
    }

    void noRuleIsAllStandard() {
        LifecycleParams p;
        p.daysToIa = 0;
        p.daysToGlacier = 0;
        const auto run = simulateLifecycle(p);
        for (const auto& m : run.months) {
            QCOMPARE(m.costWithRule, m.costWithoutRule);
        }
    }
};

FG_TEST_APPLESS_MAIN(TestLifecycleCost)
#include "test_lifecycle_cost.moc"
