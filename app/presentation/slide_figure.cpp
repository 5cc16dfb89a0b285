#include "app/presentation/slide_figure.h"

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
    const nlohmann::json& parts = figure.contains("parts") && figure["parts"].is_array()
                                      ? figure["parts"]
                                      : nlohmann::json::array();
    if (parts.size() < 2 || fits(figure)) {
        return {picture(figure)};
    }
    const std::string title = figure.value("title", std::string());
    const auto piece = [&](std::size_t from, std::size_t to) {
        nlohmann::json f = figure;
        f["parts"] = nlohmann::json::array();
        for (std::size_t i = from; i < to; ++i) {
            f["parts"].push_back(parts[i]);
        }
        if (from > 0) {
            f["title"] = title.empty() ? std::string() : title + " (continued)";
        }
        return f;
    };
    std::vector<QImage> out;
    std::size_t from = 0;
    while (from < parts.size()) {
        std::size_t to = from + 1; // at least one part, shrunk if it alone is too tall
        while (to < parts.size() && fits(piece(from, to + 1))) {
            ++to;
        }
        // A heading goes with what it heads, not at the bottom of a piece.
        if (to < parts.size() && to - from > 1 && parts[to - 1].value("kind", "") == "heading") {
            --to;
        }
        out.push_back(picture(piece(from, to)));
        from = to;
    }
    return out;
}

} // namespace fg
