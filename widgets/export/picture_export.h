// Picture export: writes anything that can paint itself on a QPainter (a figure, a diagram frame)
// as PNG (pixels: size x scale, optionally transparent), SVG (vector: paths and text, never an
// embedded bitmap) or PDF (one vector page of the same proportions). The same paint function
// draws the screen, so an export always looks like what is shown. Files are written through
// AtomicFile: a failure (a full disk too) leaves no partial file behind, and an existing file is
// kept intact.
#pragma once

#include "engines/core/status.h"

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QPageSize>
#include <QSizeF>
#include <QString>
#include <functional>
#include <optional>

class QPainter;

namespace fg {

enum class PictureFormat { Png, Svg, Pdf };

// "png", "svg", "pdf" (any case), or the extension of a file name; nullopt when unknown.
std::optional<PictureFormat> pictureFormatFromName(const QString& nameOrPath);

struct PictureOptions {
    QSizeF size{1920, 1080};       // logical size: pixels for PNG at scale 1, points for PDF
    qreal scale = 1.0;             // PNG only: pixels per logical unit
    QColor background = Qt::white; // filled behind the picture
    bool transparent = false;      // PNG only: no background at all
    QString title;                 // SVG and PDF metadata
    // PDF only: this paper (A4, Letter), turned to landscape when the picture is wider than
    // A picture's pixel on its own PDF page: a CSS pixel, 1/96 inch, as in the SVG (a 1920-pixel
    // picture 508 mm wide in both; the PDF's page was 1920 points, 677 mm: tester 40).
    static constexpr qreal kPixelPt = 72.0 / 96.0;
    // tall, the picture scaled to fit inside kPaperMarginPt and centred; else the page is `size`
    // in points, edge to edge (a slide).
    std::optional<QPageSize> pdfPaper;
    static constexpr qreal kPaperMarginPt = 72 / 2.54; // 1 cm: a printer's edge stays blank
};

// Paints the picture into the logical rectangle (0, 0, size).
using PaintFunction = std::function<void(QPainter&, QSizeF size)>;

// `paint` drawn at `size` (device-independent pixels) on a `background` image of size * dpr
// pixels, antialiased: the clipboard's and the handout's pictures. A null image when memory runs
// out.
QImage paintToImage(const PaintFunction& paint, QSizeF size, qreal dpr, const QColor& background);

// `paint` as an SVG document at `size` in CSS pixels (1/96 inch), `background` behind it. Each
// font family named in it is followed by fallbacks of its kind ("'DejaVu Sans', Verdana, Arial,
// sans-serif"): Qt names only the family it drew with, and a slide program without DejaVu set
// the labels in a serif font.
QByteArray svgPicture(const PaintFunction& paint, QSizeF size, const QColor& background,
                      const QString& title = {});

// Ok, or a Status whose message is a plain sentence naming the problem (the path, and why): bad
// input (a size too small or too large) or a failure (the file could not be written; the old
// file, if any, is left as it was).
Status exportPicture(const PaintFunction& paint, PictureFormat format, const QString& path,
                     const PictureOptions& options);

} // namespace fg
