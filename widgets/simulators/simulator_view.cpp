#include "widgets/simulators/simulator_view.h"

#include "widgets/canvas/chart_style.h"
#include "widgets/simulators/simulators.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace fg {

SimulatorView::SimulatorView(const QString& intro, QWidget* parent) : QWidget(parent) {
    auto* page = new QVBoxLayout(this);
    page->setContentsMargins(0, 0, 0, 0);
    scroll_ = new QScrollArea(this);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setWidgetResizable(true);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    page->addWidget(scroll_);
    content_ = new QWidget(scroll_);
    column_ = new QVBoxLayout(content_);
    auto* introLabel = new QLabel(intro, this);
    introLabel->setWordWrap(true);
    introLabel->setAccessibleName(tr("What this simulator shows"));
    column_->addWidget(introLabel);
    body_ = new QVBoxLayout;
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    summary_->setAccessibleName(tr("Summary"));
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    chart_ = new QCustomPlot(this);
    chart_->setMinimumHeight(180);
    chart_->legend->setVisible(true);
    // The legend in a row of its own above the chart (two entries a line): it never covers the
    // data, whatever the numbers (inside the chart it hid the tallest bars).
    chart_->plotLayout()->insertRow(0);
    chart_->plotLayout()->addElement(0, 0, chart_->legend);
    chart_->plotLayout()->setRowStretchFactor(0, 0.001);
    chart_->legend->setFillOrder(QCPLegend::foColumnsFirst);
    chart_->legend->setWrap(2);
    rangeNote_ = new RangeNoteLabel(this);
    column_->addWidget(rangeNote_);
    column_->addLayout(body_, 1);
    column_->addWidget(summary_);
    column_->addWidget(chart_, 1);
    scroll_->setWidget(content_);
    styleChart(chart_, theme_);
}

QSize SimulatorView::minimumSizeHint() const {
    const int least =
        content_->minimumSizeHint().width() + scroll_->verticalScrollBar()->sizeHint().width();
    return {least, QWidget::minimumSizeHint().height()};
}

void SimulatorView::setTheme(const Theme& theme) {
    theme_ = theme;
    styleChart(chart_, theme_);
    refresh();
}

QString SimulatorView::pageTitle() const {
    const QString id = QLatin1String(simulatorId());
    for (const auto& sim : simulators()) {
        if (sim.id == id) {
            return sim.title;
        }
    }
    return id;
}

QString SimulatorView::summaryText() const {
    return summary_->text();
}

FlowLayout* SimulatorView::addRow() {
    auto* row = new FlowLayout;
    // Rows sit above the out-of-range note and the body, in the order they are added.
    column_->insertLayout(column_->indexOf(rangeNote_), row);
    return row;
}

void SimulatorView::addLabelled(FlowLayout* row, const QString& label, QWidget* control) {
    auto* l = new QLabel(label, this);
    l->setBuddy(control);
    control->setAccessibleName(QString(label).remove(QLatin1Char(':')).remove(QLatin1Char('&')));
    row->addWidget(l);
    row->addWidget(control);
}

void SimulatorView::sayOutOfRange(const QString& text) {
    rangeNote_->say(text);
}

QLabel* SimulatorView::rangeNote() const {
    return rangeNote_;
}

void SimulatorView::setBodyStretch(int stretch) {
    column_->setStretchFactor(body_, stretch);
}

void SimulatorView::setSummary(const QString& text) {
    summary_->setText(text);
}

} // namespace fg
