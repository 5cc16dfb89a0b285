#include "widgets/simulators/quorum_view.h"

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
    // Named steps: each node's lines, the ring fitted (its type size, radius and label boxes),
    // the whole centred, then each node placed with its number and its lines.
    void layout(std::vector<Node>& nodes, std::vector<DrawnText>& texts, QPointF& centre,
                double& radius) const {
        const std::vector<QStringList> lines = nodeLines();
        const RingFit fit = fitRing(lines);
        radius = fit.radius;
        centre = QPointF(width() / 2.0, height() / 2.0) - wholeExtent(fit).center();
        // The replica's number as large as its circle holds (it was the labels' 11 px in a
        // circle of 60).
        QFont numberFont = fit.font;
        numberFont.setBold(true);
        numberFont.setPixelSize(std::max(QFontInfo(fit.font).pixelSize(), int(fit.node * 0.9)));
        for (int i = 0; i < fit.geo.n; ++i) {
            nodes.push_back(placeNode(i, fit, centre));
            const QPointF c = nodes.back().centre;
            texts.push_back({QString::number(i),
                             QRectF(c.x() - fit.node, c.y() - fit.node, 2 * fit.node, 2 * fit.node),
                             numberFont});
            addLabelLines(texts, i, lines[std::size_t(i)], fit, centre);
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
    // The ring's measures at one type size, and where things go on a ring of radius r about the
    // origin.
    struct RingGeometry {
        int n = 0;
        double gap = 0;    // the read ring and its pen, and air
        double lineH = 0;  // a label's line
        double labelW = 0; // a label box: as wide as the widest label that can appear
        const std::vector<QStringList>* lines = nullptr;

        double angle(int i) const { return -std::numbers::pi / 2 + 2 * std::numbers::pi * i / n; }
        // Circles apart from each other: a node's radius is under half the chord to the next.
        double nodeFor(double r) const {
            const double half = n > 1 ? r * std::sin(std::numbers::pi / n) - gap : r / 2;
            return std::clamp(half, 0.6 * lineH, 3 * lineH);
        }
        // Node i's labels for a ring of radius r: the box set off from the circle in the node's
        // direction, then moved out until it is clear of the circle.
        QRectF labelBox(int i, double r) const {
            const double a = angle(i), nd = nodeFor(r);
            const QPointF u(std::cos(a), std::sin(a));
            const QPointF c = r * u;
            const double h = lineH * double((*lines)[std::size_t(i)].size());
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
        }
        // All a ring of radius r covers: the dotted ring itself (its bottom was cut), the
        // circles with their read rings, the labels.
        QRectF extent(double r) const {
            QRectF all(-r, -r, 2 * r, 2 * r);
            const double nd = nodeFor(r) + gap;
            for (int i = 0; i < n; ++i) {
                const QPointF c(r * std::cos(angle(i)), r * std::sin(angle(i)));
                all |= QRectF(c.x() - nd, c.y() - nd, 2 * nd, 2 * nd);
                all |= labelBox(i, r);
            }
            return all;
        }
        bool fits(double r, QSizeF room) const {
            const QRectF e = extent(r);
            return e.width() <= room.width() && e.height() <= room.height();
        }
    };

    // The ring as fitted: its type, radius, circles' radius and each node's label box.
    struct RingFit {
        RingGeometry geo;
        QFont font;
        double radius = 0, node = 0;
        std::vector<QRectF> boxes;
    };

    // Each node's lines: its state, then whether the read asked it and whether it took the
    // request.
    std::vector<QStringList> nodeLines() const {
        const auto& res = view_->result();
        const int n = static_cast<int>(res.replicas.size());
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
            if (readAsked(i)) {
                l << tr("read");
            }
            if (i == res.coordinator) { // never a down node: the driver picks one that is up
                l << tr("coordinator");
            }
        }
        return lines;
    }

    bool readAsked(int i) const {
        const auto& v = view_->result().readSet;
        return std::find(v.begin(), v.end(), i) != v.end();
    }

    // The largest radius (at least 20) whose whole fits `room`, to half a pixel.
    static double largestRadius(const RingGeometry& geo, QSizeF room) {
        double lo = 20, hi = std::max(20.0, std::min(room.width(), room.height()));
        if (geo.fits(hi, room)) {
            lo = hi;
        }
        for (int k = 0; k < 30 && hi - lo > 0.5; ++k) {
            const double mid = (lo + hi) / 2;
            (geo.fits(mid, room) ? lo : hi) = mid;
        }
        return lo;
    }

    // Clear of each other: no label on another node's circle or another label.
    static bool labelsApart(const RingFit& fit) {
        const RingGeometry& geo = fit.geo;
        bool apart = true;
        for (int i = 0; i < geo.n && apart; ++i) {
            for (int j = 0; j < geo.n && apart; ++j) {
                if (i == j) {
                    continue;
                }
                const QPointF c =
                    fit.radius * QPointF(std::cos(geo.angle(j)), std::sin(geo.angle(j)));
                const QRectF& b = fit.boxes[std::size_t(i)];
                const QPointF p(std::clamp(c.x(), b.left(), b.right()),
                                std::clamp(c.y(), b.top(), b.bottom()));
                apart = std::hypot(p.x() - c.x(), p.y() - c.y()) >= fit.node + geo.gap &&
                        !b.intersects(fit.boxes[std::size_t(j)]);
            }
        }
        return apart;
    }

    // The ring as large as the widget lets it be, its labels in the page's type, set smaller in
    // steps of 0.1 (down to 0.7) while the labels of neighbours meet.
    RingFit fitRing(const std::vector<QStringList>& lines) const {
        RingFit fit;
        fit.geo.n = static_cast<int>(view_->result().replicas.size());
        fit.geo.gap = 6 * view_->theme().lineWidth + 4;
        fit.geo.lines = &lines;
        fit.font = this->font();
        fit.boxes.resize(std::size_t(std::max(fit.geo.n, 0)));
        const QSizeF room(width() - 16.0, height() - 8.0);
        const qreal bodyPt = labelPointSize();
        for (double scale = 1.0;; scale -= 0.1) {
            fit.font.setPointSizeF(bodyPt * scale);
            const QFontMetricsF fm(fit.font);
            fit.geo.lineH = fm.height();
            fit.geo.labelW = 0;
            for (const QString& s :
                 {tr("new (v2)"), tr("old (v1)"), tr("down"), tr("read"), tr("coordinator")}) {
                fit.geo.labelW = std::max(fit.geo.labelW, fm.horizontalAdvance(s));
            }
            fit.geo.labelW += 2 * fm.averageCharWidth();
            fit.radius = largestRadius(fit.geo, room);
            fit.node = fit.geo.nodeFor(fit.radius);
            for (int i = 0; i < fit.geo.n; ++i) {
                fit.boxes[std::size_t(i)] = fit.geo.labelBox(i, fit.radius);
            }
            if ((labelsApart(fit) && fit.geo.fits(fit.radius, room)) || scale < 0.75) {
                return fit;
            }
        }
    }

    // All the fitted ring covers, about its centre (the labels above and below differ in
    // height, so the whole is centred on the widget, not the ring).
    static QRectF wholeExtent(const RingFit& fit) {
        const double radius = fit.radius, node = fit.node, gap = fit.geo.gap;
        QRectF e(-radius, -radius, 2 * radius, 2 * radius);
        for (int i = 0; i < fit.geo.n; ++i) {
            const QPointF c =
                radius * QPointF(std::cos(fit.geo.angle(i)), std::sin(fit.geo.angle(i)));
            e |= QRectF(c.x() - node - gap, c.y() - node - gap, 2 * (node + gap), 2 * (node + gap));
            e |= fit.boxes[std::size_t(i)];
        }
        return e;
    }

    // Node i on the fitted ring about `centre`, in its state's tone.
    Node placeNode(int i, const RingFit& fit, QPointF centre) const {
        const Theme& t = view_->theme();
        const double a = fit.geo.angle(i);
        Node nd;
        nd.centre = centre + QPointF(fit.radius * std::cos(a), fit.radius * std::sin(a));
        nd.radius = fit.node;
        switch (view_->result().replicas[std::size_t(i)]) {
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
        nd.read = readAsked(i);
        return nd;
    }

    // Node i's lines in its label box: each line against the side of its box nearest the node (a
    // label box is as wide as the widest label: centred in it, "new (v2)" stood a word away from
    // its node).
    static void addLabelLines(std::vector<DrawnText>& texts, int i, const QStringList& l,
                              const RingFit& fit, QPointF centre) {
        const QFontMetricsF labelMetrics(fit.font);
        const QRectF box = fit.boxes[std::size_t(i)].translated(centre);
        const double ux = std::cos(fit.geo.angle(i));
        const double labelW = fit.geo.labelW, lineH = fit.geo.lineH;
        for (int k = 0; k < l.size(); ++k) {
            const double w = std::min(labelW, labelMetrics.horizontalAdvance(l[k]) +
                                                  labelMetrics.averageCharWidth());
            const double left = ux > 0.35    ? box.left()
                                : ux < -0.35 ? box.right() - w
                                             : box.center().x() - w / 2;
            texts.push_back({l[k], QRectF(left, box.top() + k * lineH, w, lineH), fit.font});
        }
    }

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
             "written over the old one (v1). The coordinator sends the write to every replica that "
             "is up and answers once W have stored it; the others store it a moment later (or "
             "from a hint, once back up). The simulator shows that moment: v2 on the first W "
             "replicas that are up, going round the ring from the coordinator (the node that takes "
             "the request: the "
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

void QuorumView::plotStaleBars(const concepts::QuorumParams& p,
                               const std::vector<std::int64_t>& stale) {
    QCustomPlot* plot = chart();
    QVector<double> xs, ys, cx, cy;
    for (int r = 1; r <= p.n; ++r) {
        (r == p.r ? cx : xs) << r;
        (r == p.r ? cy : ys) << double(stale[std::size_t(r - 1)]);
    }
    auto* others = new QCPBars(plot->xAxis, plot->yAxis);
    // Said as a case apart when a replica is down: the bars count every replica up.
    others->setName((result_.blockedReadSets > 0
                         ? tr("stale read sets if every replica were up (W = %1)")
                         : tr("stale read sets (W = %1)"))
                        .arg(p.w));
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
}

void QuorumView::plotStaleAxes(const concepts::QuorumParams& p,
                               const std::vector<std::int64_t>& stale) {
    QCustomPlot* plot = chart();
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
}

// Named steps: run the simulation, show the check boxes of the N replicas, say what happened
// (the request, the read sets, the quorum rule), redraw the ring, and chart the stale read sets
// for every R, all replicas up.
void QuorumView::refresh() {
    const auto p = params();
    result_ = concepts::simulateQuorum(p);
    for (std::size_t i = 0; i < down_.size(); ++i) {
        down_[i]->setVisible(int(i) < p.n);
    }
    const bool stored = result_.coordinator >= 0 && result_.writeAvailable;
    setSummary(requestText(p) + readSetsText(p, stored) + quorumRuleText(p, stored));
    ring_->fitToFont();
    ring_->update();

    QCustomPlot* plot = chart();
    plot->clearPlottables();
    plot->clearItems();
    const auto stale = concepts::staleReadSetsByR(p.n, p.w);
    plotStaleBars(p, stale);
    plotStaleAxes(p, stale);
    plot->replot();
}

} // namespace fg
