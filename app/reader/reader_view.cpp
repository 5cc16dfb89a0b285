#include "app/reader/reader_view.h"

#include "app/reader/chapter_html.h"
#include "app/reader/image_fragments.h"
#include "app/reader/table_fit.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/figure/figure_renderer.h"
#include "widgets/figure/figure_scene.h"

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QEvent>
#include <QFontMetricsF>
#include <QKeyEvent>
#include <QPixmap>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace fg {

// Black or white, whichever reads better on `background`.
QColor ReaderView::textOn(const QColor& background) {
    return contrastRatio(QColor(Qt::black), background) >=
                   contrastRatio(QColor(Qt::white), background)
               ? QColor(Qt::black)
               : QColor(Qt::white);
}

ReaderView::ReaderView(QWidget* parent) : QTextBrowser(parent) {
    setOpenLinks(false);
    setAccessibleName(tr("Chapter text"));
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(28);
    resizeTimer_.setSingleShot(true);
    resizeTimer_.setInterval(120);
    connect(&resizeTimer_, &QTimer::timeout, this, [this] {
        const QString keep = resizeKeep_;
        if (course_ && chapter_ >= 0 && tablesStacked() != stacked_) {
            // The tables as grids, or stacked, for the new width.
            rerenderKeepingPlace(keep, resizeAtTop_);
            return;
        }
        renderFigures();
        // At the top, stay there (the chapter's title and summary stay in view), unless a later
        // section was asked for before the view had its size. Else the text read stays where it
        // was: closing the search put the section's heading at the top, and the hit read (in
        // that section's middle) out of view (a tester).
        if (!resizeAtTop_ || (!keep.isEmpty() && keep != sectionAtScrollTop())) {
            document()->documentLayout()->documentSize(); // lay out before measuring positions
            if (anchor_ >= 0 && keep == lastSection_) {
                scrollToAnchor();
            } else {
                scrollToSection(keep);
            }
        }
    });
    connect(this, &QTextBrowser::anchorClicked, this, &ReaderView::onAnchor);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (scrolling_ || reflowing_) {
            // Our own jump (the section was set by scrollToSection), or the text reflowing in a
            // new width: the section read is the one before (at 500x400 and back, the scroll
            // bar's end clamped the view to the chapter's last section).
            return;
        }
        anchor_ = -1; // the reader scrolled: the place is taken afresh at the next resize
        const QString s = sectionAtScroll();
        if (s != lastSection_) {
            lastSection_ = s;
            emit sectionChanged(s);
        }
    });
}

void ReaderView::setCourse(const Course* course) {
    images_.cancelAll(); // they read the course's figures
    course_ = course;
    chapter_ = -1;
    clear();
}

qreal ReaderView::bodyPx() const {
    return 19.0 * std::pow(1.1, zoom_) * theme_.fontScale; // the projector's type is larger
}

void ReaderView::showChapter(int index, const QString& sectionId) {
    if (!course_ || index < 0 || index >= static_cast<int>(course_->chapters.size())) {
        return;
    }
    if (index != chapter_) {
        chapter_ = index;
        render();
    }
    scrollToSection(sectionId);
}

void ReaderView::render() {
    // The old chapter's section places must not answer while the new text comes in: setHtml
    // moves the scroll bar, and the section "at the scroll" was then the old chapter's, filed by
    // the progress under the new chapter ("overview" held OLTP's sections).
    sectionPos_.clear();
    const bool wasScrolling = scrolling_;
    scrolling_ = true;
    renderChapter();
    scrolling_ = wasScrolling;
}

void ReaderView::renderChapter() {
    images_.cancelEach(); // another chapter's, or drawn again now
    earlyWidth_ = 0;
    hits_.clear();
    allHits_.clear();
    figureHits_.clear();
    query_.clear();
    currentHit_ = -1;
    setExtraSelections({});
    if (!course_ || chapter_ < 0) {
        return;
    }
    const Chapter& ch = course_->chapters[static_cast<std::size_t>(chapter_)];
    QFont f = font();
    f.setPixelSize(qRound(bodyPx()));
    document()->setDefaultFont(f);
    fittedColumn_ = -1; // new text: its tables not fitted yet
    updateMargins();
    renderedWidth_ = 0;
    renderFigures(); // the images must exist before the HTML refers to them
    setHtml(chapterHtml(ch, theme_, bodyPx(), diagramLinks()));
    TableNeeds needs = tableNeeds(document(), tableFitting().leastTypeScale);
    tablesNeed_ = needs.widest;
    gridColumns_ = std::move(needs.least);
    stacked_.clear(); // decided afresh, without the margin that keeps a table from going to and fro
    stacked_ = tablesStacked();
    if (std::find(stacked_.begin(), stacked_.end(), true) != stacked_.end()) {
        setHtml(chapterHtml(ch, theme_, bodyPx(), diagramLinks(), stacked_));
    }
    updateMargins(); // setHtml resets the root frame
    renderFigures(); // at the column's width, if a table widened it
    sectionPos_.clear();
    for (QTextBlock b = document()->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            for (const QString& name : it.fragment().charFormat().anchorNames()) {
                if (name.startsWith(QLatin1String("sec-"))) {
                    sectionPos_.insert(name.mid(4), b.position());
                }
            }
        }
    }
    lastSection_.clear();
    anchor_ = -1;
    // The frames, the scroll bar and the splitter's handle take less than this of the room.
    constexpr int kChrome = 64;
    if (!shown_ && waitsForWindow_ && query_.isEmpty() &&
        expectedRoom_ - kChrome >= widestColumn() + 2 * gutter()) {
        drawFiguresEarly(figureWidth(widestColumn(), 0)); // the column, the margins beside it
    }
}

void ReaderView::updateMargins() {
    const qreal side = sideMargin();
    QTextFrameFormat root = document()->rootFrame()->frameFormat();
    if (std::abs(root.leftMargin() - side) >= 1) {
        root.setLeftMargin(side);
        root.setRightMargin(side);
        document()->rootFrame()->setFrameFormat(root);
    }
    // The tables are fitted to a real column: before the view is first shown its width is a
    // placeholder (42 px), and fitting to it shrank the tables' type only to grow it back.
    // Fitted again only when the column or the text changed.
    const qreal column = viewport()->width() - 2 * side;
    if (shown_ && (column != fittedColumn_ || document()->revision() != fittedRevision_)) {
        fitTables(document(), column, tableFitting());
        fittedColumn_ = column;
        fittedRevision_ = document()->revision();
    }
}

TableFitting ReaderView::tableFitting() const {
    // A table that shrank its type at each zoom step stayed at one size for three steps while
    // the text around it grew (a tester at 1024x700), then turned into boxes all at once.
    // Zoomed in, a table keeps the type asked for, as a grid or, where a grid would break its
    // words, as a box a row.
    TableFitting how;
    if (zoom_ > 0) {
        how.leastTypeScale = 1;
    }
    return how;
}

qreal ReaderView::widestColumn() const {
    QFont body = font();
    body.setPixelSize(qRound(bodyPx()));
    // A table may widen the column up to the window: a 7-column table in 75 characters broke
    // words in two ("Cassandr|a").
    return std::max(QFontMetricsF(body).averageCharWidth() * kMeasureChars, tablesNeed_);
}

qreal ReaderView::gutter() const {
    return std::max(document()->documentMargin(), bodyPx());
}

std::vector<bool> ReaderView::tablesStacked() const {
    // Back to a grid with some room over (the scroll bar coming and going changes the width by
    // its own), so that a table about as wide as the column does not go to and fro. A reader not
    // laid out yet (the window not shown) has no width to decide by: grids.
    constexpr qreal kBackToGrid = 24;
    std::vector<bool> out(gridColumns_.size(), false);
    if (!isVisible()) {
        return out;
    }
    const qreal widest = viewport()->width() - 2 * gutter();
    for (std::size_t i = 0; i < out.size(); ++i) {
        const bool was = i < stacked_.size() && stacked_[i];
        out[i] = widest < gridColumns_[i] + (was ? kBackToGrid : 0);
    }
    return out;
}

void ReaderView::changeEvent(QEvent* event) {
    const bool font =
        event->type() == QEvent::FontChange || event->type() == QEvent::ApplicationFontChange;
    // Where the reader is, before QTextEdit lays the text out again in the new font.
    const Place before = font && course_ && chapter_ >= 0 ? place() : Place{};
    QTextBrowser::changeEvent(event);
    // QTextEdit gives the document the widget's font when that changes (the projector theme
    // enlarges the application's font): the chapter's own body size must come back.
    if (font && course_ && chapter_ >= 0 &&
        document()->defaultFont().pixelSize() != qRound(bodyPx())) {
        rerenderAt(before);
    }
}

void ReaderView::showEvent(QShowEvent* event) {
    QTextBrowser::showEvent(event);
    if (!shown_) {
        shown_ = true;
        if (!waitsForWindow_) {
            updateMargins();                 // the tables fitted to the view's width
            renderFigures(query_.isEmpty()); // aside, unless search marks are to be drawn
        }
    }
}

void ReaderView::windowShown() {
    // The window's tabs and splitter set the reader's width after its own show (242 px, then
    // 482 at 800x600): the figures were laid out at the first width, drawn aside, then drawn
    // again in full on the UI thread at the second (a jump, 120 ms after the first paint).
    if (!shown_) {
        waitsForWindow_ = false;
        return;
    }
    // The scroll bar the text will need, shown before the text is laid out (its resize still
    // let by): the text was laid out without it, then again with it, and again (callgrind).
    const int bar = scrollBarToCome();
    if (bar > 0) {
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn); // as needed again once laid out
    }
    waitsForWindow_ = false;
    if (earlyWidth_ == 0 && query_.isEmpty() && bar >= 0) {
        // The workers first: they lay the figures out and draw them while the text is laid
        // out here (their sizes are waited for after: renderFigures).
        drawFiguresEarly(figureWidth(viewport()->width(), 2 * sideMargin()));
    }
    // The resizes on the way were let by (resizeEvent): the text laid out once, at the width
    // it ends with, and the place kept as after any resize.
    QResizeEvent now(size(), QSize()); // from no width: QTextEdit lays the text out again
    resizeEvent(&now);
    if (bar > 0) {
        setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    }
    renderFigures(query_.isEmpty());
}

QVariant ReaderView::loadResource(int type, const QUrl& name) {
    if (name.scheme() == QLatin1String("figure")) {
        return {};
    }
    return QTextBrowser::loadResource(type, name);
}

void ReaderView::paintEvent(QPaintEvent* event) {
    images_.place(document());
    QTextBrowser::paintEvent(event);
}

void ReaderView::keyPressEvent(QKeyEvent* event) {
    const bool home = event->key() == Qt::Key_Home, end = event->key() == Qt::Key_End;
    if ((home || end) && event->modifiers() == Qt::ControlModifier) {
        verticalScrollBar()->triggerAction(home ? QAbstractSlider::SliderToMinimum
                                                : QAbstractSlider::SliderToMaximum);
        event->accept();
        return;
    }
    QTextBrowser::keyPressEvent(event);
}

void ReaderView::resizeEvent(QResizeEvent* event) {
    if (waitsForWindow_) {
        // Until the whole window is shown, its widths are steps on the way (42, 242, then 482
        // px at 800x600): the chapter was laid out again at each, an eighth of the start-up's
        // work (callgrind). windowShown() lays it out once, at the last.
        return;
    }
    if (!resizeTimer_.isActive()) {
        // The place before a run of resizes (the text reflows under the scroll bar meanwhile).
        resizeAtTop_ = verticalScrollBar()->value() == 0;
        resizeKeep_ = currentSection();
        if (anchor_ < 0 && isVisible() && !resizeAtTop_) {
            // The text at the view's top: a run of resizes that clamps the scroll bar (a short
            // window at the end of the text) keeps the place the reader chose, not the clamp's.
            // Not at the top, where the section asked for before the view had its size is
            // scrolled to (the section read at the last quit: the reader stayed at the top).
            const QTextCursor top = lineAtTop();
            anchor_ = top.position();
            anchorY_ = cursorRect(top).top();
        }
    }
    resizeTimer_.start();
    reflowing_ = true;
    QTextBrowser::resizeEvent(event);
    updateMargins();
    reflowing_ = false;
}

QTextCursor ReaderView::lineAtTop() const {
    // Not a figure the view's top cuts through: a theme or a zoom redraws it at another height,
    // and the text after it moved by the difference.
    const int x = viewport()->width() / 2;
    for (int y = 0; y < viewport()->height(); y += 4) {
        const QTextCursor c = cursorForPosition(QPoint(x, y));
        if (cursorRect(c).top() >= 0) {
            return c;
        }
    }
    return cursorForPosition(QPoint(x, 0));
}

QString ReaderView::currentSection() const {
    return lastSection_;
}

bool ReaderView::atChapterTop() const {
    return verticalScrollBar()->value() == 0;
}

QStringList ReaderView::sectionsInView() const {
    QStringList out;
    // Nothing is in view of a reader not on screen, nor is a heading not laid out yet: opened on
    // a chapter before the window was shown (--chapter, or the chapter restored at start), every
    // heading stood at the top of an unlaid document and the whole chapter was counted as read.
    if (!isVisible()) {
        return out;
    }
    for (auto it = sectionPos_.cbegin(); it != sectionPos_.cend(); ++it) {
        QTextCursor c(document());
        c.setPosition(it.value());
        if (const QTextLayout* layout = c.block().layout(); !layout || layout->lineCount() == 0) {
            continue;
        }
        const QRect r = cursorRect(c);
        if (r.bottom() >= 0 && r.top() < viewport()->height()) {
            out << it.key();
        }
    }
    return out;
}

QString ReaderView::sectionAtScroll() const {
    if (sectionPos_.isEmpty()) {
        return {};
    }
    // The last section whose heading is above a line a quarter down the view; at the end of
    // the text, the last whose heading is in view (a short last section never reached the
    // quarter line, so a chapter could never be read to the end).
    const QScrollBar* bar = verticalScrollBar();
    const bool atEnd = bar->maximum() > 0 && bar->value() >= bar->maximum();
    const int probe =
        cursorForPosition(QPoint(0, atEnd ? viewport()->height() - 1 : viewport()->height() / 4))
            .position();
    QString best;
    int bestPos = -1;
    for (auto it = sectionPos_.cbegin(); it != sectionPos_.cend(); ++it) {
        if (it.value() <= probe && it.value() > bestPos) {
            bestPos = it.value();
            best = it.key();
        }
    }
    if (best.isEmpty()) { // above the first section: it is the one being read
        for (auto it = sectionPos_.cbegin(); it != sectionPos_.cend(); ++it) {
            if (bestPos < 0 || it.value() < bestPos) {
                bestPos = it.value();
                best = it.key();
            }
        }
    }
    return best;
}

void ReaderView::scrollToAnchor() {
    QTextCursor c(document());
    c.setPosition(std::clamp(anchor_, 0, std::max(0, document()->characterCount() - 1)));
    scrolling_ = true; // the same text in view: the same section read
    verticalScrollBar()->setValue(verticalScrollBar()->value() + cursorRect(c).top() - anchorY_);
    scrolling_ = false;
}

void ReaderView::scrollToSection(const QString& sectionId) {
    // The section asked for is the current one even when the text is too short to scroll its
    // heading to the top (the last sections of a chapter).
    const bool known = sectionPos_.contains(sectionId);
    const QString target = known ? sectionId : sectionAtScrollTop();
    scrolling_ = true;
    if (known) {
        QTextCursor c(document());
        c.setPosition(sectionPos_.value(sectionId));
        const QRect r = cursorRect(c);
        verticalScrollBar()->setValue(verticalScrollBar()->value() + r.top() - 8);
    } else {
        verticalScrollBar()->setValue(0);
    }
    scrolling_ = false;
    lastSection_ = target;
    resizeKeep_ = target; // asked for during a run of resizes: the place to keep after it
    anchor_ = -1;
    emit sectionChanged(target);
}

QString ReaderView::sectionAtScrollTop() const {
    QString first;
    int firstPos = -1;
    for (auto it = sectionPos_.cbegin(); it != sectionPos_.cend(); ++it) {
        if (firstPos < 0 || it.value() < firstPos) {
            firstPos = it.value();
            first = it.key();
        }
    }
    return first;
}

QString ReaderView::pageTitle() const {
    return tr("Reader");
}

void ReaderView::setTheme(const Theme& theme) {
    theme_ = theme;
    QPalette p = palette();
    p.setColor(QPalette::Base, theme.background);
    p.setColor(QPalette::Text, theme.text);
    // The search hit in focus is the text cursor's selection, in the accent the other hits' yellow
    // does not have (as in the figures' labels), its text black or white, whichever reads on it
    // (the style's white on Light's yellow read 1.4:1, a tester). showSelections marks it so too,
    // where the selection is not drawn (a Note's box: tester 40).
    p.setColor(QPalette::Highlight, theme.accent);
    p.setColor(QPalette::HighlightedText, textOn(theme.accent));
    setPalette(p);
    rerenderKeepingPlace();
}

void ReaderView::wheelEvent(QWheelEvent* event) {
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QTextBrowser::wheelEvent(event);
        return;
    }
    wheelNotches_ += event->angleDelta().y();
    const int notches = wheelNotches_ / 120; // a touchpad sends small steps: whole notches only
    wheelNotches_ -= notches * 120;
    if (notches != 0) {
        setZoom(zoom_ + notches);
    }
    event->accept();
}

void ReaderView::setZoom(int step) {
    zoom_ = std::clamp(step, -5, 12);
    rerenderKeepingPlace();
}

bool ReaderView::zoomPage(int direction) {
    setZoom(direction == 0 ? 0 : zoom_ + direction);
    return true;
}

ReaderView::Place ReaderView::place() const {
    Place p;
    p.section = currentSection();
    p.atTop = verticalScrollBar()->value() == 0 || !course_ || chapter_ < 0;
    if (!p.atTop) {
        const QTextCursor top = lineAtTop();
        p.position = top.position();
        p.y = cursorRect(top).top();
    }
    p.hit = currentHit_;
    return p;
}

void ReaderView::rerenderKeepingPlace() {
    rerenderAt(place());
}

void ReaderView::rerenderAt(const Place& p) {
    if (p.atTop) {
        rerenderKeepingPlace(p.section, true);
        return;
    }
    // The text at the view's top stays there, and the search's hit in focus stays the one: a
    // theme or a zoom took the view to the section's heading, or with a search open to its first
    // hit, half a screen from the line read (tester 40).
    rerenderKeepingPlace(p.section, false);
    if (!query_.isEmpty() && p.hit >= 0 && p.hit < hitCount() && p.hit != currentHit_) {
        goToHit(p.hit);
    }
    // The line back where it was; and the place a resize that follows keeps (a theme's type and
    // scroll bar change the width).
    anchor_ = p.position;
    anchorY_ = p.y;
    scrollToAnchor();
    resizeKeep_ = p.section;
    if (lastSection_ != p.section) {
        lastSection_ = p.section;
        emit sectionChanged(p.section);
    }
}

void ReaderView::rerenderKeepingPlace(const QString& keep, bool atTop) {
    const QString query = query_;
    render();
    if (!query.isEmpty()) {
        highlight(query, keep); // the search's marks back, from the section read on
    } else if (atTop) {
        verticalScrollBar()->setValue(0);
        lastSection_ = keep;
    } else {
        scrollToSection(keep);
    }
}

QString ReaderView::sectionAt(int position) const {
    QString best = sectionAtScrollTop();
    int bestPos = -1;
    for (auto it = sectionPos_.cbegin(); it != sectionPos_.cend(); ++it) {
        if (it.value() <= position && it.value() > bestPos) {
            bestPos = it.value();
            best = it.key();
        }
    }
    return best;
}

void ReaderView::onAnchor(const QUrl& url) {
    const QString s = url.toString();
    if (s.startsWith(QLatin1String("chapter:"))) {
        const QString target = s.mid(8);
        emit chapterLinkActivated(target.section(QLatin1Char('#'), 0, 0),
                                  target.section(QLatin1Char('#'), 1));
    } else if (s.startsWith(QLatin1String("diagram:"))) {
        emit diagramRequested(s.mid(8));
    } else if (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) {
        QDesktopServices::openUrl(url);
    }
}

} // namespace fg
