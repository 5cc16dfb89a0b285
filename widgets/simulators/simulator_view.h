// SimulatorView: what the concept simulators share: a line saying what the simulator shows (with
// its words defined), a row of controls, a summary in words of the numbers on screen, and one
// QCustomPlot chart coloured by the theme. A subclass fills the controls and redraws in refresh().
// As a page its title is its row's in simulators() (by simulatorId()); it exports nothing.
// The parts stand in a column that scrolls when the page is shorter than they need (nine
// replicas at 1280x800, the type zoomed): Qt's layout drew them over each other otherwise.
#pragma once

#include "models/theme/theme.h"
#include "widgets/canvas/page.h"
#include "widgets/controls/range_box.h"
#include "widgets/diagrams/flow_layout.h"

#include <QFont>
#include <QRectF>
#include <QWidget>

class QCustomPlot;
class QBoxLayout;
class QHBoxLayout;
class QLabel;
class QScrollArea;
class QVBoxLayout;

namespace fg {

// A text a simulator paints itself, the box it is drawn in and its font: what a check needs to
// know that it fits.
struct DrawnText {
    QString text;
    QRectF box;
    QFont font;
};

class SimulatorView : public QWidget, public Page, public RangeNotes {
    Q_OBJECT
public:
    explicit SimulatorView(const QString& intro, QWidget* parent = nullptr);

    void setTheme(const Theme& theme) override;
    QString pageTitle() const override;
    // Its id in simulators() ("quorum", "cache"...).
    virtual const char* simulatorId() const = 0;
    const Theme& theme() const { return theme_; }
    QCustomPlot* chart() const { return chart_; }
    QString summaryText() const;
    // The column that holds the intro, the controls, the drawing, the summary and the chart.
    QWidget* content() const { return content_; }
    // As wide as the column's least width: its controls are never cut (it scrolls only down).
    QSize minimumSizeHint() const override;
    // A number typed out of a box's range: said on a line under the controls until that box is
    // typed in again.
    void sayOutOfRange(const QString& text) override;
    QLabel* rangeNote() const;

protected:
    virtual void refresh() = 0;
    // Controls go in rows under the intro; addRow() starts a new row. A row wraps onto more
    // lines when the page is narrow (the quorum's nine "replica N down" boxes on one line held
    // the window at 1416 px in Projector, cut on a 1280 px screen).
    FlowLayout* addRow();
    // A label, then the control, with the label as its buddy and the control's accessible name.
    void addLabelled(FlowLayout* row, const QString& label, QWidget* control);
    // Where a subclass puts a drawing between the controls and the chart.
    QVBoxLayout* body() const { return body_; }
    // How much of the page's height the drawing takes against the chart's 1 (1 by default).
    void setBodyStretch(int stretch);
    // The chart beside the drawing (and the summary under the drawing) when that leaves the
    // drawing a larger square than under it: on a wide page, a drawing that is as tall as it is
    // wide (the quorum's ring) is otherwise limited by a share of the height.
    void setChartBesideWhenWide();
    void resizeEvent(QResizeEvent* event) override;
    void setSummary(const QString& text);

private:
    Theme theme_ = Theme::light();
    QScrollArea* scroll_;
    QWidget* content_;
    QVBoxLayout* column_;
    QVBoxLayout* body_;
    // The drawing (over the summary) and the chart, in a column or a row; null until
    // setChartBesideWhenWide().
    QBoxLayout* pair_ = nullptr;
    // Chooses the column or the row (setChartBesideWhenWide).
    void arrange();
    QLabel* summary_;
    RangeNoteLabel* rangeNote_;
    QCustomPlot* chart_;
};

} // namespace fg
