// ReaderView's links with the keyboard (reader_view.h): Tab and Shift+Tab go from link to link
// as QTextBrowser does, and the link reached is marked as the focus is everywhere in the app
// (Qt marks it with a 1-pixel dotted box, barely seen in Dark and not at all on a projector: a
// tester) and brought well into view (Qt scrolls it just onto the last line).
#include "app/reader/reader_view.h"

#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <algorithm>

namespace fg {

namespace {

// Tells the focused link's mark from the search's hits among the extra selections.
constexpr int kFocusedLinkMark = QTextFormat::UserProperty + 1;

} // namespace

bool ReaderView::focusNextPrevChild(bool next) {
    // From a reading position Qt went to the chapter's first or last link, far from the
    // page on screen (Shift+Tab jumped to "Key Features", tester 36 #8): the links in view
    // first, and out of the reader when there is none.
    const QTextCursor link = textCursor();
    if (hasFocus() &&
        (focusedLink().isEmpty() || !inView(link.selectionStart(), link.selectionEnd()))) {
        if (focusLinkFromReadingPosition(next)) {
            return true;
        }
        QTextCursor none = link;
        none.clearSelection();
        setCursorWhereSeen(none);                 // no link marked as focused, the page where it is
        return QWidget::focusNextPrevChild(next); // out of the reader
    }
    const bool moved = QTextBrowser::focusNextPrevChild(next);
    showSelections();
    if (!focusedLink().isEmpty()) {
        scrollLinkIntoView();
    }
    return moved;
}

bool ReaderView::inView(int start, int end) const {
    QTextCursor a(document()), b(document());
    a.setPosition(start);
    b.setPosition(end);
    const QRect view = viewport()->rect();
    return view.contains(cursorRect(a)) && view.contains(cursorRect(b));
}

int ReaderView::readingPosition() const {
    const QTextCursor cursor = textCursor();
    if (!cursor.hasSelection() && inView(cursor.position(), cursor.position())) {
        return cursor.position();
    }
    return cursorForPosition(QPoint(0, 0)).position();
}

QTextCursor ReaderView::linkFrom(int from, bool next, bool inViewOnly) const {
    QTextCursor found;
    for (QTextBlock b = document()->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const int start = f.position(), end = f.position() + f.length();
            const bool onTheWay = next ? start >= from : end <= from;
            // A link has a target (a section's heading is an anchor with a name only).
            const bool link = f.charFormat().isAnchor() && !f.charFormat().anchorHref().isEmpty();
            if (!link || !onTheWay || (inViewOnly && !inView(start, end))) {
                continue;
            }
            // A link split into fragments (a bold word in it) is one link.
            if (found.hasSelection() && found.selectionEnd() == start &&
                found.charFormat().anchorHref() == f.charFormat().anchorHref()) {
                found.setPosition(end, QTextCursor::KeepAnchor);
                continue;
            }
            if (next && found.hasSelection()) {
                return found;
            }
            found = QTextCursor(document());
            found.setPosition(start);
            found.setPosition(end, QTextCursor::KeepAnchor);
        }
    }
    return found;
}

bool ReaderView::focusLinkFromReadingPosition(bool next) {
    const int from = readingPosition();
    QTextCursor link = linkFrom(from, next, true);
    // None in view: Tab reads on to the next link below, brought into view as Tab's links are;
    // Shift+Tab does not go back up out of sight, it leaves the reader.
    const bool wasInView = link.hasSelection();
    if (!wasInView && next) {
        link = linkFrom(from, true, false);
    }
    if (!link.hasSelection()) {
        return false;
    }
    // Qt's own step from a selection just before the link (Tab) or just after it (Shift+Tab)
    // lands on it and marks it as the keyboard's link (a selection set here was painted in the
    // selection's colours over the focus mark).
    QTextCursor beside(document());
    const int last = document()->characterCount() - 1;
    if (next && link.selectionStart() > 0) {
        beside.setPosition(link.selectionStart() - 1);
        beside.setPosition(link.selectionStart(), QTextCursor::KeepAnchor);
    } else if (!next) {
        beside.setPosition(std::min(link.selectionEnd(), last - 1));
        beside.setPosition(std::min(link.selectionEnd() + 1, last), QTextCursor::KeepAnchor);
    }
    setCursorWhereSeen(beside);
    QTextBrowser::focusNextPrevChild(next);
    showSelections();
    if (!wasInView) {
        scrollLinkIntoView();
    }
    return true;
}

void ReaderView::setCursorWhereSeen(const QTextCursor& cursor) {
    const int scrolled = verticalScrollBar()->value();
    setTextCursor(cursor);
    verticalScrollBar()->setValue(scrolled);
    showSelections();
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
    // The hit F3 is on, in the selection's colours: a hit inside a Note or a quote (a table cell
    // with a background) did not show the selection, only the yellow of every hit (tester 40).
    if (currentHit_ >= 0 && currentHit_ < hitCount()) {
        const Hit& h = allHits_[static_cast<std::size_t>(currentHit_)];
        if (h.figure.isEmpty() && h.index >= 0 && h.index < all.size()) {
            all[h.index].format.setBackground(
                palette().color(QPalette::Active, QPalette::Highlight));
            all[h.index].format.setForeground(
                palette().color(QPalette::Active, QPalette::HighlightedText));
        }
    }
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
