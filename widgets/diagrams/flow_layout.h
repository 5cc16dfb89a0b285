// FlowLayout: a row of controls that wraps onto a second (third...) line when the page is too
// narrow for it, as words wrap in a paragraph. Its minimum width is that of its widest control,
// not the sum of all of them: a diagram's toolbar never widens the window, and no control is
// squeezed below the width its text needs. A control added with a stretch, and a stretch added
// with addStretch(), share what is left of their line.
#pragma once

#include <QLayout>
#include <QList>

namespace fg {

class FlowLayout : public QLayout {
public:
    explicit FlowLayout(QWidget* parent = nullptr);
    ~FlowLayout() override;

    // As QBoxLayout's: `stretch` > 0 makes the control take a share of its line's spare room
    // (it is placed at its least width, when it has one, and grows from there).
    void addWidget(QWidget* widget, int stretch = 0);
    // Spare room on its line goes here (it pushes the controls after it to the line's end).
    void addStretch(int stretch = 1);
    // How many lines the controls take at the layout's current width (as last laid out).
    int lineCount() const { return lines_; }

    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

private:
    struct Entry {
        QLayoutItem* item;
        int stretch;
    };
    int doLayout(const QRect& rect, bool apply) const;
    int hSpacing() const;
    int vSpacing() const;

    QList<Entry> entries_;
    mutable int lines_ = 0;
};

} // namespace fg
