// QuorumView: tunable consistency on a ring of replicas. Spin boxes set N, R and W, check boxes
// take replicas down; the ring shows which replicas hold the new version, which the old one and
// which are down (each in words as well as colour), and which the read asked. The chart counts,
// for the chosen N and W, the read sets that miss the write for every R.
#pragma once

#include "engines/concepts/quorum.h"
#include "widgets/simulators/simulator_view.h"

#include <vector>

class QCheckBox;
class QSpinBox;

namespace fg {

class QuorumRing;

class QuorumView : public SimulatorView {
    Q_OBJECT
public:
    explicit QuorumView(QWidget* parent = nullptr);
    const char* simulatorId() const override { return "quorum"; }

    concepts::QuorumParams params() const;
    void setParams(int n, int r, int w, std::vector<bool> failed = {});
    const concepts::QuorumResult& result() const { return result_; }
    // Every text the ring draws (the replica numbers, and under each its state, "read",
    // "coordinator"), in the ring's coordinates, with the box it must fit.
    std::vector<DrawnText> ringTexts() const;

protected:
    void refresh() override;

private:
    // The summary's three parts: who took the request and what the write and the read did; the
    // read sets that miss the write (`stored`: a write was stored); R + W against N.
    QString requestText(const concepts::QuorumParams& p) const;
    QString readSetsText(const concepts::QuorumParams& p, bool stored) const;
    QString quorumRuleText(const concepts::QuorumParams& p, bool stored) const;
    // The chart of `stale` (the stale read sets for each R, all replicas up): its bars (the
    // chosen R hatched), then its axes and the count over every bar.
    void plotStaleBars(const concepts::QuorumParams& p, const std::vector<std::int64_t>& stale);
    void plotStaleAxes(const concepts::QuorumParams& p, const std::vector<std::int64_t>& stale);

    QSpinBox* n_;
    QSpinBox* r_;
    QSpinBox* w_;
    std::vector<QCheckBox*> down_;
    QuorumRing* ring_;
    std::uint64_t seed_ = 1;
    concepts::QuorumResult result_;
};

} // namespace fg
