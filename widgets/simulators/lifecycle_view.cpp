#include "widgets/simulators/lifecycle_view.h"

#include "widgets/controls/range_box.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLocale>
#include <QSpinBox>
#include <qcustomplot.h>

namespace fg {

LifecycleView::LifecycleView(QWidget* parent)
    : SimulatorView(
          tr("Object storage lifecycle. Object storage (S3 and the like) bills every GB kept, per "
             "month (a GB-month). Storage classes trade price for access: Standard for data in "
             "use, Infrequent Access (IA) cheaper to keep but charged per GB read back, Glacier "
             "(archive) cheapest to keep, slow and charged to read. A lifecycle rule moves data "
             "to a cheaper class when it reaches an age, and can delete it. Prices are the "
             "course's (S3, per GB-month); the course gives no retrieval prices, so they start at "
             "0: fill in your provider's. A month is 30 days, billed by the day (deleted after 5 "
             "days, "
             "data pays 5 days); 0 days means never."),
          parent) {
    const auto money = [this](double value) {
        auto* s = new RangeDoubleSpinBox(this);
        s->setDecimals(4);
        s->setRange(0, 10);
        s->setSingleStep(0.001);
        s->setPrefix(QStringLiteral("$"));
        s->setValue(value);
        connect(s, &QDoubleSpinBox::valueChanged, this, [this] { refresh(); });
        return s;
    };
    const auto days = [this](int value) {
        auto* s = new RangeSpinBox(this);
        s->setRange(0, 3650);
        s->setValue(value);
        s->setSuffix(tr(" days"));
        s->setSpecialValueText(tr("never"));
        connect(s, &QSpinBox::valueChanged, this, [this] { refresh(); });
        return s;
    };
    const concepts::LifecycleParams d;
    auto* row = addRow();
    standard_ = money(d.standardPrice);
    ia_ = money(d.iaPrice);
    glacier_ = money(d.glacierPrice);
    addLabelled(row, tr("Standard per GB-month:"), standard_);
    addLabelled(row, tr("IA per GB-month:"), ia_);
    addLabelled(row, tr("Glacier per GB-month:"), glacier_);
    row->addStretch(1);
    auto* row2 = addRow();
    daysToIa_ = days(d.daysToIa);
    daysToGlacier_ = days(d.daysToGlacier);
    daysToDelete_ = days(d.daysToDelete);
    addLabelled(row2, tr("To IA after:"), daysToIa_);
    addLabelled(row2, tr("To Glacier after:"), daysToGlacier_);
    addLabelled(row2, tr("Delete after:"), daysToDelete_);
    gbPerMonth_ = new RangeDoubleSpinBox(this);
    gbPerMonth_->setRange(0, 1e9);
    gbPerMonth_->setDecimals(0);
    gbPerMonth_->setSuffix(tr(" GB"));
    gbPerMonth_->setValue(d.gbPerMonth);
    connect(gbPerMonth_, &QDoubleSpinBox::valueChanged, this, [this] { refresh(); });
    addLabelled(row2, tr("Added each month:"), gbPerMonth_);
    row2->addStretch(1);
    auto* row3 = addRow();
    iaRetrieval_ = money(d.iaRetrievalPrice);
    glacierRetrieval_ = money(d.glacierRetrievalPrice);
    addLabelled(row3, tr("IA retrieval per GB:"), iaRetrieval_);
    addLabelled(row3, tr("Glacier retrieval per GB:"), glacierRetrieval_);
    retrievedPercent_ = new RangeSpinBox(this);
    retrievedPercent_->setRange(0, 100);
    retrievedPercent_->setSuffix(tr(" %"));
    connect(retrievedPercent_, &QSpinBox::valueChanged, this, [this] { refresh(); });
    addLabelled(row3, tr("Old data read back each month:"), retrievedPercent_);
    row3->addStretch(1);

    auto* plot = chart();
    plot->setAccessibleName(tr("Chart of the monthly bill with and without the lifecycle rule"));
    plot->xAxis->setLabel(tr("month"));
    plot->yAxis->setLabel(tr("bill for the month ($)"));
    refresh();
}

concepts::LifecycleParams LifecycleView::params() const {
    concepts::LifecycleParams p;
    p.standardPrice = standard_->value();
    p.iaPrice = ia_->value();
    p.glacierPrice = glacier_->value();
    p.iaRetrievalPrice = iaRetrieval_->value();
    p.glacierRetrievalPrice = glacierRetrieval_->value();
    p.retrievedShare = retrievedPercent_->value() / 100.0;
    p.daysToIa = daysToIa_->value();
    p.daysToGlacier = daysToGlacier_->value();
    p.daysToDelete = daysToDelete_->value();
    p.gbPerMonth = gbPerMonth_->value();
    return p;
}

void LifecycleView::setParams(const concepts::LifecycleParams& p) {
    {
        const QSignalBlocker b1(standard_), b2(ia_), b3(glacier_), b4(iaRetrieval_),
            b5(glacierRetrieval_), b6(retrievedPercent_), b7(daysToIa_), b8(daysToGlacier_),
            b9(daysToDelete_), b10(gbPerMonth_);
        standard_->setValue(p.standardPrice);
        ia_->setValue(p.iaPrice);
        glacier_->setValue(p.glacierPrice);
        iaRetrieval_->setValue(p.iaRetrievalPrice);
        glacierRetrieval_->setValue(p.glacierRetrievalPrice);
        retrievedPercent_->setValue(int(std::lround(p.retrievedShare * 100)));
        daysToIa_->setValue(p.daysToIa);
        daysToGlacier_->setValue(p.daysToGlacier);
        daysToDelete_->setValue(p.daysToDelete);
        gbPerMonth_->setValue(p.gbPerMonth);
    }
    refresh();
}

void LifecycleView::refresh() {
    const auto p = params();
    run_ = concepts::simulateLifecycle(p);
    const QLocale loc;
    const auto dollars = [&](double v) { return QStringLiteral("$") + loc.toString(v, 'f', 2); };
    // A rule S3 would refuse (a tester's IA after 200 days, Glacier after 30, delete after 10
    // passed without a word): transitions go Standard -> IA -> Glacier in rising days, and a
    // delete comes after every transition that is set.
    const auto set = [](int d) { return d > 0; };
    const bool glacierBeforeIa =
        set(p.daysToIa) && set(p.daysToGlacier) && p.daysToGlacier <= p.daysToIa;
    const bool deleteTooSoon =
        set(p.daysToDelete) && ((set(p.daysToIa) && p.daysToDelete <= p.daysToIa) ||
                                (set(p.daysToGlacier) && p.daysToDelete <= p.daysToGlacier));
    const QString order =
        glacierBeforeIa || deleteTooSoon
            ? tr("This rule is out of order: S3 refuses a rule whose %1, so a real bucket "
                 "would not take it. ")
                  .arg(glacierBeforeIa && deleteTooSoon
                           ? tr("Glacier move comes before its IA move and whose delete comes "
                                "before a move")
                       : glacierBeforeIa ? tr("Glacier move comes before its IA move")
                                         : tr("delete comes before a move"))
            : QString();
    if (!run_.months.empty()) {
        const auto& last = run_.months.back();
        const double saved = run_.totalWithoutRule - run_.totalWithRule;
        setSummary(order +
                   tr("Over %1 months: %2 with the rule, %3 without it (%4 %5). In the last month "
                      "the rule keeps %6 GB in Standard, %7 GB in IA and %8 GB in Glacier, for %9 "
                      "against %10.")
                       .arg(p.months)
                       .arg(dollars(run_.totalWithRule), dollars(run_.totalWithoutRule),
                            dollars(std::abs(saved)), saved >= 0 ? tr("saved") : tr("more"),
                            loc.toString(last.standardGb, 'f', 0), loc.toString(last.iaGb, 'f', 0),
                            loc.toString(last.glacierGb, 'f', 0), dollars(last.costWithRule),
                            dollars(last.costWithoutRule)));
    }
    QCustomPlot* plot = chart();
    plot->clearGraphs();
    QVector<double> x, with, without;
    double top = 1;
    for (std::size_t i = 0; i < run_.months.size(); ++i) {
        x << double(i + 1);
        with << run_.months[i].costWithRule;
        without << run_.months[i].costWithoutRule;
        top = std::max({top, with.back(), without.back()});
    }
    const auto add = [&](const QVector<double>& ys, const QString& name, int tone,
                         Qt::PenStyle style, QCPScatterStyle::ScatterShape shape) {
        QCPGraph* g = plot->addGraph();
        g->setData(x, ys, true);
        g->setPen(QPen(theme().series[std::size_t(tone)], 2 * theme().lineWidth, style));
        g->setScatterStyle(QCPScatterStyle(shape, 6 * theme().fontScale));
        g->setName(name);
    };
    add(without, tr("without the rule (all in Standard)"), 1, Qt::DashLine,
        QCPScatterStyle::ssSquare);
    add(with, tr("with the lifecycle rule"), 0, Qt::SolidLine, QCPScatterStyle::ssCircle);
    plot->xAxis->setRange(0.5, double(p.months) + 0.5);
    plot->yAxis->setRange(0, top * 1.1);
    plot->replot();
}

} // namespace fg
