#include "engines/kafka/assignors.h"

#include <algorithm>

namespace fg::kafka {

namespace {

std::vector<Member> sorted(std::vector<Member> m) {
    std::sort(m.begin(), m.end(), [](const Member& a, const Member& b) { return a.id < b.id; });
    return m;
}

Assignment empty(const std::vector<Member>& members) {
    Assignment a;
    for (const auto& m : members) {
        a[m.id];
    }
    return a;
}

std::vector<TopicPartition> allPartitions(const std::vector<Member>& members,
                                          const std::map<std::string, int>& partitions) {
    std::set<std::string> topics;
    for (const auto& m : members) {
        topics.insert(m.topics.begin(), m.topics.end());
    }
    std::vector<TopicPartition> out;
    for (const auto& t : topics) { // std::set: sorted by topic name
        const auto it = partitions.find(t);
        for (int p = 0; it != partitions.end() && p < it->second; ++p) {
            out.push_back({t, p});
        }
    }
    return out;
}

} // namespace

Assignment assignRange(const std::vector<Member>& input,
                       const std::map<std::string, int>& partitions) {
    const auto members = sorted(input);
    Assignment a = empty(members);
    for (const auto& [topic, count] : partitions) {
        std::vector<const Member*> subs;
        for (const auto& m : members) {
            if (m.topics.count(topic)) {
                subs.push_back(&m);
            }
        }
        if (subs.empty()) {
            continue;
        }
        const int c = static_cast<int>(subs.size());
        const int per = count / c, extra = count % c;
        int next = 0;
        for (int i = 0; i < c; ++i) {
            const int n = per + (i < extra ? 1 : 0);
            for (int k = 0; k < n; ++k) {
                a[subs[static_cast<std::size_t>(i)]->id].push_back({topic, next++});
            }
        }
    }
    return a;
}

Assignment assignRoundRobin(const std::vector<Member>& input,
                            const std::map<std::string, int>& partitions) {
    const auto members = sorted(input);
    Assignment a = empty(members);
    if (members.empty()) {
        return a;
    }
    std::size_t cursor = 0;
    for (const auto& tp : allPartitions(members, partitions)) {
        for (std::size_t tried = 0; tried < members.size(); ++tried) {
            const Member& m = members[cursor];
            cursor = (cursor + 1) % members.size();
            if (m.topics.count(tp.topic)) {
                a[m.id].push_back(tp);
                break;
            }
        }
    }
    return a;
}

namespace {

// Kafka's constrained sticky algorithm: every member subscribes to the same topics.
Assignment stickyConstrained(const std::vector<Member>& members,
                             const std::vector<TopicPartition>& all, const Assignment& previous) {
    Assignment a = empty(members);
    const int c = static_cast<int>(members.size());
    const int total = static_cast<int>(all.size());
    const int minQuota = total / c, maxQuota = (total + c - 1) / c;
    const int expectedMax = total % c;
    int currentMax = 0;
    std::set<TopicPartition> valid(all.begin(), all.end()), taken;
    std::vector<std::string> underMin, exactlyMin;
    for (const auto& m : members) {
        std::vector<TopicPartition> owned;
        if (const auto it = previous.find(m.id); it != previous.end()) {
            for (const auto& tp : it->second) {
                if (valid.count(tp) && !taken.count(tp)) {
                    owned.push_back(tp);
                }
            }
        }
        // Kept in the member's own order, sorted by partition then topic (as Kafka sorts them).
        std::stable_sort(
            owned.begin(), owned.end(), [](const TopicPartition& x, const TopicPartition& y) {
                return x.partition != y.partition ? x.partition < y.partition : x.topic < y.topic;
            });
        int keep = 0;
        if (static_cast<int>(owned.size()) < minQuota) {
            keep = static_cast<int>(owned.size());
            underMin.push_back(m.id);
        } else if (static_cast<int>(owned.size()) >= maxQuota && currentMax < expectedMax) {
            keep = maxQuota;
            ++currentMax;
        } else {
            keep = minQuota;
            if (currentMax < expectedMax) {
                exactlyMin.push_back(m.id);
            }
        }
        for (int i = 0; i < keep; ++i) {
            a[m.id].push_back(owned[static_cast<std::size_t>(i)]);
            taken.insert(owned[static_cast<std::size_t>(i)]);
        }
    }
    std::vector<TopicPartition> unassigned;
    for (const auto& tp : all) { // all: sorted by topic, then partition
        if (!taken.count(tp)) {
            unassigned.push_back(tp);
        }
    }
    std::size_t next = 0;
    // Fill the members under the minimum first, round-robin in member order.
    while (next < unassigned.size() && !underMin.empty()) {
        std::vector<std::string> still;
        for (const auto& id : underMin) {
            if (next >= unassigned.size()) {
                still.push_back(id);
                continue;
            }
            a[id].push_back(unassigned[next++]);
            if (static_cast<int>(a[id].size()) < minQuota) {
                still.push_back(id);
            } else if (currentMax < expectedMax) {
                exactlyMin.push_back(id);
            }
        }
        underMin = std::move(still);
    }
    // Then one more each to members at the minimum, until the expected number reach the maximum.
    for (const auto& id : exactlyMin) {
        if (next >= unassigned.size() || currentMax >= expectedMax) {
            break;
        }
        a[id].push_back(unassigned[next++]);
        ++currentMax;
    }
    return a;
}

// Any subscriptions: keep what members still may own, hand out the rest to the eligible member
// with the fewest partitions, then move partitions from the fullest to the emptiest eligible
// member until no member has two more than another that could take one.
Assignment stickyGeneral(const std::vector<Member>& members, const std::vector<TopicPartition>& all,
                         const Assignment& previous) {
    Assignment a = empty(members);
    std::map<std::string, const Member*> byId;
    for (const auto& m : members) {
        byId[m.id] = &m;
    }
    std::set<TopicPartition> valid(all.begin(), all.end()), taken;
    for (const auto& m : members) {
        if (const auto it = previous.find(m.id); it != previous.end()) {
            for (const auto& tp : it->second) {
                if (valid.count(tp) && !taken.count(tp) && m.topics.count(tp.topic)) {
                    a[m.id].push_back(tp);
                    taken.insert(tp);
                }
            }
        }
    }
    for (const auto& tp : all) {
        if (taken.count(tp)) {
            continue;
        }
        const Member* best = nullptr;
        for (const auto& m : members) {
            if (m.topics.count(tp.topic) && (!best || a[m.id].size() < a[best->id].size())) {
                best = &m;
            }
        }
        if (best) {
            a[best->id].push_back(tp);
        }
    }
    for (bool moved = true; moved;) {
        moved = false;
        for (const auto& from : members) {
            for (const auto& to : members) {
                if (a[from.id].size() < a[to.id].size() + 2) {
                    continue;
                }
                auto& src = a[from.id];
                for (auto it = src.rbegin(); it != src.rend(); ++it) {
                    if (to.topics.count(it->topic)) {
                        a[to.id].push_back(*it);
                        src.erase(std::next(it).base());
                        moved = true;
                        break;
                    }
                }
            }
        }
    }
    return a;
}

} // namespace

Assignment assignSticky(const std::vector<Member>& input,
                        const std::map<std::string, int>& partitions, const Assignment& previous) {
    const auto members = sorted(input);
    if (members.empty()) {
        return {};
    }
    const auto all = allPartitions(members, partitions);
    const bool same = std::all_of(members.begin(), members.end(), [&](const Member& m) {
        return m.topics == members.front().topics;
    });
    return same ? stickyConstrained(members, all, previous) : stickyGeneral(members, all, previous);
}

Assignment cooperativeFirstRound(const Assignment& previous, const Assignment& target) {
    // CooperativeStickyAssignor.computePartitionsTransferringOwnership (apache/kafka, clients/src/
    // main/java/org/apache/kafka/clients/consumer/CooperativeStickyAssignor.java): only a
    // partition added to one member AND revoked from another (in its ownedPartitions) is held
    // back; the owned partitions are those of the members that rejoin, so a departed member's
    // are nobody's.
    std::map<TopicPartition, std::string> owner;
    for (const auto& [member, parts] : previous) {
        if (target.count(member)) {
            for (const auto& tp : parts) {
                owner[tp] = member;
            }
        }
    }
    Assignment first;
    for (const auto& [member, parts] : target) {
        auto& mine = first[member];
        for (const auto& tp : parts) {
            const auto it = owner.find(tp);
            if (it == owner.end() || it->second == member) {
                mine.push_back(tp);
            }
        }
    }
    return first;
}

} // namespace fg::kafka
