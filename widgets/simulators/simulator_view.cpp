#include "widgets/simulators/simulator_view.h"

#include "widgets/canvas/chart_style.h"
#include "widgets/controls/announced_text.h"
#include "widgets/controls/shown_text.h"
#include "widgets/simulators/simulators.h"

#include <QBoxLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <algorithm>
#include <qcustomplot.h>

namespace fg {

SimulatorView::SimulatorView(const QString& intro, QWidget* parent) : QWidget(parent) {
    auto* page = new QVBoxLayout(this);
    page->setContentsMargins(0, 0, 0, 0);
    scroll_ = new QScrollArea(this);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setWidgetResizable(true);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A Tab stop (the arrow and page keys scroll it), named: a screen reader said a nameless
    // "scroll pane".
    scroll_->setAccessibleName(tr("Simulator page"));
    page->addWidget(scroll_);
    content_ = new QWidget(scroll_);
    column_ = new QVBoxLayout(content_);
    auto* introLabel = new QLabel(intro, this);
    introLabel->setWordWrap(true);
    introLabel->setAccessibleDescription(tr("What this simulator shows"));
    column_->addWidget(introLabel);
    body_ = new QVBoxLayout;
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    summary_->setAccessibleDescription(tr("Summary"));
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    chart_ = new QCustomPlot(this);
    chart_->setMinimumHeight(180);
    // The legend in a row of its own above the chart (two entries a line): it never covers the
    // data, whatever the numbers (inside the chart it hid the tallest bars).
    placeLegendAbove(chart_);
    chart_->legend->setFillOrder(QCPLegend::foColumnsFirst);
    chart_->legend->setWrap(2);
    rangeNote_ = new RangeNoteLabel(this);
    column_->addWidget(rangeNote_);
    column_->addLayout(body_, 1);
    column_->addWidget(summary_);
    column_->addWidget(chart_, 1);
    scroll_->setWidget(content_);
    followPageType(chart_); // View > Zoom in grows its letters with the page's
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
    arrange(); // the theme's type changes the legend's width
}

QString SimulatorView::pageTitle() const {
    const QString id = QLatin1String(simulatorId());
    for (const auto& sim : simulators()) {
        if (sim.id == id) {
            return sim.title();
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
    control->setAccessibleName(shownText(label).remove(QLatin1Char(':')));
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
    if (pair_) {
        pair_->setStretch(0, stretch);
    } else {
        column_->setStretchFactor(body_, stretch);
    }
}

void SimulatorView::setChartBesideWhenWide() {
    if (pair_) {
        return;
    }
    // The drawing over its summary, then the chart: under them, or beside (arrange()).
    const int stretch = column_->stretch(column_->indexOf(body_));
    column_->removeItem(body_);
    body_->setParent(nullptr);
    column_->removeWidget(summary_);
    column_->removeWidget(chart_);
    auto* drawing = new QVBoxLayout;
    drawing->addLayout(body_, 1);
    drawing->addWidget(summary_);
    pair_ = new QBoxLayout(QBoxLayout::TopToBottom);
    pair_->addLayout(drawing, stretch);
    pair_->addWidget(chart_, 1);
    column_->addLayout(pair_, 1);
    arrange();
}

void SimulatorView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    arrange();
}

void SimulatorView::arrange() {
    if (!pair_) {
        return;
    }
    // The room under the controls, and the side of the largest square the drawing gets in it:
    // under the drawing the chart takes its share of the height (and the summary a line or
    // more), beside it a third of the width (at least its least width).
    // The page's size (the scroll area's viewport is sized after this page's resize event),
    // less a scroll bar on screen.
    const QMargins margins = column_->contentsMargins();
    const QScrollBar* bar = scroll_->verticalScrollBar();
    const int width =
        this->width() - (bar->isVisible() ? bar->width() : 0) - margins.left() - margins.right();
    // What stands above at this width (the intro, the rows of controls, a note), as the column
    // will lay it out.
    int top = margins.top();
    for (int i = 0; i < column_->indexOf(pair_); ++i) {
        const QLayoutItem* item = column_->itemAt(i);
        if (!item->isEmpty()) {
            top += (item->hasHeightForWidth() ? item->heightForWidth(width)
                                              : item->sizeHint().height()) +
                   column_->spacing();
        }
    }
    const int height = this->height() - top - margins.bottom();
    if (width <= 0 || height <= 0) {
        return;
    }
    // Beside the drawing the legend has an entry a line (two a line were cut at a third of
    // 1280 px in the projector's type), and the chart is as wide as the widest, up to half.
    // (QCustomPlot takes a new wrap into account when the entries are laid out again: without
    // it the legend kept two entries a line beside the drawing, cut at the chart's edge.)
    const auto legendColumns = [legend = chart_->legend](int columns) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    };
    legendColumns(1);
    const int legendW = chart_->legend->minimumOuterSizeHint().width() + 16;
    legendColumns(2);
    const int chartW =
        std::clamp(std::max(legendW, chart_->minimumWidth()), width / 3, std::max(1, width / 2));
    const int share = std::max(1, pair_->stretch(0));
    const auto summaryAt = [this](int w) {
        return summary_->hasHeightForWidth() ? summary_->heightForWidth(w)
                                             : summary_->sizeHint().height();
    };
    const double under = std::min<double>(
        width, double(height - std::max(chart_->minimumHeight(), height / (share + 1))) -
                   summaryAt(width));
    const double beside = std::min<double>(width - chartW, height - summaryAt(width - chartW));
    const bool wantBeside = beside > 1.1 * under;
    const auto direction = wantBeside ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (pair_->direction() != direction) {
        pair_->setDirection(direction);
    }
    legendColumns(wantBeside ? 1 : 2);
    if (wantBeside) {
        pair_->setStretch(1, 0);
        chart_->setFixedWidth(chartW);
    } else {
        pair_->setStretch(1, 1);
        chart_->setMinimumWidth(0);
        chart_->setMaximumWidth(QWIDGETSIZE_MAX);
    }
    chart_->replot(QCustomPlot::rpQueuedReplot);
}

void SimulatorView::setSummary(const QString& text) {
    announceOn(summary_, text);
    rangeNote_->nextAction(); // every action ends here
}

} // namespace fg
