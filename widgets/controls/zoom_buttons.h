// ZoomButtons: the zoom of a drawing in plain words, Fit, Zoom out and Zoom in, each with its key
// in its tooltip and its text as its accessible name, beside a live diagram's playback bar and a
// Lab page's drawings alike (zoomed in, a Lab drawing was cut off with no sign of how to see the
// rest, a tester). They are Tab stops that a click does not take: the keys stay with the drawing.
#pragma once

#include <QWidget>
#include <functional>

namespace fg {

class ZoomButtons : public QWidget {
    Q_OBJECT
public:
    // `zoom` gets 0 (fit the whole drawing in its room), -1 (out) or +1 (in).
    explicit ZoomButtons(std::function<void(int)> zoom, QWidget* parent = nullptr);
};

} // namespace fg
