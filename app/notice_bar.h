// A bar across the top of the window that stays until it is closed or no longer true (a damaged
// progress file, progress that cannot be saved): a warning icon, the message (selectable, wrapped
// to the window's width), an optional action button and Close. The welcome of a first start is
// one too, in the theme's colours with an information icon: it is not a warning.
#pragma once

class QString;
class QWidget;

namespace fg {

enum class NoticeKind { Warning, Welcome };

// A hidden bar named `name`; its message is in a QLabel named "text", its action button (hidden
// until given a text and shown) is the QPushButton named "action".
QWidget* makeNoticeBar(QWidget* parent, const QString& name, NoticeKind kind = NoticeKind::Warning);
// Shows `bar` with `text` as its message.
void showNotice(QWidget* bar, const QString& text);

} // namespace fg
