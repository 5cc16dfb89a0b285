// Kafka's consumer-group assignors, following their documented rules and Javadoc examples:
//   range       per topic, members sorted by member id (as strings: "C10" < "C2"); each gets a
//               contiguous run, the first P % C members one extra;
//   roundrobin  every subscribed partition sorted by (topic, partition), dealt in turn to the
//               sorted members, skipping members not subscribed to its topic;
//   sticky      balanced to within one partition, keeping as many previous owners as possible
//               (Kafka's constrained algorithm when all members subscribe alike);
//   cooperative-sticky  the sticky result, reached in two rebalances: partitions that change
//               owner are first revoked, then assigned (KIP-429).
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
// For cooperative-sticky: what each member keeps during the first rebalance (its previous
// partitions that do not move), given the final target.
Assignment keptDuringRevocation(const Assignment& previous, const Assignment& target);

} // namespace fg::kafka
