// Text a screen reader must hear as it appears: a quiz's verdict, a practice answer's feedback, a
// simulator's results. Qt 6.4 has no announcement event (QAccessibleAnnouncementEvent came in
// 6.8): the label is read by what it shows (its name is its text, rich text as plain text) and
// a NameChanged event tells the reader the name changed, each time the text is set.
#pragma once

class QLabel;
class QString;

namespace fg {

// Shows `text` on `label` and sends NameChanged, also when the text is the one already shown
// (QLabel sends the event only when the text differs: a second "Right." in a row was silent).
// REQUIRES: `label` has no accessible name of its own (what it is goes in its description).
void announceOn(QLabel* label, const QString& text);

} // namespace fg
