#include "engines/concepts/lifecycle_cost.h"

#include <algorithm>

namespace fg::concepts {

AcceptedRule acceptedByS3(const LifecycleParams& p) {
    AcceptedRule out{p, {}};
    LifecycleParams& r = out.params;
    const auto fix = [&out](LifecycleFix::Rule rule, int& days, int used) {
        out.fixes.push_back({rule, days, used});
        days = used;
    };
    if (r.daysToIa > 0 && r.daysToIa < kDaysBeforeIa) {
        fix(LifecycleFix::Rule::IaTooSoon, r.daysToIa, kDaysBeforeIa);
    }
    if (r.daysToIa > 0 && r.daysToGlacier > 0 &&
        r.daysToGlacier < r.daysToIa + kDaysInIaBeforeGlacier) {
        fix(LifecycleFix::Rule::GlacierTooSoonAfterIa, r.daysToGlacier,
            r.daysToIa + kDaysInIaBeforeGlacier);
    }
    const int lastMove = std::max(r.daysToIa, r.daysToGlacier);
    if (r.daysToDelete > 0 && r.daysToDelete <= lastMove) {
        fix(LifecycleFix::Rule::DeleteNotAfterMoves, r.daysToDelete, lastMove + 1);
    }
    return out;
}

LifecycleRun simulateLifecycle(const LifecycleParams& asked) {
    LifecycleRun run;
    run.rule = acceptedByS3(asked);
    const LifecycleParams& p = run.rule.params;
    const auto reached = [](int age, int days) { return days > 0 && age >= days; };
    // What deleting a batch costs beyond the days it was kept: the rest of its class's minimum
    // storage duration, in GB-days at that class's price. The delete comes after every move.
    double minimumGbDays = 0, minimumPrice = 0;
    if (p.daysToDelete > 0) {
        const int kept = p.daysToGlacier > 0 ? p.daysToDelete - p.daysToGlacier
                         : p.daysToIa > 0    ? p.daysToDelete - p.daysToIa
                                             : 0;
        const int minimum = p.daysToGlacier > 0 ? kGlacierMinimumDays
                            : p.daysToIa > 0    ? kIaMinimumDays
                                                : 0; // Standard has none
        minimumGbDays = p.gbPerMonth * std::max(0, minimum - kept);
        minimumPrice = p.daysToGlacier > 0 ? p.glacierPrice : p.iaPrice;
        run.minimumDays = minimum;
        run.daysKeptBeforeDelete = kept;
    }
    for (int m = 0; m < p.months; ++m) {
        LifecycleMonth month;
        double allGb = 0;
        for (int batch = 0; batch <= m; ++batch) {
            allGb += p.gbPerMonth;
            // Day by day over the month: the class the batch is in that day (billed per day, as
            // S3 bills storage by the hour; a batch deleted after 5 days is billed 5 days).
            int standard = 0, ia = 0, glacier = 0;
            for (int day = 0; day < kDaysPerMonth; ++day) {
                const int age = (m - batch) * kDaysPerMonth + day;
                if (reached(age, p.daysToDelete)) {
                    if (age == p.daysToDelete) { // deleted today: charged what is left
                        month.minimumCharge += minimumGbDays / kDaysPerMonth * minimumPrice;
                    }
                    break; // gone for good
                }
                if (reached(age, p.daysToGlacier)) {
                    ++glacier;
                } else if (reached(age, p.daysToIa)) {
                    ++ia;
                } else {
                    ++standard;
                }
            }
            month.standardGb += p.gbPerMonth * standard / kDaysPerMonth;
            month.iaGb += p.gbPerMonth * ia / kDaysPerMonth;
            month.glacierGb += p.gbPerMonth * glacier / kDaysPerMonth;
        }
        month.costWithRule = month.standardGb * p.standardPrice + month.iaGb * p.iaPrice +
                             month.glacierGb * p.glacierPrice +
                             p.retrievedShare * (month.iaGb * p.iaRetrievalPrice +
                                                 month.glacierGb * p.glacierRetrievalPrice) +
                             month.minimumCharge;
        month.costWithoutRule = allGb * p.standardPrice;
        run.totalWithRule += month.costWithRule;
        run.totalWithoutRule += month.costWithoutRule;
        run.totalMinimumCharges += month.minimumCharge;
        run.months.push_back(month);
    }
    return run;
}

} // namespace fg::concepts
