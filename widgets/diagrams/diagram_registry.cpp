#include "widgets/diagrams/diagram_registry.h"

#include "engines/scenario/btree_scenario.h"
#include "engines/scenario/downsample_scenario.h"
#include "engines/scenario/hashslot_scenario.h"
#include "engines/scenario/kafka_scenario.h"
#include "engines/scenario/lsm_scenario.h"
#include "widgets/canvas/page.h"
#include "widgets/diagrams/btree_diagram.h"
#include "widgets/diagrams/btree_view.h"
#include "widgets/diagrams/btree_vs_lsm_view.h"
#include "widgets/diagrams/downsample_diagram.h"
#include "widgets/diagrams/downsample_view.h"
#include "widgets/diagrams/hashslot_diagram.h"
#include "widgets/diagrams/hashslot_view.h"
#include "widgets/diagrams/kafka_diagram.h"
#include "widgets/diagrams/kafka_view.h"
#include "widgets/diagrams/lsm_diagram.h"
#include "widgets/diagrams/lsm_view.h"

#include <QCoreApplication>
#include <nlohmann/json.hpp>
#include <type_traits>

namespace fg {

namespace {

// A source that reads the scenario with its engine's reader (engines/scenario), then builds the
// diagram from what was read.
template <class Scenario, class Build>
SourceFactory readThen(Status (*read)(const nlohmann::json&, Scenario&), Build build) {
    return [read, build](const nlohmann::json& scenario, Status& status,
                         std::optional<KeepOnly> only) -> std::unique_ptr<DiagramSource> {
        Scenario s;
        if ((status = read(scenario, s))) {
            return build(s, only);
        }
        return nullptr;
    };
}

template <class View>
PageFactory pageOfType() {
    static_assert(std::is_base_of_v<QWidget, View> && std::is_base_of_v<Page, View>,
                  "a live diagram's page is a QWidget and a Page");
    return [](QWidget* parent) -> QWidget* { return new View(parent); };
}

} // namespace

const std::vector<LiveDiagram>& liveDiagrams() {
    static const std::vector<LiveDiagram> all = {
        {
            .id = QStringLiteral("btree"),
            .engine = "btree",
            .title = QCoreApplication::translate(
                "fg", "B-Tree: inserts, splits, search and range (PostgreSQL)"),
            .pictureTitle = QStringLiteral("B-Tree"),
            .defaultScenario = QStringLiteral(":/content/scenarios/btree.json"),
            .makeSource = readThen(parseBtreeScenario,
                                   [](BtreeScenario& s, std::optional<KeepOnly> only) {
                                       return std::make_unique<BTreeDiagram>(
                                           s.params, std::move(s.ops), only);
                                   }),
            .makePage = pageOfType<BTreeView>(),
        },
        {
            .id = QStringLiteral("lsm"),
            .engine = "lsm",
            .title = QCoreApplication::translate(
                "fg", "LSM-tree: memtable, flushes and compaction (Cassandra)"),
            .pictureTitle = QStringLiteral("LSM-tree"),
            .defaultScenario = QStringLiteral(":/content/scenarios/lsm.json"),
            .makeSource = readThen(parseLsmScenario,
                                   [](LsmScenario& s, std::optional<KeepOnly> only) {
                                       return std::make_unique<LsmDiagram>(s.params,
                                                                           std::move(s.ops), only);
                                   }),
            .makePage = pageOfType<LsmView>(),
        },
        {
            .id = QStringLiteral("btree-vs-lsm"),
            .engine = {},
            .title = QCoreApplication::translate("fg", "B-Tree vs LSM-tree on one workload"),
            .pictureTitle = QStringLiteral("B-Tree vs LSM-tree"),
            .defaultScenario = {},
            .makeSource = nullptr,
            .makePage = pageOfType<BTreeVsLsmView>(),
        },
        {
            .id = QStringLiteral("hashslot"),
            .engine = "hashslot",
            .title = QCoreApplication::translate("fg", "Redis Cluster hash slots"),
            .pictureTitle = QStringLiteral("Redis Cluster hash slots"),
            .defaultScenario = QStringLiteral(":/content/scenarios/hashslot.json"),
            .makeSource = readThen(parseHashslotScenario,
                                   [](HashslotScenario& s, std::optional<KeepOnly> only) {
                                       return std::make_unique<HashslotDiagram>(
                                           s.masters, s.replicas, std::move(s.ops), only);
                                   }),
            .makePage = pageOfType<HashslotView>(),
        },
        {
            .id = QStringLiteral("kafka"),
            .engine = "kafka",
            .title = QCoreApplication::translate("fg", "Kafka partitions and consumer groups"),
            .pictureTitle = QStringLiteral("Kafka partitions"),
            .defaultScenario = QStringLiteral(":/content/scenarios/kafka.json"),
            .makeSource = readThen(parseKafkaScenario,
                                   [](KafkaScenario& s, std::optional<KeepOnly> only) {
                                       return std::make_unique<KafkaDiagram>(
                                           std::move(s.params), std::move(s.ops), only);
                                   }),
            .makePage = pageOfType<KafkaView>(),
        },
        {
            .id = QStringLiteral("downsample"),
            .engine = "downsample",
            .title = QCoreApplication::translate(
                "fg", "Time-series downsampling, retention and compression"),
            .pictureTitle = QStringLiteral("Time-series tiers"),
            .defaultScenario = QStringLiteral(":/content/scenarios/downsample.json"),
            .makeSource = readThen(parseDownsampleScenario,
                                   [](DownsampleScenario& s, std::optional<KeepOnly> only) {
                                       return std::make_unique<DownsampleDiagram>(
                                           std::move(s.tiers), std::move(s.ops), only);
                                   }),
            .makePage = pageOfType<DownsampleView>(),
        },
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
