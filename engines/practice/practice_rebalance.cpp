// The maker of kafka rebalance (practice_routing.h): a consumer group built by the engine's joins
// (so a sticky assignor remembers its history), then one member joins or leaves; the engine's
// assignor gives the assignment after, and its cooperative first round what is revoked.
#include "engines/kafka/assignors.h"
#include "engines/kafka/kafka_cluster.h"
#include "engines/practice/practice_detail.h"
#include "engines/practice/practice_routing.h"

#include <algorithm>
#include <map>
#include <optional>

namespace fg::practice::routing {

namespace {

using ojson = nlohmann::ordered_json;
using Kind = AnswerField::Kind;
using namespace detail;

const char* const kGroup = "g";

// The step of the cooperative first round: what each member keeps while the rest is revoked.
class RevokeStep final : public StepSink<kafka::KafkaStep, kafka::KafkaState> {
public:
    bool narrate() const override { return true; }
    void report(kafka::KafkaStep step, const kafka::KafkaState&) override {
        if (step.kind == kafka::StepKind::kRevoke) {
            kept = std::move(step.assignment);
        }
    }
    std::optional<kafka::Assignment> kept;
};

const char* assignorText(kafka::AssignorKind kind) {
    switch (kind) {
    case kafka::AssignorKind::Range:
        return "range assignor: for each topic, the members sorted by id as text (\"C10\" before "
               "\"C2\") take runs of its partitions in order, the first ones one more when they "
               "do not divide evenly";
    case kafka::AssignorKind::RoundRobin:
        return "roundrobin assignor: every partition, sorted by topic then number, is dealt in "
               "turn to the members sorted by id as text (\"C10\" before \"C2\")";
    case kafka::AssignorKind::Sticky:
        return "sticky assignor: balanced (no member has two partitions more than another), and "
               "of the balanced assignments one that leaves as many partitions as it can with "
               "their owner";
    case kafka::AssignorKind::CooperativeSticky:
        break;
    }
    return "cooperative-sticky assignor: the sticky assignor's result (balanced, no member two "
           "partitions above another, as many partitions as can be left with their owner), "
           "reached in two rounds: in the first, members keep what stays theirs and give up "
           "(revoke) what moves to another member; the second hands that over";
}

struct Group {
    std::map<std::string, int> topics;
    std::vector<std::string> members; // in the order they joined
    std::string changer;              // who joins or leaves
    bool joins = true;
};

Group drawGroup(Rng& r, Level level) {
    Group g;
    static const char* const names[] = {"clicks", "orders", "payments"};
    const int topicCount = sized(r, level, {1, 1}, {1, 2}, {1, 3});
    while (static_cast<int>(g.topics.size()) < topicCount) {
        const std::string name = pickOf(r, names);
        const int partitions = sized(r, level, {3, 6}, {2, 6}, {1, 7});
        g.topics.emplace(name, partitions);
    }
    // Hard: ids that sort as text, not as numbers ("C10" before "C2").
    const std::vector<std::string> pool =
        level == Level::Hard ? std::vector<std::string>{"C0", "C1", "C2", "C3", "C10", "C11"}
                             : std::vector<std::string>{"C0", "C1", "C2", "C3"};
    const int members = sized(r, level, {2, 3}, {2, 3}, {3, 4});
    std::vector<std::string> ids; // every member, and one more who may join
    while (static_cast<int>(ids.size()) < members + 1) {
        const std::string& id =
            pool[static_cast<std::size_t>(r.uniform(0, static_cast<int>(pool.size()) - 1))];
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
            ids.push_back(id);
        }
    }
    g.joins = r.uniform(0, 1) == 0;
    g.changer = g.joins ? ids.back() : ids[static_cast<std::size_t>(pick(r, 0, members - 1))];
    g.members.assign(ids.begin(), ids.end() - 1);
    return g;
}

ojson assignmentJson(const kafka::Assignment& a) {
    ojson out = ojson::object();
    for (const auto& [member, parts] : a) {
        ojson names = ojson::array();
        for (const auto& tp : parts) {
            names.push_back(tp.name());
        }
        out[member] = std::move(names);
    }
    return out;
}

std::string assignmentText(const kafka::Assignment& a) {
    std::string out;
    for (const auto& [member, parts] : a) {
        std::string list;
        for (const auto& tp : parts) {
            list += (list.empty() ? "" : ", ") + tp.name();
        }
        out += (out.empty() ? "" : "; ") + member + " " + (list.empty() ? "nothing" : list);
    }
    return out;
}

// Partitions whose owner in `after` is not their owner in `before`.
std::vector<std::string> movedBetween(const kafka::Assignment& before,
                                      const kafka::Assignment& after) {
    std::map<kafka::TopicPartition, std::string> owner;
    for (const auto& [member, parts] : before) {
        for (const auto& tp : parts) {
            owner[tp] = member;
        }
    }
    std::vector<std::string> out;
    for (const auto& [member, parts] : after) {
        for (const auto& tp : parts) {
            if (const auto it = owner.find(tp); it != owner.end() && it->second != member) {
                out.push_back(tp.name());
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// What members of both `before` and the first round gave up: theirs before, not kept.
std::vector<std::string> revokedIn(const kafka::Assignment& before, const kafka::Assignment& kept) {
    std::vector<std::string> out;
    for (const auto& [member, parts] : kept) {
        const auto it = before.find(member);
        for (const auto& tp :
             it == before.end() ? std::vector<kafka::TopicPartition>{} : it->second) {
            if (std::find(parts.begin(), parts.end(), tp) == parts.end()) {
                out.push_back(tp.name());
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

struct Rebalanced {
    kafka::Assignment before, after;
    std::optional<kafka::Assignment> kept; // cooperative: the first round, when anything moved
};

Rebalanced runRebalance(const Group& g, kafka::AssignorKind kind, std::uint64_t seed) {
    kafka::KafkaParams p;
    p.topics = g.topics;
    p.assignor = kind;
    p.seed = seed;
    const kafka::KafkaEngine engine(p);
    kafka::KafkaState s = engine.initialState();
    SilentSink<kafka::KafkaStep, kafka::KafkaState> silent;
    for (const auto& id : g.members) { // each join rebalances: the sticky ones remember
        engine.apply(s, kafka::KafkaOp::join(kGroup, id), silent);
    }
    Rebalanced out;
    out.before = s.groups.at(kGroup).assignment;
    RevokeStep revoke;
    engine.apply(s,
                 g.joins ? kafka::KafkaOp::join(kGroup, g.changer)
                         : kafka::KafkaOp::leave(kGroup, g.changer),
                 revoke);
    out.after = s.groups.at(kGroup).assignment;
    out.kept = std::move(revoke.kept);
    return out;
}

std::vector<AnswerField> rebalanceFields(const Group& g, const kafka::Assignment& after,
                                         bool cooperative) {
    std::vector<std::string> all;
    for (const auto& [t, n] : g.topics) {
        for (int p = 0; p < n; ++p) {
            all.push_back(t + "-" + num(p));
        }
    }
    AnswerField a = answerField("assignment", Kind::PerMember, "Each member's partitions after");
    for (const auto& [member, parts] : after) {
        a.options.push_back(member);
    }
    a.words = all;
    AnswerField moved =
        answerField("moved", Kind::WordList, "The partitions that change owner (none: empty)");
    moved.options = all;
    std::vector<AnswerField> out{std::move(a), std::move(moved)};
    if (cooperative) {
        AnswerField revoked = answerField(
            "revoked", Kind::WordList, "The partitions revoked in the first round (none: empty)");
        revoked.options = all;
        out.push_back(std::move(revoked));
    }
    return out;
}

} // namespace

Exercise rebalance(std::uint64_t seed, Level level) {
    Rng r(seed);
    Exercise e = start("kafka", "rebalance", seed, level);
    using A = kafka::AssignorKind;
    static const A easy[] = {A::Range, A::RoundRobin};
    static const A all[] = {A::Range, A::RoundRobin, A::Sticky, A::CooperativeSticky};
    static const A hard[] = {A::Range,  A::RoundRobin,       A::Sticky, A::CooperativeSticky,
                             A::Sticky, A::CooperativeSticky};
    const A kind = level == Level::Easy     ? pickOf(r, easy)
                   : level == Level::Medium ? pickOf(r, all)
                                            : pickOf(r, hard);
    const Group g = drawGroup(r, level);
    const Rebalanced run = runRebalance(g, kind, seed);
    const bool cooperative = kind == A::CooperativeSticky;
    std::string topicText;
    for (const auto& [t, n] : g.topics) {
        topicText += (topicText.empty() ? "" : ", ") + t + " (" + num(n) +
                     (n == 1 ? " partition)" : " partitions)");
    }
    e.prompt = "A consumer group reads " + topicText +
               "; every member subscribes to every topic. Its partitions now: " +
               assignmentText(run.before) + ". Then " + g.changer +
               (g.joins ? " joins" : " leaves") + " the group, which uses Kafka's " +
               assignorText(kind) +
               ". Which partitions does each member read after the rebalance, and which "
               "partitions change owner (a leaving member's included)?" +
               (cooperative ? " And which partitions are revoked in the first round?" : "");
    e.given = {{"assignor", kafka::assignorName(kind)},
               {"topics", g.topics},
               {"before", assignmentJson(run.before)},
               {"change", {{g.joins ? "joins" : "leaves", g.changer}}}};
    e.answer = {{"assignment", assignmentJson(run.after)},
                {"moved", movedBetween(run.before, run.after)}};
    if (cooperative) {
        e.answer["revoked"] =
            run.kept ? revokedIn(run.before, *run.kept) : std::vector<std::string>{};
    }
    e.fields = rebalanceFields(g, run.after, cooperative);
    return e;
}

} // namespace fg::practice::routing
