// DiagramView: the line over the drawing while a diagram builds on another thread (StepView),
// and what waits for the build.
#include "widgets/diagrams/diagram_view.h"

#include <QAction>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>

namespace fg {

void DiagramView::makeBuildingLine() {
    building_ = new QFrame(panel_->canvas());
    building_->setAccessibleName(tr("Building the diagram"));
    building_->setFrameShape(QFrame::StyledPanel);
    building_->setAutoFillBackground(true);
    auto* row = new QHBoxLayout(building_);
    row->setContentsMargins(10, 6, 6, 6);
    buildingText_ = new QLabel(building_);
    row->addWidget(buildingText_);
    auto* cancel = new QPushButton(tr("Cancel"), building_);
    cancel->setAccessibleName(tr("Cancel the build"));
    cancel->setToolTip(tr("Stop building: the diagram stays as it is, with its settings (Esc)"));
    cancel->setFocusPolicy(Qt::TabFocus);
    connect(cancel, &QPushButton::clicked, this, [this] { cancelBuild(); });
    row->addWidget(cancel);
    building_->hide();
    buildPoll_ = new QTimer(this);
    buildPoll_->setInterval(50);
    connect(buildPoll_, &QTimer::timeout, this, [this] { pollBuild(); });
    // Esc stops a build, as it stops every long job of the app; enabled only while one runs, so
    // that it never takes Esc from anything else.
    buildEscape_ = new QAction(tr("Cancel the build"), this);
    buildEscape_->setShortcut(QKeySequence(Qt::Key_Escape));
    buildEscape_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    buildEscape_->setEnabled(false);
    connect(buildEscape_, &QAction::triggered, this, [this] { cancelBuild(); });
    addAction(buildEscape_);
}

void DiagramView::styleBuilding() {
    buildingText_->setFont(panel_->narrationFont());
    QPalette pal = building_->palette();
    pal.setColor(QPalette::Window, theme().surface);
    pal.setColor(QPalette::WindowText, theme().text);
    building_->setPalette(pal);
}

void DiagramView::showBuilding(std::size_t steps) {
    buildingText_->setText(steps == 0 ? tr("Building the diagram\u2026")
                                      : tr("Building the diagram: %1 steps so far\u2026")
                                            .arg(QLocale().toString(qulonglong(steps))));
    if (building_->isHidden()) {
        styleBuilding();
        // The controls that add to the scenario or change its settings wait: what they add
        // would go after a scenario not built yet. Those that replace it whole (a preset,
        // Reset) stay. The keys go to the drawing on screen (Space still plays it, Esc
        // cancels).
        const QWidget* focus = focusWidget();
        bool focusInControls = false;
        for (int i = 0; i < controls_->count(); ++i) {
            QWidget* w = controls_->itemAt(i)->widget();
            focusInControls = focusInControls || (w && (w == focus || w->isAncestorOf(focus)));
            if (w && w->isEnabled() && !w->property(kReplacesWhole).toBool()) {
                w->setEnabled(false);
                waiting_.emplace_back(w);
            }
        }
        if (focusInControls || !focus) {
            panel_->canvas()->setFocus(Qt::OtherFocusReason);
        }
        buildEscape_->setEnabled(true);
        buildPoll_->start();
        building_->show();
        building_->raise();
    }
    placeBuildingLine();
}

void DiagramView::placeBuildingLine() {
    if (building_->isHidden()) {
        return;
    }
    const QWidget* canvas = panel_->canvas();
    const QSize want = building_->sizeHint();
    const int width = std::min(want.width(), canvas->width() - 16);
    building_->setGeometry((canvas->width() - width) / 2, canvas->height() - want.height() - 8,
                           width, want.height());
}

void DiagramView::buildEnded(BuildEnd how) {
    buildPoll_->stop();
    buildEscape_->setEnabled(false);
    building_->hide();
    for (const QPointer<QWidget>& w : waiting_) {
        if (w) {
            w->setEnabled(true);
        }
    }
    waiting_.clear();
    std::vector<std::function<void()>> then;
    then.swap(afterBuild_);
    if (how == BuildEnd::Cancelled) {
        title_ = shownTitle_; // said "(changed)" already if it was
        edited_ = false;
        showMessage(tr("Cancelled: the diagram and its settings are as they were."));
    }
    undoChanged();
    if (how == BuildEnd::Shown) {
        for (const auto& f : then) {
            f();
        }
    }
}

void DiagramView::afterBuild(std::function<void()> then) {
    if (building()) {
        afterBuild_.push_back(std::move(then));
    } else {
        then();
    }
}

} // namespace fg
