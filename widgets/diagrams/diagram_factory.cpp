#include "widgets/diagrams/diagram_factory.h"

#include "engines/scenario/btree_scenario.h"
#include "engines/scenario/downsample_scenario.h"
#include "engines/scenario/hashslot_scenario.h"
#include "engines/scenario/kafka_scenario.h"
#include "engines/scenario/lsm_scenario.h"
#include "engines/scenario/scenario.h"
#include "widgets/diagrams/btree_diagram.h"
#include "widgets/diagrams/downsample_diagram.h"
#include "widgets/diagrams/hashslot_diagram.h"
#include "widgets/diagrams/kafka_diagram.h"
#include "widgets/diagrams/lsm_diagram.h"

#include <QFile>

namespace fg {

std::unique_ptr<DiagramSource> makeDiagramSource(const nlohmann::json& scenario, Status& status) {
    status = Status::ok();
    if (!scenario.is_object() || !scenario.contains("engine") || !scenario["engine"].is_string()) {
        status = Status::error("/engine", "expected the engine's name: one of btree, lsm, "
                                          "hashslot, kafka, downsample");
        return nullptr;
    }
    const auto engine = scenario["engine"].get<std::string>();
    if (engine == "btree") {
        BtreeScenario s;
        if ((status = parseBtreeScenario(scenario, s))) {
            return std::make_unique<BTreeDiagram>(s.params, std::move(s.ops));
        }
    } else if (engine == "lsm") {
        LsmScenario s;
        if ((status = parseLsmScenario(scenario, s))) {
            return std::make_unique<LsmDiagram>(s.params, std::move(s.ops));
        }
    } else if (engine == "hashslot") {
        HashslotScenario s;
        if ((status = parseHashslotScenario(scenario, s))) {
            return std::make_unique<HashslotDiagram>(s.masters, s.replicas, std::move(s.ops));
        }
    } else if (engine == "kafka") {
        KafkaScenario s;
        if ((status = parseKafkaScenario(scenario, s))) {
            return std::make_unique<KafkaDiagram>(std::move(s.params), std::move(s.ops));
        }
    } else if (engine == "downsample") {
        DownsampleScenario s;
        if ((status = parseDownsampleScenario(scenario, s))) {
            return std::make_unique<DownsampleDiagram>(std::move(s.tiers), std::move(s.ops));
        }
    } else {
        nlohmann::json ignored;
        status = scenario::run(scenario, ignored); // names the problem of an unknown engine
        if (status) {
            status = Status::error("/engine",
                                   "the " + engine + " engine has no step-by-step diagram to draw");
        }
    }
    return nullptr;
}

QString diagramTitle(const std::string& engine) {
    if (engine == "btree") {
        return QStringLiteral("B-Tree");
    }
    if (engine == "lsm") {
        return QStringLiteral("LSM-tree");
    }
    if (engine == "hashslot") {
        return QStringLiteral("Redis Cluster hash slots");
    }
    if (engine == "kafka") {
        return QStringLiteral("Kafka partitions");
    }
    if (engine == "downsample") {
        return QStringLiteral("Time-series tiers");
    }
    return QString::fromStdString(engine);
}

nlohmann::json defaultScenario(const QString& id, Status& status) {
    const QString path = QStringLiteral(":/content/scenarios/%1.json").arg(id);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        status = Status::error(path.toStdString(), "the default scenario is missing");
        return nullptr;
    }
    nlohmann::json json;
    status = scenario::parse(f.readAll().toStdString(), path.toStdString(), json);
    return status ? json : nlohmann::json();
}

} // namespace fg
