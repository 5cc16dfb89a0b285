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

// A row is made once, at its first use, which may come before the translator is installed: it
// keeps its titles in English (QT_TRANSLATE_NOOP, context fg::Simulators) and translates them
// when asked, as the live diagrams' rows do.
struct SimulatorInfo {
    QString id;
    const char* titleSource = nullptr;
    const char* tabNameSource = nullptr;                 // short, for its tab ("Quorums")
    std::function<SimulatorView*(QWidget* parent)> make; // not yet themed

    // In the window's language: the title (the tab's tooltip) and the tab's name.
    QString title() const;
    QString tabName() const;
};

// ids: "quorum", "cache", "row-column", "lifecycle", in the order the course meets them.
const std::vector<SimulatorInfo>& simulators();

// A new view for id (a Page), themed, or nullptr for an unknown id.
QWidget* createSimulatorView(const QString& id, const Theme& theme, QWidget* parent);

} // namespace fg
