// A bar across the top of the window that stays until it is closed or no longer true (a damaged
// progress file, progress that cannot be saved): a warning icon, the message (selectable, wrapped
// to the window's width), an optional action button and Close.
#pragma once

class QString;
class QWidget;

namespace fg {

// A hidden bar named `name`; its message is in a QLabel named "text".
QWidget* makeNoticeBar(QWidget* parent, const QString& name);
// Shows `bar` with `text` as its message.
void showNotice(QWidget* bar, const QString& text);

} // namespace fg
