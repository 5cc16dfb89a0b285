#include "engines/timeseries/clock_text.h"

#include <cmath>
#include <ctime>

namespace fg::timeseries {

namespace {

std::tm utc(std::int64_t ms) {
    const auto t = static_cast<std::time_t>(std::floor(static_cast<double>(ms) / 1000.0));
    std::tm tm{};
    gmtime_r(&t, &tm);
    return tm;
}

std::string format(std::int64_t ms, const char* pattern) {
    const std::tm tm = utc(ms);
    char buf[48];
    const std::size_t n = std::strftime(buf, sizeof buf, pattern, &tm);
    return std::string(buf, n);
}

} // namespace

bool isRealDate(std::int64_t ms) {
    return ms < 0 || ms >= kRealDatesFrom;
}

std::string timeOfDayText(std::int64_t ms) {
    return format(ms, "%H:%M");
}

std::string dayText(std::int64_t ms) {
    if (isRealDate(ms)) {
        const std::tm tm = utc(ms);
        static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        return std::string(kMonths[tm.tm_mon]) + " " + std::to_string(tm.tm_mday);
    }
    return "day " + std::to_string(ms / kMsPerDay + 1);
}

std::string clockText(std::int64_t ms) {
    if (isRealDate(ms)) {
        return format(ms, "%Y-%m-%d %H:%M") + " UTC";
    }
    return ms < kMsPerDay ? timeOfDayText(ms) : dayText(ms) + ", " + timeOfDayText(ms);
}

} // namespace fg::timeseries
