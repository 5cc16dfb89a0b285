// A word too long for a line (a 300-character key typed by a student) shortened for the screen:
// its first and last characters around an ellipsis, and how long it is, so the narration and the
// drawing wrap within the page instead of running past both edges. What is stored and exported
// as data (scenarios, `fieldguide run`) keeps the word whole.
#pragma once

#include <QString>

class QFontMetricsF;

namespace fg {

// `word` when it has at most `most` characters; else its first most - 12 characters, "…", its
// last 8 and "(N characters)".
QString shortWord(const QString& word, int most = 40);

// A name inside a drawing's box (a consumer, a group): `name` when it has at most `most`
// characters, else its first and last (most - 2) / 2 around an ellipsis, with no count (the
// narration under the drawing says it whole, or as shortWord() cuts it).
QString shortName(const QString& name, int most = 16);

// A name in a box of `width` (in `metrics`): `name` whole when it fits, else as much of its
// start and its end as fit around an ellipsis ("order-14929" as "orde\u2026929"), never half of a
// character made of two UTF-16 units; at least its first and last character.
QString fittedName(const QString& name, const QFontMetricsF& metrics, qreal width);

// `text` with every run of characters without a space longer than `most` shortened by
// shortWord(): the word in it, that is, without the quotes around it and the punctuation after
// it, which stay as they are.
QString shortWords(const QString& text, int most = 40);

} // namespace fg
