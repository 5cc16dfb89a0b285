#include "widgets/diagrams/diagram_view.h"

#include "engines/scenario/scenario.h"
#include "models/io/atomic_file.h"
#include "widgets/canvas/chart_style.h"
#include "widgets/canvas/opening_sentence.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/export/diagram_picture.h"

#include <QAbstractSpinBox>
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
#include <nlohmann/json.hpp>
#include <qcustomplot.h>
#include <sstream>

namespace fg {

namespace {

// A button of the controls row as wide as its words and a margin either side. Fusion gives
// every button with text 80 px at least (a dialog's OK and Cancel), so "Get" was as wide as
// "Compact", and the Kafka row (nine buttons) wrapped to a second line on a 1920-px screen.
class RowButton : public QPushButton {
public:
    using QPushButton::QPushButton;
    QSize sizeHint() const override {
        QSize size = QPushButton::sizeHint();
        const QFontMetrics fm = fontMetrics();
        size.setWidth(std::min(size.width(), fm.horizontalAdvance(text()) + 2 * fm.height()));
        return size;
    }
    QSize minimumSizeHint() const override { return sizeHint(); }
};

} // namespace

DiagramView::DiagramView(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    controls_ = new FlowLayout;
    column->addLayout(controls_);
    split_ = new QSplitter(Qt::Vertical, this);
    split_->setChildrenCollapsible(false);
    panel_ = new DiagramPanel(split_);
    // Focusing the page (a new tab) gives the keys to the drawing (focusInEvent). Not as a focus
    // proxy: Qt 6.4 then counts the page itself as a Tab stop that lands on the drawing, and Tab
    // from the window's tabs went to the drawing, never to the row of controls above it (a tester).
    // A message floats over the top of the drawing: showing it does not push the drawing down.
    message_ = new QLabel(panel_->canvas());
    message_->setAccessibleDescription(tr("Message"));
    message_->setWordWrap(true);
    message_->setAutoFillBackground(true);
    message_->setMargin(6);
    message_->hide();
    makeBuildingLine();
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
    counters_->setAccessibleDescription(tr("Counters"));
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
    connect(undoKey, &QAction::triggered, this, &DiagramView::undo);
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
    if (!building_->isHidden()) {
        styleBuilding();
    }
}

int DiagramView::controlLines() const {
    return controls_->lineCount();
}

void DiagramView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    placeChart();
    if (chart_ && presenting_) {
        placeChartOnSlide();
    }
}

QPushButton* DiagramView::addButton(const QString& text, const QString& tip,
                                    std::function<void()> onClick) {
    auto* b = new RowButton(text, this);
    b->setAccessibleName(text);
    b->setToolTip(tip);
    // Reached with Tab, but a click leaves the focus where it was: Space then still plays
    // (a clicked button kept the focus, and Space pressed it again).
    b->setFocusPolicy(Qt::TabFocus);
    // The next action clears what the last one said (the action may say something new).
    // A number typed in a box counts once entered, and a click on a button enters it: the
    // button acts on the number on screen (a tester typed broker 1, clicked Fail broker, and
    // broker 2, the box's last value, failed; the click leaves the focus in the box).
    connect(b, &QPushButton::clicked, this, [this, onClick = std::move(onClick)] {
        showMessage({});
        for (QAbstractSpinBox* box : findChildren<QAbstractSpinBox*>()) {
            box->interpretText();
        }
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
        // Undo brings back what the student had, as after Clear and Reset (a tester's own keys
        // were gone after a preset, Undo greyed out).
        replaceUndoably([&] {
            nextTitle_ = text;
            load();
            nextTitle_.clear();
        });
        afterBuild([this] { panel_->player()->play(); });
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
        b->setToolTip(
            tr("Ready-made scenarios that show one idea each (Undo brings back what you had)"));
        b->setPopupMode(QToolButton::InstantPopup);
        b->setFocusPolicy(Qt::TabFocus);
        b->setMenu(presets_);
        b->setProperty(kReplacesWhole, true);
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
    scenarioMenu_ = menu;
    menu->addAction(tr("Open scenario\u2026"), this, &DiagramView::openScenarioDialog);
    menu->addAction(tr("Save scenario as\u2026"), this, &DiagramView::saveScenarioDialog);
    scenario->setMenu(menu);
    scenario->setProperty(kReplacesWhole, true);
    controls_->addWidget(scenario);
    undo_ = addButton(tr("Undo"),
                      tr("Take back the last operation you added with the buttons, a setting "
                         "you changed, a preset, Clear, Reset or a scenario opened (Ctrl+Z)"),
                      [this] { undo(); });
    undo_->setEnabled(canUndo());
    // Two ways to start again, each taken back by Undo. Reset alone read as "clear", but
    // showed the example's first step, and a key typed next landed after its sixteen steps.
    QPushButton* clear =
        addButton(tr("Clear"),
                  tr("Empty: no operation, the same settings, to build your own step by step "
                     "(Undo brings back what you had)"),
                  [this] { replaceUndoably([this] { clearScenario(); }); });
    QPushButton* reset =
        addButton(tr("Reset"),
                  tr("Back to this diagram's example scenario, before its first step, with its "
                     "usual settings (Undo brings back what you had)"),
                  [this] { replaceUndoably([this] { openDefaultScenario(); }); });
    for (QPushButton* w : {undo_, clear, reset}) {
        w->setProperty(kReplacesWhole, true);
    }
    // Once the page is made: a page adds controls of its own after these (the B-Tree's order).
    QMetaObject::invokeMethod(this, &DiagramView::orderTabs, Qt::QueuedConnection);
}

namespace {

// The widgets under `root` (and root) that Tab stops at, in the order they were made: the order
// they stand in within a row of the page.
QList<QWidget*> tabStopsIn(QWidget* root) {
    QList<QWidget*> stops;
    QList<QWidget*> all = root->findChildren<QWidget*>();
    all.prepend(root);
    for (QWidget* w : all) {
        // Not a spin box's text (its focus goes to the box), nor what lies in a window of its
        // own: a combo box's list, made once a slide sets the page's font (testers 43 and 44
        // saw Qt's "must be in the same window" at every presentation).
        if ((w->focusPolicy() & Qt::TabFocus) && !w->focusProxy() &&
            w->window() == root->window()) {
            stops << w;
        }
    }
    return stops;
}

// The Tab stops of the widgets in `layout`, in the layout's order (rows top to bottom, each row
// left to right).
QList<QWidget*> tabStopsIn(QLayout* layout) {
    QList<QWidget*> stops;
    for (int i = 0; i < layout->count(); ++i) {
        QLayoutItem* item = layout->itemAt(i);
        if (item->widget()) {
            stops << tabStopsIn(item->widget());
        } else if (item->layout()) {
            stops << tabStopsIn(item->layout());
        }
    }
    return stops;
}

} // namespace

void DiagramView::focusInEvent(QFocusEvent* event) {
    QWidget::focusInEvent(event);
    panel_->canvas()->setFocus(event->reason());
}

void DiagramView::orderTabs() {
    // The page's controls were made after its panel: Tab went through the drawing and the
    // playback bar first, then up to the row above. As they stand: the rows of controls, the
    // drawing, the playback bar, the zoom buttons.
    QList<QWidget*> stops = tabStopsIn(layout());
    // The chart hands its focus to the drawing: right after the drawing in the chain, Tab skips
    // it; after the zoom buttons, Tab went from them back to the drawing, round and round.
    if (chart_) {
        stops.insert(stops.indexOf(panel_->canvas()) + 1, chart_);
    }
    for (int i = 1; i < stops.size(); ++i) {
        setTabOrder(stops[i - 1], stops[i]);
    }
}

// A button after the zoom buttons (the row of controls above is full on the Kafka page at
// 1920 px, and a link beside the counters made the drawing smaller: its line wrapped), and the
// first entry of the Scenario menu (the keyboard's way: the button, like the zoom buttons,
// leaves the keys with the diagram).
void DiagramView::addPracticeAction(std::function<void()> onClick) {
    if (!scenarioMenu_) {
        return;
    }
    auto* a = new QAction(tr("Practice this: exercises made and graded by this engine\u2026"),
                          scenarioMenu_);
    connect(a, &QAction::triggered, this, [onClick = std::move(onClick)] { onClick(); });
    auto* button = new QToolButton(this);
    button->setText(tr("Practice this"));
    button->setAccessibleName(tr("Practice this"));
    button->setObjectName(QStringLiteral("practiceThis"));
    button->setToolTip(tr("Exercises on this engine that it makes and grades (Study > Practice)"));
    button->setFocusPolicy(Qt::TabFocus);
    connect(button, &QToolButton::clicked, a, &QAction::trigger);
    panel_->addTrailingButton(button);
    orderTabs();
    const auto actions = scenarioMenu_->actions();
    scenarioMenu_->insertAction(actions.isEmpty() ? nullptr : actions.front(), a);
    scenarioMenu_->insertSeparator(actions.isEmpty() ? nullptr : actions.front());
}

Status DiagramView::loadScenarioUndoably(const nlohmann::json& scenario) {
    Status st = Status::ok();
    replaceUndoably([&] { st = loadScenario(scenario); });
    return st;
}

void DiagramView::replaceUndoably(const std::function<void()>& replace) {
    // A build under way is not on screen yet: the drawing on screen and its title are.
    replacing_ =
        Replacing{panel_->player()->position(), building() ? shownTitle_ : scenarioTitle()};
    replace();
    replacing_.reset();
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

void DiagramView::newScenario() {
    scenarioBack(nextTitle_);
}

QString DiagramView::scenarioTitle() const {
    if (title_.isEmpty() || !edited_) {
        return title_;
    }
    // A title the session kept is said changed already: not twice.
    const QString mark = tr("%1 (changed)").arg(QString());
    return title_.endsWith(mark) ? title_ : tr("%1 (changed)").arg(title_);
}

void DiagramView::scenarioBack(const QString& title) {
    showMessage({});
    title_ = title;
    edited_ = false;
    panel_->canvas()->fitToView(); // a zoom chosen for another drawing would not fit this one
    undoChanged();
}

void DiagramView::scenarioEdited() {
    showMessage({});
    edited_ = true; // the title was about the scenario as it was loaded
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
        undo_->setEnabled(canUndo());
    }
}

void DiagramView::showSource(std::unique_ptr<DiagramSource> source, int position) {
    const int steps = source ? source->stepCount() : 0;
    shownTitle_ = scenarioTitle();
    panel_->canvas()->setOpening(
        openingSentence(shownTitle_, steps, presenting_ ? OpeningFor::Slide : OpeningFor::Screen),
        openingSentence(shownTitle_, steps, OpeningFor::Picture));
    // Which diagram it is, for a screen reader (its description says what the step shows).
    panel_->canvas()->setAccessibleName(tr("%1 diagram").arg(pageTitle()));
    panel_->setSource(std::move(source));
    placeChart();
    if (position == -2) {
        panel_->player()->toEnd();
    } else {
        panel_->player()->seek(resolvePosition(position, steps));
    }
    refresh();
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
    // As wide as its text, up to 720 px (a short note across 720 px covered more of the drawing
    // than it needed).
    const int natural = message_->fontMetrics().horizontalAdvance(message_->text()) +
                        2 * message_->margin() + 2 * message_->frameWidth() + 4;
    const int width = std::max(120, std::min({canvas->width() - 16, 720, natural}));
    message_->setFixedWidth(width);
    const int height = std::max(message_->heightForWidth(width), message_->sizeHint().height());
    message_->setFixedHeight(height);
    // In the corner where it covers least of the drawing: top left, else top right, bottom left,
    // bottom right (over the top of a tree 14 levels high it hid the root, a tester).
    const Frame frame = panel_->canvas()->currentFrame();
    const QTransform toScreen = panel_->canvas()->transformOnScreen();
    std::vector<QRectF> drawn;
    drawn.reserve(frame.items.size());
    for (const FrameItem& item : frame.items) {
        drawn.push_back(toScreen.mapRect(item.rect));
    }
    const int right = canvas->width() - 8 - width;
    const int bottom = canvas->height() - 8 - height;
    QPoint best(8, 8);
    qreal least = -1;
    for (const QPoint at :
         {QPoint(8, 8), QPoint(right, 8), QPoint(8, bottom), QPoint(right, bottom)}) {
        const QRectF box(at, QSizeF(width, height));
        qreal covered = 0;
        for (const QRectF& r : drawn) {
            const QRectF both = r.intersected(box);
            covered += both.width() * both.height();
        }
        if (least < 0 || covered < least) {
            least = covered;
            best = at;
        }
        if (covered == 0) {
            break;
        }
    }
    message_->move(best);
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

void DiagramView::keepRoomFor(QWidget* box, int chars, int most) {
    box->setProperty("fgChars", chars);
    box->setProperty("fgMostChars", most);
    box->setMinimumWidth(roomFor(box, chars));
    if (most > 0) {
        box->setMaximumWidth(roomFor(box, most));
    }
    box->installEventFilter(this);
}

void DiagramView::limitKeyBox(QLineEdit* box) {
    box->setMaxLength(kMostKeyChars);
    connect(box, &QLineEdit::inputRejected, this, [this, box] {
        if (box->text().size() < kMostKeyChars) {
            return; // not its length (a validator's refusal says its own)
        }
        box->clear();
        showMessage(tr("That key is longer than %1 characters, the most a key box here takes: "
                       "it was not kept.")
                        .arg(QLocale().toString(kMostKeyChars)));
    });
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
        placeBuildingLine();
        placeChart(); // the page's first layout, once shown
    }
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        if (auto* box = qobject_cast<QWidget*>(watched);
            box && box->property("fgChars").isValid()) {
            box->setMinimumWidth(roomFor(box, box->property("fgChars").toInt()));
            if (const int most = box->property("fgMostChars").toInt(); most > 0) {
                box->setMaximumWidth(roomFor(box, most));
            }
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
    const QString caption =
        pos < 0 ? openingSentence(scenarioTitle(), source->stepCount(), OpeningFor::Picture)
                : panel_->canvas()->narrationAt(pos);
    return [frame, caption, theme](QPainter& p, QSizeF size) {
        paintDiagramPicture(p, size, frame, caption, theme);
    };
}

QString DiagramView::countersText() const {
    return counters_->text();
}

void DiagramView::setPresenting(bool on, int narrationPx) {
    presenting_ = on;
    for (int i = 0; i < controls_->count(); ++i) {
        if (QWidget* w = controls_->itemAt(i)->widget()) {
            w->setVisible(!on);
        }
    }
    panel_->setNarrationPixelSize(on ? narrationPx : 0);
    // On a slide the slide's own margin is the page's: the page's margin inside it made the
    // drawing smaller on the projector than at the desk (a tester: a 30-key B-Tree at 1280x800).
    if (!margins_) {
        margins_ = layout()->contentsMargins();
    }
    layout()->setContentsMargins(on ? QMargins() : *margins_);
    const int steps = panel_->player()->stepCount();
    panel_->canvas()->setOpening(
        openingSentence(scenarioTitle(), steps, on ? OpeningFor::Slide : OpeningFor::Screen),
        openingSentence(scenarioTitle(), steps, OpeningFor::Picture));
    if (!on) {
        slideChart_ = SlideChart::Auto; // the next slide chooses again
        if (chart_) {
            chart_->show();
            chartHint_->hide();
        }
        placeChart();
    }
}

} // namespace fg
