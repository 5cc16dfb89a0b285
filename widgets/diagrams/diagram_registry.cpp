#include "widgets/diagrams/diagram_registry.h"

#include "widgets/canvas/page.h"
#include "widgets/diagrams/btree_view.h"
#include "widgets/diagrams/btree_vs_lsm_view.h"
#include "widgets/diagrams/downsample_view.h"
#include "widgets/diagrams/hashslot_view.h"
#include "widgets/diagrams/kafka_view.h"
#include "widgets/diagrams/lsm_view.h"

#include <QCoreApplication>
#include <nlohmann/json.hpp>
#include <type_traits>

namespace fg {

namespace {

template <class View>
PageFactory pageOfType() {
    static_assert(std::is_base_of_v<QWidget, View> && std::is_base_of_v<Page, View>,
                  "a live diagram's page is a QWidget and a Page");
    return [](QWidget* parent) -> QWidget* { return new View(parent); };
}

// The row of a diagram with steps, from its page's type (a StepView): the engine it draws is its
// id, its default scenario is content/scenarios/ENGINE.json, and its source reads a scenario with
// the engine's reader, then builds the same diagram as the page does.
template <class View>
LiveDiagram stepDiagram(const char* titleSource, const char* pictureTitleSource) {
    using Traits = typename View::ViewTraits;
    using Scenario = typename Traits::Scenario;
    const std::string engine = Traits::kEngine;
    return {
        .id = QString::fromStdString(engine),
        .engine = engine,
        .titleSource = titleSource,
        .pictureTitleSource = pictureTitleSource,
        .defaultScenario = QString::fromStdString(":/content/scenarios/" + engine + ".json"),
        .makeSource = [](const nlohmann::json& scenario, Status& status,
                         std::optional<KeepOnly> only) -> std::unique_ptr<DiagramSource> {
            Scenario s;
            if ((status = Traits::parse(scenario, s))) {
                return Traits::diagram(std::move(s), only, nullptr);
            }
            return nullptr;
        },
        .makePage = pageOfType<View>(),
    };
}

} // namespace

const std::vector<LiveDiagram>& liveDiagrams() {
    static const std::vector<LiveDiagram> all = {
        stepDiagram<BTreeView>(
            QT_TRANSLATE_NOOP("fg::LiveDiagrams", "B-Tree: inserts, splits, search and range"),
            QT_TRANSLATE_NOOP("fg::LiveDiagrams", "B-Tree")),
        stepDiagram<LsmView>(
            QT_TRANSLATE_NOOP("fg::LiveDiagrams", "LSM-tree: memtable, flushes and compaction"),
            QT_TRANSLATE_NOOP("fg::LiveDiagrams", "LSM-tree")),
        {
            .id = QStringLiteral("btree-vs-lsm"),
            .engine = {},
            .titleSource =
                QT_TRANSLATE_NOOP("fg::LiveDiagrams", "B-Tree vs LSM-tree on one workload"),
            .pictureTitleSource = QT_TRANSLATE_NOOP("fg::LiveDiagrams", "B-Tree vs LSM-tree"),
            .defaultScenario = {},
            .makeSource = nullptr,
            .makePage = pageOfType<BTreeVsLsmView>(),
        },
        stepDiagram<HashslotView>(
            QT_TRANSLATE_NOOP("fg::LiveDiagrams", "Redis Cluster hash slots"),
            QT_TRANSLATE_NOOP("fg::LiveDiagrams", "Redis Cluster hash slots")),
        stepDiagram<KafkaView>(
            QT_TRANSLATE_NOOP("fg::LiveDiagrams", "Kafka partitions and consumer groups"),
            QT_TRANSLATE_NOOP("fg::LiveDiagrams", "Kafka partitions")),
        stepDiagram<DownsampleView>(
            QT_TRANSLATE_NOOP("fg::LiveDiagrams",
                              "Time-series downsampling, retention and compression"),
            QT_TRANSLATE_NOOP("fg::LiveDiagrams", "Time-series tiers")),
    };
    return all;
}

const LiveDiagram* liveDiagram(const QString& id) {
    for (const auto& d : liveDiagrams()) {
        if (d.id == id) {
            return &d;
        }
    }
    return nullptr;
}

const LiveDiagram* liveDiagramOfEngine(std::string_view engine) {
    if (engine.empty()) {
        return nullptr;
    }
    for (const auto& d : liveDiagrams()) {
        if (d.engine == engine) {
            return &d;
        }
    }
    return nullptr;
}

QString LiveDiagram::title() const {
    return QCoreApplication::translate("fg::LiveDiagrams", titleSource);
}

QString LiveDiagram::pictureTitle() const {
    return QCoreApplication::translate("fg::LiveDiagrams", pictureTitleSource);
}

DiagramLinks diagramLinks() {
    DiagramLinks links;
    for (const auto& d : liveDiagrams()) {
        links.push_back({d.id, d.title()});
    }
    return links;
}

} // namespace fg
