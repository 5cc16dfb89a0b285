#include "app/presentation/slide_figure.h"

#include "widgets/figure/figure_pieces.h"
#include "widgets/figure/figure_renderer.h"

namespace fg {

std::vector<QImage> slideFigure(const nlohmann::json& figure, const Theme& theme, qreal width,
                                qreal px, qreal tallest, qreal dpr) {
    const auto picture = [&](const nlohmann::json& f) {
        QImage img = FigureRenderer(f, theme, width, px).toImage(dpr);
        const qreal shown = img.height() / img.devicePixelRatio();
        if (shown > tallest) {
            img.setDevicePixelRatio(img.devicePixelRatio() * shown / tallest);
        }
        return img;
    };
    const auto fits = [&](const nlohmann::json& f) {
        return FigureRenderer(f, theme, width, px).size().height() <= tallest;
    };
    if (figurePartCount(figure) < 2 || fits(figure)) {
        return {picture(figure)};
    }
    std::vector<QImage> out;
    for (std::size_t from = 0; from < figurePartCount(figure);) {
        // At least one part, shrunk if it alone is too tall.
        const std::size_t to = pieceEnd(figure, from, fits);
        out.push_back(picture(figurePiece(figure, from, to)));
        from = to;
    }
    return out;
}

} // namespace fg
