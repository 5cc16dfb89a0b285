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
             "use, Infrequent Access (IA, S3 Standard-IA) cheaper to keep but charged per GB read "
             "back, Glacier (archive) cheapest to keep and charged to read: at the course's "
             "$0.004 a GB-month it is S3 Glacier Instant Retrieval (read in milliseconds); "
             "Glacier Flexible Retrieval costs about $0.0036 and takes minutes to hours. A "
             "lifecycle rule moves data to a cheaper class when it reaches an "
             "age, and can delete it. Prices are the course's (S3, per GB-month); the course "
             "gives no retrieval prices, so they start at 0: fill in your provider's. A month is "
             "30 days, billed by the day (deleted after 5 days in Standard, data pays 5 days); 0 "
             "days means never. The rule follows S3's (Amazon S3 User Guide, lifecycle transition "
             "constraints): data moves to IA no sooner than 30 days after it is written, on to "
             "Glacier no sooner than 30 days after that, and is deleted after its last move; "
             "data deleted sooner than 30 days after it entered IA, or 90 days after Glacier, "
             "pays for those days all the same (the class's minimum storage duration)."),
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
    // Up to 10 years, and the days S3 asks for after a move at 10 years (Glacier 30 days after
    // IA, the delete a day after Glacier): a day the rule moves is a day its box can show.
    const auto days = [this](int value, int most) {
        auto* s = new RangeSpinBox(this);
        s->setRange(0, most);
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
    daysToIa_ = days(d.daysToIa, 3650);
    daysToGlacier_ = days(d.daysToGlacier, 3650 + concepts::kDaysInIaBeforeGlacier);
    daysToDelete_ = days(d.daysToDelete, 3650 + concepts::kDaysInIaBeforeGlacier + 1);
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

QString LifecycleView::fixText(const concepts::LifecycleFix& f, int daysToIa) {
    using Rule = concepts::LifecycleFix::Rule;
    const QLocale loc;
    switch (f.rule) {
    case Rule::IaTooSoon:
        return tr("IA after %1 days is too soon: S3 moves data to Standard-IA only after %2 days "
                  "in Standard, so the rule uses %3 days (0 days: no move to IA).")
            .arg(loc.toString(f.asked), loc.toString(concepts::kDaysBeforeIa),
                 loc.toString(f.used));
    case Rule::GlacierTooSoonAfterIa:
        return (f.asked <= daysToIa
                    ? tr("Glacier after %1 days is out of order, at or before the move to IA: S3 "
                         "moves data from Standard-IA to Glacier only after %2 days in "
                         "Standard-IA, so the rule uses %3 days (0 days: no move to Glacier).")
                    : tr("Glacier after %1 days is too soon: S3 moves data from Standard-IA to "
                         "Glacier only after %2 days in Standard-IA, so the rule uses %3 days (0 "
                         "days: no move to Glacier)."))
            .arg(loc.toString(f.asked), loc.toString(concepts::kDaysInIaBeforeGlacier),
                 loc.toString(f.used));
    case Rule::DeleteNotAfterMoves:
        return tr("Delete after %1 days is out of order, on or before a move: S3 refuses a rule "
                  "that deletes data before its last move has been made, so the rule uses %2 "
                  "days (0 days: never deleted).")
            .arg(loc.toString(f.asked), loc.toString(f.used));
    }
    return {};
}

void LifecycleView::refresh() {
    const auto asked = params();
    run_ = concepts::simulateLifecycle(asked);
    const auto& p = run_.rule.params;
    const QLocale loc;
    const auto dollars = [&](double v) { return QStringLiteral("$") + loc.toString(v, 'f', 2); };
    // A rule S3 would refuse is not simulated as it was set (a tester's IA after 5 days was
    // taken; another's IA after 200 days, Glacier after 30 and delete after 10 passed without a
    // word): each day S3 would refuse is brought to the nearest it takes, on screen too, and
    // the summary says which rule of S3's moved it.
    QString fixes;
    if (!run_.rule.fixes.empty()) {
        QStringList said;
        for (const auto& f : run_.rule.fixes) {
            said << fixText(f, p.daysToIa);
        }
        fixes = tr("S3 would refuse this rule as it was set (Amazon S3 User Guide, lifecycle "
                   "transition constraints). %1 ")
                    .arg(said.join(QLatin1Char(' ')));
        const QSignalBlocker b1(daysToIa_), b2(daysToGlacier_), b3(daysToDelete_);
        daysToIa_->setValue(p.daysToIa);
        daysToGlacier_->setValue(p.daysToGlacier);
        daysToDelete_->setValue(p.daysToDelete);
    }
    // Deleted before the minimum storage duration of the class it was in: charged all the same.
    QString minimum;
    if (run_.totalMinimumCharges > 0) {
        minimum =
            QLatin1Char(' ') +
            tr("Of that, %1 pays for days the data was not kept: deleted %2 days after it "
               "entered %3, it is charged %4 days there, the class's minimum storage "
               "duration.")
                .arg(dollars(run_.totalMinimumCharges), loc.toString(run_.daysKeptBeforeDelete),
                     p.daysToGlacier > 0 ? tr("Glacier") : tr("IA"),
                     loc.toString(run_.minimumDays));
    }
    if (!run_.months.empty()) {
        const auto& last = run_.months.back();
        const double saved = run_.totalWithoutRule - run_.totalWithRule;
        setSummary(fixes +
                   tr("Over %1 months: %2 with the rule, %3 without it (%4 %5). In the last month "
                      "the rule keeps %6 GB in Standard, %7 GB in IA and %8 GB in Glacier, for %9 "
                      "against %10.")
                       .arg(p.months)
                       .arg(dollars(run_.totalWithRule), dollars(run_.totalWithoutRule),
                            dollars(std::abs(saved)), saved >= 0 ? tr("saved") : tr("more"),
                            loc.toString(last.standardGb, 'f', 0), loc.toString(last.iaGb, 'f', 0),
                            loc.toString(last.glacierGb, 'f', 0), dollars(last.costWithRule),
                            dollars(last.costWithoutRule)) +
                   minimum);
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
