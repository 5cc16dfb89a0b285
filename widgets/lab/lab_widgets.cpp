#include "widgets/lab/lab_widgets.h"

#include "widgets/canvas/diagram_canvas.h"
#include "widgets/controls/zoom_buttons.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyle>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
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

// A table's headings wrapping in their sections' widths, as the cells do: a heading wider than
// its column was cut ("RocksDE"), and the projector's type zoomed on a laptop leaves no room for
// every heading on one line.
class WrappingHeader : public QHeaderView {
public:
    explicit WrappingHeader(QWidget* parent) : QHeaderView(Qt::Horizontal, parent) {
        setDefaultAlignment(Qt::Alignment::fromInt(int(Qt::AlignCenter) | Qt::TextWordWrap));
        setTextElideMode(Qt::ElideNone);
    }

protected:
    // As wide as the heading on one line (the width it asks for), as high as it is wrapped in
    // the section's width now.
    QSize sectionSizeFromContents(int logical) const override {
        QSize size = QHeaderView::sectionSizeFromContents(logical);
        const int room =
            sectionSize(logical) - 2 * style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, this);
        if (room > 0 && size.width() > sectionSize(logical)) {
            const QString text = model()->headerData(logical, orientation()).toString();
            const QFontMetrics fm = fontMetrics();
            size.rheight() +=
                fm.boundingRect(QRect(0, 0, room, 100'000), Qt::TextWordWrap, text).height() -
                fm.height();
        }
        return size;
    }
};

// A lab's table: with showRows, as tall as its first `shownRows` rows. The height is set after
// the rows change (a timer coalesces the changes), never from a size hint the layout asks for: as
// a hint (AdjustToContents), it followed the rows' wrapping, the wrapping the width, and
// QScrollArea resized the page back and forth until the stack ran out (a tester's crash).
// With shareWidth, its columns share its width (fitColumns) whenever its rows, its width or its
// type change.
class LabTable : public QTableWidget {
public:
    LabTable(int rows, int columns, QWidget* parent) : QTableWidget(rows, columns, parent) {
        for (QTimer* t : {&fit_, &share_}) {
            t->setSingleShot(true);
            t->setInterval(0);
        }
        QObject::connect(&fit_, &QTimer::timeout, this, [this] { fitRows(); });
        QObject::connect(&share_, &QTimer::timeout, this, [this] { fitColumns(); });
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
    void shareWidth() {
        sharing_ = true;
        setHorizontalHeader(new WrappingHeader(this));
        horizontalHeader()->setStretchLastSection(true);
        const auto later = qOverload<>(&QTimer::start);
        connect(model(), &QAbstractItemModel::dataChanged, &share_, later);
        connect(model(), &QAbstractItemModel::headerDataChanged, &share_, later);
        connect(model(), &QAbstractItemModel::rowsInserted, &share_, later);
        connect(model(), &QAbstractItemModel::modelReset, &share_, later);
        share_.start();
    }

protected:
    // A new width wraps the rows anew: fitted again once the columns have taken it (the Why
    // column's reasons were cut short in a 1280-px window: a tester).
    void resizeEvent(QResizeEvent* event) override {
        QTableWidget::resizeEvent(event);
        if (event->size().width() != event->oldSize().width()) {
            later();
        }
    }

    // Each column as wide as its heading and its text in the new type (Projector and View > Zoom
    // cut "Quantity" to "Quantit" and "RocksDB" to "RocksDE", and squeezed the reasons).
    void changeEvent(QEvent* event) override {
        QTableWidget::changeEvent(event);
        if (event->type() == QEvent::FontChange) {
            later();
        }
    }

private:
    // After the events under way (the header takes its new type after the table).
    void later() {
        if (sharing_) {
            share_.start();
        } else {
            QTimer::singleShot(0, this, [this] {
                if (rowCount() == 0) {
                    resizeColumnsToContents();
                }
                resizeRowsToContents();
            });
        }
    }

    // The last column (the reasons) takes what the others leave, at least kLastShare of the
    // width; the others are as wide as their headings and their text, narrowed in proportion
    // (their text wrapping) where that leaves the last less. No column is narrower than its
    // longest word (a cell breaks a word letter by letter). Then the rows and the headings fit
    // their wrapped text. (Stretched alone, the last column was left one letter wide when the
    // others' widest text grew past the width: Projector, zoomed, a tester.)
    void fitColumns() {
        const int n = columnCount();
        if (n == 0) {
            return;
        }
        std::vector<int> natural(static_cast<std::size_t>(n)), least(natural.size());
        int wanted = 0;
        for (int c = 0; c < n; ++c) {
            const auto i = static_cast<std::size_t>(c);
            least[i] = longestWord(c);
            natural[i] =
                std::max({sizeHintForColumn(c), horizontalHeader()->sectionSizeHint(c), least[i]});
            wanted += c < n - 1 ? natural[i] : 0;
        }
        const int room = viewport()->width();
        const int forLast = std::max(least.back(), int(room * kLastShare));
        const int forOthers = std::max(0, room - forLast);
        for (int c = 0; c < n - 1; ++c) {
            const auto i = static_cast<std::size_t>(c);
            const int shared = int(qint64(natural[i]) * forOthers / std::max(1, wanted));
            setColumnWidth(c, wanted <= forOthers ? natural[i] : std::max(least[i], shared));
        }
        resizeRowsToContents();
        horizontalHeader()->headerDataChanged(Qt::Horizontal, 0, n - 1); // its wrapped height
        updateGeometries();
        fit_.start();
    }

    // The widest word of column `c`'s heading and cells, with the cell's margins.
    int longestWord(int c) const {
        auto widest = [](const QFontMetrics& fm, const QString& text) {
            int w = 0;
            for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                w = std::max(w, fm.horizontalAdvance(word));
            }
            return w;
        };
        const QHeaderView* header = horizontalHeader();
        int w = widest(header->fontMetrics(), model()->headerData(c, Qt::Horizontal).toString()) +
                2 * style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
        const int cellMargins = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1);
        for (int r = 0; r < rowCount(); ++r) {
            if (const QTableWidgetItem* it = item(r, c)) {
                w = std::max(w, widest(fontMetrics(), it->text()) + cellMargins);
            }
        }
        return w;
    }

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

    static constexpr qreal kLastShare = 0.4;
    int shownRows_ = 0;
    bool sharing_ = false;
    QTimer fit_;
    QTimer share_;
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

void shareWidth(QTableWidget* t) {
    if (auto* table = dynamic_cast<LabTable*>(t)) {
        table->shareWidth();
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

namespace {

// A Lab page's content: as tall as the window when its widgets fit there at their least heights
// (the page scrolled as soon as the window was shorter than what they would like, the drawings'
// nodes out of sight at 1024x700: tester 40), taller only when they do not fit.
class PageContent : public QWidget {
public:
    using QWidget::QWidget;
    int heightForWidth(int width) const override {
        return layout() && layout()->hasHeightForWidth()
                   ? layout()->totalMinimumHeightForWidth(width)
                   : QWidget::heightForWidth(width);
    }
};

} // namespace

QVBoxLayout* scrolledPage(QWidget* page) {
    auto* outer = new QVBoxLayout(page);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(page);
    scroll->setObjectName(QStringLiteral("labPage"));
    scroll->setWidgetResizable(true); // the content fills the page when it fits
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus); // Tab goes to the page's controls
    auto* content = new PageContent(scroll);
    scroll->setWidget(content);
    outer->addWidget(scroll);
    return new QVBoxLayout(content);
}

DiagramCanvas* labCanvas(QWidget* parent) {
    auto* canvas = new DiagramCanvas(parent);
    canvas->setReadableType(true);
    return canvas;
}

QString startStepping(Player* player) {
    player->seek(0);
    const int steps = player->stepCount();
    return steps > 1
               ? QCoreApplication::translate(
                     "fg::LabWidgets", "The drawings start at step 1 of %1: press Right to step "
                                       "through the run, Left to go back, End for its last "
                                       "step.")
                     .arg(steps)
               : QString();
}

QString sentenceAfter(const QString& sentence) {
    return sentence.isEmpty() ? QString() : QLatin1Char(' ') + sentence;
}

ZoomButtons* labZoomButtons(QWidget* page, std::function<void(int)> zoom, QWidget* parent) {
    auto* buttons = new ZoomButtons(
        [page, zoom = std::move(zoom)](int direction) {
            if (direction != 0) {
                zoom(direction);
                return;
            }
            for (DiagramCanvas* canvas : page->findChildren<DiagramCanvas*>()) {
                canvas->fitWhole();
            }
        },
        parent);
    for (QToolButton* b : buttons->findChildren<QToolButton*>()) {
        if (b->text() == ZoomButtons::tr("Fit")) {
            b->setToolTip(QCoreApplication::translate(
                "fg::LabWidgets", "Fit each whole drawing in its room, its words smaller if need "
                                  "be (View > Reset zoom, Ctrl+0: back to words at the page's "
                                  "size)"));
        }
    }
    return buttons;
}

void zoomCanvases(std::initializer_list<DiagramCanvas*> canvases, int direction) {
    for (DiagramCanvas* canvas : canvases) {
        canvas->zoomStep(direction);
        canvas->showStart(); // zoomed about its middle, its titles were cut off (a tester)
    }
}

} // namespace fg
