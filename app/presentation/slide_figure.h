// A figure on a presentation's text slide: as large as the text column, in the slide's type, and
// never shrunk to fit the screen when it can be cut between its parts instead (a tall figure, the
// Kafka cluster or the ways to scale Redis, was drawn at 40% of the slide's width, its text 11 to
// 14 px high).
#pragma once

#include "models/theme/theme.h"

#include <QImage>
#include <nlohmann/json.hpp>
#include <vector>

namespace fg {

// `figure` (a course figure block) laid out `width` wide with `px` body text, as pictures no
// taller than `tallest` (device-independent pixels; each image at `dpr`): the whole figure when
// it fits; else its parts in order, as many to a picture as fit (the first under the figure's
// title, the others under "title (continued)"; a heading part never ends one); only a single part
// taller than `tallest` is shrunk to it.
std::vector<QImage> slideFigure(const nlohmann::json& figure, const Theme& theme, qreal width,
                                qreal px, qreal tallest, qreal dpr);

} // namespace fg
