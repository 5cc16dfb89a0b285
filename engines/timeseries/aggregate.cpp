#include "engines/timeseries/aggregate.h"

namespace fg::timeseries {

bool parseAggList(const std::string& list, std::vector<AggKind>& out, std::string& bad) {
    out.clear();
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto comma = list.find(',', start);
        const std::string name =
            list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        static const std::pair<const char*, AggKind> kNames[] = {
            {"avg", AggKind::Avg},  {"min", AggKind::Min},     {"max", AggKind::Max},
            {"sum", AggKind::Sum},  {"count", AggKind::Count}, {"first", AggKind::First},
            {"last", AggKind::Last}};
        bool found = false;
        for (const auto& [n, k] : kNames) {
            if (name == n) {
                out.push_back(k);
                found = true;
            }
        }
        if (!found) {
            bad = name;
            return false;
        }
        if (comma == std::string::npos) {
            break;
        }
        start = comma + 1;
    }
    return !out.empty();
}

const char* aggName(AggKind k) {
    switch (k) {
    case AggKind::Avg:
        return "avg";
    case AggKind::Min:
        return "min";
    case AggKind::Max:
        return "max";
    case AggKind::Sum:
        return "sum";
    case AggKind::Count:
        return "count";
    case AggKind::First:
        return "first";
    case AggKind::Last:
        break;
    }
    return "last";
}

double aggValue(const Aggregate& a, AggKind k) {
    switch (k) {
    case AggKind::Avg:
        return a.avg();
    case AggKind::Min:
        return a.min;
    case AggKind::Max:
        return a.max;
    case AggKind::Sum:
        return a.sum;
    case AggKind::Count:
        return static_cast<double>(a.count);
    case AggKind::First:
        return a.first;
    case AggKind::Last:
        break;
    }
    return a.last;
}

} // namespace fg::timeseries
