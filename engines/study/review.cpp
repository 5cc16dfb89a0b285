#include "engines/study/review.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string_view>

namespace fg::study {

int Review::interval(int box) {
    static constexpr std::array<int, kBoxes> days{0, 1, 3, 7, 14};
    return days[static_cast<std::size_t>(std::clamp(box, 1, kBoxes) - 1)];
}

void Review::add(const std::string& id, long today) {
    if (contains(id)) {
        return;
    }
    Entry e;
    e.s.due = today;
    e.added = nextAdded_++;
    cards_.emplace(id, e);
}

const CardState* Review::state(const std::string& id) const {
    const auto it = cards_.find(id);
    return it == cards_.end() ? nullptr : &it->second.s;
}

void Review::setState(const std::string& id, CardState s) {
    s.box = std::clamp(s.box, 1, kBoxes);
    s.seen = std::max(0, s.seen);
    s.missed = std::clamp(s.missed, 0, s.seen);
    s.stamp = std::max(0L, s.stamp);
    auto it = cards_.find(id);
    if (it == cards_.end()) {
        it = cards_.emplace(id, Entry{{}, nextAdded_++}).first;
    }
    it->second.s = s;
    lastStamp_ = std::max(lastStamp_, s.stamp);
}

void Review::remove(const std::string& id) {
    cards_.erase(id);
}

std::vector<std::string> Review::due(long today) const {
    std::vector<std::pair<std::string, const Entry*>> list;
    for (const auto& [id, e] : cards_) {
        if (e.s.due <= today) {
            list.emplace_back(id, &e);
        }
    }
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
        const CardState& x = a.second->s;
        const CardState& y = b.second->s;
        if (x.due != y.due) {
            return x.due < y.due;
        }
        if (x.stamp != y.stamp) {
            return x.stamp < y.stamp;
        }
        return a.second->added < b.second->added;
    });
    std::vector<std::string> ids;
    ids.reserve(list.size());
    for (const auto& p : list) {
        ids.push_back(p.first);
    }
    return ids;
}

int Review::dueCount(long today) const {
    return static_cast<int>(std::count_if(
        cards_.begin(), cards_.end(), [today](const auto& p) { return p.second.s.due <= today; }));
}

bool Review::answer(const std::string& id, Grade grade, long today) {
    const auto it = cards_.find(id);
    if (it == cards_.end()) {
        return false;
    }
    CardState& s = it->second.s;
    ++s.seen;
    s.stamp = ++lastStamp_;
    switch (grade) {
    case Grade::Right:
        s.box = std::min(s.box + 1, kBoxes);
        s.due = today + interval(s.box);
        break;
    case Grade::Partly:
        s.due = today + std::max(1, interval(s.box));
        break;
    case Grade::Wrong:
        ++s.missed;
        s.box = 1;
        s.due = today + interval(1);
        break;
    }
    return true;
}

nlohmann::json Review::toJson() const {
    nlohmann::json cards = nlohmann::json::object();
    for (const auto& [id, e] : cards_) {
        cards[id] = {{"box", e.s.box},
                     {"due", e.s.due},
                     {"seen", e.s.seen},
                     {"missed", e.s.missed},
                     {"stamp", e.s.stamp}};
    }
    return {{"cards", cards}};
}

Review Review::fromJson(const nlohmann::json& j, std::vector<std::string>* problems) {
    Review r;
    // A string_view, not a std::string by value: GCC 12 at -O3 warns (-Warray-bounds, a false
    // positive) when a long literal becomes a by-value std::string parameter here.
    auto problem = [problems](std::string_view text) {
        if (problems) {
            problems->emplace_back(text);
        }
    };
    if (!j.is_object() || !j.contains("cards") || !j.at("cards").is_object()) {
        if (!j.is_null()) {
            problem("review: expected {\"cards\": {...}}");
        }
        return r;
    }
    for (const auto& [id, v] : j.at("cards").items()) {
        // [&v = v]: clang 14 cannot capture a structured binding by name.
        auto number = [&v = v](const char* key, long& out) {
            if (!v.contains(key) || !v.at(key).is_number_integer()) {
                return false;
            }
            const long long n = v.at(key).get<long long>();
            if (n < -100000000LL || n > 100000000LL) {
                return false;
            }
            out = static_cast<long>(n);
            return true;
        };
        long box = 0;
        long due = 0;
        long seen = 0;
        long missed = 0;
        long stamp = 0;
        if (id.empty() || !v.is_object() || !number("box", box) || !number("due", due) ||
            !number("seen", seen) || !number("missed", missed) || !number("stamp", stamp) ||
            box < 1 || box > kBoxes || seen < 0 || missed < 0 || missed > seen || stamp < 0) {
            problem("review: card \"" + id + "\" is not valid and was skipped");
            continue;
        }
        r.setState(id, CardState{static_cast<int>(box), due, static_cast<int>(seen),
                                 static_cast<int>(missed), stamp});
    }
    return r;
}

} // namespace fg::study
