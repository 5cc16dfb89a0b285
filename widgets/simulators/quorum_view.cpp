#include "widgets/simulators/quorum_view.h"

#include "widgets/canvas/counted.h"

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
        setAccessibleName(tr("Ring of replicas"));
    }

protected:
    void paintEvent(QPaintEvent*) override {
        const Theme& t = view_->theme();
        const auto& res = view_->result();
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.fillRect(rect(), t.background);
        const int n = static_cast<int>(res.replicas.size());
        if (n == 0) {
            return;
        }
        QFont font = p.font();
        font.setPointSizeF(9 * t.fontScale);
        p.setFont(font);
        const QFontMetricsF fm(font);
        const double lineH = fm.height();
        const QPointF centre(width() / 2.0, height() / 2.0);
        const double radius =
            std::max(20.0, std::min(width() / 2.0 - 90, height() / 2.0 - 3.2 * lineH - 20));
        const double node = std::clamp(
            radius * (n > 1 ? 0.8 * std::sin(std::numbers::pi / n) : 0.5), 12.0, 3 * lineH);
        p.setPen(QPen(t.line, t.lineWidth, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(centre, radius, radius);
        const auto contains = [](const std::vector<int>& v, int i) {
            return std::find(v.begin(), v.end(), i) != v.end();
        };
        for (int i = 0; i < n; ++i) {
            const double a = -std::numbers::pi / 2 + 2 * std::numbers::pi * i / n;
            const QPointF c = centre + QPointF(radius * std::cos(a), radius * std::sin(a));
            QColor fill;
            QString state;
            switch (res.replicas[std::size_t(i)]) {
            case ReplicaState::Fresh:
                fill = t.toneFill("good");
                state = tr("new (v2)");
                break;
            case ReplicaState::Stale:
                fill = t.toneFill("warn");
                state = tr("old (v1)");
                break;
            case ReplicaState::Failed:
                fill = t.toneFill("muted");
                state = tr("down");
                break;
            }
            const bool read = contains(res.readSet, i);
            p.setBrush(fill);
            p.setPen(QPen(t.line, t.lineWidth,
                          res.replicas[std::size_t(i)] == ReplicaState::Failed ? Qt::DashLine
                                                                               : Qt::SolidLine));
            p.drawEllipse(c, node, node);
            if (read) {
                p.setBrush(Qt::NoBrush);
                p.setPen(QPen(t.accent, 2.5 * t.lineWidth));
                p.drawEllipse(c, node + 4 * t.lineWidth, node + 4 * t.lineWidth);
            }
            p.setPen(t.text);
            p.drawText(QRectF(c.x() - node, c.y() - node, 2 * node, 2 * node), Qt::AlignCenter,
                       QString::number(i));
            // State and role under the circle (outside the ring for the lower half).
            QStringList lines{state};
            if (read) {
                lines << tr("read");
            }
            if (i == 0) {
                lines << tr("coordinator");
            }
            const double top = c.y() + node + 4 * t.lineWidth + 2;
            for (int k = 0; k < lines.size(); ++k) {
                p.drawText(QRectF(c.x() - 80, top + k * lineH, 160, lineH), Qt::AlignCenter,
                           lines[k]);
            }
        }
    }

private:
    const QuorumView* view_;
};

QuorumView::QuorumView(QWidget* parent)
    : SimulatorView(
          tr("Tunable consistency. A replica is one copy of the data on one node. A quorum is how "
             "many replicas must answer: a write counts as done once W replicas have stored it, "
             "and a read asks R replicas and keeps the newest answer. Here a new version (v2) is "
             "written over the old one (v1); the write reaches the first W replicas that are up, "
             "going round the ring from the coordinator (the node that takes the request), and "
             "the read asks R replicas that are up, picked at random. A read is stale when it "
             "returns the old version."),
          parent) {
    auto* row = addRow();
    n_ = new QSpinBox(this);
    n_->setRange(1, 9);
    n_->setValue(3);
    r_ = new QSpinBox(this);
    r_->setRange(1, 3);
    r_->setValue(2);
    w_ = new QSpinBox(this);
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

    auto* plot = chart();
    plot->setAccessibleName(tr("Chart of stale read sets for each read quorum R"));
    plot->xAxis->setLabel(tr("read quorum R (replicas a read asks)"));
    plot->yAxis->setLabel(tr("read sets that miss the write"));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

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
    if (!result_.writeAvailable) {
        text += tr("The write is refused (unavailable): only %1 of %2 up, and W = "
                   "%3 must store it. ")
                    .arg(result_.alive)
                    .arg(counted(p.n, tr("replica is"), tr("replicas are")))
                    .arg(p.w);
    } else {
        text += tr("The write stored v2 on replicas %1. ").arg(list(result_.writeSet));
    }
    if (!result_.readAvailable) {
        text += tr("The read is refused (unavailable): only %1 up, and R = %2 must "
                   "answer. ")
                    .arg(counted(result_.alive, tr("replica is"), tr("replicas are")))
                    .arg(p.r);
    } else {
        text +=
            tr("The read asked replicas %1; in common with the write: %2, so it returned %3. ")
                .arg(list(result_.readSet), list(result_.overlap),
                     result_.readStale || !result_.writeAvailable ? tr("the old version (stale)")
                                                                  : tr("the new version"));
    }
    text += tr("Of all %1 possible sets of R = %2 replicas, %3 miss the write (%4 of them with "
               "every replica up, so a read can really get them). ")
                .arg(result_.readSets)
                .arg(p.r)
                .arg(result_.staleReadSets)
                .arg(result_.staleAliveReadSets);
    const std::int64_t disjoint = concepts::disjointQuorumPairs(p.n, p.r, p.w);
    text += p.r + p.w > p.n
                ? tr("R + W = %1 > N = %2: checked over every write set and read set, none miss "
                     "each other.")
                      .arg(p.r + p.w)
                      .arg(p.n)
                : tr("R + W = %1 <= N = %2: %3 pairs of a write set and a read set share no "
                     "replica.")
                      .arg(p.r + p.w)
                      .arg(p.n)
                      .arg(disjoint);
    setSummary(text);
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
    others->setBrush(theme().categorical[0]);
    others->setWidth(0.6);
    auto* chosen = new QCPBars(plot->xAxis, plot->yAxis);
    chosen->setName(tr("the R chosen above (hatched)"));
    chosen->setData(cx, cy, true);
    chosen->setPen(QPen(theme().line, theme().lineWidth));
    chosen->setBrush(QBrush(theme().categorical[1], Qt::BDiagPattern));
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
