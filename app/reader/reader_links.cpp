// ReaderView's links with the keyboard (reader_view.h): Tab and Shift+Tab go from link to link
// as QTextBrowser does, and the link reached is marked as the focus is everywhere in the app
// (Qt marks it with a 1-pixel dotted box, barely seen in Dark and not at all on a projector: a
// tester) and brought well into view (Qt scrolls it just onto the last line).
#include "app/reader/reader_view.h"

#include <QScrollBar>
#include <QTextCursor>

namespace fg {

namespace {

// Tells the focused link's mark from the search's hits among the extra selections.
constexpr int kFocusedLinkMark = QTextFormat::UserProperty + 1;

} // namespace

bool ReaderView::focusNextPrevChild(bool next) {
    const bool moved = QTextBrowser::focusNextPrevChild(next);
    showSelections();
    if (!focusedLink().isEmpty()) {
        scrollLinkIntoView();
    }
    return moved;
}

void ReaderView::focusOutEvent(QFocusEvent* event) {
    QTextBrowser::focusOutEvent(event);
    showSelections(); // the mark goes with the focus
}

QString ReaderView::focusedLink() const {
    const QTextCursor cursor = textCursor();
    if (!hasFocus() || !cursor.hasSelection()) {
        return {};
    }
    QTextCursor first(document());
    first.setPosition(cursor.selectionStart() + 1); // the format of the selection's first letter
    const QTextCharFormat format = first.charFormat();
    return format.isAnchor() ? format.anchorHref() : QString();
}

std::optional<QTextEdit::ExtraSelection> ReaderView::focusedLinkSelection() const {
    for (const QTextEdit::ExtraSelection& s : extraSelections()) {
        if (s.format.boolProperty(kFocusedLinkMark)) {
            return s;
        }
    }
    return std::nullopt;
}

QTextEdit::ExtraSelection ReaderView::focusedLinkMark() const {
    QTextEdit::ExtraSelection mark;
    mark.cursor = textCursor();
    // The app's focus colour (the theme's accent, as the focus ring), made to stand at least
    // 4.5:1 on the page; the link's text black or white on it, whichever reads better.
    const QColor fill = theme_.readableOn(theme_.accent, theme_.background);
    mark.format.setBackground(fill);
    mark.format.setForeground(textOn(fill));
    mark.format.setFontUnderline(true);
    mark.format.setProperty(kFocusedLinkMark, true);
    return mark;
}

void ReaderView::showSelections() {
    QList<QTextEdit::ExtraSelection> all = hits_;
    if (!focusedLink().isEmpty()) {
        all << focusedLinkMark();
    }
    setExtraSelections(all);
}

void ReaderView::scrollLinkIntoView() {
    const QRect link = cursorRect(textCursor()).united(cursorRect([this] {
        QTextCursor start = textCursor();
        start.setPosition(start.selectionStart());
        return start;
    }()));
    const int height = viewport()->height();
    const int margin = height / 4; // out of the view's last quarter (and its first)
    if (link.top() >= margin && link.bottom() <= height - margin) {
        return; // well in view already
    }
    QScrollBar* bar = verticalScrollBar();
    bar->setValue(bar->value() + link.top() - height / 3);
}

} // namespace fg
