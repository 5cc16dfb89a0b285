#include "widgets/lab/lab_widgets.h"

#include "widgets/canvas/diagram_canvas.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

namespace fg {

QLabel* labSentence(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

namespace {

// A lab's table: with showRows, as tall as its first `shownRows` rows. The height is set after
// the rows change (a timer coalesces the changes), never from a size hint the layout asks for: as
// a hint (AdjustToContents), it followed the rows' wrapping, the wrapping the width, and
// QScrollArea resized the page back and forth until the stack ran out (a tester's crash).
class LabTable : public QTableWidget {
public:
    LabTable(int rows, int columns, QWidget* parent) : QTableWidget(rows, columns, parent) {
        fit_.setSingleShot(true);
        fit_.setInterval(0);
        QObject::connect(&fit_, &QTimer::timeout, this, [this] { fitRows(); });
    }
    void showRows(int most) {
        shownRows_ = most;
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the rows wrap instead
        // The timer is the receiver: the model and the header outlive it (QTableWidget's
        // destructor clears the model), and its connections go with it.
        const auto later = qOverload<>(&QTimer::start);
        connect(model(), &QAbstractItemModel::rowsInserted, &fit_, later);
        connect(model(), &QAbstractItemModel::rowsRemoved, &fit_, later);
        connect(model(), &QAbstractItemModel::modelReset, &fit_, later);
        connect(verticalHeader(), &QHeaderView::sectionResized, &fit_, later);
        fitRows();
    }

protected:
    // A new width wraps the rows anew: fitted again once the columns have taken it (the Why
    // column's reasons were cut short in a 1280-px window: a tester).
    void resizeEvent(QResizeEvent* event) override {
        QTableWidget::resizeEvent(event);
        if (event->size().width() != event->oldSize().width()) {
            QTimer::singleShot(0, this, [this] { resizeRowsToContents(); });
        }
    }

    // Empty, each column as wide as its heading in the new type too (Projector and View > Zoom
    // cut "Quantity" to "Quantit"); with rows, the page fits them itself.
    void changeEvent(QEvent* event) override {
        QTableWidget::changeEvent(event);
        if (event->type() == QEvent::FontChange && rowCount() == 0) {
            QTimer::singleShot(0, this, [this] { resizeColumnsToContents(); });
        }
    }

private:
    void fitRows() {
        const QHeaderView* rows = verticalHeader();
        int height = rowCount() == 0 ? rows->defaultSectionSize() : 0; // room for a first row
        for (int r = 0; r < std::min(rowCount(), shownRows_); ++r) {
            height += rows->sectionSize(r);
        }
        setVerticalScrollBarPolicy(rowCount() > shownRows_ ? Qt::ScrollBarAlwaysOn
                                                           : Qt::ScrollBarAlwaysOff);
        setFixedHeight(height + horizontalHeader()->sizeHint().height() + 2 * frameWidth());
    }

    int shownRows_ = 0;
    QTimer fit_;
};

} // namespace

QTableWidget* labTable(const QStringList& headers, QWidget* parent) {
    auto* t = new LabTable(0, static_cast<int>(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->setVisible(false);
    t->setWordWrap(true);
    t->horizontalHeader()->setStretchLastSection(true);
    // Empty (before a run), each column as wide as its heading (they were cut at 100 px).
    t->resizeColumnsToContents();
    QObject::connect(t->horizontalHeader(), &QHeaderView::sectionResized, t,
                     [t] { t->resizeRowsToContents(); });
    return t;
}

void showRows(QTableWidget* t, int most) {
    if (auto* table = dynamic_cast<LabTable*>(t)) {
        table->showRows(most);
    }
}

QScrollArea* labScroll(QWidget* below, QWidget* parent) {
    auto* scroll = new QScrollArea(parent);
    scroll->setWidget(below);
    scroll->setWidgetResizable(true);
    // Always there, so the page's width never depends on its height: the tables' rows wrap with
    // the width, and a scroll bar coming and going with their height made QScrollArea resize the
    // page back and forth, recursing until the stack ran out (a tester's crash: Projector, zoom,
    // then the Kafka tab).
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    // Not a Tab stop of its own: a nameless "filler" to a screen reader, and its viewport said it
    // had the focus with it. Tab goes to the tables in it, and the area scrolls to show them.
    scroll->setFocusPolicy(Qt::NoFocus);
    return scroll;
}

QVBoxLayout* scrolledPage(QWidget* page) {
    auto* outer = new QVBoxLayout(page);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(page);
    scroll->setObjectName(QStringLiteral("labPage"));
    scroll->setWidgetResizable(true); // the content fills the page when it fits
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus); // Tab goes to the page's controls
    auto* content = new QWidget(scroll);
    scroll->setWidget(content);
    outer->addWidget(scroll);
    return new QVBoxLayout(content);
}

DiagramCanvas* labCanvas(QWidget* parent) {
    auto* canvas = new DiagramCanvas(parent);
    canvas->setReadableType(true);
    return canvas;
}

void zoomCanvases(std::initializer_list<DiagramCanvas*> canvases, int direction) {
    for (DiagramCanvas* canvas : canvases) {
        canvas->zoomStep(direction);
    }
}

namespace {

// kept[name] when it is a whole number from lo to hi.
std::optional<int> keptInt(const nlohmann::json& kept, const char* name, int lo, int hi) {
    if (!kept.is_object() || !kept.contains(name) || !kept[name].is_number_integer()) {
        return std::nullopt;
    }
    const auto v = kept[name].get<std::int64_t>();
    return v < lo || v > hi ? std::nullopt : std::optional<int>(static_cast<int>(v));
}

} // namespace

void restoreValue(const nlohmann::json& kept, const char* name, QSpinBox* box) {
    if (const auto v = keptInt(kept, name, box->minimum(), box->maximum())) {
        box->setValue(*v);
    }
}

void restoreIndex(const nlohmann::json& kept, const char* name, QComboBox* box) {
    if (const auto v = keptInt(kept, name, 0, box->count() - 1)) {
        box->setCurrentIndex(*v);
    }
}

void restoreChecked(const nlohmann::json& kept, const char* name, QAbstractButton* box) {
    if (kept.is_object() && kept.contains(name) && kept[name].is_boolean()) {
        box->setChecked(kept[name].get<bool>());
    }
}

} // namespace fg
