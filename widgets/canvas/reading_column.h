// ReadingColumn: a page's content in one column, centred, as wide as the page up to what reads
// well: about `chars` average characters of its own type, so it follows the theme's and the
// page's type zoom (the decision wizard, the quiz and the progress page stood in a narrow band at
// the left of a 1920-px page, their buttons at the far right).
#pragma once

#include <QWidget>

class QVBoxLayout;

namespace fg {

class ReadingColumn : public QWidget {
public:
    // Lays the column out in `page` (which must have no layout yet), centred, with `page`'s
    // usual margins; fill layout().
    ReadingColumn(int chars, QWidget* page);
    QVBoxLayout* column() const { return column_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void fitToFont();

    int chars_;
    QVBoxLayout* column_;
};

} // namespace fg

class QLabel;
class QString;

namespace fg {

// A label of plain text for a reading column: it wraps, can be selected, and is named `name`
// for screen readers (the quiz's question, the practice page's prompt).
QLabel* wrappedLabel(const QString& name, QWidget* parent);

} // namespace fg
