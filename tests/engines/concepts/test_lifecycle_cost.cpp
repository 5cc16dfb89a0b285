// Lifecycle cost against sums worked out by hand at the course's prices ($ per GB-month:
// Standard 0.023, Infrequent Access 0.0125, Glacier 0.004), 1 TB = 1,024 GB added each month:
//   month 1: 1,024 GB Standard = $23.552, with or without the rule.
//   month 2: 1,024 Standard + 1,024 IA (30 days old) = 23.552 + 12.80 = $36.352; without: $47.104.
//   month 4: batch 1 is 90 days old (Glacier), batches 2-3 in IA, batch 4 Standard:
//            4.096 + 25.60 + 23.552 = $53.248; without: 4 x 23.552 = $94.208.
#include "engines/concepts/lifecycle_cost.h"
#include "tests/suite_main.h"

#include <QTest>
#include <algorithm>
#include <tuple>

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
    // Storage is billed by the day: 5 days of 30, and the GB kept is that month's average. (The
    // rule has no moves: S3 refuses a delete at 5 days before moves at 30 and 90.)
    void deletionIsBilledByTheDay() {
        LifecycleParams p;
        p.daysToIa = 0;
        p.daysToGlacier = 0;
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

    // A tester moved data to IA after 5 days, and the simulator took it. S3 refuses a lifecycle
    // move to Standard-IA sooner than 30 days after an object was written: the rule is run with
    // 30 days (Standard for the whole first month), and the fix is named.
    void iaComesNoSoonerThan30Days() {
        for (const int asked : {1, 5, 29}) {
            LifecycleParams p;
            p.daysToIa = asked;
            p.daysToGlacier = 0;
            p.months = 2;
            const auto run = simulateLifecycle(p);
            QCOMPARE(run.months[0].standardGb, 1024.0);
            QCOMPARE(run.months[0].iaGb, 0.0);
            QCOMPARE(run.months[1].iaGb, 1024.0);
            QCOMPARE(run.rule.params.daysToIa, 30);
            QCOMPARE(run.rule.fixes.size(), std::size_t(1));
            QVERIFY(run.rule.fixes[0].rule == LifecycleFix::Rule::IaTooSoon);
            QCOMPARE(run.rule.fixes[0].asked, asked);
            QCOMPARE(run.rule.fixes[0].used, 30);
        }
        // 30 days, the course's rule, and no move at all are taken as they are.
        for (const int days : {30, 31, 0}) {
            LifecycleParams p;
            p.daysToIa = days;
            QVERIFY(acceptedByS3(p).fixes.empty());
            QVERIFY(acceptedByS3(p).params == p);
        }
    }

    // From Standard-IA, S3 moves an object to Glacier only after 30 days there; straight from
    // Standard, any day (Glacier's minimum is a charge, not a refusal).
    void glacierComes30DaysAfterIa() {
        const struct {
            int ia, glacier, used;
        } rules[] = {{30, 45, 60}, {30, 30, 60}, {90, 30, 120}, {5, 20, 60},
                     {30, 60, 60}, {0, 1, 1},    {0, 10, 10}};
        for (const auto& r : rules) {
            LifecycleParams p;
            p.daysToIa = r.ia;
            p.daysToGlacier = r.glacier;
            const AcceptedRule a = acceptedByS3(p);
            QCOMPARE(a.params.daysToGlacier, r.used);
            const bool fixed =
                std::any_of(a.fixes.begin(), a.fixes.end(), [](const LifecycleFix& f) {
                    return f.rule == LifecycleFix::Rule::GlacierTooSoonAfterIa;
                });
            QCOMPARE(fixed, r.used != r.glacier);
        }
        // In the months: a batch spends its days 30 to 59 in IA, not 30 to 44.
        LifecycleParams p;
        p.daysToGlacier = 45;
        p.months = 2;
        const auto run = simulateLifecycle(p);
        QCOMPARE(run.months[1].iaGb, 1024.0);
        QCOMPARE(run.months[1].glacierGb, 0.0);
    }

    // S3 refuses a rule that deletes an object on or before the day of a move: the delete comes
    // the day after the last move.
    void deleteComesAfterTheLastMove() {
        const struct {
            int ia, glacier, del, used;
        } rules[] = {{30, 90, 10, 91}, {30, 90, 90, 91}, {30, 0, 30, 31},
                     {0, 7, 7, 8},     {30, 90, 91, 91}, {0, 0, 5, 5}};
        for (const auto& r : rules) {
            LifecycleParams p;
            p.daysToIa = r.ia;
            p.daysToGlacier = r.glacier;
            p.daysToDelete = r.del;
            const AcceptedRule a = acceptedByS3(p);
            QCOMPARE(a.params.daysToDelete, r.used);
            QCOMPARE(a.fixes.size(), std::size_t(r.used != r.del ? 1 : 0));
        }
    }

    // Minimum storage durations: an object deleted sooner than 30 days after it entered
    // Standard-IA, or 90 after Glacier, pays for the rest of them when it is deleted.
    //   IA at 30, deleted at 40: month 2 has batch 1 10 days in IA, then 20 charged (the month
    //   as if kept in IA: 23.552 + 12.80 = $36.352).
    //   Glacier at 1 (from Standard), deleted at 31: 30 days kept there, 60 charged in month 2:
    //   60 / 30 x 1,024 x 0.004 = $8.192.
    void deletingBeforeTheMinimumDurationIsCharged() {
        LifecycleParams p;
        p.daysToGlacier = 0;
        p.daysToDelete = 40;
        p.months = 3;
        auto run = simulateLifecycle(p);
        QVERIFY(run.rule.fixes.empty());
        QCOMPARE(run.months[0].minimumCharge, 0.0);
        QVERIFY(qFuzzyCompare(run.months[1].minimumCharge, 1024 * 0.0125 * 20 / 30));
        QVERIFY(qFuzzyCompare(run.months[1].costWithRule, 36.352));
        QVERIFY(qFuzzyCompare(run.totalMinimumCharges, 2 * 1024 * 0.0125 * 20 / 30));
        QCOMPARE(run.minimumDays, 30); // IA's minimum, 10 days of it kept (the summary says so)
        QCOMPARE(run.daysKeptBeforeDelete, 10);
        p.daysToIa = 0;
        p.daysToGlacier = 1;
        p.daysToDelete = 31;
        run = simulateLifecycle(p);
        QVERIFY(qFuzzyCompare(run.months[1].minimumCharge, 8.192));
        QCOMPARE(run.minimumDays, 90);
        QCOMPARE(run.daysKeptBeforeDelete, 30);
        QVERIFY(qFuzzyCompare(run.months[1].costWithRule,
                              1024 * 0.023 * 1 / 30 + 1024 * 0.004 * 29 / 30 + // batch 2
                                  1024 * 0.004 * 1 / 30 + 8.192));             // batch 1
        // Kept the whole minimum: nothing more to pay.
        for (const auto& [ia, glacier, del] :
             {std::tuple{30, 0, 60}, std::tuple{30, 90, 180}, std::tuple{0, 0, 10}}) {
            p.daysToIa = ia;
            p.daysToGlacier = glacier;
            p.daysToDelete = del;
            QCOMPARE(simulateLifecycle(p).totalMinimumCharges, 0.0);
        }
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
