// Kafka's consumer-group assignors, following their documented rules and Javadoc examples:
//   range       per topic, members sorted by member id (as strings: "C10" < "C2"); each gets a
//               contiguous run, the first P % C members one extra;
//   roundrobin  every subscribed partition sorted by (topic, partition), dealt in turn to the
//               sorted members, skipping members not subscribed to its topic;
//   sticky      balanced to within one partition, keeping as many previous owners as possible
//               (Kafka's constrained algorithm when all members subscribe alike);
//   cooperative-sticky  the sticky result, reached in two rebalances: partitions that change
//               owner are first revoked, then assigned (KIP-429); partitions nobody owns are
//               assigned in the first.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace fg::kafka {

struct TopicPartition {
    std::string topic;
    int partition = 0;
    auto operator<=>(const TopicPartition&) const = default;
    std::string name() const { return topic + "-" + std::to_string(partition); }
};

using Assignment = std::map<std::string, std::vector<TopicPartition>>; // member -> partitions

struct Member {
    std::string id;
    std::set<std::string> topics; // subscription
    bool operator==(const Member&) const = default;
};

// REQUIRES: members sorted or not (they are sorted here); `partitions` maps topic -> count.
Assignment assignRange(const std::vector<Member>& members,
                       const std::map<std::string, int>& partitions);
Assignment assignRoundRobin(const std::vector<Member>& members,
                            const std::map<std::string, int>& partitions);
// `previous`: the assignment before this rebalance (members that left are ignored).
Assignment assignSticky(const std::vector<Member>& members,
                        const std::map<std::string, int>& partitions, const Assignment& previous);
// For cooperative-sticky: the assignment of the first of its two rebalances, given the final
// target. A member gets its target less the partitions that another member of the group (a member
// of `target`) owned in `previous`: those are revoked in this round and handed over in the next.
// Partitions that no member owns (a departed member's, a new topic's) go to their new owner at
// once, as nothing must be revoked first (Kafka's CooperativeStickyAssignor).
Assignment cooperativeFirstRound(const Assignment& previous, const Assignment& target);

} // namespace fg::kafka
