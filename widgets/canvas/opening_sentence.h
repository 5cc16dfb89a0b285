// The sentence a diagram shows before its first step (its narration at position -1): what is
// coming, from the scenario's title ("Coming up: Seven keys in order..."), or "The starting
// point, before the first step." when it has none. On screen it then says how to watch the
// steps; on a picture (an export at step 0, an animation's first frame, `fieldguide export --step
// 0`), where there is nothing to press, how many steps follow; on a presentation's slide, where
// Right and Space step (as they go to the next slide) and nothing plays, which keys step.
#pragma once

#include <QString>

namespace fg {

enum class OpeningFor { Screen, Picture, Slide };

QString openingSentence(QString title, int steps, OpeningFor where);

} // namespace fg
