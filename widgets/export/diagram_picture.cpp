#include "widgets/export/diagram_picture.h"

#include "widgets/canvas/long_words.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>

namespace fg {

namespace {

// A margin proportional to the picture, all round (unless one is given).
qreal marginOf(QSizeF size, qreal margin) {
    return margin >= 0 ? margin : 0.05 * std::min(size.width(), size.height());
}

qreal captionHeight(QSizeF size, bool withCaption, const Theme& theme) {
    return withCaption ? std::min(0.16, 0.08 * theme.fontScale) * size.height() : 0;
}

} // namespace

qreal diagramPictureScale(QSizeF size, const QRectF& view, bool withCaption, const Theme& theme,
                          qreal margin, qreal largestTextPx) {
    const qreal m = marginOf(size, margin);
    const qreal w = std::max<qreal>(view.width(), 1e-6), h = std::max<qreal>(view.height(), 1e-6);
    // A small drawing (a tree of three keys) grows to fill the picture, until its largest letters
    // are a seventh of the picture's height (a slide's headline and more); at least 3 times.
    const qreal most = largestTextPx > 0 ? std::max(3.0, size.height() / 7 / largestTextPx) : 3.0;
    return std::min({(size.width() - 2 * m) / w,
                     (size.height() - 2 * m - captionHeight(size, withCaption, theme)) / h, most});
}

void paintDiagramPicture(QPainter& p, QSizeF size, const Frame& frame, const QString& caption,
                         const Theme& theme, const QRectF& camera, qreal marginGiven) {
    // The drawing framed by what it draws (strokes and highlights included), not by its nominal
    // size: the projector's thick strokes and a highlighted node reached the edges of a small
    // export.
    const qreal margin = marginOf(size, marginGiven);
    const qreal captionH = captionHeight(size, !caption.isEmpty(), theme);
    const QRectF area(margin, margin, size.width() - 2 * margin,
                      size.height() - 2 * margin - captionH);
    const QRectF drawn = frame.bounds();
    const QRectF view = camera.isValid()       ? camera
                        : drawn.isValid()      ? drawn
                        : frame.size.isEmpty() ? QRectF(0, 0, 1, 1)
                                               : frame.extent();
    const qreal k =
        diagramPictureScale(size, view, !caption.isEmpty(), theme, margin, frame.largestTextPx());
    p.save();
    p.translate(area.center() - QPointF(view.width() * k / 2, view.height() * k / 2));
    p.scale(k, k);
    p.translate(-view.topLeft());
    paintFrame(p, frame);
    p.restore();
    if (!caption.isEmpty()) {
        // The narration fits its band: smaller type for a long step, then cut with an ellipsis.
        const QRectF band(margin, size.height() - margin - captionH, size.width() - 2 * margin,
                          captionH);
        const int flags = Qt::AlignCenter | Qt::TextWordWrap;
        QFont font(QStringLiteral("DejaVu Sans"));
        int px = std::max(10, qRound(captionH * 0.38));
        // A long word shortened as on screen (a 300-character consumer ran past both edges).
        const QString shortened = shortWords(caption);
        QString text = shortened;
        for (;;) {
            font.setPixelSize(px);
            const QFontMetricsF fm(font);
            if (fm.boundingRect(band, flags, text).height() <= band.height()) {
                break;
            }
            if (px > 12) {
                px = std::max(12, px * 9 / 10);
                continue;
            }
            const int lines = std::max(1, int(band.height() / fm.lineSpacing()));
            text = fm.elidedText(shortened, Qt::ElideRight, band.width() * lines * 0.92);
            break;
        }
        p.setFont(font);
        p.setPen(theme.text);
        p.drawText(band, flags, text);
    }
}

} // namespace fg
