#include "widgets/export/picture_export.h"

#include "models/io/atomic_file.h"
#include "models/io/status_text.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

namespace fg {

std::optional<PictureFormat> pictureFormatFromName(const QString& nameOrPath) {
    const QString n = nameOrPath.contains(QLatin1Char('.')) || nameOrPath.contains(QLatin1Char('/'))
                          ? QFileInfo(nameOrPath).suffix().toLower()
                          : nameOrPath.toLower();
    if (n == QLatin1String("png")) {
        return PictureFormat::Png;
    }
    if (n == QLatin1String("svg")) {
        return PictureFormat::Svg;
    }
    if (n == QLatin1String("pdf")) {
        return PictureFormat::Pdf;
    }
    return std::nullopt;
}

QImage paintToImage(const PaintFunction& paint, QSizeF size, qreal dpr, const QColor& background) {
    QImage img((size * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
    if (img.isNull()) {
        return img;
    }
    img.setDevicePixelRatio(dpr);
    img.fill(background);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    paint(p, size);
    return img;
}

QByteArray svgPicture(const PaintFunction& paint, QSizeF size, const QColor& background,
                      const QString& title) {
    QByteArray out;
    {
        QBuffer buffer(&out);
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(size.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), size));
        // A CSS pixel is 1/96 inch: a 1920-pixel picture is 508 mm wide, and 1920 px in
        // Inkscape or a browser (at the generator's 72 dpi it said 677 mm).
        svg.setResolution(96);
        svg.setTitle(title);
        svg.setDescription(QStringLiteral("Made with fieldguide"));
        QPainter p(&svg);
        p.fillRect(QRectF(QPointF(0, 0), size), background);
        paint(p, size);
    }
    // The longest name first: "DejaVu Sans" is the start of "DejaVu Sans Mono".
    const std::pair<const char*, const char*> fallbacks[] = {
        {"font-family=\"DejaVu Sans Mono\"",
         "font-family=\"'DejaVu Sans Mono', Consolas, 'Courier New', monospace\""},
        {"font-family=\"DejaVu Sans\"",
         "font-family=\"'DejaVu Sans', Verdana, Arial, sans-serif\""},
        {"font-family=\"Sans Serif\"", "font-family=\"sans-serif\""},
    };
    for (const auto& [from, to] : fallbacks) {
        out.replace(from, to);
    }
    // The word joiners (U+2060) that keep "$0.023/GB" on one line in a figure have no width,
    // but in the file's text they were found by no search and copied along ("$0.023/\u2060GB").
    out.replace("\xE2\x81\xA0", "");
    out.replace("&#8288;", "");
    out.replace("&#x2060;", "");
    return out;
}

Status exportPicture(const PaintFunction& paint, PictureFormat format, const QString& path,
                     const PictureOptions& options) {
    if (options.size.width() < 1 || options.size.height() < 1 || options.scale <= 0) {
        return badInput(
            QStringLiteral("the picture size must be at least 1 x 1 and the scale above 0"));
    }
    const QSize pixels = (options.size * options.scale).toSize();
    if (format == PictureFormat::Png && (pixels.width() > 32768 || pixels.height() > 32768 ||
                                         qint64(pixels.width()) * pixels.height() > 400'000'000)) {
        return badInput(QStringLiteral("%1 x %2 pixels is too large to export (at most 32768 on a "
                                       "side and 400 million pixels)")
                            .arg(pixels.width())
                            .arg(pixels.height()));
    }
    AtomicFile file(path);
    if (const Status s = file.open(); !s) {
        return systemFailure(AtomicFile::describe(s));
    }
    switch (format) {
    case PictureFormat::Png: {
        // Opaque pictures are stored without an alpha channel: a quarter less to compress.
        QImage img(pixels, options.transparent ? QImage::Format_ARGB32_Premultiplied
                                               : QImage::Format_RGB32);
        if (img.isNull()) {
            file.cancel();
            return systemFailure(QStringLiteral("Not enough memory for a %1 x %2 image")
                                     .arg(pixels.width())
                                     .arg(pixels.height()));
        }
        img.fill(options.transparent ? QColor(Qt::transparent) : options.background);
        {
            // The scale as the painter's transform, not the image's device pixel ratio: Qt
            // paints at no less than one pixel per unit, and --scale 0.5 cut the picture to its
            // top-left quarter instead of shrinking it.
            QPainter p(&img);
            p.scale(options.scale, options.scale);
            paint(p, options.size);
        }
        QImageWriter writer(file.device(), "png");
        writer.setQuality(50); // zlib level 4 or so: 30% faster than the default, files ~1% larger
        if (!options.title.isEmpty()) {
            writer.setText(QStringLiteral("Title"), options.title);
        }
        if (!writer.write(img)) {
            const Status s = file.status();
            file.cancel();
            return systemFailure(
                s ? QStringLiteral("Could not write %1: %2").arg(path, writer.errorString())
                  : AtomicFile::describe(s));
        }
        break;
    }
    case PictureFormat::Svg:
        file.device()->write(svgPicture(paint, options.size, options.background, options.title));
        break;
    case PictureFormat::Pdf: {
        QPdfWriter pdf(file.device());
        pdf.setTitle(options.title);
        pdf.setCreator(QStringLiteral("fieldguide"));
        const QPageSize page = options.pdfPaper
                                   ? *options.pdfPaper
                                   : QPageSize(options.size * PictureOptions::kPixelPt,
                                               QPageSize::Point, QString(), QPageSize::ExactMatch);
        const bool wide = options.size.width() > options.size.height();
        pdf.setPageLayout(QPageLayout(
            page, options.pdfPaper && wide ? QPageLayout::Landscape : QPageLayout::Portrait,
            QMarginsF(0, 0, 0, 0)));
        pdf.setResolution(72); // one logical unit = one point
        QPainter p(&pdf);
        const QSizeF paper = pdf.pageLayout().fullRect(QPageLayout::Point).size();
        p.fillRect(QRectF(QPointF(0, 0), paper), options.background);
        const qreal margin = options.pdfPaper ? PictureOptions::kPaperMarginPt : 0;
        const qreal k = std::min((paper.width() - 2 * margin) / options.size.width(),
                                 (paper.height() - 2 * margin) / options.size.height());
        p.translate((paper.width() - options.size.width() * k) / 2,
                    (paper.height() - options.size.height() * k) / 2);
        p.scale(k, k);
        paint(p, options.size);
        p.end();
        break;
    }
    }
    // Every format's writer ignores some write errors (QSvgGenerator all of them): the file
    // remembers the first, and commit() then keeps the old file and removes the new one.
    if (const Status s = file.commit(); !s) {
        return systemFailure(AtomicFile::describe(s));
    }
    return Status::ok();
}

} // namespace fg
