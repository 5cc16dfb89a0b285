#include "engines/concepts/lifecycle_cost.h"

namespace fg::concepts {

LifecycleRun simulateLifecycle(const LifecycleParams& p) {
    LifecycleRun run;
    const auto reached = [](int age, int days) { return days > 0 && age >= days; };
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
                                                 month.glacierGb * p.glacierRetrievalPrice);
        month.costWithoutRule = allGb * p.standardPrice;
        run.totalWithRule += month.costWithRule;
        run.totalWithoutRule += month.costWithoutRule;
        run.months.push_back(month);
    }
    return run;
}

} // namespace fg::concepts
