#include "widgets/figure/figure_pieces.h"

#include "widgets/figure/figure_scene.h"

#include <QTextLayout>
#include <algorithm>
#include <nlohmann/json.hpp>

namespace fg {

std::size_t figurePartCount(const nlohmann::json& figure) {
    const auto parts = figure.find("parts");
    return parts != figure.end() && parts->is_array() ? parts->size() : 0;
}

nlohmann::json figurePiece(const nlohmann::json& figure, std::size_t from, std::size_t to) {
    const nlohmann::json& parts = figure["parts"];
    nlohmann::json piece = figure;
    piece["parts"] = nlohmann::json::array();
    for (std::size_t i = from; i < to; ++i) {
        piece["parts"].push_back(parts[i]);
    }
    if (from > 0) {
        const std::string title = figure.value("title", std::string());
        piece["title"] = title.empty() ? std::string() : title + " (continued)";
    }
    if (to < parts.size()) {
        piece.erase("caption"); // said once, under the last piece (it repeated at each page's foot)
    }
    return piece;
}

bool pieceMayEndAt(const nlohmann::json& figure, std::size_t at) {
    const std::size_t count = figurePartCount(figure);
    if (at == 0 || at >= count) {
        return at == count;
    }
    const nlohmann::json& parts = figure["parts"];
    const std::string before = parts[at - 1].value("kind", std::string());
    const std::string after = parts[at].value("kind", std::string());
    const std::string text = parts[at].value("text", std::string());
    const bool followsOn = after == "callout" || (after == "text" && text.rfind("\u2192", 0) == 0);
    const bool leadsIn = before == "text" && after != "text" && after != "heading";
    return before != "heading" && !followsOn && !leadsIn;
}

std::size_t pieceEnd(const nlohmann::json& figure, std::size_t from,
                     const std::function<bool(const nlohmann::json&)>& fits) {
    const std::size_t count = figurePartCount(figure);
    std::size_t to = from + 1;
    while (to < count && fits(figurePiece(figure, from, to + 1))) {
        ++to;
    }
    if (to == count) {
        return to;
    }
    for (std::size_t end = to; end > from; --end) {
        if (pieceMayEndAt(figure, end)) {
            return end;
        }
    }
    if (figure["parts"][to - 1].value("kind", std::string()) == "heading") {
        // No better place, and the piece would end on a heading: a heading alone takes the
        // next part along (too tall for `fits`, but never a heading alone at a page's foot).
        return to + 1;
    }
    return to;
}

qreal smallestTextPx(const FigureScene& scene) {
    qreal smallest = 0;
    const auto take = [&smallest](const QFont& font) {
        const qreal px = font.pixelSize() > 0 ? font.pixelSize() : font.pointSizeF() * 96 / 72;
        if (px > 0) {
            smallest = smallest > 0 ? std::min(smallest, px) : px;
        }
    };
    for (const FigureScene::Text& t : scene.texts) {
        if (!t.block.layout || t.block.layout->text().trimmed().isEmpty()) {
            continue;
        }
        take(t.block.layout->font());
        for (const QTextLayout::FormatRange& r : t.block.layout->formats()) {
            if (r.format.hasProperty(QTextFormat::FontPixelSize) ||
                r.format.hasProperty(QTextFormat::FontPointSize)) {
                take(r.format.font());
            }
        }
    }
    return smallest;
}

} // namespace fg
