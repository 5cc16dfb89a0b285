#include "widgets/lab/kafka_lab_source.h"

#include "widgets/diagrams/spoken_state.h"

#include <QCoreApplication>
#include <algorithm>

namespace fg {

namespace {

// What this file shows goes to translators under fg::KafkaLabSource (lupdate and tr() agree).
struct KafkaLabWords {
    Q_DECLARE_TR_FUNCTIONS(fg::KafkaLabSource)
};

kafka::TopicPartition parseTp(const std::string& name) {
    const auto dash = name.rfind('-');
    if (dash == std::string::npos) {
        return {name, 0};
    }
    return {name.substr(0, dash), std::atoi(name.c_str() + dash + 1)};
}

// What lights the moment's drawing: the broker that failed or came back, the group that
// rebalanced.
kafka::KafkaStep litStep(const lab::KafkaMoment& m, const kafka::KafkaState& s) {
    kafka::KafkaStep step;
    step.kind = kafka::StepKind::kConsume; // lights nothing
    const std::string& t = m.opText;
    if (t.rfind("broker ", 0) == 0) {
        const bool back = t.ends_with(" comes back");
        step.kind = back ? kafka::StepKind::kRecoverBroker : kafka::StepKind::kFailBroker;
        step.broker = std::atoi(t.c_str() + 7);
    } else if (const auto at = t.find(" joins "); at != std::string::npos) {
        step.kind = kafka::StepKind::kRebalance;
        step.group = t.substr(at + 7);
    } else if (const auto at2 = t.find(" leaves "); at2 != std::string::npos) {
        step.kind = kafka::StepKind::kRebalance;
        step.group = t.substr(at2 + 8);
    }
    if (step.kind == kafka::StepKind::kRebalance && !s.groups.count(step.group)) {
        step.kind = kafka::StepKind::kConsume;
    }
    return step;
}

} // namespace

kafka::KafkaState KafkaLabSource::stateOf(const lab::KafkaLabRun& run, std::size_t index,
                                          bool real) {
    kafka::KafkaState s;
    const lab::KafkaMoment& m = run.moments[index];
    const lab::KafkaSide& side = real ? m.real : m.model;
    s.brokerAlive = side.brokersUp;
    for (const lab::KafkaPartitionView& v : side.partitions) {
        kafka::PartitionState p;
        p.topic = v.topic;
        p.partition = v.partition;
        p.leader = v.leader;
        p.replicas = v.replicas;
        p.isr = v.isr;
        s.partitions.push_back(std::move(p));
    }
    for (const lab::KafkaRecordRow& r : run.records) {
        if (r.op > m.op) {
            break;
        }
        const int partition = real ? r.realPartition : r.modelPartition;
        kafka::PartitionState* p = s.find(r.topic, partition);
        if (p) {
            p->log.push_back({real ? r.realOffset : r.modelOffset, r.key, r.value});
        }
    }
    for (kafka::PartitionState& p : s.partitions) {
        std::sort(p.log.begin(), p.log.end(), [](const kafka::Record& a, const kafka::Record& b) {
            return a.offset < b.offset;
        });
    }
    for (const lab::KafkaMemberView& v : side.members) {
        kafka::GroupState& g = s.groups[v.group];
        kafka::Member member{v.consumer, {}};
        auto& mine = g.assignment[v.consumer];
        for (const std::string& tp : v.partitions) {
            mine.push_back(parseTp(tp));
            member.topics.insert(mine.back().topic);
        }
        g.members.push_back(std::move(member));
    }
    return s;
}

KafkaLabSource::KafkaLabSource(std::shared_ptr<const lab::KafkaLabRun> run,
                               kafka::KafkaParams params, bool real)
    : run_(std::move(run)), params_(std::move(params)), real_(real) {
    for (std::size_t i = 0; i < run_->moments.size(); ++i) {
        states_.push_back(stateOf(*run_, i, real_));
        extent_.note(states_.back());
    }
    if (!states_.empty()) {
        initial_ = states_.front();
        initial_.groups.clear();
        initial_.brokerAlive.assign(initial_.brokerAlive.size(), true);
        for (kafka::PartitionState& p : initial_.partitions) {
            p.log.clear();
        }
    }
}

int KafkaLabSource::stepCount() const {
    return static_cast<int>(states_.size());
}

std::size_t KafkaLabSource::momentAt(int position) const {
    return static_cast<std::size_t>(std::min(position, stepCount() - 1));
}

const kafka::KafkaState& KafkaLabSource::stateAt(int position) const {
    return position < 0 ? initial_ : states_[momentAt(position)];
}

Frame KafkaLabSource::frame(int position, const Theme& theme) const {
    if (states_.empty()) {
        return {};
    }
    const kafka::KafkaState& state = stateAt(position);
    if (position < 0) { // before the first op: the partitions, empty, and no group yet
        return KafkaDiagram::layout(state, nullptr, params_, theme, extent_);
    }
    const kafka::KafkaStep step = litStep(run_->moments[momentAt(position)], state);
    return KafkaDiagram::layout(state, &step, params_, theme, extent_);
}

QString KafkaLabSource::summary(int position) const {
    return states_.empty() ? QString() : spokenKafka(stateAt(position));
}

QString KafkaLabSource::narration(int position) const {
    if (position < 0 || position >= stepCount()) {
        return {};
    }
    const lab::KafkaMoment& m = run_->moments[static_cast<std::size_t>(position)];
    return KafkaLabWords::tr("“%1” (operation %2): %3")
        .arg(QString::fromStdString(m.opText))
        .arg(m.op + 1)
        .arg(QString::fromStdString(real_ ? m.realText : m.modelText));
}

} // namespace fg
