#include "widgets/diagrams/diagram_view.h"

#include "engines/scenario/scenario.h"
#include "widgets/canvas/chart_style.h"
#include "widgets/diagrams/diagram_factory.h"
#include "widgets/export/diagram_picture.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>
#include <qcustomplot.h>
#include <sstream>

namespace fg {

DiagramView::DiagramView(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    controls_ = new QHBoxLayout;
    column->addLayout(controls_);
    message_ = new QLabel(this);
    message_->setAccessibleName(tr("Message"));
    message_->setWordWrap(true);
    message_->hide();
    column->addWidget(message_);
    split_ = new QSplitter(Qt::Vertical, this);
    split_->setChildrenCollapsible(false);
    panel_ = new DiagramPanel(split_);
    split_->addWidget(panel_);
    column->addWidget(split_, 1);
    counters_ = new QLabel(this);
    counters_->setAccessibleName(tr("Counters"));
    counters_->setWordWrap(true);
    counters_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(counters_);
    connect(panel_->player(), &Player::positionChanged, this, [this] { refresh(); });
}

DiagramView::~DiagramView() = default;

void DiagramView::setTheme(const Theme& theme) {
    theme_ = theme;
    panel_->setTheme(theme);
    if (chart_) {
        styleChart(chart_, theme);
    }
    refresh();
}

QPushButton* DiagramView::addButton(const QString& text, std::function<void()> onClick) {
    auto* b = new QPushButton(text, this);
    b->setAccessibleName(text);
    connect(b, &QPushButton::clicked, this, std::move(onClick));
    controls_->addWidget(b);
    return b;
}

void DiagramView::addPreset(const QString& text, std::function<void()> load) {
    if (!presets_) {
        presets_ = new QMenu(this);
    }
    presets_->addAction(text, this, [this, load = std::move(load)] {
        load();
        panel_->player()->play();
    });
}

void DiagramView::finishControls() {
    if (presets_) {
        auto* b = new QToolButton(this);
        b->setText(tr("Presets"));
        b->setAccessibleName(tr("Presets"));
        b->setToolTip(tr("Ready-made scenarios that show one idea each"));
        b->setPopupMode(QToolButton::InstantPopup);
        b->setMenu(presets_);
        controls_->addWidget(b);
    }
    auto* scenario = new QToolButton(this);
    scenario->setText(tr("Scenario"));
    scenario->setAccessibleName(tr("Scenario"));
    scenario->setToolTip(tr("Open or save what this diagram shows as a scenario file (JSON), "
                            "the same file the command line runs"));
    scenario->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(scenario);
    menu->addAction(tr("Open scenario\u2026"), this, &DiagramView::openScenarioDialog);
    menu->addAction(tr("Save scenario as\u2026"), this, &DiagramView::saveScenarioDialog);
    scenario->setMenu(menu);
    controls_->addWidget(scenario);
}

void DiagramView::setToolTips(const QList<std::pair<QString, QString>>& tips) {
    const QList<QWidget*> all = findChildren<QWidget*>();
    for (const auto& [name, tip] : tips) {
        for (QWidget* w : all) {
            if (w->accessibleName() == name) {
                w->setToolTip(tip);
            }
        }
    }
}

QCustomPlot* DiagramView::addChart(const QString& accessibleName) {
    chart_ = new QCustomPlot(split_);
    chart_->setAccessibleName(accessibleName);
    chart_->setMinimumHeight(160);
    chart_->legend->setVisible(true);
    split_->addWidget(chart_);
    split_->setStretchFactor(0, 3);
    split_->setStretchFactor(1, 1);
    styleChart(chart_, theme_);
    return chart_;
}

void DiagramView::showSource(std::unique_ptr<DiagramSource> source, int position) {
    panel_->setSource(std::move(source));
    if (position == -2) {
        panel_->player()->toEnd();
    } else {
        panel_->player()->seek(position);
    }
    refresh();
}

void DiagramView::setCounters(const QString& text) {
    counters_->setText(text);
}

void DiagramView::showMessage(const QString& text) {
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

PaintFunction DiagramView::picture(const Theme& theme) {
    const DiagramSource* source = panel_->canvas()->source();
    if (!source) {
        return [](QPainter&, QSizeF) {};
    }
    const int pos = panel_->canvas()->player()->position();
    const Frame frame = source->frame(pos, theme);
    const QString caption = source->narration(pos);
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
    Status st = applyScenario(scenario);
    if (st) {
        refresh();
    }
    return st;
}

void DiagramView::setPresenting(bool on, int narrationPx) {
    for (int i = 0; i < controls_->count(); ++i) {
        if (QWidget* w = controls_->itemAt(i)->widget()) {
            w->setVisible(!on);
        }
    }
    panel_->setNarrationPixelSize(on ? narrationPx : 0);
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
    }
    panel_->player()->toEnd(); // open on the result; step back or press Home to replay it
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
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    const std::string text = scenarioJson().dump(2) + "\n";
    if (file.write(text.data(), static_cast<qint64>(text.size())) !=
            static_cast<qint64>(text.size()) ||
        !file.commit()) {
        *error = tr("Could not write %1: %2").arg(path, file.errorString());
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
