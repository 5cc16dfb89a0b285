#include "widgets/diagrams/spoken_state.h"

#include "engines/timeseries/clock_text.h"
#include "widgets/canvas/counted.h"

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>
#include <cstdint>

namespace fg {

namespace {

struct Spoken {
    Q_DECLARE_TR_FUNCTIONS(SpokenState)
};

QString spokenStd(const std::string& s) {
    return QString::fromStdString(s);
}

// "[20 40]", or "[1 to 99, 63 keys]" for a box of more than kSpokenKeys keys.
template <class Keys, class Text>
QString bracketed(const Keys& keys, Text text) {
    const auto n = static_cast<int>(keys.size());
    if (n > kSpokenKeys) {
        return Spoken::tr("[%1 to %2, %3 keys]").arg(text(keys.front()), text(keys.back())).arg(n);
    }
    QStringList words;
    for (const auto& k : keys) {
        words << text(k);
    }
    return QLatin1Char('[') + words.join(QLatin1Char(' ')) + QLatin1Char(']');
}

// The first kSpokenBoxes of `items` as `say` words them, then "and N more".
template <class Items, class Say>
QString firstFew(const Items& items, Say say) {
    QStringList words;
    int n = 0;
    for (const auto& item : items) {
        if (n++ < kSpokenBoxes) {
            words << say(item);
        }
    }
    if (n > kSpokenBoxes) {
        words << Spoken::tr("and %n more", nullptr, n - kSpokenBoxes);
    }
    return words.join(QLatin1Char(' '));
}

// The B-Tree's nodes level by level from the root (live nodes only).
std::vector<std::vector<btree::NodeId>> treeLevels(const btree::State& state) {
    std::vector<std::vector<btree::NodeId>> levels{{state.root}};
    while (!state.nodes.leaf(levels.back().front())) {
        std::vector<btree::NodeId> below;
        for (btree::NodeId id : levels.back()) {
            for (btree::NodeId c : state.nodes.children(id)) {
                below.push_back(c);
            }
        }
        levels.push_back(std::move(below));
    }
    return levels;
}

QString treeLevelText(const btree::State& state, const std::vector<btree::NodeId>& level) {
    if (static_cast<int>(level.size()) > kSpokenBoxes) {
        std::int64_t keys = 0;
        for (btree::NodeId id : level) {
            keys += state.nodes.size(id);
        }
        return inEnglishNumber(Spoken::tr("%n node(s)", nullptr, int(level.size())),
                               qint64(level.size())) +
               QLatin1String(", ") +
               inEnglishNumber(Spoken::tr("%n key(s)", nullptr, int(keys)), keys);
    }
    return firstFew(level, [&](btree::NodeId id) { return spokenKeys(state.nodes.keys(id)); });
}

} // namespace

QString spokenKeys(std::span<const std::int64_t> keys) {
    return bracketed(keys, [](std::int64_t k) { return QString::number(k); });
}

QString spokenBTree(const btree::State& state, const btree::Params& params) {
    const QString kind = params.bplus() ? Spoken::tr("B+-tree") : Spoken::tr("B-Tree");
    const auto levels = treeLevels(state);
    std::int64_t keys = 0;
    for (btree::NodeId id : levels.back()) {
        keys += state.nodes.size(id);
    }
    if (!params.bplus()) {
        for (std::size_t l = 0; l + 1 < levels.size(); ++l) {
            for (btree::NodeId id : levels[l]) {
                keys += state.nodes.size(id);
            }
        }
    }
    const QString head =
        Spoken::tr("%1, order %2, height %3, %4")
            .arg(kind)
            .arg(params.order)
            .arg(levels.size())
            .arg(inEnglishNumber(Spoken::tr("%n key(s)", nullptr, int(keys)), keys));
    if (keys == 0) {
        return Spoken::tr("%1, order %2: empty.").arg(kind).arg(params.order);
    }
    QStringList parts;
    for (std::size_t l = 0; l < levels.size(); ++l) {
        const QString where = l == 0                   ? Spoken::tr("root")
                              : l + 1 == levels.size() ? Spoken::tr("leaves")
                                                       : Spoken::tr("level %1").arg(l + 1);
        parts << where + QLatin1Char(' ') + treeLevelText(state, levels[l]);
    }
    return head + QLatin1String(": ") + parts.join(QLatin1String("; ")) + QLatin1Char('.');
}

QString spokenLsm(const lsm::LsmState& state, const lsm::LsmParams& params) {
    QStringList memKeys;
    for (const auto& [key, entry] : state.memtable) {
        memKeys << (entry.value ? spokenStd(key) : Spoken::tr("%1 (deleted)").arg(spokenStd(key)));
    }
    QStringList parts;
    parts
        << Spoken::tr("memtable %1 of %2 entries").arg(memKeys.size()).arg(params.memtableEntries) +
               (memKeys.isEmpty()
                    ? QString()
                    : QLatin1Char(' ') + bracketed(memKeys, [](const QString& k) { return k; }));
    for (int l = 0; l < state.levels(); ++l) {
        const auto tables = state.level(l);
        const QString ranges = firstFew(tables, [](const lsm::SSTable* t) {
            return Spoken::tr("[%1 to %2]").arg(spokenStd(t->minKey()), spokenStd(t->maxKey()));
        });
        parts << Spoken::tr("level %1: %2")
                         .arg(l)
                         .arg(
                             inEnglishNumber(Spoken::tr("%n table(s)", nullptr, int(tables.size())),
                                             qint64(tables.size()))) +
                     (tables.empty() ? QString() : QLatin1Char(' ') + ranges);
    }
    return Spoken::tr("LSM-tree: %1.").arg(parts.join(QLatin1String("; ")));
}

QString spokenCluster(const redis::ClusterState& state) {
    std::vector<int> slotCount(state.nodes.size(), 0);
    for (int o : state.owner) {
        if (o >= 0 && o < static_cast<int>(slotCount.size())) {
            ++slotCount[static_cast<std::size_t>(o)];
        }
    }
    std::vector<const redis::ClusterNode*> masters;
    for (const auto& n : state.nodes) {
        if (n.replicaOf < 0 && !n.removed) {
            masters.push_back(&n);
        }
    }
    const QString nodes = firstFew(masters, [&](const redis::ClusterNode* n) {
        const int slotsHeld = slotCount[static_cast<std::size_t>(n->id)];
        const int keys = static_cast<int>(state.keysOn(n->id));
        return Spoken::tr("node %1%2: %3, %4;")
            .arg(n->id)
            .arg(n->alive ? QString() : Spoken::tr(" (down)"))
            .arg(inEnglishNumber(Spoken::tr("%n slot(s)", nullptr, slotsHeld), slotsHeld))
            .arg(inEnglishNumber(Spoken::tr("%n key(s)", nullptr, keys), keys));
    });
    QString text =
        Spoken::tr("Redis Cluster, %1: ")
            .arg(inEnglishNumber(Spoken::tr("%n master(s)", nullptr, int(masters.size())),
                                 qint64(masters.size()))) +
        nodes;
    if (state.migration) {
        text += Spoken::tr(" slot %1 moving from node %2 to node %3.")
                    .arg(state.migration->slot)
                    .arg(state.migration->from)
                    .arg(state.migration->to);
    }
    return text;
}

QString spokenKafka(const kafka::KafkaState& state) {
    const auto down = std::count(state.brokerAlive.begin(), state.brokerAlive.end(), false);
    QString text =
        Spoken::tr("Kafka, %1")
            .arg(inEnglishNumber(Spoken::tr("%n broker(s)", nullptr, int(state.brokerAlive.size())),
                                 qint64(state.brokerAlive.size())));
    if (down > 0) {
        text += Spoken::tr(" (%n down)", nullptr, int(down));
    }
    text += QLatin1String(": ") + firstFew(state.partitions, [](const kafka::PartitionState& p) {
                const QString leader = p.leader < 0 ? Spoken::tr("offline")
                                                    : Spoken::tr("leader broker %1").arg(p.leader);
                return Spoken::tr("%1 partition %2: %3, %4;")
                    .arg(spokenStd(p.topic))
                    .arg(p.partition)
                    .arg(inEnglishNumber(Spoken::tr("%n record(s)", nullptr, int(p.log.size())),
                                         qint64(p.log.size())))
                    .arg(leader);
            });
    for (const auto& [group, g] : state.groups) {
        text +=
            QLatin1Char(' ') + Spoken::tr("Group %1:").arg(spokenStd(group)) + QLatin1Char(' ') +
            firstFew(g.assignment, [](const auto& member) {
                QStringList owned;
                for (const auto& tp : member.second) {
                    owned << spokenStd(tp.name());
                }
                return Spoken::tr("%1 reads %2;")
                    .arg(spokenStd(member.first),
                         owned.isEmpty() ? Spoken::tr("nothing") : owned.join(QLatin1String(", ")));
            });
    }
    return text;
}

QString spokenTiers(const timeseries::TieredState& state,
                    const std::vector<timeseries::Tier>& tiers) {
    QStringList parts;
    for (std::size_t i = 0; i < state.tiers.size() && i < tiers.size(); ++i) {
        std::int64_t rows = 0;
        const auto blocks = static_cast<qint64>(state.tiers[i].blocks.size());
        for (const auto& [start, block] : state.tiers[i].blocks) {
            rows += block.rows();
        }
        parts << Spoken::tr("%1: %2")
                         .arg(spokenStd(tiers[i].name))
                         .arg(inEnglishNumber(Spoken::tr("%n block(s)", nullptr, int(blocks)),
                                              blocks)) +
                     QLatin1String(", ") +
                     (tiers[i].raw
                          ? inEnglishNumber(Spoken::tr("%n point(s)", nullptr, int(rows)), rows)
                          : inEnglishNumber(Spoken::tr("%n row(s)", nullptr, int(rows)), rows));
    }
    const QString clock =
        state.started ? Spoken::tr(" at %1").arg(spokenStd(timeseries::clockText(state.now)))
                      : QString();
    return Spoken::tr("Time series%1: %2.").arg(clock, parts.join(QLatin1String("; ")));
}

} // namespace fg
