// Object-storage lifecycle cost. Each month new data arrives; a lifecycle rule moves data to
// cheaper storage classes as it ages (the course: S3 Standard $0.023 per GB-month, Infrequent
// Access $0.0125 after 30 days, Glacier $0.004 after 90 days; optionally deleted after a year).
// The course gives no retrieval prices, so they default to 0 and are for the user to fill in.
// Months are 30 days; a month's data arrives at its start; storage is billed by the day (S3 bills
// by the hour): a batch pays each class for the days it spends there, and nothing after it is
// deleted (a rule that deletes after 5 days pays 5/30 of a month; billing whole months charged
// the full month). A month's GB in each class are its GB-months: the average kept. Without the
// rule everything stays in Standard and nothing is deleted. Minimum storage durations and
// request fees are left out.
#pragma once

#include <vector>

namespace fg::concepts {

struct LifecycleParams {
    double standardPrice = 0.023; // $ per GB-month
    double iaPrice = 0.0125;      // Infrequent Access
    double glacierPrice = 0.004;
    double iaRetrievalPrice = 0;      // $ per GB read back from Infrequent Access
    double glacierRetrievalPrice = 0; // $ per GB read back from Glacier
    double retrievedShare = 0;        // share of the data in IA and Glacier read back each month
    int daysToIa = 30;                // 0: never
    int daysToGlacier = 90;           // 0: never
    int daysToDelete = 0;             // 0: never
    double gbPerMonth = 1024;         // data added each month (1 TB = 1,024 GB, as AWS bills)
    int months = 36;
};

inline constexpr int kDaysPerMonth = 30;

struct LifecycleMonth {
    double standardGb = 0, iaGb = 0, glacierGb = 0; // GB-months (the average kept)
    double costWithRule = 0;                        // storage + retrieval, $
    double costWithoutRule = 0;                     // everything in Standard, $
};

struct LifecycleRun {
    std::vector<LifecycleMonth> months;
    double totalWithRule = 0, totalWithoutRule = 0;
};

LifecycleRun simulateLifecycle(const LifecycleParams& p);

} // namespace fg::concepts
