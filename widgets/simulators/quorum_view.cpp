#include "widgets/simulators/quorum_view.h"

#include "widgets/canvas/counted.h"
#include "widgets/controls/range_box.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>
#include <numbers>
#include <qcustomplot.h>

namespace fg {

using concepts::ReplicaState;

// The ring: one circle per replica, its state written under it, the read set circled.
class QuorumRing : public QWidget {
public:
    QuorumRing(const QuorumView* view, QWidget* parent) : QWidget(parent), view_(view) {
        setMinimumHeight(240);
        fitToFont();
        setAccessibleName(tr("Ring of replicas"));
    }

    struct Node {
        QPointF centre;
        double radius = 0;
        QColor fill;
        bool down = false, read = false;
    };

    // Where everything goes at the present size: the nodes, and every text with its box. Each
    // node's labels stand outside the ring in the node's direction (above the top node, beside
    // a side one, below a lower one), clear of their circle; the ring is as large as the widget
    // lets the whole, labels included, be, and centred on it. Should the labels of neighbours
    // still meet (nine replicas in a short page), their type is set smaller, down to 0.7.
    // (Labels under every node put the top node's "coordinator" across the two below it.)
    void layout(std::vector<Node>& nodes, std::vector<DrawnText>& texts, QPointF& centre,
                double& radius) const {
        const Theme& t = view_->theme();
        const auto& res = view_->result();
        const int n = static_cast<int>(res.replicas.size());
        const auto contains = [](const std::vector<int>& v, int i) {
            return std::find(v.begin(), v.end(), i) != v.end();
        };
        // Each node's lines: its state, then whether the read asked it and whether it took the
        // request.
        std::vector<QStringList> lines(std::size_t(std::max(n, 0)));
        for (int i = 0; i < n; ++i) {
            auto& l = lines[std::size_t(i)];
            switch (res.replicas[std::size_t(i)]) {
            case ReplicaState::Fresh:
                l << tr("new (v2)");
                break;
            case ReplicaState::Stale:
                l << tr("old (v1)");
                break;
            case ReplicaState::Failed:
                l << tr("down");
                break;
            }
            if (contains(res.readSet, i)) {
                l << tr("read");
            }
            if (i == res.coordinator) { // never a down node: the driver picks one that is up
                l << tr("coordinator");
            }
        }
        const auto angle = [n](int i) {
            return -std::numbers::pi / 2 + 2 * std::numbers::pi * i / n;
        };
        const double gap = 6 * t.lineWidth + 4; // the read ring and its pen, and air
        const QSizeF room(width() - 16.0, height() - 8.0);
        QFont font = this->font();
        const qreal bodyPt = labelPointSize();
        std::vector<QRectF> boxes(std::size_t(std::max(n, 0)));
        double lineH = 0, labelW = 0, node = 0;
        for (double scale = 1.0;; scale -= 0.1) {
            font.setPointSizeF(bodyPt * scale);
            const QFontMetricsF fm(font);
            lineH = fm.height();
            // A label box as wide as the widest label that can appear, so none is cut.
            labelW = 0;
            for (const QString& s :
                 {tr("new (v2)"), tr("old (v1)"), tr("down"), tr("read"), tr("coordinator")}) {
                labelW = std::max(labelW, fm.horizontalAdvance(s));
            }
            labelW += 2 * fm.averageCharWidth();
            // Circles apart from each other: a node's radius is under half the chord to the
            // next.
            const auto nodeFor = [&](double r) {
                const double half = n > 1 ? r * std::sin(std::numbers::pi / n) - gap : r / 2;
                return std::clamp(half, 0.6 * lineH, 3 * lineH);
            };
            // Node i's labels for a ring of radius r about the origin: the box set off from the
            // circle in the node's direction, then moved out until it is clear of the circle.
            const auto labelBox = [&](int i, double r) {
                const double a = angle(i), nd = nodeFor(r);
                const QPointF u(std::cos(a), std::sin(a));
                const QPointF c = r * u;
                const double h = lineH * double(lines[std::size_t(i)].size());
                QRectF b(0, 0, labelW, h);
                const auto clear = [&](const QRectF& box) {
                    const QPointF p(std::clamp(c.x(), box.left(), box.right()),
                                    std::clamp(c.y(), box.top(), box.bottom()));
                    return std::hypot(p.x() - c.x(), p.y() - c.y()) >= nd + gap;
                };
                for (double out = nd + gap;; out += 2) {
                    const QPointF anchor = c + out * u;
                    b.moveCenter(anchor + QPointF(u.x() * labelW / 2, u.y() * h / 2));
                    if (clear(b) || out > nd + gap + labelW + h) {
                        return b;
                    }
                }
            };
            const auto extent = [&](double r) {
                QRectF all(-r, -r, 2 * r, 2 * r); // the dotted ring itself (its bottom was cut)
                const double nd = nodeFor(r) + gap;
                for (int i = 0; i < n; ++i) {
                    const QPointF c(r * std::cos(angle(i)), r * std::sin(angle(i)));
                    all |= QRectF(c.x() - nd, c.y() - nd, 2 * nd, 2 * nd);
                    all |= labelBox(i, r);
                }
                return all;
            };
            const auto fits = [&](double r) {
                const QRectF e = extent(r);
                return e.width() <= room.width() && e.height() <= room.height();
            };
            double lo = 20, hi = std::max(20.0, std::min(room.width(), room.height()));
            if (fits(hi)) {
                lo = hi;
            }
            for (int k = 0; k < 30 && hi - lo > 0.5; ++k) {
                const double mid = (lo + hi) / 2;
                (fits(mid) ? lo : hi) = mid;
            }
            radius = lo;
            node = nodeFor(radius);
            // Clear of each other: no label on another node's circle or another label.
            bool apart = true;
            for (int i = 0; i < n; ++i) {
                boxes[std::size_t(i)] = labelBox(i, radius);
            }
            for (int i = 0; i < n && apart; ++i) {
                for (int j = 0; j < n && apart; ++j) {
                    if (i == j) {
                        continue;
                    }
                    const QPointF c = radius * QPointF(std::cos(angle(j)), std::sin(angle(j)));
                    const QRectF& b = boxes[std::size_t(i)];
                    const QPointF p(std::clamp(c.x(), b.left(), b.right()),
                                    std::clamp(c.y(), b.top(), b.bottom()));
                    apart = std::hypot(p.x() - c.x(), p.y() - c.y()) >= node + gap &&
                            !b.intersects(boxes[std::size_t(j)]);
                }
            }
            if ((apart && fits(radius)) || scale < 0.75) {
                break;
            }
        }
        // The whole centred on the widget (the labels above and below differ in height).
        QRectF e(-radius, -radius, 2 * radius, 2 * radius);
        for (int i = 0; i < n; ++i) {
            const QPointF c = radius * QPointF(std::cos(angle(i)), std::sin(angle(i)));
            e |= QRectF(c.x() - node - gap, c.y() - node - gap, 2 * (node + gap), 2 * (node + gap));
            e |= boxes[std::size_t(i)];
        }
        centre = QPointF(width() / 2.0, height() / 2.0) - e.center();
        // The replica's number as large as its circle holds (it was the labels' 11 px in a
        // circle of 60).
        QFont numberFont = font;
        numberFont.setBold(true);
        numberFont.setPixelSize(std::max(QFontInfo(font).pixelSize(), int(node * 0.9)));
        const QFontMetricsF labelMetrics(font);
        for (int i = 0; i < n; ++i) {
            const double a = angle(i);
            Node nd;
            nd.centre = centre + QPointF(radius * std::cos(a), radius * std::sin(a));
            nd.radius = node;
            switch (res.replicas[std::size_t(i)]) {
            case ReplicaState::Fresh:
                nd.fill = t.toneFill("good");
                break;
            case ReplicaState::Stale:
                nd.fill = t.toneFill("warn");
                break;
            case ReplicaState::Failed:
                nd.fill = t.toneFill("muted");
                nd.down = true;
                break;
            }
            nd.read = contains(res.readSet, i);
            const QPointF c = nd.centre;
            texts.push_back({QString::number(i),
                             QRectF(c.x() - node, c.y() - node, 2 * node, 2 * node), numberFont});
            // Each line against the side of its box nearest the node (a label box is as wide as
            // the widest label: centred in it, "new (v2)" stood a word away from its node).
            const QRectF box = boxes[std::size_t(i)].translated(centre);
            const QStringList& l = lines[std::size_t(i)];
            const double ux = std::cos(a);
            for (int k = 0; k < l.size(); ++k) {
                const double w = std::min(labelW, labelMetrics.horizontalAdvance(l[k]) +
                                                      labelMetrics.averageCharWidth());
                const double left = ux > 0.35    ? box.left()
                                    : ux < -0.35 ? box.right() - w
                                                 : box.center().x() - w / 2;
                texts.push_back({l[k], QRectF(left, box.top() + k * lineH, w, lineH), font});
            }
            nodes.push_back(nd);
        }
    }

    // Tall enough for the smallest ring and its labels at the theme's type size.
    // With many replicas, tall enough for circles apart that hold their numbers.
    void fitToFont() {
        const Theme& t = view_->theme();
        QFont font = this->font();
        font.setPointSizeF(labelPointSize());
        const double lineH = QFontMetricsF(font).height();
        const int n = std::max<int>(3, int(view_->result().replicas.size()));
        const double gap = 6 * t.lineWidth + 4;
        // The ring's radius at which neighbours' circles, a number high, just clear each other.
        const double ring = (0.6 * lineH + gap) / std::sin(std::numbers::pi / n);
        const double need = 2 * ring + 2 * (0.6 * lineH + gap) + 6 * lineH + 8;
        setMinimumHeight(std::max({200, qCeil(lineH * 9), qCeil(need)}));
    }

    std::vector<DrawnText> texts() const {
        std::vector<Node> nodes;
        std::vector<DrawnText> out;
        QPointF centre;
        double radius = 0;
        layout(nodes, out, centre, radius);
        return out;
    }

protected:
    void paintEvent(QPaintEvent*) override {
        const Theme& t = view_->theme();
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.fillRect(rect(), t.background);
        std::vector<Node> nodes;
        std::vector<DrawnText> texts;
        QPointF centre;
        double radius = 0;
        layout(nodes, texts, centre, radius);
        if (nodes.empty()) {
            return;
        }
        p.setPen(QPen(t.line, t.lineWidth, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(centre, radius, radius);
        for (const Node& nd : nodes) {
            p.setBrush(nd.fill);
            p.setPen(QPen(t.line, t.lineWidth, nd.down ? Qt::DashLine : Qt::SolidLine));
            p.drawEllipse(nd.centre, nd.radius, nd.radius);
            if (nd.read) {
                p.setBrush(Qt::NoBrush);
                p.setPen(QPen(t.accent, 2.5 * t.lineWidth));
                p.drawEllipse(nd.centre, nd.radius + 4 * t.lineWidth, nd.radius + 4 * t.lineWidth);
            }
        }
        p.setPen(t.text);
        for (const DrawnText& d : texts) {
            p.setFont(d.font);
            p.drawText(d.box, Qt::AlignCenter, d.text);
        }
    }

private:
    // The labels in the page's own type (the theme sets the application's font): they were 9 pt
    // whatever the theme, under the page's 10 or 11.
    qreal labelPointSize() const {
        const qreal pt = font().pointSizeF();
        return pt > 0 ? pt : 9 * view_->theme().fontScale;
    }

    const QuorumView* view_;
};

QuorumView::QuorumView(QWidget* parent)
    : SimulatorView(
          tr("Tunable consistency. A replica is one copy of the data on one node. A quorum is how "
             "many replicas must answer: a write counts as done once W replicas have stored it, "
             "and a read asks R replicas and keeps the newest answer. Here a new version (v2) is "
             "written over the old one (v1); the write reaches the first W replicas that are up, "
             "going round the ring from the coordinator (the node that takes the request: the "
             "client's driver sends it to replica 0, or, when that one is down, to the next "
             "replica round the ring that is up, as Cassandra's drivers skip nodes that are "
             "down), and the read asks R replicas that are up, picked at random. A read is stale "
             "when it returns the old version."),
          parent) {
    auto* row = addRow();
    n_ = new RangeSpinBox(this);
    n_->setRange(1, 9);
    n_->setValue(3);
    r_ = new RangeSpinBox(this);
    r_->setRange(1, 3);
    r_->setValue(2);
    w_ = new RangeSpinBox(this);
    w_->setRange(1, 3);
    w_->setValue(2);
    addLabelled(row, tr("Replicas N:"), n_);
    addLabelled(row, tr("Read quorum R:"), r_);
    addLabelled(row, tr("Write quorum W:"), w_);
    auto* again = new QPushButton(tr("Read again"), this);
    again->setAccessibleName(tr("Read again from other replicas"));
    row->addWidget(again);
    row->addStretch(1);
    auto* downRow = addRow();
    for (int i = 0; i < 9; ++i) {
        auto* box = new QCheckBox(tr("replica %1 down").arg(i), this);
        box->setAccessibleName(tr("Replica %1 is down").arg(i));
        down_.push_back(box);
        downRow->addWidget(box);
        connect(box, &QCheckBox::toggled, this, [this] { refresh(); });
    }
    downRow->addStretch(1);
    ring_ = new QuorumRing(this, this);
    body()->addWidget(ring_, 1);
    // The ring is what the page teaches; the chart sums it up: two thirds of the height to the
    // ring (at 1280x800 in the projector's type it was 120 px across, the chart 300 px high).
    setChartBesideWhenWide();
    setBodyStretch(2);

    auto* plot = chart();
    plot->setAccessibleName(tr("Chart of stale read sets for each read quorum R"));
    plot->xAxis->setLabel(tr("read quorum R (replicas a read asks)"));
    plot->yAxis->setLabel(tr("stale read sets")); // short: it runs up the chart's height

    const auto changed = [this] {
        r_->setMaximum(n_->value());
        w_->setMaximum(n_->value());
        refresh();
    };
    connect(n_, &QSpinBox::valueChanged, this, changed);
    connect(r_, &QSpinBox::valueChanged, this, changed);
    connect(w_, &QSpinBox::valueChanged, this, changed);
    connect(again, &QPushButton::clicked, this, [this] {
        ++seed_;
        refresh();
    });
    refresh();
}

std::vector<DrawnText> QuorumView::ringTexts() const {
    return ring_->texts();
}

concepts::QuorumParams QuorumView::params() const {
    concepts::QuorumParams p;
    p.n = n_->value();
    p.r = r_->value();
    p.w = w_->value();
    for (int i = 0; i < p.n; ++i) {
        p.failed.push_back(down_[std::size_t(i)]->isChecked());
    }
    p.seed = seed_;
    return p;
}

void QuorumView::setParams(int n, int r, int w, std::vector<bool> failed) {
    const QSignalBlocker bn(n_), br(r_), bw(w_);
    n_->setValue(n);
    r_->setMaximum(n_->value());
    w_->setMaximum(n_->value());
    r_->setValue(r);
    w_->setValue(w);
    for (std::size_t i = 0; i < down_.size(); ++i) {
        const QSignalBlocker b(down_[i]);
        down_[i]->setChecked(i < failed.size() && failed[i]);
    }
    refresh();
}

void QuorumView::refresh() {
    const auto p = params();
    result_ = concepts::simulateQuorum(p);
    for (std::size_t i = 0; i < down_.size(); ++i) {
        down_[i]->setVisible(int(i) < p.n);
    }
    const auto list = [](const std::vector<int>& v) {
        QStringList s;
        for (int i : v) {
            s << QString::number(i);
        }
        return s.isEmpty() ? tr("none") : s.join(QStringLiteral(", "));
    };
    QString text;
    // Who takes the request: a down node cannot.
    if (result_.coordinator < 0) {
        text += tr("Every replica is down, so no node can take the request: the client's driver "
                   "finds none up and the write and the read both fail. ");
    } else if (result_.coordinator != p.coordinator) {
        text += tr("Replica %1 is down and cannot take the request: the client's driver sends "
                   "it to replica %2, the next one up, which coordinates. ")
                    .arg(p.coordinator)
                    .arg(result_.coordinator);
    } else {
        text += tr("Replica %1 coordinates (takes the request). ").arg(result_.coordinator);
    }
    if (result_.coordinator >= 0) { // with no coordinator neither the write nor the read ran
        if (!result_.writeAvailable) {
            text += tr("The write is refused (unavailable): only %1 of %2 up, and W = "
                       "%3 must store it. ")
                        .arg(result_.alive)
                        .arg(counted(p.n, tr("replica is"), tr("replicas are")))
                        .arg(p.w);
        } else {
            text += (result_.writeSet.size() == 1 ? tr("The write stored v2 on replica %1. ")
                                                  : tr("The write stored v2 on replicas %1. "))
                        .arg(list(result_.writeSet));
        }
        if (!result_.readAvailable) {
            text += tr("The read is refused (unavailable): only %1 up, and R = %2 must "
                       "answer. ")
                        .arg(counted(result_.alive, tr("replica is"), tr("replicas are")))
                        .arg(p.r);
        } else {
            text += tr("The read asked replicas %1; in common with the write: %2, so it "
                       "returned %3. ")
                        .arg(list(result_.readSet), list(result_.overlap),
                             result_.readStale || !result_.writeAvailable
                                 ? tr("the old version (stale)")
                                 : tr("the new version"));
        }
    }
    // "Of all 1 possible sets" read oddly: with R = N the only read set is every replica. With
    // no write stored, every set misses it: said so, not "3 miss the write" beside "R + W > N:
    // none miss each other" (a tester read that as a contradiction).
    const bool stored = result_.coordinator >= 0 && result_.writeAvailable;
    if (!stored) {
        // With no read running (every replica down, or too few for R), "every read returns v1"
        // contradicted "the read fails" (a tester).
        const bool reads = result_.coordinator >= 0 && result_.readAvailable;
        text += (reads ? tr("No replica stored v2, so every read returns v1, whatever R. ")
                       : tr("No replica stored v2, and no read can run now. ")) +
                tr("With every replica up, %1 of the %2 possible sets of R = %3 replicas would "
                   "miss a write of W = %4. ")
                    .arg(concepts::staleReadSetsByR(p.n, p.w)[std::size_t(p.r - 1)])
                    .arg(result_.readSets)
                    .arg(p.r)
                    .arg(p.w);
    } else if (result_.readSets == 1) {
        text += tr("With R = %1 = N the only read set is every replica: it %2. ")
                    .arg(p.r)
                    .arg(result_.staleReadSets == 0 ? tr("never misses the write")
                                                    : tr("misses the write"));
    } else if (result_.staleReadSets == 0) {
        text += tr("None of the %1 possible sets of R = %2 replicas misses the write. ")
                    .arg(result_.readSets)
                    .arg(p.r);
    } else {
        text += tr("Of the %1 possible sets of R = %2 replicas, %3 the write (%4 with every "
                   "replica up, so a read can really get them). ")
                    .arg(result_.readSets)
                    .arg(p.r)
                    .arg(result_.staleReadSets == 1 ? tr("1 misses")
                                                    : tr("%1 miss").arg(result_.staleReadSets))
                    .arg(result_.staleAliveReadSets);
    }
    const std::int64_t disjoint = concepts::disjointQuorumPairs(p.n, p.r, p.w);
    text += (stored ? QString() : tr("In general: ")) +
            (p.r + p.w > p.n
                 ? tr("R + W = %1 > N = %2: checked over every write set and read set, none miss "
                      "each other.")
                       .arg(p.r + p.w)
                       .arg(p.n)
                 : tr("R + W = %1 <= N = %2: %3 pairs of a write set and a read set share no "
                      "replica.")
                       .arg(p.r + p.w)
                       .arg(p.n)
                       .arg(disjoint));
    setSummary(text);
    ring_->fitToFont();
    ring_->update();

    // Stale read sets for every R, all replicas up.
    QCustomPlot* plot = chart();
    plot->clearPlottables();
    plot->clearItems();
    const auto stale = concepts::staleReadSetsByR(p.n, p.w);
    QVector<double> xs, ys, cx, cy;
    for (int r = 1; r <= p.n; ++r) {
        (r == p.r ? cx : xs) << r;
        (r == p.r ? cy : ys) << double(stale[std::size_t(r - 1)]);
    }
    auto* others = new QCPBars(plot->xAxis, plot->yAxis);
    others->setName(tr("stale read sets (every replica up, W = %1)").arg(p.w));
    others->setData(xs, ys, true);
    others->setPen(QPen(theme().line, theme().lineWidth));
    others->setBrush(theme().series[0]);
    others->setWidth(0.6);
    auto* chosen = new QCPBars(plot->xAxis, plot->yAxis);
    // A zero bar draws nothing: the legend then says so instead of promising a hatched bar.
    chosen->setName(cy.value(0) > 0
                        ? tr("the R chosen above (hatched)")
                        : tr("the R chosen above (R = %1): no stale read set").arg(p.r));
    chosen->setData(cx, cy, true);
    chosen->setPen(QPen(theme().line, theme().lineWidth));
    chosen->setBrush(QBrush(theme().series[1], Qt::BDiagPattern));
    chosen->setWidth(0.6);
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1);
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setRange(0.4, p.n + 0.6);
    double top = 1;
    for (auto v : stale) {
        top = std::max(top, double(v));
    }
    QSharedPointer<QCPAxisTickerFixed> whole(new QCPAxisTickerFixed);
    whole->setTickStep(1);
    whole->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot->yAxis->setTicker(whole);
    plot->yAxis->setRange(0, top * 1.25);
    // The count over every bar, so a zero is visible too.
    for (int r = 1; r <= p.n; ++r) {
        auto* label = new QCPItemText(plot);
        label->position->setCoords(r, double(stale[std::size_t(r - 1)]));
        label->setPositionAlignment(Qt::AlignBottom | Qt::AlignHCenter);
        label->setText(QString::number(stale[std::size_t(r - 1)]));
        label->setColor(theme().text);
        QFont f = label->font();
        f.setPointSizeF(9 * theme().fontScale);
        label->setFont(f);
    }
    plot->replot();
}

} // namespace fg
