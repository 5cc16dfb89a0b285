// How the time-series store and its diagram say a time. A scenario counts its time in
// milliseconds from its own start (0 is 00:00 of its first day), so a time before the year 2000 is
// said as a clock time, "03:00", with its day after the first ("day 2, 03:00"): never as a date
// of January 1970, which no scenario meant. A time from 2000 on (or before 1970) is a real date
// and is said as one, "2024-03-01 14:05 UTC".
#pragma once

#include <cstdint>
#include <string>

namespace fg::timeseries {

inline constexpr std::int64_t kMsPerDay = 86'400'000;
// 2000-01-01 00:00 UTC: from here on a time is a real date.
inline constexpr std::int64_t kRealDatesFrom = 946'684'800'000;

// True when `ms` is a real date, false when it is a time of the scenario's own clock.
bool isRealDate(std::int64_t ms);
// "03:00", "day 2, 03:00" (a scenario's clock), "2024-03-01 14:05 UTC" (a real date).
std::string clockText(std::int64_t ms);
// The day alone: "day 2" (a scenario's clock: its first day is day 1), "Mar 1" (a real date).
std::string dayText(std::int64_t ms);
// The time of day alone, "03:00" (UTC for a real date).
std::string timeOfDayText(std::int64_t ms);

} // namespace fg::timeseries
