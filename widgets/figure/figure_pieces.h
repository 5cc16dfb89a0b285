// A tall figure cut between its parts, for pages (a presentation's slides, a printed handout): each
// piece is a figure of its own, the first under the figure's title, the others under "title
// (continued)", as a book continues a figure or a table on its next page.
#pragma once

#include <QFont>
#include <cstddef>
#include <functional>
#include <nlohmann/json_fwd.hpp>

namespace fg {

struct FigureScene;

// How many parts `figure` (a course figure block) has: 0 for a figure with no list of parts.
std::size_t figurePartCount(const nlohmann::json& figure);

// REQUIRES: from < to <= figurePartCount(figure). Parts [from, to) of `figure` as a figure of
// their own; the whole figure when they are all its parts.
nlohmann::json figurePiece(const nlohmann::json& figure, std::size_t from, std::size_t to);

// REQUIRES: from < figurePartCount(figure). Where the piece that starts at part `from` ends: as
// many parts as `fits` accepts (at least one, even one it refuses), and never on a heading part
// when more parts follow it (a heading goes with what it heads: a piece that would be a heading
// alone takes the part after it too, even if `fits` refuses the two).
std::size_t pieceEnd(const nlohmann::json& figure, std::size_t from,
                     const std::function<bool(const nlohmann::json&)>& fits);

// The smallest letters a laid-out figure draws, in its units (0: it draws no text).
qreal smallestTextPx(const FigureScene& scene);

} // namespace fg
