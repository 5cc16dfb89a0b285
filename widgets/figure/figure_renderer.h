// FigureRenderer: lays out and paints one `figure` block of the course (content/SCHEMA.md, "Figure
// parts") at a given width. Layout happens once, in the constructor; paint() only reads the
// precomputed geometry, so the same object draws the screen, a QImage (PNG), a QSvgGenerator (SVG)
// and a QPdfWriter (PDF) identically.
#pragma once

#include "models/theme/theme.h"

#include <QImage>
#include <QPainter>
#include <QSizeF>
#include <memory>
#include <nlohmann/json_fwd.hpp>

namespace fg {

struct FigureScene;
struct SceneHighlight;

class FigureRenderer {
public:
    // REQUIRES: `figure` passed content validation. `bodyPx` is the reader's body font size in
    // device-independent pixels (zoom changes it); `width` the width available.
    FigureRenderer(const nlohmann::json& figure, const Theme& theme, qreal width, qreal bodyPx);
    ~FigureRenderer();
    FigureRenderer(FigureRenderer&&) noexcept;
    FigureRenderer& operator=(FigureRenderer&&) noexcept;

    QSizeF size() const;
    // The laid-out primitives (for tests that check what is drawn).
    const FigureScene& scene() const;
    // Paints with the figure's top-left corner at (0, 0) of the painter's coordinates, with
    // search hits marked when `highlight` is given.
    void paint(QPainter& painter, const SceneHighlight* highlight = nullptr) const;
    // The figure as an image of size() * dpr pixels (devicePixelRatio set to dpr), on the
    // theme's background. An opaque one (Format_RGB32) becomes a screen pixmap without a copy:
    // a premultiplied one was checked for transparency and converted, pixel by pixel (7 ms for
    // the first chapter's figure).
    QImage toImage(qreal dpr, const SceneHighlight* highlight = nullptr,
                   QImage::Format format = QImage::Format_ARGB32_Premultiplied) const;
    // The figure drawn at `scale` of its size, as an image of size() * scale * dpr pixels
    // (devicePixelRatio set to dpr, premultiplied): a figure set smaller on a page, drawn at the
    // size it is shown (scaled down as a picture, its letters came out soft).
    QImage toScaledImage(qreal scale, qreal dpr) const;

private:
    Theme theme_;
    std::unique_ptr<FigureScene> scene_;
};

} // namespace fg
