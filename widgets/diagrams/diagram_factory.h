// Live diagrams from scenarios: the one place that maps a scenario's engine to the diagram that
// draws it, for `fieldguide export` and the app alike, and the default scenario each diagram
// opens with (content/scenarios/ENGINE.json, compiled in as :/content/scenarios/).
#pragma once

#include "engines/core/status.h"
#include "widgets/canvas/diagram_source.h"

#include <QString>
#include <memory>
#include <nlohmann/json.hpp>

namespace fg {

// REQUIRES: nothing of `scenario`. Returns null with `status` naming the problem (a JSON path and
// what was expected, or an engine without a step-by-step diagram).
std::unique_ptr<DiagramSource> makeDiagramSource(const nlohmann::json& scenario, Status& status);

// A short title for pictures of the diagram of `engine` ("B-Tree", "LSM-tree"...).
QString diagramTitle(const std::string& engine);

// The scenario a live diagram opens with, read from the course content. REQUIRES: `id` is one of
// the step-by-step diagrams (btree, lsm, hashslot, kafka, downsample). Null with `status` set
// when the file is missing or broken.
nlohmann::json defaultScenario(const QString& id, Status& status);

} // namespace fg
