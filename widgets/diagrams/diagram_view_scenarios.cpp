// DiagramView (diagram_view.h): scenarios opened and saved as the command line's JSON, and the
// default one.
#include "engines/scenario/scenario.h"
#include "models/io/atomic_file.h"
#include "models/io/status_text.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/diagrams/diagram_view.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fg {

Status DiagramView::loadScenario(const nlohmann::json& scenario) {
    if (!scenario.is_object() || !scenario.contains("engine") || !scenario["engine"].is_string()) {
        return Status::error("/engine", "a scenario names its engine, e.g. \"engine\": \"" +
                                            std::string(engineName()) + "\"");
    }
    const auto engine = scenario["engine"].get<std::string>();
    if (engine != engineName()) {
        // Named by the diagrams' titles ("this is a "lsm" scenario" read as a typo, a tester).
        const LiveDiagram* theirs = liveDiagramOfEngine(engine);
        const LiveDiagram* ours = liveDiagramOfEngine(engineName());
        return Status::error(
            "/engine",
            "this file is a scenario for " +
                (theirs ? "the " + theirs->title().toStdString() + " diagram" : "no diagram") +
                " (\"engine\": \"" + engine + "\"); this page opens scenarios for " +
                (ours ? ours->title().toStdString() : std::string(engineName())) +
                " (\"engine\": \"" + engineName() + "\")");
    }
    const auto title = scenario.find("title");
    nextTitle_ = title != scenario.end() && title->is_string()
                     ? QString::fromStdString(title->get<std::string>())
                     : QString();
    Status st = applyScenario(scenario);
    nextTitle_.clear();
    if (st) {
        refresh();
    }
    return st;
}

void DiagramView::openDefaultScenario() {
    Status st;
    const nlohmann::json scenario = defaultScenario(QString::fromLatin1(engineName()), st);
    if (st) {
        st = loadScenario(scenario);
    }
    if (!st) {
        showMessage(tr("The diagram's first scenario did not load (%1): start with the buttons "
                       "above.")
                        .arg(QString::fromStdString(st.message())));
    } else {
        showMessage({});
    }
    // Shown before its first step, under its opening sentence: Play (Space) runs it.
}

Status DiagramView::openScenarioFile(const QString& path) {
    // The one reader of scenario files (size limit, read errors, JSON errors with line and column),
    // the same as `fieldguide run` and `fieldguide export`; "-" would mean standard input there.
    const QString file = path == QLatin1String("-") ? QStringLiteral("./-") : path;
    nlohmann::json json;
    std::istringstream noStandardInput;
    Status st = scenario::readFile(QFile::encodeName(file).toStdString(), noStandardInput, json);
    if (st) {
        st = loadScenario(json);
    }
    if (!st) {
        const QString sentence =
            tr("%1 was not opened: %2").arg(QFileInfo(path).fileName(), messageOf(st));
        return st.isFailure() ? systemFailure(sentence) : badInput(sentence);
    }
    return Status::ok();
}

Status DiagramView::saveScenarioFile(const QString& path) const {
    AtomicFile file(path);
    Status st = file.open();
    if (st) {
        file.write(QByteArray::fromStdString(scenarioJson().dump(2) + "\n"));
        st = file.commit();
    }
    if (!st) {
        return systemFailure(AtomicFile::describe(st));
    }
    return Status::ok();
}

void DiagramView::openScenarioDialog() {
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("scenarios/dir")).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), dir,
                                                      tr("Scenarios (*.json);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    settings.setValue(QStringLiteral("scenarios/dir"), QFileInfo(path).absolutePath());
    Status opened;
    replaceUndoably([&] { opened = openScenarioFile(path); }); // Undo brings back the one before
    if (!opened) {
        QMessageBox::warning(this, tr("Open scenario"), messageOf(opened));
    }
}

void DiagramView::saveScenarioDialog() {
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("scenarios/dir")).toString();
    const QString suggested = (dir.isEmpty() ? QString() : dir + QLatin1Char('/')) +
                              QLatin1String(engineName()) + QStringLiteral("-scenario.json");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save scenario"), suggested,
                                                      tr("Scenarios (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    if (const Status saved = saveScenarioFile(path); !saved) {
        QMessageBox::warning(this, tr("Save scenario"), messageOf(saved));
        return;
    }
    // Only once it was written there: a folder that failed is not offered again.
    settings.setValue(QStringLiteral("scenarios/dir"), QFileInfo(path).absolutePath());
}

} // namespace fg
