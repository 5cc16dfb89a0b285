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
LiveDiagram stepDiagram(QString title, QString pictureTitle) {
    using Traits = typename View::ViewTraits;
    using Scenario = typename Traits::Scenario;
    const std::string engine = Traits::kEngine;
    return {
        .id = QString::fromStdString(engine),
        .engine = engine,
        .title = std::move(title),
        .pictureTitle = std::move(pictureTitle),
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
            QCoreApplication::translate("fg::LiveDiagrams",
                                        "B-Tree: inserts, splits, search and range (PostgreSQL)"),
            QStringLiteral("B-Tree")),
        stepDiagram<LsmView>(
            QCoreApplication::translate("fg::LiveDiagrams",
                                        "LSM-tree: memtable, flushes and compaction (Cassandra)"),
            QStringLiteral("LSM-tree")),
        {
            .id = QStringLiteral("btree-vs-lsm"),
            .engine = {},
            .title = QCoreApplication::translate("fg::LiveDiagrams",
                                                 "B-Tree vs LSM-tree on one workload"),
            .pictureTitle = QStringLiteral("B-Tree vs LSM-tree"),
            .defaultScenario = {},
            .makeSource = nullptr,
            .makePage = pageOfType<BTreeVsLsmView>(),
        },
        stepDiagram<HashslotView>(
            QCoreApplication::translate("fg::LiveDiagrams", "Redis Cluster hash slots"),
            QStringLiteral("Redis Cluster hash slots")),
        stepDiagram<KafkaView>(
            QCoreApplication::translate("fg::LiveDiagrams", "Kafka partitions and consumer groups"),
            QStringLiteral("Kafka partitions")),
        stepDiagram<DownsampleView>(
            QCoreApplication::translate("fg::LiveDiagrams",
                                        "Time-series downsampling, retention and compression"),
            QStringLiteral("Time-series tiers")),
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

const DiagramLinks& diagramLinks() {
    static const DiagramLinks links = [] {
        DiagramLinks out;
        for (const auto& d : liveDiagrams()) {
            out.push_back({d.id, d.title});
        }
        return out;
    }();
    return links;
}

} // namespace fg
