// The diagram registry: every live diagram, one row each (the idea of KDE Step's worldfactory.cc:
// one row registers a type). A row says what the diagram is called, which engine it draws, the
// scenario it opens on, how to build its step-by-step source from a scenario and how to build its
// page. Everything that lists live diagrams reads these rows: the factories over them
// (diagram_factory.h: sources from scenarios, titles, default scenarios, default pictures, pages),
// the course (its "diagram" blocks are checked against diagramLinks(), and cards drawn from it),
// the Diagrams menu, presentation slides, `fieldguide list` and `fieldguide export`, the tests and
// the benchmarks. Adding a diagram is one row in diagram_registry.cpp plus the diagram's own files
// (README.md, "Layout"). A diagram with steps is a row made from its page's type (stepDiagram<View>
// in the .cpp): the engine named by its view's traits gives its id, engine, default scenario and
// source, so only its titles are written in the row.
//
// Which chapters show a diagram is not a field of the row: the chapter says it, with a "diagram"
// block where the diagram belongs in its text (content/SCHEMA.md). The course is loaded against
// diagramLinks(), so a block naming no row is reported, and test_diagram_registry checks that
// every row is placed in some chapter.
#pragma once

#include "engines/core/status.h"
#include "models/course/course.h"
#include "widgets/canvas/diagram_source.h"

#include <QString>
#include <functional>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

class QWidget;

namespace fg {

// Builds the step-by-step source a scenario describes; null with `status` naming the problem (a
// JSON path and what was expected).
// With `only`, the source is for one picture: it keeps that position alone (DiagramSource's
// KeepOnly), not the whole run.
using SourceFactory = std::function<std::unique_ptr<DiagramSource>(
    const nlohmann::json& scenario, Status& status, std::optional<KeepOnly> only)>;
// Builds the diagram's page (a QWidget that is a Page, see widgets/canvas/page.h), not yet themed.
using PageFactory = std::function<QWidget*(QWidget* parent)>;

struct LiveDiagram {
    // What chapters ("diagram" blocks), `--diagram` and the soak call it. For a diagram with
    // steps it is also its engine's name (the page knows itself by DiagramView::engineName()).
    QString id;
    // The scenario engine it draws (one of scenario::engineNames()); empty when it has no steps.
    std::string engine;
    // Its name in the Diagrams menu, on its tab, on its card in a chapter and in `fieldguide list`,
    // in English (marked QT_TRANSLATE_NOOP in the context "fg::LiveDiagrams"): the rows are made
    // once, at their first use, which can come before the translator is installed (the course
    // starts loading before QApplication exists), so the title is translated where it is asked for.
    const char* titleSource = nullptr;
    // The short title over its exported pictures and on its tab ("B-Tree"), in English as
    // titleSource is.
    const char* pictureTitleSource = nullptr;
    // The resource holding the scenario it opens on (":/content/scenarios/btree.json"); empty
    // when it has no steps.
    QString defaultScenario;
    // Null when it has no steps (B-Tree vs LSM draws charts of a workload, not a timeline).
    SourceFactory makeSource;
    PageFactory makePage;

    bool hasSteps() const { return static_cast<bool>(makeSource); }
    // The titles in the window's language (the translator installed now), else in English.
    QString title() const;
    QString pictureTitle() const;
};

// Every live diagram, in the order the Diagrams menu lists them.
const std::vector<LiveDiagram>& liveDiagrams();
// The row with `id`, or null.
const LiveDiagram* liveDiagram(const QString& id);
// The row that draws scenarios of `engine`, or null.
const LiveDiagram* liveDiagramOfEngine(std::string_view engine);
// The rows as the course links to them (id and title, in the window's language now), for
// loadCourse and the reader's cards.
DiagramLinks diagramLinks();

} // namespace fg
