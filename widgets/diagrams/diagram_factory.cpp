#include "widgets/diagrams/diagram_factory.h"

#include "engines/scenario/scenario.h"
#include "widgets/canvas/page.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/export/diagram_picture.h"

#include <QFile>
#include <QWidget>
#include <nlohmann/json.hpp>

namespace fg {

std::unique_ptr<DiagramSource> makeDiagramSource(const nlohmann::json& scenario, Status& status,
                                                 std::optional<KeepOnly> only) {
    status = Status::ok();
    if (!scenario.is_object() || !scenario.contains("engine") || !scenario["engine"].is_string()) {
        std::string engines;
        for (const auto& d : liveDiagrams()) {
            if (d.hasSteps()) {
                engines += (engines.empty() ? "" : ", ") + d.engine;
            }
        }
        status = Status::error("/engine", "expected the engine's name: one of " + engines);
        return nullptr;
    }
    const auto engine = scenario["engine"].get<std::string>();
    if (const LiveDiagram* d = liveDiagramOfEngine(engine); d && d->hasSteps()) {
        return d->makeSource(scenario, status, only);
    }
    nlohmann::json ignored;
    status = scenario::run(scenario, ignored); // names the problem of an unknown engine
    if (status) {
        status = Status::error("/engine",
                               "the " + engine + " engine has no step-by-step diagram to draw");
    }
    return nullptr;
}

QString diagramTitle(const std::string& engine) {
    const LiveDiagram* d = liveDiagramOfEngine(engine);
    return d ? d->pictureTitle() : QString::fromStdString(engine);
}

nlohmann::json defaultScenario(const QString& id, Status& status) {
    const LiveDiagram* d = liveDiagram(id);
    if (!d || d->defaultScenario.isEmpty()) {
        status = Status::error(id.toStdString(), "no live diagram with steps has this id");
        return nullptr;
    }
    const QString& path = d->defaultScenario;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        status = Status::error(path.toStdString(), "the default scenario is missing");
        return nullptr;
    }
    nlohmann::json json;
    status = scenario::parse(f.readAll().toStdString(), path.toStdString(), json);
    return status ? json : nlohmann::json();
}

QWidget* createDiagramPage(const QString& id, const Theme& theme, QWidget* parent) {
    const LiveDiagram* d = liveDiagram(id);
    if (!d) {
        return nullptr;
    }
    QWidget* widget = d->makePage(parent);
    pageOf(widget)->setTheme(theme);
    return widget;
}

PaintFunction defaultPicture(const LiveDiagram& diagram, const Theme& theme, Status& status) {
    status = Status::ok();
    if (diagram.hasSteps()) {
        const nlohmann::json scenario = defaultScenario(diagram.id, status);
        std::unique_ptr<DiagramSource> source;
        if (status) {
            source = diagram.makeSource(scenario, status, KeepOnly{});
        }
        if (!source) {
            return {};
        }
        const int last = source->stepCount() - 1;
        const Frame frame = source->frame(last, theme);
        const QString caption = source->narration(last);
        return [frame, caption, theme](QPainter& p, QSizeF s) {
            paintDiagramPicture(p, s, frame, caption, theme);
        };
    }
    // Without steps the page is the diagram: it is drawn as File > Export diagram draws it.
    std::shared_ptr<QWidget> page(diagram.makePage(nullptr));
    pageOf(page.get())->setTheme(theme);
    const auto exportable = pageOf(page.get())->exportable();
    if (!exportable) {
        status = Status::error(diagram.id.toStdString(), "the diagram has no picture to export");
        return {};
    }
    return [page, paint = exportable->picture(theme)](QPainter& p, QSizeF s) { paint(p, s); };
}

} // namespace fg
