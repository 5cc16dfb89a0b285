// Live diagrams from scenarios and ids, for `fieldguide export`, the app and the benchmarks alike:
// each function reads the rows of the diagram registry (diagram_registry.h), which is the one
// place that maps a scenario's engine to the diagram that draws it.
#pragma once

#include "engines/core/status.h"
#include "models/theme/theme.h"
#include "widgets/canvas/diagram_source.h"
#include "widgets/export/picture_export.h"

#include <QString>
#include <memory>
#include <nlohmann/json_fwd.hpp>

class QWidget;

namespace fg {

struct LiveDiagram;

// REQUIRES: nothing of `scenario`. Returns null with `status` naming the problem (a JSON path and
// what was expected, or an engine without a step-by-step diagram).
// With `only`, the source keeps that one position (an export): see DiagramSource's KeepOnly.
std::unique_ptr<DiagramSource> makeDiagramSource(const nlohmann::json& scenario, Status& status,
                                                 std::optional<KeepOnly> only = std::nullopt);

// A short title for pictures of the diagram of `engine` ("B-Tree", "LSM-tree"...).
QString diagramTitle(const std::string& engine);

// The scenario a live diagram opens with, read from the course content (the row's
// defaultScenario, compiled in under :/content/scenarios/). REQUIRES: `id` is a diagram with
// steps (LiveDiagram::hasSteps). Null with `status` set when the file is missing or broken.
nlohmann::json defaultScenario(const QString& id, Status& status);

// A new page of the diagram `id` (a QWidget that is a Page) in `theme`, or null for an unknown id.
QWidget* createDiagramPage(const QString& id, const Theme& theme, QWidget* parent);

// The diagram as `fieldguide export --chapter` draws it, in `theme`: a diagram with steps at the
// last step of its default scenario with that step's narration as a caption, one without steps as
// its page exports it. An empty function with `status` set when the default scenario fails.
PaintFunction defaultPicture(const LiveDiagram& diagram, const Theme& theme, Status& status);

} // namespace fg
