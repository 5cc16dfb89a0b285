// MainWindow (main_window.h): the tabs open at quit, opened again at the next start. A tester
// built diagrams in four tabs, pressed Ctrl+Q, and found only the Reader at the next start: the
// keys, nodes and messages were gone without a word. Each live diagram is kept as the scenario
// it shows (the command line's JSON, docs/cli.md), the step on screen and its speed, each tool by
// its name (and what its page keeps: keptSettings),
// in session.json beside progress.json, written atomically. A session that cannot be read is
// said in the status bar and set aside; a diagram whose scenario no longer loads is left out and
// named there.
#include "app/main_window.h"
#include "app/page_tabs.h"
#include "engines/scenario/scenario.h"
#include "models/io/atomic_file.h"
#include "widgets/canvas/page.h"
#include "widgets/diagrams/diagram_view.h"
#include "widgets/playback/player.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fg {

namespace {

constexpr int kSessionVersion = 1;

// Every tab but the Reader's, in order, and which one is on screen (0: the Reader).
nlohmann::json sessionOf(const QTabWidget* pages) {
    nlohmann::json tabs = nlohmann::json::array();
    int current = 0;
    for (int i = 1; i < pages->count(); ++i) {
        QWidget* page = pages->widget(i);
        const QString diagram = page->property("diagramId").toString();
        const QString tool = page->property("toolId").toString();
        nlohmann::json tab;
        if (auto* view = qobject_cast<DiagramView*>(page); view && !diagram.isEmpty()) {
            tab["diagram"] = diagram.toStdString();
            tab["scenario"] = view->scenarioJson();
            // Its title too (a preset's name): the slide said "Redis Cluster hash slots" alone
            // after a restart (tester 44).
            if (!view->scenarioTitle().isEmpty()) {
                tab["scenario"]["title"] = view->scenarioTitle().toStdString();
            }
            tab["position"] = view->panel()->player()->position();
            tab["speed"] = view->panel()->player()->speed();
        } else if (!diagram.isEmpty()) {
            // A page of its own (B-Tree vs LSM): reopened fresh.
            tab["diagram"] = diagram.toStdString();
        } else if (!tool.isEmpty()) {
            tab["tool"] = tool.toStdString();
            if (const Page* p = pageOf(page); p && !p->keptSettings().is_null()) {
                tab["settings"] = p->keptSettings();
            }
        } else {
            continue;
        }
        if (i == pages->currentIndex()) {
            current = static_cast<int>(tabs.size()) + 1;
        }
        tabs.push_back(std::move(tab));
    }
    return {{"version", kSessionVersion}, {"current", current}, {"tabs", std::move(tabs)}};
}

} // namespace

QString MainWindow::sessionPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/session.json");
}

void MainWindow::saveSession() const {
    const QString path = sessionPath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    const nlohmann::json session = sessionOf(tabs_);
    if (session["tabs"].empty()) {
        QFile::remove(path); // nothing to open next time
        return;
    }
    AtomicFile file(path);
    Status st = file.open();
    if (st) {
        file.write(QByteArray::fromStdString(session.dump() + "\n"));
        st = file.commit();
    }
    if (!st) {
        // The window is closing: no one to tell but the terminal.
        qWarning("fieldguide: the open tabs were not kept for the next start: %s",
                 qPrintable(AtomicFile::describe(st)));
    }
}

void MainWindow::restoreSession() {
    const QString path = sessionPath();
    if (!QFileInfo::exists(path)) {
        return;
    }
    nlohmann::json session;
    std::istringstream noStandardInput;
    Status st = scenario::readFile(QFile::encodeName(path).toStdString(), noStandardInput, session);
    if (st && (!session.is_object() || !session.contains("tabs") || !session["tabs"].is_array())) {
        st = Status::error("/tabs", "a list of the tabs open at quit");
    } else if (st && session.value("version", 0) > kSessionVersion) {
        st = Status::error("/version", "written by a newer fieldguide");
    }
    if (!st) {
        // Set aside, not deleted: the tabs of last time may still be read out of it.
        const QString aside =
            path + QStringLiteral(".unreadable-") +
            QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
        QFile::rename(path, aside);
        statusBar()->showMessage(
            tr("The tabs open last time could not be opened again (%1): the file is kept "
               "as %2.")
                .arg(QString::fromStdString(st.message()), aside),
            15000);
        return;
    }
    QStringList left;
    int current = 0;
    const nlohmann::json& tabs = session["tabs"];
    for (std::size_t i = 0; i < tabs.size(); ++i) {
        const nlohmann::json& tab = tabs[i];
        if (!tab.is_object()) {
            continue;
        }
        if (const auto tool = tab.find("tool"); tool != tab.end() && tool->is_string()) {
            openTool(QString::fromStdString(tool->get<std::string>()));
            if (const auto kept = tab.find("settings"); kept != tab.end()) {
                if (Page* p = pageOf(tabs_->currentWidget())) {
                    p->restoreSettings(*kept);
                }
            }
        } else if (const auto id = tab.find("diagram"); id != tab.end() && id->is_string()) {
            const QString diagram = QString::fromStdString(id->get<std::string>());
            const int before = tabs_->count();
            openDiagram(diagram);
            if (tabs_->count() == before) {
                left << diagram; // no such diagram in this version
                continue;
            }
            auto* view = qobject_cast<DiagramView*>(tabs_->currentWidget());
            const auto scenario = tab.find("scenario");
            if (view && scenario != tab.end()) {
                if (const Status loaded = view->loadScenario(*scenario); !loaded) {
                    left << QStringLiteral("%1 (%2)").arg(view->pageTitle(),
                                                          QString::fromStdString(loaded.message()));
                    tabs_->removeTab(tabs_->indexOf(view));
                    view->deleteLater();
                    continue;
                }
                // The speed it played at (a tester's 8x came back at 1x); the nearest of
                // the player's speeds, whatever the number.
                if (const auto speed = tab.find("speed");
                    speed != tab.end() && speed->is_number() && speed->get<double>() > 0) {
                    view->panel()->player()->setSpeed(speed->get<double>());
                }
                const auto position = tab.find("position");
                if (position != tab.end() && position->is_number_integer()) {
                    const int at = position->get<int>();
                    view->afterBuild([view, at] { view->panel()->player()->seek(at); });
                }
            }
        } else {
            continue;
        }
        if (const auto c = session.find("current");
            c != session.end() && c->is_number_integer() && c->get<int>() == int(i) + 1) {
            current = tabs_->currentIndex();
        }
    }
    tabs_->setCurrentIndex(current);
    if (!left.isEmpty()) {
        statusBar()->showMessage(
            tr("Not opened again from last time: %1.").arg(left.join(QStringLiteral("; "))), 15000);
    } else if (tabs_->count() > 1) {
        statusBar()->showMessage(tr("The tabs open last time are back, each diagram at its step."),
                                 8000);
    }
}

} // namespace fg
