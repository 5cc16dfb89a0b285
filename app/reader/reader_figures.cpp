// The reader's figures: drawn at the text column's width, on worker threads at start (laid out
// and drawn there while the window is made or its text is laid out) and here when search marks
// are drawn on them; the column's width and margins they are drawn at.
#include "app/reader/image_fragments.h"
#include "app/reader/reader_view.h"
#include "widgets/figure/figure_renderer.h"
#include "widgets/figure/figure_scene.h"

#include <QFontMetricsF>
#include <QPixmap>
#include <QScrollBar>
#include <QTextDocument>
#include <QTextFrame>
#include <QUrl>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace fg {

void ReaderView::renderFigures(bool aside) {
    if (!course_ || chapter_ < 0 || !shown_) {
        return;
    }
    const QTextFrameFormat root = document()->rootFrame()->frameFormat();
    const qreal width = figureWidth(viewport()->width(), root.leftMargin() + root.rightMargin());
    if (std::abs(width - renderedWidth_) < 1) {
        return;
    }
    renderedWidth_ = width;
    // Drawn early at this width (within the margins' rounding): their sizes come from the
    // workers, which are laying them out or done.
    const bool early = aside && earlyWidth_ > 0 && std::abs(width - earlyWidth_) < 2 &&
                       earlyRatio_ == devicePixelRatioF();
    earlyWidth_ = 0;
    for (const nlohmann::json* b : figureBlocks()) {
        if (early) {
            standIn(*b, images_.size(figureName(*b)));
        } else if (aside) {
            drawFigureAside(*b, width);
        } else {
            renderFigure(*b, width);
        }
    }
    relayOutFigures();
}

std::vector<const nlohmann::json*> ReaderView::figureBlocks() const {
    std::vector<const nlohmann::json*> out;
    if (!course_ || chapter_ < 0) {
        return out;
    }
    for (const auto& s : course_->chapters[static_cast<std::size_t>(chapter_)].sections) {
        for (const auto& b : s.blocks) {
            if (b.value("type", std::string()) == "figure") {
                out.push_back(&b);
            }
        }
    }
    return out;
}

void ReaderView::relayOutFigures() {
    // Only the figures' lines: the whole chapter again threw away the shaping of all its text
    // (a tenth of the start-up's work on the main thread, callgrind).
    QTextDocument* doc = document();
    forEachImage(doc, QLatin1String("figure:"), [doc](const QString&, const QTextFragment& f) {
        doc->markContentsDirty(f.position(), f.length());
    });
}

void ReaderView::renderFigure(const nlohmann::json& block, qreal width) {
    const QString id = QString::fromStdString(block.value("id", std::string()));
    // FigureLayout applies the theme's fontScale itself.
    const FigureRenderer r(block, theme_, std::min<qreal>(width, 1400), figureBodyPx());
    SceneHighlight marks;
    const bool marked = !query_.isEmpty() && figureHits_.value(id) > 0;
    if (marked) {
        marks.query = query_;
        marks.fill = theme_.highlight;
        marks.text = theme_.kind == Theme::Kind::Dark ? QColor(Qt::white) : QColor(Qt::black);
        marks.currentFill = theme_.accent; // the hit F3 is on stands out from the others
        marks.currentText = theme_.background;
        if (currentHit_ >= 0 && currentHit_ < hitCount() &&
            allHits_[static_cast<std::size_t>(currentHit_)].figure == id) {
            marks.current = allHits_[static_cast<std::size_t>(currentHit_)].index;
        }
    }
    const QString name = figureName(block);
    images_.cancel(name);
    // A pixmap, converted once: an image resource was converted to a pixmap (a copy of every
    // pixel) each time the text was laid out or drawn, 3 to 4 times per figure at start.
    document()->addResource(
        QTextDocument::ImageResource, QUrl(name),
        QPixmap::fromImage(
            r.toImage(devicePixelRatioF(), marked ? &marks : nullptr, QImage::Format_RGB32)));
}

void ReaderView::drawFigureAside(const nlohmann::json& block, qreal width) {
    // Started first: the worker lays the figure out and draws it, which takes longest.
    images_.draw(figureName(block), block, theme_, std::min<qreal>(width, 1400), figureBodyPx(),
                 devicePixelRatioF());
    // Laid out here too, for its size only: the text is laid out around a stand-in of the
    // image's size, whose pixels are never drawn (nor touched: filling them cost 7 ms of page
    // faults). The picture replaces it before the reader is first painted (paintEvent).
    standIn(block,
            FigureRenderer(block, theme_, std::min<qreal>(width, 1400), figureBodyPx()).size());
    ++laidOutHere_;
}

void ReaderView::standIn(const nlohmann::json& block, QSizeF size) {
    const qreal dpr = devicePixelRatioF();
    QImage image((size * dpr).toSize(), QImage::Format_RGB32);
    image.setDevicePixelRatio(dpr);
    document()->addResource(QTextDocument::ImageResource, QUrl(figureName(block)),
                            QPixmap::fromImage(std::move(image)));
}

QString ReaderView::figureName(const nlohmann::json& block) {
    return QStringLiteral("figure:") + QString::fromStdString(block.value("id", std::string()));
}

void ReaderView::drawFiguresEarly(qreal width) {
    const qreal dpr = devicePixelRatioF();
    for (const nlohmann::json* b : figureBlocks()) {
        images_.draw(figureName(*b), *b, theme_, std::min<qreal>(width, 1400), figureBodyPx(), dpr);
    }
    earlyWidth_ = width;
    earlyRatio_ = dpr;
}

// The figures' width in a view `viewportWidth` wide whose text column has `sideMargins` (the
// root frame's left and right margins) on top of the document's margin.
qreal ReaderView::figureWidth(qreal viewportWidth, qreal sideMargins) const {
    return std::max<qreal>(320,
                           viewportWidth - 2 * document()->documentMargin() - sideMargins - 24);
}

qreal ReaderView::figureBodyPx() const {
    return bodyPx() / theme_.fontScale * 0.9;
}

qreal ReaderView::sideMargin() const {
    return sideMargin(viewport()->width());
}

qreal ReaderView::sideMargin(int viewportWidth) const {
    // A readable measure: the text column is at most about 75 characters of the body's type,
    // centred in the view (side margins only: the top stays close to the chapter's title). It
    // was 52 em, wider than the window in the Projector's type: no margins at all there.
    // The root frame's left and right margins replace the document's margin on those sides: a
    // side of 0 put the text against the window's edge (the Projector's reader beside the
    // search). At least the document's margin, or one character of the body's type.
    return std::max(gutter(), (viewportWidth - widestColumn()) / 2);
}

int ReaderView::scrollBarToCome() const {
    // The scroll bar comes with the text's layout at the new width: the view's width then is
    // foreseen from the text's length, where it is clear (else -1: not foreseen).
    const QScrollBar* bar = verticalScrollBar();
    if (verticalScrollBarPolicy() != Qt::ScrollBarAsNeeded || bar->isVisible()) {
        return 0;
    }
    const QFontMetricsF fm(document()->defaultFont());
    const qreal column = viewport()->width() - 2 * sideMargin() - bar->sizeHint().width();
    const qreal lines =
        document()->characterCount() * fm.averageCharWidth() / std::max<qreal>(1, column);
    // A figure is at least six lines high.
    const auto figures = static_cast<qreal>(figureBlocks().size());
    const qreal tall = (lines + 6 * figures) * fm.lineSpacing() / std::max(1, viewport()->height());
    // About the least the text can take (paragraphs' ends and spacing add to it), but a table
    // puts several words on a line: where it is wrong, the text is laid out again when the
    // scroll bar comes or goes, and the figures are drawn again.
    return tall > 1 ? bar->sizeHint().width() : tall < 0.5 && figures == 0 ? 0 : -1;
}

} // namespace fg
