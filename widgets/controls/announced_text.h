// Text a screen reader must hear as it appears: a quiz's verdict, a practice answer's feedback, a
// simulator's results, a diagram's step. Qt 6.4 has no announcement event
// (QAccessibleAnnouncementEvent came in 6.8), and its Linux bridge sends a name or description
// change with the object, not the new text: Orca 43 speaks such a change only for the object
// with the focus, and then says nothing (heard with tools/orca-check.sh). What Orca does speak,
// whatever has the focus, is a notification that shows. So announce() shows, in the window of
// the widget it is given, a notification (accessible role Notification, no size, never focused)
// whose name is the text, hidden and shown again for each announcement: Orca says "notification"
// and the text, and keeps it in its list of notifications.
#pragma once

class QLabel;
class QString;
class QWidget;

namespace fg {

// True when announcements are made: a screen reader listens (the accessibility bridge is active),
// or a test stands in for one (setAnnouncingWithoutReader). Else nothing is built for no one: a
// diagram's spoken state walks the whole state at every step.
bool announcing();
void setAnnouncingWithoutReader(bool on);

// Says `text` to a screen reader now, through the notification of `from`'s window (made the
// first time). Nothing when `text` is empty, the window is hidden, or !announcing().
void announce(QWidget* from, const QString& text);

// The notification of `window` (announce() makes it), or nullptr before the first announcement.
QWidget* announcementOf(QWidget* window);

// Shows `text` on `label` and announces it. The label is read by what it shows (its name is
// its text, rich text as plain text) when the reader comes to it.
// REQUIRES: `label` has no accessible name of its own (what it is goes in its description).
void announceOn(QLabel* label, const QString& text);

} // namespace fg
