#include "widgets/diagrams/diagram_view.h"

#include "engines/scenario/scenario.h"
#include "models/io/atomic_file.h"
#include "widgets/canvas/chart_style.h"
#include "widgets/canvas/opening_sentence.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/export/diagram_picture.h"

#include <QAction>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <qcustomplot.h>
#include <sstream>

namespace fg {

DiagramView::DiagramView(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    controls_ = new FlowLayout;
    column->addLayout(controls_);
    split_ = new QSplitter(Qt::Vertical, this);
    split_->setChildrenCollapsible(false);
    panel_ = new DiagramPanel(split_);
    // Focusing the page (a new tab) gives the keys to the drawing: Space plays, Right steps, as
    // the opening sentence says (a tester's new tab took no key until a click on the drawing).
    setFocusProxy(panel_->canvas());
    // A message floats over the top of the drawing: showing it does not push the drawing down.
    message_ = new QLabel(panel_->canvas());
    message_->setAccessibleName(tr("Message"));
    message_->setWordWrap(true);
    message_->setAutoFillBackground(true);
    message_->setMargin(6);
    message_->hide();
    // A step the student takes (a key, the slider) is an action too: the note about what they
    // typed goes (it stayed over the drawing step after step). Playing on, it stays to be read.
    connect(panel_->player(), &Player::positionChanged, this, [this] {
        if (!message_->isHidden() && !panel_->player()->isPlaying()) {
            showMessage({});
        }
    });
    split_->addWidget(panel_);
    column->addWidget(split_, 1);
    counters_ = new QLabel(this);
    counters_->setAccessibleName(tr("Counters"));
    counters_->setWordWrap(true);
    counters_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(counters_);
    connect(panel_->player(), &Player::positionChanged, this, [this] {
        refresh();
        fitLegend(); // the step may have brought a series (and its legend entry)
    });
    panel_->canvas()->installEventFilter(this);
    // The zoom keys work wherever the focus is on the page (the key box too), not only in the
    // panel; Ctrl+Z likewise (in a key box it first takes back typing not yet entered).
    panel_->canvas()->handleZoomKeys(this);
    auto* undoKey = new QAction(tr("Undo the last operation"), this);
    undoKey->setShortcut(QKeySequence::Undo);
    undoKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(undoKey, &QAction::triggered, this, &DiagramView::takeBack);
    addAction(undoKey);
}

DiagramView::~DiagramView() = default;

void DiagramView::setTheme(const Theme& theme) {
    theme_ = theme;
    showMessage({}); // a message is about the action before; a theme change is a new one
    panel_->setTheme(theme);
    if (chart_) {
        styleChart(chart_, theme);
    }
    refresh();
    placeChart();
    fitLegend(); // the theme's type changes the legend's width
}

void DiagramView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    placeChart();
    if (chart_ && presenting_) {
        placeChartOnSlide();
    }
}

void DiagramView::placeChartOnSlide() {
    // Under the drawing, the slide's width, as tall as its type needs (its legend, labels and
    // titles) with the tallest plot, four lines of that type down to two and a half (two labels
    // up the axis), that leaves the drawing 60% of the slide's width or height its shape allows
    // (the course's rule for a slide); beside it, a third of the width, when no plot does (a
    // drawing limited by its height: the hash slots'). Beside it a quarter wide, the LSM-tree's
    // chart was a thin column.
    const QSize split = split_->size();
    if (split.isEmpty()) {
        return;
    }
    chart_->setMinimumSize(0, 0);
    chart_->replot(QCustomPlot::rpImmediateRefresh); // its labels chosen for its width
    const int line = QFontMetrics(chart_->yAxis->tickLabelFont()).height();
    const DiagramCanvas* canvas = panel_->canvas();
    const QSizeF drawing = canvas->source() ? canvas->runCamera().size() : QSizeF();
    // How much of the slide the drawing uses over a chart `chartH` high. The canvas is over the
    // drawing's narration and controls (the panel less its canvas, at their least: the panel is
    // not laid out yet), less its margin all round (diagram_canvas.cpp).
    const int chrome = panel_->minimumSizeHint().height() - canvas->minimumSize().height();
    const auto used = [&](int chartH) {
        const QSizeF room(split.width(), split.height() - chartH - chrome);
        const qreal margin = std::max<qreal>(16, 0.03 * std::min(room.width(), room.height()));
        const qreal k = std::min((room.width() - 2 * margin) / drawing.width(),
                                 (room.height() - 2 * margin) / drawing.height());
        const QSizeF slide = window()->size();
        const bool wide = drawing.width() / drawing.height() >= slide.width() / slide.height();
        return wide ? k * drawing.width() / slide.width() : k * drawing.height() / slide.height();
    };
    int under = 0;
    for (const int halfLines : {8, 7, 6, 5}) {
        const int chartH = std::min(chartHeightFor(chart_, split.width(), halfLines * line / 2),
                                    split.height() / 2);
        if (drawing.isEmpty() || used(chartH) >= 0.64) {
            under = chartH;
            break;
        }
    }
    split_->setOrientation(under > 0 ? Qt::Vertical : Qt::Horizontal);
    split_->setSizes(under > 0 ? QList<int>{split.height() - under, under}
                               : QList<int>{split.width() - split.width() / 3, split.width() / 3});
}

void DiagramView::placeChart() {
    if (!chart_ || presenting_) {
        return;
    }
    bool beside = false;
    const DiagramCanvas* canvas = panel_->canvas();
    if (const DiagramSource* source = canvas->source();
        source && theme_.kind == Theme::Kind::Projector && width() > 0 && height() > 0) {
        // The drawing at its largest (the run's camera, or the last step), in the room the
        // canvas would have under either: the split less the chart (a quarter of it, at least
        // its minimum) and less the narration and playback under the canvas.
        const QSizeF drawing = source->holdsItsPlace()
                                   ? canvas->runCamera().size()
                                   : source->frame(source->stepCount() - 1, theme_).size;
        const QSizeF split = split_->size();
        const qreal chrome = panel_->height() - canvas->height();
        if (!drawing.isEmpty() && !split.isEmpty()) {
            // Under the drawing the chart is the split's width: what it needs there, whichever
            // way it is shown now (its height beside, its legend wrapped onto more rows, kept the
            // drawing beside: the choice depended on the one before).
            int needs = chart_->minimumHeight();
            if (chart_->legend->itemCount() > 0) {
                needs = chartNeedsAt(qRound(split.width()));
                chartNeedsAt(chart_->width()); // the legend as it is shown
            }
            const qreal chartH = std::max<qreal>(needs, 0.25 * split.height());
            const qreal chartW = std::max<qreal>(320, 0.25 * split.width());
            const qreal under = std::min(split.width() / drawing.width(),
                                         (split.height() - chartH - chrome) / drawing.height());
            const qreal aside = std::min((split.width() - chartW) / drawing.width(),
                                         (split.height() - chrome) / drawing.height());
            beside = aside > 1.1 * under;
        }
    }
    if (beside != (split_->orientation() == Qt::Horizontal)) {
        setChartBeside(beside);
    }
    if (beside && !chartSizedByUser_ && split_->width() > 0) {
        // Beside the drawing the chart is a quarter of the width, at least 320 px, as weighed
        // above: left to the splitter, its width depended on the sizes before (the drawing was
        // 796 px wide, then 821 after a visit to another tab).
        const int w = split_->width();
        const int chartW = std::min(w / 2, std::max(320, w / 4));
        if (split_->sizes().value(1) != chartW) {
            split_->setSizes({w - chartW, chartW});
        }
    }
    if (!beside && !chartSizedByUser_ && split_->height() > 0) {
        // Under the drawing the chart has a quarter of the height, or what it needs whole if
        // that is more; the drawing the rest. (The stretch factors alone gave the chart 30-40%
        // in a short window, and the drawing's letters shrank with its room.) Once the student
        // drags the divider, the sizes are theirs.
        const int h = split_->height();
        const int chartH = std::min(h / 2, std::max(chart_->minimumHeight(), h / 4));
        if (split_->sizes().value(1) != chartH) {
            split_->setSizes({h - chartH, chartH});
        }
    }
}

QPushButton* DiagramView::addButton(const QString& text, const QString& tip,
                                    std::function<void()> onClick) {
    auto* b = new QPushButton(text, this);
    b->setAccessibleName(text);
    b->setToolTip(tip);
    // Reached with Tab, but a click leaves the focus where it was: Space then still plays
    // (a clicked button kept the focus, and Space pressed it again).
    b->setFocusPolicy(Qt::TabFocus);
    // The next action clears what the last one said (the action may say something new).
    connect(b, &QPushButton::clicked, this, [this, onClick = std::move(onClick)] {
        showMessage({});
        onClick();
    });
    controls_->addWidget(b);
    return b;
}

void DiagramView::addPreset(const QString& text, std::function<void()> load) {
    if (!presets_) {
        presets_ = new QMenu(this);
    }
    presets_->addAction(text, this, [this, text, load = std::move(load)] {
        nextTitle_ = text;
        load();
        nextTitle_.clear();
        panel_->player()->play();
    });
}

QList<QAction*> DiagramView::presetActions() const {
    return presets_ ? presets_->actions() : QList<QAction*>();
}

void DiagramView::finishControls() {
    // A list picked with the mouse leaves the keys with the drawing, as the buttons do (a
    // tester picked a compaction strategy, then Left and Right stepped nothing and Home and End
    // switched the strategy); Tab still reaches it.
    for (auto* box : findChildren<QComboBox*>()) {
        box->setFocusPolicy(Qt::TabFocus);
        box->installEventFilter(this); // its list, once closed, hands the focus back
    }
    if (presets_) {
        auto* b = new QToolButton(this);
        b->setText(tr("Presets"));
        b->setAccessibleName(tr("Presets"));
        b->setToolTip(tr("Ready-made scenarios that show one idea each"));
        b->setPopupMode(QToolButton::InstantPopup);
        b->setFocusPolicy(Qt::TabFocus);
        b->setMenu(presets_);
        controls_->addWidget(b);
    }
    auto* scenario = new QToolButton(this);
    scenario->setText(tr("Scenario"));
    scenario->setAccessibleName(tr("Scenario"));
    scenario->setToolTip(tr("Open or save what this diagram shows as a scenario file (JSON), "
                            "the same file the command line runs"));
    scenario->setPopupMode(QToolButton::InstantPopup);
    scenario->setFocusPolicy(Qt::TabFocus);
    auto* menu = new QMenu(scenario);
    menu->addAction(tr("Open scenario\u2026"), this, &DiagramView::openScenarioDialog);
    menu->addAction(tr("Save scenario as\u2026"), this, &DiagramView::saveScenarioDialog);
    scenario->setMenu(menu);
    controls_->addWidget(scenario);
    undo_ = addButton(tr("Undo"),
                      tr("Take back the last operation you added with the buttons, or a Reset "
                         "(Ctrl+Z)"),
                      [this] { takeBack(); });
    undo_->setEnabled(canTakeBack());
    // Two ways to start again, each taken back by Undo. Reset alone read as "clear", but
    // showed the example's first step, and a key typed next landed after its sixteen steps.
    addButton(tr("Clear"),
              tr("Empty: no operation, the same settings, to build your own step by step "
                 "(Undo brings back what you had)"),
              [this] { replaceUndoably([this] { clearScenario(); }); });
    addButton(tr("Reset"),
              tr("Back to this diagram's example scenario, before its first step, with its "
                 "usual settings (Undo brings back what you had)"),
              [this] { replaceUndoably([this] { openDefaultScenario(); }); });
}

void DiagramView::replaceUndoably(const std::function<void()>& replace) {
    nlohmann::json before = scenarioJson();
    replace();
    beforeReset_ = std::move(before);
    undoChanged();
}

void DiagramView::clearScenario() {
    nlohmann::json empty = scenarioJson();
    empty["ops"] = nlohmann::json::array();
    empty.erase("title"); // the example's title is not the empty one's
    if (const Status st = loadScenario(empty); !st) {
        showMessage(QString::fromStdString(st.message()));
    }
}

void DiagramView::takeBack() {
    if (canUndo()) {
        undo();
    } else if (beforeReset_) {
        const nlohmann::json before = std::move(*beforeReset_);
        beforeReset_.reset();
        loadScenario(before);
        panel_->player()->toEnd(); // where the student was: the end of what they had built
        undoChanged();
    }
}

void DiagramView::newScenario() {
    beforeReset_.reset();
    showMessage({});
    title_ = nextTitle_;
    panel_->canvas()->fitToView(); // a zoom chosen for another drawing would not fit this one
    undoChanged();
}

void DiagramView::scenarioEdited() {
    beforeReset_.reset();
    showMessage({});
    title_.clear(); // the title was about the scenario as it was loaded
    // The typing that made this operation is done with: Ctrl+Z in the box now takes back the
    // operation (it emptied the box and left the key in the tree). setText keeps the text and
    // forgets the box's own undo history.
    for (QLineEdit* box : findChildren<QLineEdit*>()) {
        if (box->property("fgChars").isValid() && box->isUndoAvailable()) {
            const QString text = box->text();
            box->setText(text);
        }
    }
    undoChanged();
}

void DiagramView::undoChanged() {
    if (undo_) {
        undo_->setEnabled(canTakeBack());
    }
}

QCustomPlot* DiagramView::addChart(const QString& accessibleName) {
    chart_ = new QCustomPlot(split_);
    chart_->setAccessibleName(accessibleName);
    chart_->setMinimumHeight(160);
    chart_->legend->setVisible(true);
    // The legend has a row of its own above the plot: inside it, it covered the data.
    chart_->plotLayout()->insertRow(0);
    chart_->plotLayout()->addElement(0, 0, chart_->legend);
    chart_->plotLayout()->setRowStretchFactor(0, 0.001);
    chart_->legend->setFillOrder(QCPLegend::foColumnsFirst);
    chart_->legend->setWrap(0); // one row, if the chart is wide enough (fitLegend)
    chart_->legend->setMargins(QMargins(4, 2, 4, 2));
    // The legend in one row was 820 px wide, and the chart's minimum width with it: the window
    // widened to make room. The legend wraps onto more rows instead (fitLegend).
    chart_->setMinimumWidth(240);
    chart_->installEventFilter(this);
    split_->addWidget(chart_);
    split_->setStretchFactor(0, 3);
    split_->setStretchFactor(1, 1);
    connect(split_, &QSplitter::splitterMoved, this, [this] { chartSizedByUser_ = true; });
    styleChart(chart_, theme_);
    return chart_;
}

void DiagramView::showSource(std::unique_ptr<DiagramSource> source, int position) {
    const int steps = source ? source->stepCount() : 0;
    panel_->canvas()->setOpening(
        openingSentence(title_, steps, presenting_ ? OpeningFor::Slide : OpeningFor::Screen),
        openingSentence(title_, steps, OpeningFor::Picture));
    panel_->setSource(std::move(source));
    placeChart();
    if (position == -2) {
        panel_->player()->toEnd();
    } else {
        panel_->player()->seek(position);
    }
    refresh();
}

bool DiagramView::chartUnderDrawing() const {
    return chart_ && split_->orientation() == Qt::Vertical;
}

void DiagramView::setCountersToolTip(const QString& text) {
    counters_->setToolTip(text);
}

void DiagramView::setCounters(const QString& text) {
    // The counters are "Name: value" pieces three spaces apart: a line may break only between
    // two of them ("Page" at the end of one line and "reads: 0" on the next read as two things).
    static const QRegularExpression apart(QStringLiteral(" {3,}"));
    QStringList pieces = text.split(apart, Qt::SkipEmptyParts);
    // Each piece's "Name: value" holds together; a note after it ("(0 rows, 0 Cassandra
    // tombstones avoided)") may wrap, else one long piece set the panel's least width.
    for (QString& piece : pieces) {
        const qsizetype colon = piece.indexOf(QStringLiteral(": "));
        const qsizetype end = colon < 0 ? piece.size() : piece.indexOf(QLatin1Char(' '), colon + 2);
        for (qsizetype i = 0; i < (end < 0 ? piece.size() : end); ++i) {
            if (piece[i] == QLatin1Char(' ')) {
                piece[i] = QChar::Nbsp;
            }
        }
    }
    counters_->setText(pieces.join(QStringLiteral("   ")));
}

void DiagramView::showMessage(const QString& text) {
    // In the narration's type: a tester read "... is too large" at 12 px over the drawing,
    // smaller than everything round it on a projector.
    message_->setFont(panel_->narrationFont());
    message_->setText(text);
    QPalette pal = message_->palette();
    pal.setColor(QPalette::Window, theme_.surface);
    pal.setColor(QPalette::WindowText, theme_.text);
    message_->setPalette(pal);
    placeMessage();
    message_->setVisible(!text.isEmpty());
    message_->raise();
}

void DiagramView::placeMessage() {
    const QWidget* canvas = panel_->canvas();
    const int width = std::max(120, std::min(canvas->width() - 16, 720));
    message_->setFixedWidth(width);
    message_->setFixedHeight(
        std::max(message_->heightForWidth(width), message_->sizeHint().height()));
    message_->move(8, 8);
}

namespace {

// `chars` average characters, and the whole of a text box's hint, in the box's font.
int roomFor(const QWidget* box, int chars) {
    int text = box->fontMetrics().averageCharWidth() * chars;
    if (const auto* edit = qobject_cast<const QLineEdit*>(box)) {
        text = std::max(text, box->fontMetrics().horizontalAdvance(edit->placeholderText()));
    }
    return text + 16;
}

} // namespace

void DiagramView::keepRoomFor(QWidget* box, int chars) {
    box->setProperty("fgChars", chars);
    box->setMinimumWidth(roomFor(box, chars));
    box->installEventFilter(this);
}

void DiagramView::fitLegend() {
    QCPLegend* legend = chart_ ? chart_->legend : nullptr;
    if (!legend || legend->itemCount() == 0 || chart_->width() <= 0) {
        return;
    }
    chart_->setMinimumHeight(chartNeedsAt(chart_->width()));
    chart_->replot(QCustomPlot::rpQueuedReplot);
}

int DiagramView::chartNeedsAt(int width) {
    QCPLegend* legend = chart_->legend;
    const int room = width - 8;
    int columns = legend->itemCount();
    for (; columns > 1; --columns) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLegend::foColumnsFirst, true);
        if (legend->minimumOuterSizeHint().width() <= room) {
            break;
        }
    }
    legend->setWrap(columns);
    legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    // The layout now (what a replot does before it draws), for the least height below to read
    // the margins; the drawing stays queued (a replot on every step of a 10,000-step walk took
    // 30-110 s).
    for (const auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins,
                             QCPLayoutElement::upLayout}) {
        chart_->plotLayout()->update(phase);
    }
    // Room for what the chart must show whole, in its type and at its width: the legend's rows,
    // the axes' tick labels and titles, and along the vertical axis its title. No more: the
    // drawing above takes the rest (160 x the type scale left the projector's drawing a third
    // smaller than Light's at 1280x800).
    const QFontMetricsF title(chart_->yAxis->labelFont());
    const QFontMetricsF ticks(chart_->yAxis->tickLabelFont());
    const QMargins around = chart_->axisRect()->margins();
    const qreal along = title.horizontalAdvance(chart_->yAxis->label()) + 2 * ticks.height();
    const qreal needs = legend->outerRect().height() + around.top() + around.bottom() +
                        std::max(along, 3 * ticks.height());
    return qRound(std::max<qreal>(120, needs));
}

bool DiagramView::eventFilter(QObject* watched, QEvent* event) {
    // Ctrl+Z in a key box takes back typing while there is typing to take back, else the last
    // operation (the page's Undo shortcut): a line edit claims Ctrl+Z whatever its history.
    if (event->type() == QEvent::ShortcutOverride) {
        auto* box = qobject_cast<QLineEdit*>(watched);
        if (box && static_cast<QKeyEvent*>(event)->matches(QKeySequence::Undo) &&
            !box->isUndoAvailable()) {
            event->ignore();
            return true;
        }
    }
    // A list opened with the mouse while the drawing had the keys: closed, the keys go back to
    // the drawing (Qt hands them to the list, where Left and Right stepped nothing and Home and
    // End changed the choice). Reached with Tab, it keeps them.
    if (auto* list = qobject_cast<QComboBox*>(watched)) {
        if (event->type() == QEvent::MouseButtonPress) {
            list->setProperty("fgHadKeys", list->hasFocus());
        } else if (event->type() == QEvent::FocusIn &&
                   static_cast<QFocusEvent*>(event)->reason() != Qt::TabFocusReason &&
                   static_cast<QFocusEvent*>(event)->reason() != Qt::BacktabFocusReason &&
                   !list->property("fgHadKeys").toBool()) {
            QTimer::singleShot(0, panel_->canvas(), [canvas = panel_->canvas()] {
                canvas->setFocus(Qt::OtherFocusReason);
            });
        }
    }
    if (chart_ && watched == chart_ && event->type() == QEvent::Resize) {
        fitLegend();
        chartPlaced();
    }
    if (watched == panel_->canvas() && event->type() == QEvent::Resize) {
        placeMessage();
        placeChart(); // the page's first layout, once shown
    }
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        if (auto* box = qobject_cast<QWidget*>(watched);
            box && box->property("fgChars").isValid()) {
            box->setMinimumWidth(roomFor(box, box->property("fgChars").toInt()));
        }
    }
    return QWidget::eventFilter(watched, event);
}

PaintFunction DiagramView::picture(const Theme& theme) {
    const DiagramSource* source = panel_->canvas()->source();
    if (!source) {
        return [](QPainter&, QSizeF) {};
    }
    const int pos = panel_->canvas()->player()->position();
    const Frame frame = source->frame(pos, theme);
    // Before the first step, the opening as a picture says it (no keys to press on paper).
    const QString caption = pos < 0
                                ? openingSentence(title_, source->stepCount(), OpeningFor::Picture)
                                : panel_->canvas()->narrationAt(pos);
    return [frame, caption, theme](QPainter& p, QSizeF size) {
        paintDiagramPicture(p, size, frame, caption, theme);
    };
}

QString DiagramView::countersText() const {
    return counters_->text();
}

Status DiagramView::loadScenario(const nlohmann::json& scenario) {
    if (!scenario.is_object() || !scenario.contains("engine") || !scenario["engine"].is_string()) {
        return Status::error("/engine", "a scenario names its engine, e.g. \"engine\": \"" +
                                            std::string(engineName()) + "\"");
    }
    const auto engine = scenario["engine"].get<std::string>();
    if (engine != engineName()) {
        return Status::error("/engine", "this is a \"" + engine +
                                            "\" scenario; this diagram opens \"" + engineName() +
                                            "\" scenarios");
    }
    const auto title = scenario.find("title");
    nextTitle_ = title != scenario.end() && title->is_string()
                     ? QString::fromStdString(title->get<std::string>())
                     : QString();
    Status st = applyScenario(scenario);
    nextTitle_.clear();
    if (st) {
        refresh();
    }
    return st;
}

void DiagramView::setPresenting(bool on, int narrationPx) {
    presenting_ = on;
    for (int i = 0; i < controls_->count(); ++i) {
        if (QWidget* w = controls_->itemAt(i)->widget()) {
            w->setVisible(!on);
        }
    }
    panel_->setNarrationPixelSize(on ? narrationPx : 0);
    const int steps = panel_->player()->stepCount();
    panel_->canvas()->setOpening(
        openingSentence(title_, steps, on ? OpeningFor::Slide : OpeningFor::Screen),
        openingSentence(title_, steps, OpeningFor::Picture));
    if (!on) {
        placeChart();
    }
}

void DiagramView::setChartBeside(bool beside) {
    split_->setOrientation(beside ? Qt::Horizontal : Qt::Vertical);
    if (chart_) {
        // Under the drawing, 240 as when it was made: 0 let the chart's own hint (its legend
        // on one row, 652 px in the projector's type) set the page's least width, and the
        // sidebar gave way when the search opened at 1280 px.
        chart_->setMinimumWidth(beside ? 320 : 240);
        chartPlaced();
    }
}

void DiagramView::openDefaultScenario() {
    Status st;
    const nlohmann::json scenario = defaultScenario(QString::fromLatin1(engineName()), st);
    if (st) {
        st = loadScenario(scenario);
    }
    if (!st) {
        showMessage(tr("The diagram's first scenario did not load (%1): start with the buttons "
                       "above.")
                        .arg(QString::fromStdString(st.message())));
    } else {
        showMessage({});
    }
    // Shown before its first step, under its opening sentence: Play (Space) runs it.
}

bool DiagramView::openScenarioFile(const QString& path, QString* error) {
    // The one reader of scenario files (size limit, read errors, JSON errors with line and column),
    // the same as `fieldguide run` and `fieldguide export`; "-" would mean standard input there.
    const QString file = path == QLatin1String("-") ? QStringLiteral("./-") : path;
    nlohmann::json json;
    std::istringstream noStandardInput;
    Status st = scenario::readFile(QFile::encodeName(file).toStdString(), noStandardInput, json);
    if (st) {
        st = loadScenario(json);
    }
    if (!st) {
        *error = tr("%1 was not opened: %2")
                     .arg(QFileInfo(path).fileName(), QString::fromStdString(st.message()));
        return false;
    }
    return true;
}

bool DiagramView::saveScenarioFile(const QString& path, QString* error) const {
    AtomicFile file(path);
    Status st = file.open();
    if (st) {
        file.write(QByteArray::fromStdString(scenarioJson().dump(2) + "\n"));
        st = file.commit();
    }
    if (!st) {
        *error = AtomicFile::describe(st);
        return false;
    }
    return true;
}

void DiagramView::openScenarioDialog() {
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("scenarios/dir")).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), dir,
                                                      tr("Scenarios (*.json);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    settings.setValue(QStringLiteral("scenarios/dir"), QFileInfo(path).absolutePath());
    QString error;
    if (!openScenarioFile(path, &error)) {
        QMessageBox::warning(this, tr("Open scenario"), error);
    }
}

void DiagramView::saveScenarioDialog() {
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("scenarios/dir")).toString();
    const QString suggested = (dir.isEmpty() ? QString() : dir + QLatin1Char('/')) +
                              QLatin1String(engineName()) + QStringLiteral("-scenario.json");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save scenario"), suggested,
                                                      tr("Scenarios (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    settings.setValue(QStringLiteral("scenarios/dir"), QFileInfo(path).absolutePath());
    QString error;
    if (!saveScenarioFile(path, &error)) {
        QMessageBox::warning(this, tr("Save scenario"), error);
    }
}

} // namespace fg
