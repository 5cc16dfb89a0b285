// The walkthrough of kafka rebalance (practice_walk_detail.h): the group after the change, the
// assignor's procedure as Kafka runs it, with the engine's own assignors (kafka/assignors.h), and
// then what changed owner. Range: per topic, the members sorted, the split; roundrobin: the
// dealing, round by round; sticky and cooperative-sticky: each member's share, what each keeps
// and gives up, who takes what is free, and what cooperative revokes in its first round.
#include "engines/kafka/assignors.h"
#include "engines/practice/practice_walk_detail.h"

#include <algorithm>
#include <map>
#include <set>

namespace fg::practice::walk {

namespace {

using kafka::Assignment;
using kafka::TopicPartition;
using Parts = std::vector<TopicPartition>;

std::vector<std::string> names(const Parts& parts) {
    std::vector<std::string> out;
    for (const auto& tp : parts) {
        out.push_back(tp.name());
    }
    return out;
}

// "clicks-3" as {clicks, 3}: the topic is all before the last '-'.
TopicPartition partitionOf(const std::string& name) {
    const std::size_t dash = name.rfind('-');
    return {name.substr(0, dash), std::stoi(name.substr(dash + 1))};
}

struct Group {
    std::map<std::string, int> topics;
    Assignment before;                // as given, a leaving member included
    std::vector<std::string> members; // after the change, sorted as text
    std::string changer;
    bool joins = true;
};

Group groupOf(const ojson& g) {
    Group out;
    out.topics = g["topics"].get<std::map<std::string, int>>();
    for (const auto& [member, parts] : g["before"].items()) {
        out.before[member];
        for (const auto& p : parts) {
            out.before[member].push_back(partitionOf(p.get<std::string>()));
        }
        out.members.push_back(member);
    }
    out.joins = g["change"].contains("joins");
    out.changer = g["change"][out.joins ? "joins" : "leaves"];
    if (out.joins) {
        out.members.push_back(out.changer);
    } else {
        std::erase(out.members, out.changer);
    }
    std::sort(out.members.begin(), out.members.end());
    return out;
}

std::vector<kafka::Member> subscribers(const Group& g) {
    std::set<std::string> all;
    for (const auto& [t, n] : g.topics) {
        all.insert(t);
    }
    std::vector<kafka::Member> out;
    for (const auto& id : g.members) {
        out.push_back({id, all});
    }
    return out;
}

ojson settle(const std::map<std::string, Parts>& parts) {
    ojson a = ojson::object();
    for (const auto& [member, ps] : parts) {
        a[member] = names(ps);
    }
    return {{"assignment", std::move(a)}};
}

WalkStep changeStep(const Group& g, const std::string& assignor) {
    std::map<std::string, Parts> none;
    for (const auto& m : g.members) {
        none[m];
    }
    ojson settles = settle(none);
    settles["moved"] = ojson::array();
    const auto left = g.before.find(g.changer);
    return step(g.changer +
                    (g.joins ? " joins"
                             : " leaves, freeing " +
                                   listed(names(left == g.before.end() ? Parts{} : left->second))) +
                    (g.members.size() == 1
                         ? ". The only member now: " + g.members.front()
                         : ". The members now, sorted as text: " + listed(g.members)) +
                    ". The " + assignor + " assignor rebalances the group.",
                {g.changer}, std::move(settles));
}

std::string runText(const Parts& run) {
    return run.empty()       ? "nothing"
           : run.size() == 1 ? run.front().name()
           : run.size() == 2 ? run.front().name() + ", " + run.back().name()
                             : run.front().name() + " to " + run.back().name();
}

Assignment rangeSteps(const Group& g, std::vector<WalkStep>& out) {
    const auto members = subscribers(g);
    const int c = static_cast<int>(members.size());
    Assignment all;
    for (const auto& [topic, n] : g.topics) {
        const Assignment a = kafka::assignRange(members, {{topic, n}});
        std::string text = topic + ": " + num(n) + " partitions over " + num(c) + " members, " +
                           num(n / c) + " each" +
                           (n % c == 0   ? std::string()
                            : n % c == 1 ? std::string(", and one more for the first")
                                         : ", and one more each for the first " + num(n % c)) +
                           ":";
        std::vector<std::string> marks;
        for (const auto& [member, parts] : a) {
            text += " " + member + " " + runText(parts) + ";";
            marks.push_back(member);
            for (const auto& p : names(parts)) {
                marks.push_back(p);
            }
        }
        text.back() = '.';
        out.push_back(step(std::move(text), std::move(marks), settle(a)));
        for (const auto& [member, parts] : a) {
            all[member].insert(all[member].end(), parts.begin(), parts.end());
        }
    }
    return all;
}

Assignment roundRobinSteps(const Group& g, std::vector<WalkStep>& out) {
    const Assignment a = kafka::assignRoundRobin(subscribers(g), g.topics);
    out.push_back(step("Roundrobin lists every partition, sorted by topic then number, and deals "
                       "them one at a time to " +
                       listed(g.members) + " in turn."));
    for (std::size_t round = 0;; ++round) {
        std::string text;
        std::vector<std::string> marks;
        std::map<std::string, Parts> dealt;
        for (const auto& [member, parts] : a) {
            if (parts.size() > round) {
                text += (text.empty() ? "" : ", ") + parts[round].name() + " to " + member;
                marks.push_back(parts[round].name());
                marks.push_back(member);
                dealt[member] = {parts[round]};
            }
        }
        if (dealt.empty()) {
            return a;
        }
        out.push_back(step("Round " + num(static_cast<std::int64_t>(round + 1)) + ": " + text + ".",
                           std::move(marks), settle(dealt)));
    }
}

Parts without(const Parts& from, const Parts& these) {
    Parts out;
    for (const auto& tp : from) {
        if (std::find(these.begin(), these.end(), tp) == these.end()) {
            out.push_back(tp);
        }
    }
    return out;
}

std::vector<std::string> marksOf(const std::string& member, const Parts& a, const Parts& b) {
    std::vector<std::string> out{member};
    for (const Parts* parts : {&a, &b}) {
        for (const auto& p : names(*parts)) {
            out.push_back(p);
        }
    }
    return out;
}

// Kafka's constrained sticky procedure (every member subscribes to every topic), its result the
// engine's: each keeps what it had up to its share, the rest is freed, then handed out.
Assignment stickySteps(const Group& g, std::vector<WalkStep>& out) {
    Assignment previous = g.before;
    if (!g.joins) {
        previous.erase(g.changer);
    }
    const Assignment target = kafka::assignSticky(subscribers(g), g.topics, previous);
    std::int64_t total = 0;
    for (const auto& [t, n] : g.topics) {
        total += n;
    }
    const auto c = static_cast<std::int64_t>(g.members.size());
    const std::int64_t low = total / c, extra = total % c;
    out.push_back(step(
        num(total) + " partitions over " + num(c) + " members: each ends with " + num(low) +
        (extra ? " or " + num(low + 1) + ", and " + num(extra) +
                     (extra == 1 ? " member holds " : " members hold ") + num(low + 1)
               : std::string()) +
        ". Each member keeps what it had, up to its share; what is freed goes to members below "
        "theirs."));
    for (const auto& [member, parts] : target) {
        const auto had = previous.find(member);
        if (had == previous.end() || had->second.empty()) {
            continue;
        }
        const Parts kept = without(had->second, without(had->second, parts));
        const Parts freed = without(had->second, parts);
        out.push_back(step(member + " keeps " + listed(names(kept)) +
                               (freed.empty() ? std::string()
                                              : " and gives up " + listed(names(freed)) +
                                                    " (more than its share)") +
                               ".",
                           marksOf(member, kept, freed), settle({{member, kept}})));
    }
    for (const auto& [member, parts] : target) {
        const auto had = previous.find(member);
        const Parts taken = without(parts, had == previous.end() ? Parts{} : had->second);
        if (!taken.empty()) {
            out.push_back(step(member + " holds " +
                                   num(static_cast<std::int64_t>(parts.size() - taken.size())) +
                                   " so far: it takes " + listed(names(taken)) + " and ends with " +
                                   num(static_cast<std::int64_t>(parts.size())) + ".",
                               marksOf(member, taken, {}), settle({{member, taken}})));
        }
    }
    return target;
}

// Cooperative: the first round revokes what members still in the group give up.
WalkStep revokeStep(const Group& g, const Assignment& target) {
    Parts revoked;
    std::vector<std::string> revokers;
    for (const auto& [member, parts] : target) {
        if (const auto had = g.before.find(member); had != g.before.end()) {
            const Parts given = without(had->second, parts);
            revoked.insert(revoked.end(), given.begin(), given.end());
            if (!given.empty()) {
                revokers.push_back(member);
            }
        }
    }
    std::sort(revoked.begin(), revoked.end());
    const std::string text =
        revoked.empty()
            ? "Cooperative: no member still in the group gives anything up, so nothing is revoked."
            : "Cooperative, first round: " + spoken(revokers) +
                  (revokers.size() == 1 ? " gives up (revokes) " : " give up (revoke) ") +
                  listed(names(revoked)) + (revokers.size() == 1 ? " and keeps" : " and keep") +
                  " reading the rest. Second round: those go to their new owners.";
    std::vector<std::string> marks = names(revoked);
    marks.insert(marks.end(), revokers.begin(), revokers.end());
    return step(text, std::move(marks), {{"revoked", names(revoked)}});
}

// Per topic, the partitions whose owner after is not their owner before.
void movedSteps(const Group& g, const Assignment& after, std::vector<WalkStep>& out) {
    std::map<TopicPartition, std::string> owner;
    for (const auto& [member, parts] : g.before) {
        for (const auto& tp : parts) {
            owner[tp] = member;
        }
    }
    std::map<std::string, std::vector<std::pair<TopicPartition, std::string>>> moved; // by topic
    for (const auto& [member, parts] : after) {
        for (const auto& tp : parts) {
            if (const auto it = owner.find(tp); it != owner.end() && it->second != member) {
                moved[tp.topic].push_back({tp, member});
            }
        }
    }
    if (moved.empty()) {
        out.push_back(step("No partition changes owner."));
    }
    for (auto& [topic, list] : moved) {
        std::sort(list.begin(), list.end());
        std::string text;
        std::vector<std::string> marks, changed;
        for (const auto& [tp, to] : list) {
            text += (text.empty() ? "" : ", ") + num(tp.partition) + " (" + owner[tp] + " to " +
                    to + ")";
            changed.push_back(tp.name());
            marks.insert(marks.end(), {tp.name(), owner[tp], to});
        }
        out.push_back(step("In " + topic +
                               (list.size() == 1 ? ", this partition changes owner: "
                                                 : ", these partitions change owner: ") +
                               text + ".",
                           std::move(marks), {{"moved", changed}}));
    }
}

} // namespace

std::vector<WalkStep> rebalance(const Exercise& e) {
    const Group g = groupOf(e.given);
    const std::string assignor = e.given["assignor"];
    std::vector<WalkStep> out{changeStep(g, assignor)};
    const Assignment after = assignor == "range"        ? rangeSteps(g, out)
                             : assignor == "roundrobin" ? roundRobinSteps(g, out)
                                                        : stickySteps(g, out);
    movedSteps(g, after, out);
    if (assignor == "cooperative-sticky") {
        out.push_back(revokeStep(g, after));
    }
    return out;
}

} // namespace fg::practice::walk
