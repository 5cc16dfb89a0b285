// ElidingComboBox: a combo box whose shown text ends in "..." where the box is narrower than it,
// with the whole text as its tooltip. Qt's cuts it at the box's edge mid-word (the Kafka Lab's
// "The default scenario: Keyed and keyless records into three part", a tester); the list that
// opens shows every entry whole.
#pragma once

#include <QComboBox>

namespace fg {

class ElidingComboBox : public QComboBox {
    Q_OBJECT
public:
    using QComboBox::QComboBox;

    // The text drawn in the box now (the current entry's, elided to the room there is).
    QString shownText() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    int textRoom() const;
};

} // namespace fg
