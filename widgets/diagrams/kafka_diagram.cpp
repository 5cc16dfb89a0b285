#include "widgets/diagrams/kafka_diagram.h"

#include "engines/kafka/murmur2.h"
#include "widgets/canvas/long_words.h"

#include <algorithm>
#include <map>

namespace fg {

namespace {
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
    return QStringLiteral("%1-%2\nleader %3 · ISR %4")
        .arg(QString::fromStdString(p.topic))
        .arg(p.partition)
        .arg(p.leader < 0 ? QStringLiteral("none (offline)") : QStringLiteral("B%1").arg(p.leader),
             p.isr.empty() ? QStringLiteral("none") : brokers(p.isr));
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
    return QStringLiteral("%1\ncommitted %2 · lag %3")
        .arg(reader.empty() ? QStringLiteral("nobody reads it")
                            : QStringLiteral("read by %1").arg(nameShown(reader)))
        .arg(committed)
        .arg(lag);
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

} // namespace

Frame KafkaDiagram::layout(const kafka::KafkaState& s, const kafka::KafkaStep* step,
                           const kafka::KafkaParams& params, const Theme& t,
                           const KafkaExtent& extent) {
    Frame f;
    const qreal fs = 14 * t.fontScale;
    const qreal k = t.fontScale; // boxes grow with the theme's type
    // ... across as much as the type; down less (their lines need less than their padding):
    // drawn taller than wide for its room, the projector's letters were smaller than Light's
    // in a 1280x800 window (its narration and controls leave the drawing less height).
    const qreal kv = (1 + k) / 2;
    const qreal rowH = 44 * kv, cellW = 54 * k;
    // What the run makes room for, and this state (a layout without a run has only it). The
    // labels' and tags' columns are as wide as their longest line needs.
    KafkaExtent room = extent;
    room.note(s);
    const qreal labelW = std::max(150 * k, widthOf(room.partitionLine, fs * 0.8));
    const qreal tagW = std::max(150 * k, widthOf(room.tagLine, fs * 0.75));
    const qreal logX = 40 + labelW + 12, top = 70 * kv;
    // Room for the longest log shown over the run (at least 6 records), then one column per
    // group: who reads each partition, its committed offset and lag.
    const std::size_t longest = room.longest;
    const std::vector<std::string>& groups = room.groups;
    const std::size_t members = room.members;
    const std::vector<std::string>& consumers = room.consumers;
    // One tone per consumer for the whole run: its box and its marks on the partitions.
    const auto toneOf = [&](const std::string& group, const std::string& consumer) {
        const auto i = std::find(consumers.begin(), consumers.end(), group + "/" + consumer);
        return QString(QChar('a' + static_cast<int>(i - consumers.begin()) % 7));
    };
    const qreal colX = logX + static_cast<qreal>(longest) * (cellW + 2) + 24 * k;
    const auto groupColumn = [&](const std::string& name) {
        const auto i = std::find(groups.begin(), groups.end(), name) - groups.begin();
        return colX + static_cast<qreal>(i) * (tagW + 10 * k);
    };
    const QString partitioner = QString::fromStdString(kafka::partitionerName(params.partitioner));
    f.items.push_back(
        box(QStringLiteral("producer"), QRectF(40, 10, 420 * k, 40 * kv),
            t.toneFill(QStringLiteral("accent")), t.accent, 1.5,
            QStringLiteral("Producer · keyless records: %1 · keyed: murmur2").arg(partitioner), t,
            fs * 0.9, 3));
    for (const auto& [name, g] : s.groups) {
        FrameItem head;
        head.id = QStringLiteral("group-head:") + QString::fromStdString(name);
        head.kind = FrameItem::Kind::Text;
        head.rect = QRectF(groupColumn(name), top - 22 * kv, tagW, 20 * kv);
        head.text = QStringLiteral("group %1").arg(nameShown(name));
        head.textColor = t.text;
        head.fontPx = fs * 0.8;
        head.bold = true;
        head.z = 3;
        f.items.push_back(head);
    }
    qreal y = top;
    for (const auto& p : s.partitions) {
        const std::string tp = p.topic + "-" + std::to_string(p.partition);
        const QString qtp = QString::fromStdString(tp);
        const bool offline = p.leader < 0;
        const bool lit = step && step->partition == p.partition && step->topic == p.topic &&
                         (step->kind == kafka::StepKind::kLeaderElection ||
                          step->kind == kafka::StepKind::kPartitionOffline);
        f.items.push_back(box(QStringLiteral("part:") + qtp, QRectF(40, y, labelW, rowH - 6),
                              offline ? t.toneFill(QStringLiteral("bad")) : t.surface,
                              lit ? t.warn : (offline ? t.bad : t.line), lit ? 3 : 1.2,
                              partitionText(p), t, fs * 0.8));
        // The log: the newest records, oldest at the left.
        const std::size_t n = p.log.size();
        const std::size_t first = n > kMaxCells ? n - kMaxCells : 0;
        if (first > 0) {
            FrameItem more;
            more.id = QStringLiteral("more:") + qtp;
            more.kind = FrameItem::Kind::Text;
            more.rect = QRectF(logX - 12, y, 12, rowH - 6);
            more.text = QStringLiteral("\u2026");
            more.textColor = t.mutedText;
            more.fontPx = fs * 0.75;
            f.items.push_back(more);
        }
        const auto cellX = [&](std::size_t i) {
            return logX + static_cast<qreal>(i - first) * (cellW + 2);
        };
        for (std::size_t i = first; i < n; ++i) {
            const auto& r = p.log[i];
            const qreal x = cellX(i);
            const QString tone =
                r.key ? QString(QChar('a' + kafka::toPositive(kafka::murmur2(*r.key)) % 7))
                      : QStringLiteral("muted");
            const bool isNew = step && step->kind == kafka::StepKind::kProduce &&
                               step->topic == p.topic && step->partition == p.partition &&
                               step->offset == r.offset;
            const QString label =
                r.key ? QString::fromStdString(*r.key).left(7) : QStringLiteral("\u2014");
            auto cell = box(QStringLiteral("rec:%1:%2").arg(qtp).arg(r.offset),
                            QRectF(x, y, cellW, rowH - 6), isNew ? t.highlight : t.toneFill(tone),
                            isNew ? t.text : t.toneStroke(tone), isNew ? 2.5 : 1,
                            QStringLiteral("%1\n%2").arg(r.offset).arg(label), t, fs * 0.75);
            cell.origin = QStringLiteral("producer");
            f.items.push_back(cell);
            if (isNew) {
                // From the producer round the right of every log and into the new record's
                // right side (it is the newest, so nothing stands there): never behind a box.
                const qreal laneX = logX + static_cast<qreal>(longest) * (cellW + 2) + 8 * k;
                const qreal startY = 10 + 20 * kv;
                const qreal midY = y + (rowH - 6) / 2;
                f.items.push_back(line(QStringLiteral("produce-arrow:out"),
                                       QPointF(40 + 420 * k, startY), QPointF(laneX, startY),
                                       t.accent, 2.5, false));
                f.items.push_back(line(QStringLiteral("produce-arrow:down"), QPointF(laneX, startY),
                                       QPointF(laneX, midY), t.accent, 2.5, false));
                // Its tip on the outside of the record's 2.5-wide outline (as thickenLines
                // makes it in this theme), not under it.
                const qreal outline = 2.5 * strokeScale(t) / 2;
                f.items.push_back(line(QStringLiteral("produce-arrow"), QPointF(laneX, midY),
                                       QPointF(x + cellW + outline, midY), t.accent, 2.5, true));
            }
        }
        // Each group: who reads this partition, where it is (committed offset) and how far
        // behind (lag), with its committed offset marked on the log.
        int gi = 0;
        for (const auto& [name, g] : s.groups) {
            const QString qg = QString::fromStdString(name);
            const std::int64_t committed = committedOf(g, tp);
            const std::int64_t lag = s.lag(name, p);
            const std::string reader = readerOf(g, tp);
            const QString tone = reader.empty() ? QStringLiteral("muted") : toneOf(name, reader);
            auto tag = box(QStringLiteral("assign:%1:%2").arg(qg, qtp),
                           QRectF(groupColumn(name), y, tagW, rowH - 6), t.toneFill(tone),
                           t.toneStroke(tone), reader.empty() ? 1 : 2,
                           tagText(reader, committed, lag), t, fs * 0.75, 3);
            if (reader.empty()) {
                tag.id = QStringLiteral("unassigned:%1:%2").arg(qg, qtp);
                tag.textColor = t.mutedText;
            }
            f.items.push_back(tag);
            if (committed >= static_cast<std::int64_t>(first) &&
                committed <= static_cast<std::int64_t>(n) && !reader.empty()) {
                const qreal x =
                    cellX(static_cast<std::size_t>(committed)) - 1 + static_cast<qreal>(gi) * 3;
                auto mark = line(QStringLiteral("committed:%1:%2").arg(qg, qtp), QPointF(x, y - 4),
                                 QPointF(x, y + rowH - 2), t.toneStroke(tone), 3, false);
                mark.z = 4;
                f.items.push_back(mark);
            }
            ++gi;
        }
        y += rowH;
    }
    // Consumer groups below the partitions, each consumer in its colour.
    const qreal gy = y + 30 * kv;
    const qreal consW = 150 * k;
    // A group's box: room for its title (at least 380 units) and for the most members it has.
    const auto groupWidth = [&](std::size_t n) {
        return std::max<qreal>(380 * k, static_cast<qreal>(n) * (consW + 10) + 10);
    };
    qreal gx = 40;
    // In the order of the columns above (the order they first joined), not by name.
    for (const std::string& name : groups) {
        const auto found = s.groups.find(name);
        if (found == s.groups.end()) {
            continue;
        }
        const kafka::GroupState& g = found->second;
        const QString qg = QString::fromStdString(name);
        std::int64_t lag = 0;
        for (const auto& p : s.partitions) {
            lag += s.lag(name, p);
        }
        FrameItem title;
        title.id = QStringLiteral("group-title:") + qg;
        title.kind = FrameItem::Kind::Text;
        title.text = QStringLiteral("group %1 · lag %2 (records not read yet)")
                         .arg(nameShown(name))
                         .arg(lag);
        title.textColor = t.text;
        title.fontPx = fs * 0.85;
        title.bold = true;
        title.align = Qt::AlignLeft | Qt::AlignVCenter;
        title.z = 3;
        const qreal groupW =
            std::max<qreal>({groupWidth(members), frameTextSize(title).width() + 24,
                             static_cast<qreal>(g.members.size()) * (consW + 10) + 10});
        title.rect = QRectF(gx + 8, gy + 4, groupW - 16, 22 * kv);
        f.items.push_back(box(QStringLiteral("group:") + qg, QRectF(gx, gy, groupW, 100 * kv),
                              t.surface, t.line, 1.2, QString(), t, fs));
        f.items.push_back(title);
        const bool rebalanced = step && step->group == name && kafka::isRebalance(step->kind);
        qreal cx = gx + 10;
        for (const auto& m : g.members) {
            const QString qc = QString::fromStdString(m.id);
            const QString tone = toneOf(name, m.id);
            const QRectF cr(cx, gy + 34 * kv, consW, 54 * kv);
            const auto it = g.assignment.find(m.id);
            QStringList parts;
            if (it != g.assignment.end()) {
                for (const auto& tp : it->second) {
                    parts << QString::number(tp.partition);
                }
            }
            f.items.push_back(box(
                QStringLiteral("cons:%1:%2").arg(qg, qc), cr, t.toneFill(tone),
                rebalanced ? t.accent : t.toneStroke(tone), rebalanced ? 3 : 2,
                QStringLiteral("%1\n%2").arg(
                    nameShown(m.id),
                    parts.isEmpty() ? QStringLiteral("no partition")
                    : parts.size() == 1
                        ? QStringLiteral("partition %1").arg(parts.front())
                        : QStringLiteral("partitions %1").arg(parts.join(QStringLiteral(", ")))),
                t, fs * 0.8, 3));
            cx += consW + 10;
        }
        gx += groupW + 20;
    }
    // Every group of the run has its place, so the drawing keeps its size as groups come.
    const qreal groupsW = 40 + static_cast<qreal>(groups.size()) * (groupWidth(members) + 20);
    // The brokers beside the groups, in as many columns as the logs' width leaves them (at
    // least one), row under row.
    const qreal columnsEnd = colX + static_cast<qreal>(groups.size()) * (tagW + 10 * k);
    const qreal bx = std::max(gx, groupsW);
    const qreal brokerW = 120 * k, brokerStep = 130 * k;
    const std::size_t brokerCount = s.brokerAlive.size();
    const auto perRow = std::clamp<std::size_t>(
        static_cast<std::size_t>(std::max<qreal>(0, columnsEnd - bx + 10 * k) / brokerStep), 1,
        std::max<std::size_t>(brokerCount, 1));
    for (std::size_t b = 0; b < brokerCount; ++b) {
        const bool alive = s.brokerAlive[b];
        const bool lit = step && step->kind == kafka::StepKind::kFailBroker &&
                         step->broker == static_cast<int>(b);
        const QRectF r(bx + static_cast<qreal>(b % perRow) * brokerStep,
                       gy + static_cast<qreal>(b / perRow) * 50 * kv, brokerW, 40 * kv);
        f.items.push_back(
            box(QStringLiteral("broker:%1").arg(b), r,
                alive ? t.toneFill(QStringLiteral("accent")) : t.toneFill(QStringLiteral("bad")),
                lit ? t.bad : (alive ? t.accent : t.bad), lit ? 3 : 1.5,
                alive ? QStringLiteral("Broker B%1").arg(b)
                      : QStringLiteral("\u2718 B%1 failed").arg(b),
                t, fs * 0.85));
    }
    const std::size_t brokerRows = (brokerCount + perRow - 1) / perRow;
    const qreal brokersEnd = bx + static_cast<qreal>(std::min(perRow, brokerCount)) * brokerStep;
    f.size = QSizeF(std::max({columnsEnd + 10 * k, brokersEnd, gx, groupsW}),
                    gy + std::max(100 * kv, static_cast<qreal>(brokerRows) * 50 * kv - 10 * kv));
    return f;
}

} // namespace fg
