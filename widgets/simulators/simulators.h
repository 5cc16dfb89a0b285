// The concept simulators (issue 6): small what-if models of ideas the course explains in words:
// quorums (tunable consistency), cache patterns, row against column storage, and the cost of an
// object-storage lifecycle rule. The app lists them from here and builds one by id: one row each.
#pragma once

#include "models/theme/theme.h"

#include <QString>
#include <functional>
#include <vector>

class QWidget;

namespace fg {

class SimulatorView;

struct SimulatorInfo {
    QString id, title;
    QString tabName; // short, for its tab ("Quorums"); the title is the tab's tooltip
    std::function<SimulatorView*(QWidget* parent)> make; // not yet themed
};

// ids: "quorum", "cache", "row-column", "lifecycle", in the order the course meets them.
const std::vector<SimulatorInfo>& simulators();

// A new view for id (a Page), themed, or nullptr for an unknown id.
QWidget* createSimulatorView(const QString& id, const Theme& theme, QWidget* parent);

} // namespace fg
