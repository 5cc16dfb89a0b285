// Object-storage lifecycle cost. Each month new data arrives; a lifecycle rule moves data to
// cheaper storage classes as it ages (the course: S3 Standard $0.023 per GB-month, Infrequent
// Access $0.0125 after 30 days, Glacier $0.004 after 90 days; optionally deleted after a year).
// The course gives no retrieval prices, so they default to 0 and are for the user to fill in.
// Months are 30 days; a month's data arrives at its start; storage is billed by the day (S3 bills
// by the hour): a batch pays each class for the days it spends there, and nothing after it is
// deleted (a rule that deletes after 5 days pays 5/30 of a month; billing whole months charged
// the full month). A month's GB in each class are its GB-months: the average kept. Without the
// rule everything stays in Standard and nothing is deleted. Request fees are left out.
//
// The rule is the one Amazon S3 would take (acceptedByS3): S3 refuses a rule that moves objects
// to Standard-IA sooner than 30 days after they were written, or from Standard-IA to Glacier
// sooner than 30 days after they moved there, or that deletes them on or before the day of a
// move (Amazon S3 User Guide, "Transitioning objects using Amazon S3 Lifecycle", constraints and
// considerations for transitions). A setting S3 would refuse is brought to the nearest one it
// takes, and the fix is named. Data deleted before its class's minimum storage duration
// (Standard-IA 30 days, Glacier Instant and Flexible Retrieval 90 days, Deep Archive 180 days; S3
// pricing) pays for the rest of that minimum when it is deleted, at its class's price.
#pragma once

#include <vector>

namespace fg::concepts {

struct LifecycleParams {
    double standardPrice = 0.023;     // $ per GB-month
    double iaPrice = 0.0125;          // Infrequent Access (S3 Standard-IA)
    double glacierPrice = 0.004;      // S3 Glacier Instant Retrieval's price (the course's)
    double iaRetrievalPrice = 0;      // $ per GB read back from Infrequent Access
    double glacierRetrievalPrice = 0; // $ per GB read back from Glacier
    double retrievedShare = 0;        // share of the data in IA and Glacier read back each month
    int daysToIa = 30;                // 0: never
    int daysToGlacier = 90;           // 0: never
    int daysToDelete = 0;             // 0: never
    double gbPerMonth = 1024;         // data added each month (1 TB = 1,024 GB, as AWS bills)
    int months = 36;

    bool operator==(const LifecycleParams&) const = default;
};

inline constexpr int kDaysPerMonth = 30;

// S3's rules. Days an object stays in Standard before a lifecycle move to Standard-IA, and in
// Standard-IA before a move on to Glacier.
inline constexpr int kDaysBeforeIa = 30;
inline constexpr int kDaysInIaBeforeGlacier = 30;
// Minimum storage durations: data deleted sooner pays for these days all the same.
inline constexpr int kIaMinimumDays = 30;
inline constexpr int kGlacierMinimumDays = 90;      // Glacier Instant and Flexible Retrieval
inline constexpr int kDeepArchiveMinimumDays = 180; // Glacier Deep Archive (not simulated)

// A setting S3 would refuse, and the day the simulation uses instead.
struct LifecycleFix {
    enum class Rule {
        IaTooSoon,             // to IA before 30 days in Standard
        GlacierTooSoonAfterIa, // to Glacier before 30 days in IA (or before the move to IA)
        DeleteNotAfterMoves,   // deleted on or before the day of a move
    };
    Rule rule;
    int asked = 0; // the days set
    int used = 0;  // the days S3 would take, the nearest to those set
};

struct AcceptedRule {
    LifecycleParams params;          // the rule as S3 would take it
    std::vector<LifecycleFix> fixes; // empty when S3 takes the rule as it was set
};

// The rule S3 would take: each day brought to the nearest S3 accepts, in the order the rule
// runs (IA, then Glacier, then the delete), so a later day moves for an earlier one.
AcceptedRule acceptedByS3(const LifecycleParams& p);

struct LifecycleMonth {
    double standardGb = 0, iaGb = 0, glacierGb = 0; // GB-months (the average kept)
    double minimumCharge = 0;   // $ for data deleted before its class's minimum storage duration
    double costWithRule = 0;    // storage + retrieval + minimum charges, $
    double costWithoutRule = 0; // everything in Standard, $
};

struct LifecycleRun {
    AcceptedRule rule; // what was simulated, and what was changed to get it
    std::vector<LifecycleMonth> months;
    double totalWithRule = 0, totalWithoutRule = 0;
    double totalMinimumCharges = 0;
    // Where a deleted batch last was and for how long: its class's minimum storage duration
    // (0: Standard, which has none, or never deleted) and the days it was kept there.
    int minimumDays = 0;
    int daysKeptBeforeDelete = 0;
};

// The months of acceptedByS3(p).
LifecycleRun simulateLifecycle(const LifecycleParams& p);

} // namespace fg::concepts
