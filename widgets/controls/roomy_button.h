// A button with room around its words: half a line of the type either side at least, as the
// diagrams' buttons have, and never squeezed below it (the Lab's Run button and practice's
// "Review them" had their labels touching their borders: testers).
#pragma once

#include <QPushButton>

namespace fg {

class RoomyButton : public QPushButton {
    Q_OBJECT
public:
    using QPushButton::QPushButton;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }
};

} // namespace fg
