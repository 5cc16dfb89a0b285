// WholeWordsColumn: a table column whose cells wrap their text keeps the room for the longest
// word of any of its cells, beside the cell's tick box. The decision matrix's columns share the
// width equally; at 800 px in the Projector's type "Downsampling" was wider than its cell and
// ran past the edge. The column then takes the width it needs and the others share the rest.
#pragma once

#include <QObject>

class QTableWidget;

namespace fg {

class WholeWordsColumn : public QObject {
    Q_OBJECT
public:
    // Keeps `column` of `table` wide enough, from now on (resizes, a new type).
    static void install(QTableWidget* table, int column);
    // The least width of `column` in which the longest word of each cell fits whole.
    static int leastWidth(const QTableWidget* table, int column);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    WholeWordsColumn(QTableWidget* table, int column);
    void fit();

    QTableWidget* table_;
    int column_;
};

} // namespace fg
