#include "widgets/diagrams/kafka_diagram.h"

#include "engines/kafka/murmur2.h"
#include "widgets/canvas/long_words.h"
#include "widgets/diagrams/spoken_state.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <algorithm>
#include <map>
#include <optional>

namespace fg {

namespace {

// What this file draws goes to translators under fg::KafkaDiagram (lupdate and tr() agree).
struct KafkaWords {
    Q_DECLARE_TR_FUNCTIONS(fg::KafkaDiagram)
};

constexpr std::size_t kMaxCells = 10; // records shown per log (the newest)

QString brokers(const std::vector<int>& ids) {
    QStringList l;
    for (int b : ids) {
        l << QStringLiteral("B%1").arg(b);
    }
    return l.join(QLatin1Char(','));
}

// A partition's label: its name, then its leader and in-sync replicas.
QString partitionText(const kafka::PartitionState& p) {
    return KafkaWords::tr("%1-%2\nleader %3 · ISR %4")
        .arg(QString::fromStdString(p.topic))
        .arg(p.partition)
        .arg(p.leader < 0 ? KafkaWords::tr("none (offline)") : QStringLiteral("B%1").arg(p.leader),
             p.isr.empty() ? KafkaWords::tr("none") : brokers(p.isr));
}

// Who in `group` reads `tp` ("" when nobody).
std::string readerOf(const kafka::GroupState& g, const std::string& tp) {
    for (const auto& [member, tps] : g.assignment) {
        for (const auto& a : tps) {
            if (a.name() == tp) {
                return member;
            }
        }
    }
    return {};
}

// A consumer's or group's name as the drawing shows it (shortName: a tester's 300-character
// consumer drew a tag 1,000 px wide, and Fit shrank every letter of the drawing to 5 px).
QString nameShown(const std::string& name) {
    return shortName(QString::fromStdString(name));
}

// A group's tag on a partition: who reads it, its committed offset and lag.
QString tagText(const std::string& reader, std::int64_t committed, std::int64_t lag) {
    return KafkaWords::tr("%1\ncommitted %2 · lag %3")
        .arg(reader.empty() ? KafkaWords::tr("nobody reads it")
                            : KafkaWords::tr("read by %1").arg(nameShown(reader)))
        .arg(committed)
        .arg(lag);
}

// A consumer's box: its name, and the partitions it reads by their names (the same names as the
// rows: its colour is not the only thing that ties it to them).
QString consumerText(const kafka::GroupState& g, const kafka::Member& m) {
    QStringList parts;
    if (const auto it = g.assignment.find(m.id); it != g.assignment.end()) {
        for (const auto& tp : it->second) {
            parts << QString::fromStdString(tp.name());
        }
    }
    return QStringLiteral("%1\n%2").arg(
        nameShown(m.id), parts.isEmpty()
                             ? KafkaWords::tr("no partition")
                             : KafkaWords::tr("reads %1").arg(parts.join(QStringLiteral(", "))));
}

std::int64_t committedOf(const kafka::GroupState& g, const std::string& tp) {
    const auto c = g.committed.find(tp);
    return c == g.committed.end() ? 0 : c->second;
}

// Keeps in `widest` the longer (in characters) of it and each line of `text`.
void keepWidest(QString& widest, const QString& text) {
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (line.size() > widest.size()) {
            widest = line;
        }
    }
}

// The width `line` takes in type `px`, padded as a box's text is.
qreal widthOf(const QString& line, qreal px) {
    FrameItem probe;
    probe.text = line;
    probe.fontPx = px;
    return frameTextSize(probe).width() + 16;
}

} // namespace

KafkaDiagram::KafkaDiagram(kafka::KafkaParams params, std::vector<kafka::KafkaOp> ops,
                           std::optional<KeepOnly> only, BuildWatch* watch)
    : TimelineSource(kafka::KafkaEngine(params), kafka::KafkaEngine(params).initialState(),
                     std::move(ops), only, watch) {
    // One pass over the run: what every frame makes room for.
    extent_.note(timeline().initialState());
    replay([this](std::size_t, const Step&, const State& s) { extent_.note(s); });
}

void KafkaExtent::note(const kafka::KafkaState& s) {
    for (const auto& p : s.partitions) {
        longest = std::max(longest, std::min<std::size_t>(p.log.size(), kMaxCells));
        keepWidest(partitionLine, partitionText(p));
        // Each record is the newest of its log in the state after its step. (A key of more
        // than 4 UTF-8 bytes a character over kWholeKey is longer: not converted to see.)
        if (!p.log.empty() && p.log.back().key && p.log.back().key->size() <= 4 * kWholeKey) {
            const QString key = QString::fromStdString(*p.log.back().key);
            if (key.size() <= kWholeKey) {
                keepWidest(keyLine, key);
            }
        }
        const std::string tp = p.topic + "-" + std::to_string(p.partition);
        for (const auto& [name, g] : s.groups) {
            keepWidest(tagLine, tagText(readerOf(g, tp), committedOf(g, tp), s.lag(name, p)));
        }
    }
    for (const auto& [name, g] : s.groups) {
        if (std::find(groups.begin(), groups.end(), name) == groups.end()) {
            groups.push_back(name);
        }
        members = std::max(members, g.members.size());
        for (const auto& m : g.members) {
            keepWidest(consumerLine, consumerText(g, m));
            const std::string id = name + "/" + m.id;
            if (std::find(consumers.begin(), consumers.end(), id) == consumers.end()) {
                consumers.push_back(id);
            }
        }
    }
}

Frame KafkaDiagram::layoutState(const State& state, const Step* step, const Theme& theme) const {
    Frame f = layout(state, step, timeline().engine().params(), theme, extent_);
    thickenLines(f, theme);
    return f;
}

namespace {

FrameItem box(const QString& id, QRectF r, const QColor& fill, const QColor& stroke, qreal w,
              const QString& text, const Theme& t, qreal px, int z = 2) {
    FrameItem it;
    it.id = id;
    it.rect = r;
    it.fill = fill;
    it.stroke = stroke;
    it.strokeWidth = w;
    it.text = text;
    it.textColor = t.text;
    it.fontPx = px;
    it.radius = 5;
    it.z = z;
    return it;
}

FrameItem line(const QString& id, QPointF a, QPointF b, const QColor& c, qreal w, bool head) {
    FrameItem it;
    it.id = id;
    it.kind = FrameItem::Kind::Line;
    it.line = QLineF(a, b);
    it.stroke = c;
    it.strokeWidth = w;
    it.arrow = head;
    it.z = 1;
    return it;
}

// Where everything goes, and what the run makes room for.
struct KafkaGeometry {
    KafkaGeometry(const Theme& t, const KafkaExtent& extent, const kafka::KafkaState& s)
        : fs(14 * t.fontScale), k(t.fontScale), kv((1 + k) / 2), rowH(44 * kv), cellW(54 * k),
          room(extent) {
        // What the run makes room for, and this state (a layout without a run has only it). The
        // labels' and tags' columns are as wide as their longest line needs.
        room.note(s);
        labelW = std::max(150 * k, widthOf(room.partitionLine, fs * 0.8));
        tagW = std::max(150 * k, widthOf(room.tagLine, fs * 0.75));
        consW = std::max(150 * k, widthOf(room.consumerLine, fs * 0.8));
        cellW = std::max(cellW, widthOf(room.keyLine, fs * 0.75) - 6); // its text's padding: 8
        logX = 40 + labelW + 12;
        top = 70 * kv;
        // Room for the longest log shown over the run (at least 6 records), then one column per
        // group: who reads each partition, its committed offset and lag.
        colX = logX + static_cast<qreal>(room.longest) * (cellW + 2) + 24 * k;
    }
    qreal fs;
    qreal k; // boxes grow with the theme's type...
    // ... across as much as the type; down less (their lines need less than their padding):
    // drawn taller than wide for its room, the projector's letters were smaller than Light's
    // in a 1280x800 window (its narration and controls leave the drawing less height).
    qreal kv;
    qreal rowH, cellW;
    qreal consW = 0; // a consumer's box
    KafkaExtent room;
    qreal labelW = 0, tagW = 0, logX = 0, top = 0, colX = 0;

    // One tone per consumer for the whole run: its box and its marks on the partitions.
    QString toneOf(const std::string& group, const std::string& consumer) const {
        const auto i =
            std::find(room.consumers.begin(), room.consumers.end(), group + "/" + consumer);
        return QString(QChar('a' + static_cast<int>(i - room.consumers.begin()) % 7));
    }
    // The left of a group's column beside the logs.
    qreal groupColumn(const std::string& name) const {
        const auto i =
            std::find(room.groups.begin(), room.groups.end(), name) - room.groups.begin();
        return colX + static_cast<qreal>(i) * (tagW + 10 * k);
    }
    // A group's box: room for its title (at least 380 units) and for `n` members.
    qreal groupWidth(std::size_t n) const {
        return std::max<qreal>(380 * k, static_cast<qreal>(n) * (consW + 10) + 10);
    }
    // Where the group columns end.
    qreal columnsEnd() const {
        return colX + static_cast<qreal>(room.groups.size()) * (tagW + 10 * k);
    }
};

// The producer's box, and each group's name over its column.
void addProducerAndGroupHeads(Frame& f, const kafka::KafkaState& s,
                              const kafka::KafkaParams& params, const KafkaGeometry& g,
                              const Theme& t) {
    const QString partitioner = QString::fromStdString(kafka::partitionerName(params.partitioner));
    FrameItem producer =
        box(QStringLiteral("producer"), QRectF(40, 10, 420 * g.k, 40 * g.kv),
            t.toneFill(QStringLiteral("accent")), t.accent, 1.5,
            KafkaWords::tr("Producer · keyless records: %1 · keyed: murmur2").arg(partitioner), t,
            g.fs * 0.9, 3);
    producer.wrap = true; // a longer language's words: on two lines (the box has their height)
    f.items.push_back(producer);
    for (const auto& [name, group] : s.groups) {
        FrameItem head;
        head.id = QStringLiteral("group-head:") + QString::fromStdString(name);
        head.kind = FrameItem::Kind::Text;
        head.rect = QRectF(g.groupColumn(name), g.top - 22 * g.kv, g.tagW, 20 * g.kv);
        head.text = KafkaWords::tr("group %1").arg(nameShown(name));
        head.textColor = t.text;
        head.fontPx = g.fs * 0.8;
        head.bold = true;
        head.z = 3;
        f.items.push_back(head);
    }
}

// A partition's row at `y`, and the part of its log shown: records [first, n).
struct LogRow {
    const kafka::PartitionState& p;
    std::string tp; // "topic-partition"
    QString qtp;
    qreal y;
    std::size_t first, n;
    qreal cellX(const KafkaGeometry& g, std::size_t i) const {
        return g.logX + static_cast<qreal>(i - first) * (g.cellW + 2);
    }
};

// The partition's label (its leader and ISR; lit when the step elects its leader or takes it
// offline), and a mark when older records are left out.
void addPartitionLabel(Frame& f, const LogRow& row, const kafka::KafkaStep* step,
                       const KafkaGeometry& g, const Theme& t) {
    const auto& p = row.p;
    const bool offline = p.leader < 0;
    const bool lit = step && step->partition == p.partition && step->topic == p.topic &&
                     (step->kind == kafka::StepKind::kLeaderElection ||
                      step->kind == kafka::StepKind::kPartitionOffline);
    f.items.push_back(box(
        QStringLiteral("part:") + row.qtp, QRectF(40, row.y, g.labelW, g.rowH - 6),
        offline ? t.toneFill(QStringLiteral("bad")) : t.surface,
        lit ? t.warn : (offline ? t.bad : t.line), lit ? 3 : 1.2, partitionText(p), t, g.fs * 0.8));
    if (offline) { // a broken outline as well as its colour and its words
        f.items.back().penStyle = Qt::DashLine;
    }
    if (row.first > 0) {
        FrameItem more;
        more.id = QStringLiteral("more:") + row.qtp;
        more.kind = FrameItem::Kind::Text;
        more.rect = QRectF(g.logX - 12, row.y, 12, g.rowH - 6);
        more.text = QStringLiteral("\u2026");
        more.textColor = t.mutedText;
        more.fontPx = g.fs * 0.75;
        f.items.push_back(more);
    }
}

// The arrow from the producer round the right of every log and into the new record at `x`, from
// its right side (it is the newest, so nothing stands there): never behind a box.
void addProduceArrow(Frame& f, qreal x, qreal y, const KafkaGeometry& g, const Theme& t) {
    const qreal laneX = g.logX + static_cast<qreal>(g.room.longest) * (g.cellW + 2) + 8 * g.k;
    const qreal startY = 10 + 20 * g.kv;
    const qreal midY = y + (g.rowH - 6) / 2;
    f.items.push_back(line(QStringLiteral("produce-arrow:out"), QPointF(40 + 420 * g.k, startY),
                           QPointF(laneX, startY), t.accent, 2.5, false));
    f.items.push_back(line(QStringLiteral("produce-arrow:down"), QPointF(laneX, startY),
                           QPointF(laneX, midY), t.accent, 2.5, false));
    // Its tip on the outside of the record's 2.5-wide outline (as thickenLines makes it in this
    // theme), not under it.
    const qreal outline = 2.5 * strokeScale(t) / 2;
    f.items.push_back(line(QStringLiteral("produce-arrow"), QPointF(laneX, midY),
                           QPointF(x + g.cellW + outline, midY), t.accent, 2.5, true));
}

// The log: the newest records, oldest at the left, each in its key's colour; the step's new
// record lit, with the producer's arrow into it.
void addRecords(Frame& f, const LogRow& row, const kafka::KafkaStep* step, const KafkaGeometry& g,
                const Theme& t) {
    const auto& p = row.p;
    std::optional<QFontMetricsF> keyMetrics; // every cell's words are in the same font
    for (std::size_t i = row.first; i < row.n; ++i) {
        const auto& r = p.log[i];
        const qreal x = row.cellX(g, i);
        const QString tone =
            r.key ? QString(QChar('a' + kafka::toPositive(kafka::murmur2(*r.key)) % 7))
                  : QStringLiteral("muted");
        const bool isNew = step && step->kind == kafka::StepKind::kProduce &&
                           step->topic == p.topic && step->partition == p.partition &&
                           step->offset == r.offset;
        auto cell =
            box(QStringLiteral("rec:%1:%2").arg(row.qtp).arg(r.offset),
                QRectF(x, row.y, g.cellW, g.rowH - 6), isNew ? t.highlight : t.toneFill(tone),
                isNew ? t.text : t.toneStroke(tone), isNew ? 2.5 : 1, QString(), t, g.fs * 0.75);
        // A key too long for its cell keeps as much of its start and its end as fits ("order-42"
        // whole; a cut to its first characters read "order-14929" as another key, "order-1").
        const QString key = r.key ? QString::fromStdString(*r.key) : QStringLiteral("\u2014");
        if (!keyMetrics) {
            keyMetrics.emplace(frameFont(cell));
        }
        cell.text = QStringLiteral("%1\n%2").arg(r.offset).arg(
            fittedName(key, *keyMetrics, frameTextRoom(cell).width()));
        cell.origin = QStringLiteral("producer");
        f.items.push_back(cell);
        if (isNew) {
            addProduceArrow(f, x, row.y, g, t);
        }
    }
}

// Each group: who reads this partition, where it is (committed offset) and how far behind
// (lag), with its committed offset marked on the log.
void addGroupTags(Frame& f, const LogRow& row, const kafka::KafkaState& s, const KafkaGeometry& g,
                  const Theme& t) {
    int gi = 0;
    for (const auto& [name, group] : s.groups) {
        const QString qg = QString::fromStdString(name);
        const std::int64_t committed = committedOf(group, row.tp);
        const std::int64_t lag = s.lag(name, row.p);
        const std::string reader = readerOf(group, row.tp);
        const QString tone = reader.empty() ? QStringLiteral("muted") : g.toneOf(name, reader);
        auto tag = box(QStringLiteral("assign:%1:%2").arg(qg, row.qtp),
                       QRectF(g.groupColumn(name), row.y, g.tagW, g.rowH - 6), t.toneFill(tone),
                       t.toneStroke(tone), reader.empty() ? 1 : 2, tagText(reader, committed, lag),
                       t, g.fs * 0.75, 3);
        if (reader.empty()) {
            tag.id = QStringLiteral("unassigned:%1:%2").arg(qg, row.qtp);
            tag.textColor = t.mutedText;
        }
        f.items.push_back(tag);
        if (committed >= static_cast<std::int64_t>(row.first) &&
            committed <= static_cast<std::int64_t>(row.n) && !reader.empty()) {
            const qreal x =
                row.cellX(g, static_cast<std::size_t>(committed)) - 1 + static_cast<qreal>(gi) * 3;
            auto mark =
                line(QStringLiteral("committed:%1:%2").arg(qg, row.qtp), QPointF(x, row.y - 4),
                     QPointF(x, row.y + g.rowH - 2), t.toneStroke(tone), 3, false);
            mark.z = 4;
            f.items.push_back(mark);
        }
        ++gi;
    }
}

// A consumer's box in its colour: its name and the partitions it reads.
FrameItem consumerBox(const kafka::GroupState& group, const std::string& name,
                      const kafka::Member& m, QRectF cr, bool rebalanced, const KafkaGeometry& g,
                      const Theme& t) {
    const QString tone = g.toneOf(name, m.id);
    return box(QStringLiteral("cons:%1:%2")
                   .arg(QString::fromStdString(name), QString::fromStdString(m.id)),
               cr, t.toneFill(tone), rebalanced ? t.accent : t.toneStroke(tone), rebalanced ? 3 : 2,
               consumerText(group, m), t, g.fs * 0.8, 3);
}

// A group's box at `at`: its title with its total lag, and its consumers; returns its width (room
// for its title, and for the most members a group has in the run).
qreal addGroup(Frame& f, const kafka::KafkaState& s, const std::string& name,
               const kafka::GroupState& group, const kafka::KafkaStep* step, QPointF at,
               const KafkaGeometry& g, const Theme& t) {
    const qreal gx = at.x(), gy = at.y();
    const QString qg = QString::fromStdString(name);
    std::int64_t lag = 0;
    for (const auto& p : s.partitions) {
        lag += s.lag(name, p);
    }
    FrameItem title;
    title.id = QStringLiteral("group-title:") + qg;
    title.kind = FrameItem::Kind::Text;
    title.text =
        QStringLiteral("group %1 · lag %2 (records not read yet)").arg(nameShown(name)).arg(lag);
    title.textColor = t.text;
    title.fontPx = g.fs * 0.85;
    title.bold = true;
    title.align = Qt::AlignLeft | Qt::AlignVCenter;
    title.z = 3;
    const qreal groupW =
        std::max<qreal>({g.groupWidth(g.room.members), frameTextSize(title).width() + 24,
                         static_cast<qreal>(group.members.size()) * (g.consW + 10) + 10});
    title.rect = QRectF(gx + 8, gy + 4, groupW - 16, 22 * g.kv);
    f.items.push_back(box(QStringLiteral("group:") + qg, QRectF(gx, gy, groupW, 100 * g.kv),
                          t.surface, t.line, 1.2, QString(), t, g.fs));
    f.items.push_back(title);
    const bool rebalanced = step && step->group == name && kafka::isRebalance(step->kind);
    qreal cx = gx + 10;
    for (const auto& m : group.members) {
        const QRectF cr(cx, gy + 34 * g.kv, g.consW, 54 * g.kv);
        f.items.push_back(consumerBox(group, name, m, cr, rebalanced, g, t));
        cx += g.consW + 10;
    }
    return groupW;
}

// The brokers beside the groups, from `bx` at `gy`, in as many columns as the logs' width leaves
// them (at least one), row under row.
struct BrokerBlock {
    qreal right = 0;      // where the brokers end
    std::size_t rows = 0; // rows of brokers
};

BrokerBlock addBrokers(Frame& f, const kafka::KafkaState& s, const kafka::KafkaStep* step, qreal bx,
                       qreal gy, const KafkaGeometry& g, const Theme& t) {
    const qreal brokerW = 120 * g.k, brokerStep = 130 * g.k;
    const std::size_t brokerCount = s.brokerAlive.size();
    const auto perRow = std::clamp<std::size_t>(
        static_cast<std::size_t>(std::max<qreal>(0, g.columnsEnd() - bx + 10 * g.k) / brokerStep),
        1, std::max<std::size_t>(brokerCount, 1));
    for (std::size_t b = 0; b < brokerCount; ++b) {
        const bool alive = s.brokerAlive[b];
        const bool lit = step &&
                         (step->kind == kafka::StepKind::kFailBroker ||
                          step->kind == kafka::StepKind::kRecoverBroker) &&
                         step->broker == static_cast<int>(b);
        const QRectF r(bx + static_cast<qreal>(b % perRow) * brokerStep,
                       gy + static_cast<qreal>(b / perRow) * 50 * g.kv, brokerW, 40 * g.kv);
        auto& broker = f.items.emplace_back(
            box(QStringLiteral("broker:%1").arg(b), r,
                alive ? t.toneFill(QStringLiteral("accent")) : t.toneFill(QStringLiteral("bad")),
                lit ? (alive ? t.good : t.bad) : (alive ? t.accent : t.bad), lit ? 3 : 1.5,
                alive ? KafkaWords::tr("Broker B%1").arg(b) : KafkaWords::tr("✘ B%1 failed").arg(b),
                t, g.fs * 0.85));
        broker.penStyle = alive ? Qt::SolidLine : Qt::DashLine;
    }
    return {bx + static_cast<qreal>(std::min(perRow, brokerCount)) * brokerStep,
            (brokerCount + perRow - 1) / perRow};
}

} // namespace

// Named steps: the geometry (what the run makes room for), the producer and the groups' heads,
// then each partition's row (its label, its log, each group's tag), the consumer groups below,
// and the brokers beside them.
Frame KafkaDiagram::layout(const kafka::KafkaState& s, const kafka::KafkaStep* step,
                           const kafka::KafkaParams& params, const Theme& t,
                           const KafkaExtent& extent) {
    Frame f;
    const KafkaGeometry g(t, extent, s);
    addProducerAndGroupHeads(f, s, params, g, t);
    qreal y = g.top;
    for (const auto& p : s.partitions) {
        const std::string tp = p.topic + "-" + std::to_string(p.partition);
        const std::size_t n = p.log.size();
        const LogRow row{p, tp, QString::fromStdString(tp), y, n > kMaxCells ? n - kMaxCells : 0,
                         n};
        addPartitionLabel(f, row, step, g, t);
        addRecords(f, row, step, g, t);
        addGroupTags(f, row, s, g, t);
        y += g.rowH;
    }
    // Consumer groups below the partitions, each consumer in its colour; in the order of the
    // columns above (the order they first joined), not by name.
    const qreal gy = y + 30 * g.kv;
    qreal gx = 40;
    for (const std::string& name : g.room.groups) {
        const auto found = s.groups.find(name);
        if (found == s.groups.end()) {
            continue;
        }
        const qreal groupW = addGroup(f, s, name, found->second, step, QPointF(gx, gy), g, t);
        gx += groupW + 20;
    }
    // Every group of the run has its place, so the drawing keeps its size as groups come.
    const qreal groupsW =
        40 + static_cast<qreal>(g.room.groups.size()) * (g.groupWidth(g.room.members) + 20);
    const BrokerBlock brokers = addBrokers(f, s, step, std::max(gx, groupsW), gy, g, t);
    f.size =
        QSizeF(std::max({g.columnsEnd() + 10 * g.k, brokers.right, gx, groupsW}),
               gy + std::max(100 * g.kv, static_cast<qreal>(brokers.rows) * 50 * g.kv - 10 * g.kv));
    return f;
}

QString KafkaDiagram::describe(const State& state) const {
    return spokenKafka(state);
}

} // namespace fg
