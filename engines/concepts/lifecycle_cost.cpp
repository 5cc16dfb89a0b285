#include "engines/concepts/lifecycle_cost.h"

namespace fg::concepts {

LifecycleRun simulateLifecycle(const LifecycleParams& p) {
    LifecycleRun run;
    const auto reached = [](int age, int days) { return days > 0 && age >= days; };
    for (int m = 0; m < p.months; ++m) {
        LifecycleMonth month;
        double allGb = 0;
        for (int batch = 0; batch <= m; ++batch) {
            const int age = (m - batch) * 30; // days, at the start of month m
            allGb += p.gbPerMonth;
            if (reached(age, p.daysToDelete)) {
                continue;
            }
            if (reached(age, p.daysToGlacier)) {
                month.glacierGb += p.gbPerMonth;
            } else if (reached(age, p.daysToIa)) {
                month.iaGb += p.gbPerMonth;
            } else {
                month.standardGb += p.gbPerMonth;
            }
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
