#include "widgets/lab/lab_widgets.h"

#include "widgets/canvas/diagram_canvas.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
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

// A lab's table: with showRows, as tall as its first `shownRows` rows (the rows as tall as their
// text now, not as when they were added).
class LabTable : public QTableWidget {
public:
    using QTableWidget::QTableWidget;
    int shownRows = -1; // -1: a plain table, any height

protected:
    QSize viewportSizeHint() const override {
        QSize hint = QTableWidget::viewportSizeHint();
        if (shownRows < 0) {
            return hint;
        }
        const QHeaderView* rows = verticalHeader();
        int height = rowCount() == 0 ? rows->defaultSectionSize() : 0; // room for a first row
        for (int r = 0; r < std::min(rowCount(), shownRows); ++r) {
            height += rows->sectionSize(r);
        }
        hint.setHeight(height + horizontalHeader()->sizeHint().height());
        return hint;
    }
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
        table->shownRows = most;
        table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
        table->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        table->updateGeometry();
    }
}

void zoomCanvases(std::initializer_list<DiagramCanvas*> canvases, int direction) {
    for (DiagramCanvas* canvas : canvases) {
        if (direction > 0) {
            canvas->zoomIn();
        } else if (direction < 0) {
            canvas->zoomOut();
        } else {
            canvas->fitToView();
        }
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
