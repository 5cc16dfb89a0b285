#include "widgets/lab/lab_widgets.h"

#include "widgets/canvas/diagram_canvas.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>

namespace fg {

QLabel* labSentence(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QTableWidget* labTable(const QStringList& headers, QWidget* parent) {
    auto* t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
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

} // namespace fg
