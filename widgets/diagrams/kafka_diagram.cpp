#include "widgets/diagrams/kafka_diagram.h"

#include "engines/kafka/murmur2.h"

#include <map>

namespace fg {

KafkaDiagram::KafkaDiagram(kafka::KafkaParams params, std::vector<kafka::KafkaOp> ops,
                           std::optional<KeepOnly> only)
    : TimelineSource(kafka::KafkaEngine(params), kafka::KafkaEngine(params).initialState(),
                     std::move(ops), only) {}

Frame KafkaDiagram::layoutState(const State& state, const Step* step, const Theme& theme) const {
    Frame f = layout(state, step, timeline().engine().params(), theme);
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

QString brokers(const std::vector<int>& ids) {
    QStringList l;
    for (int b : ids) {
        l << QStringLiteral("B%1").arg(b);
    }
    return l.join(QLatin1Char(','));
}

} // namespace

Frame KafkaDiagram::layout(const kafka::KafkaState& s, const kafka::KafkaStep* step,
                           const kafka::KafkaParams& params, const Theme& t) {
    Frame f;
    const qreal fs = 14 * t.fontScale;
    const qreal k = t.fontScale; // boxes grow with the theme's type
    const qreal rowH = 44 * k, labelW = 230 * k, cellW = 54 * k, maxCells = 12;
    const qreal logX = 40 + labelW + 12, top = 70 * k;
    const QString partitioner = QString::fromStdString(kafka::partitionerName(params.partitioner));
    f.items.push_back(
        box(QStringLiteral("producer"), QRectF(40, 10, 420 * k, 40 * k),
            t.toneFill(QStringLiteral("accent")), t.accent, 1.5,
            QStringLiteral("Producer · keyless records: %1 · keyed: murmur2").arg(partitioner), t,
            fs * 0.9, 3));
    std::map<std::string, QRectF> rowRect;
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
                              QStringLiteral("%1\nleader %2 · ISR %3")
                                  .arg(qtp,
                                       offline ? QStringLiteral("none (offline)")
                                               : QStringLiteral("B%1").arg(p.leader),
                                       brokers(p.isr)),
                              t, fs * 0.8));
        rowRect[tp] = QRectF(40, y, labelW, rowH - 6);
        // The log: the newest records, oldest at the left.
        const std::size_t n = p.log.size();
        const std::size_t first = n > maxCells ? n - static_cast<std::size_t>(maxCells) : 0;
        if (first > 0) {
            FrameItem more;
            more.id = QStringLiteral("more:") + qtp;
            more.kind = FrameItem::Kind::Text;
            more.rect = QRectF(logX - 4, y, 0, rowH - 6);
            more.text = QStringLiteral("\u2026");
            more.textColor = t.mutedText;
            more.fontPx = fs;
            f.items.push_back(more);
        }
        for (std::size_t i = first; i < n; ++i) {
            const auto& r = p.log[i];
            const qreal x = logX + static_cast<qreal>(i - first) * (cellW + 2);
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
                            QStringLiteral("%1\n%2").arg(r.offset).arg(label), t, fs * 0.72);
            cell.origin = QStringLiteral("producer");
            f.items.push_back(cell);
            if (isNew) {
                f.items.push_back(line(QStringLiteral("produce-arrow"), QPointF(250, 50),
                                       QPointF(x + cellW / 2, y), t.accent, 2.5, true));
            }
        }
        y += rowH;
    }
    // Brokers, right of the longest log shown (room for at least 6 records, so they seldom move).
    std::size_t longest = 6;
    for (const auto& p : s.partitions) {
        longest = std::max(longest, std::min(p.log.size(), static_cast<std::size_t>(maxCells)));
    }
    const qreal bx = logX + static_cast<qreal>(longest) * (cellW + 2) + 30;
    for (std::size_t b = 0; b < s.brokerAlive.size(); ++b) {
        const bool alive = s.brokerAlive[b];
        const bool lit = step && step->kind == kafka::StepKind::kFailBroker &&
                         step->broker == static_cast<int>(b);
        f.items.push_back(
            box(QStringLiteral("broker:%1").arg(b),
                QRectF(bx, top + static_cast<qreal>(b) * 50 * k, 120 * k, 40 * k),
                alive ? t.toneFill(QStringLiteral("accent")) : t.toneFill(QStringLiteral("bad")),
                lit ? t.bad : (alive ? t.accent : t.bad), lit ? 3 : 1.5,
                alive ? QStringLiteral("Broker B%1").arg(b)
                      : QStringLiteral("\u2718 B%1 failed").arg(b),
                t, fs * 0.85));
    }
    // Consumer groups below the partitions.
    qreal gy = std::max(y, top + static_cast<qreal>(s.brokerAlive.size()) * 50 * k) + 30 * k;
    qreal gx = 40;
    for (const auto& [name, g] : s.groups) {
        const QString qg = QString::fromStdString(name);
        const qreal groupW =
            std::max<qreal>(200 * k, static_cast<qreal>(g.members.size()) * 130 * k + 20);
        std::int64_t lag = 0;
        for (const auto& p : s.partitions) {
            lag += s.lag(name, p);
        }
        f.items.push_back(box(QStringLiteral("group:") + qg, QRectF(gx, gy, groupW, 100 * k),
                              t.surface, t.line, 1.2, QString(), t, fs));
        FrameItem title;
        title.id = QStringLiteral("group-title:") + qg;
        title.kind = FrameItem::Kind::Text;
        title.rect = QRectF(gx + 8, gy + 4, groupW - 16, 22 * k);
        title.text = QStringLiteral("group %1 · lag %2").arg(qg).arg(lag);
        title.textColor = t.text;
        title.fontPx = fs * 0.85;
        title.bold = true;
        title.align = Qt::AlignLeft | Qt::AlignVCenter;
        title.z = 3;
        f.items.push_back(title);
        const bool rebalanced = step && step->group == name && kafka::isRebalance(step->kind);
        qreal cx = gx + 10;
        for (const auto& m : g.members) {
            const QString qc = QString::fromStdString(m.id);
            const QRectF cr(cx, gy + 34 * k, 120 * k, 54 * k);
            const auto it = g.assignment.find(m.id);
            const std::size_t count = it == g.assignment.end() ? 0 : it->second.size();
            f.items.push_back(box(QStringLiteral("cons:%1:%2").arg(qg, qc), cr, t.background,
                                  rebalanced ? t.accent : t.line, rebalanced ? 2.5 : 1.2,
                                  QStringLiteral("%1\n%2 partition(s)").arg(qc).arg(count), t,
                                  fs * 0.8, 3));
            if (it != g.assignment.end()) {
                for (const auto& tp : it->second) {
                    const auto rr = rowRect.find(tp.name());
                    if (rr == rowRect.end()) {
                        continue;
                    }
                    f.items.push_back(line(
                        QStringLiteral("assign:%1:%2").arg(qg, QString::fromStdString(tp.name())),
                        QPointF(rr->second.left() + 12, rr->second.bottom()),
                        QPointF(cr.center().x(), cr.top()), rebalanced ? t.accent : t.mutedText,
                        rebalanced ? 2 : 1, true));
                }
            }
            cx += 130 * k;
        }
        gx += groupW + 20;
    }
    f.size = QSizeF(std::max<qreal>(bx + 140 * k, gx), gy + 120 * k);
    return f;
}

} // namespace fg
