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
// their own; the whole figure when they are all its parts. The caption is the last piece's.
nlohmann::json figurePiece(const nlohmann::json& figure, std::size_t from, std::size_t to);

// Whether a piece of `figure` may end before part `at` (at its end: yes): not after a heading (it
// goes with what it heads), nor between a line of text and the drawing or list it leads into
// ("No key provided: round-robin" and its boxes), nor before a callout or a "→" line, which say
// what the part above them means ("→ Good for load balancing" opened a slide, the boxes it sums
// up on the slide before).
bool pieceMayEndAt(const nlohmann::json& figure, std::size_t at);

// REQUIRES: from < figurePartCount(figure). Where the piece that starts at part `from` ends: as
// many parts as `fits` accepts (at least one, even one it refuses), at the last end among them
// that pieceMayEndAt allows. Where it allows none, the piece ends where the parts stop fitting,
// except that a piece that would end on a heading takes the part after it too, even if `fits`
// refuses it (never a heading alone at a page's foot).
std::size_t pieceEnd(const nlohmann::json& figure, std::size_t from,
                     const std::function<bool(const nlohmann::json&)>& fits);

// The smallest letters a laid-out figure draws, in its units (0: it draws no text).
qreal smallestTextPx(const FigureScene& scene);

} // namespace fg
