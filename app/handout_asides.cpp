#include "app/handout_asides.h"

#include "app/reader/image_fragments.h"
#include "widgets/export/paged_text.h"

#include <QAbstractTextDocumentLayout>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextTable>
#include <cmath>

namespace fg {

namespace {

constexpr qreal kEmptyRoom = 0.25; // of a page: a room left empty worth filling

// A live diagram's card: a box that holds the diagram's picture.
bool isCard(const QTextFrame* frame) {
    for (auto it = frame->begin(); !it.atEnd(); ++it) {
        if (it.currentFrame() && isCard(it.currentFrame())) {
            return true;
        }
        if (holdsImage(it.currentBlock(), QLatin1String("diagram-picture:"))) {
            return true;
        }
    }
    return false;
}

// A picture of a figure, alone in its paragraph.
bool isFigure(const QTextBlock& block) {
    return holdsImage(block, QLatin1String("figure:"));
}

bool isHeading(const Flow& f) {
    return !f.frame && f.block.blockFormat().headingLevel() > 0;
}

// A box at the side of the text (chapter_html.cpp's aside: a coloured bar, then the text), not
// a card.
bool isAside(const QTextFrame* frame) {
    if (!frame) {
        return false;
    }
    const auto* table = qobject_cast<const QTextTable*>(frame);
    if (!table || table->rows() != 1 || table->columns() != 2 || isCard(frame)) {
        return false;
    }
    const QList<QTextLength> widths = table->format().columnWidthConstraints();
    return !widths.isEmpty() && widths.front().type() == QTextLength::FixedLength &&
           widths.front().rawValue() < 12;
}

// Moves the box `box` (a frame of the root frame) to `position` (where a block of the root frame
// starts, before or after the box); returns the box where it now is.
QTextFrame* moveBox(QTextDocument& doc, QTextFrame* box, int position) {
    QTextCursor take(&doc);
    take.setPosition(box->firstPosition() - 1);
    take.setPosition(box->lastPosition() + 1, QTextCursor::KeepAnchor);
    const QTextDocumentFragment moved = take.selection();
    const int length = take.selectionEnd() - take.selectionStart();
    if (position > take.selectionStart()) {
        position -= length;
    }
    take.removeSelectedText();
    QTextCursor put(&doc);
    put.setPosition(position);
    put.insertFragment(moved);
    put.setPosition(position + 1);
    return put.currentFrame();
}

} // namespace

bool moveAnAsideIntoAnEmptyRoom(QTextDocument& doc) {
    doc.pageCount(); // lays the document out
    const qreal pageH = doc.pageSize().height(), margin = doc.documentMargin();
    const auto pageOf = [pageH](qreal y) { return int(std::floor(y / pageH)); };
    std::vector<Flow> flow = flowOf(doc);
    for (std::size_t i = 1; i < flow.size(); ++i) {
        const Flow& tall = flow[i];
        if (!(tall.frame ? isCard(tall.frame) : isFigure(tall.block))) {
            continue;
        }
        // The tall thing starts a page, with its heading if it has one right above it.
        const int page = pageOf(tall.rect.top());
        std::size_t first = i;
        if (isHeading(flow[i - 1]) && pageOf(flow[i - 1].rect.top()) == page) {
            first = i - 1;
        }
        if (first == 0 || pageOf(flow[first - 1].rect.bottom() - 1) != page - 1) {
            continue;
        }
        const qreal room = page * pageH - margin - flow[first - 1].rect.bottom();
        if (room < kEmptyRoom * pageH) {
            continue;
        }
        // The box right before the tall thing goes past it, when the tall thing then fits where
        // the box was. (A box right after it stays there: it is read after what it speaks of, as
        // the B-Tree card's "What PostgreSQL really uses".)
        const Flow& box = flow[first - 1];
        if (first != i || first < 2 || !isAside(box.frame) || isHeading(flow[first - 2]) ||
            room + box.rect.height() < tall.rect.height()) {
            continue;
        }
        QTextFrame* tallFrame = tall.frame;
        const QTextBlock tallBlock = tall.block;
        const auto tallStart = [&] {
            return tallFrame ? tallFrame->firstPosition() - 1 : tallBlock.position();
        };
        const auto tallEnd = [&] {
            return tallFrame ? tallFrame->lastPosition() + 1
                             : tallBlock.position() + tallBlock.length();
        };
        QTextFrame* moved = moveBox(doc, box.frame, tallEnd());
        releasePageBreaks(doc);
        keepTogether(doc);
        QAbstractTextDocumentLayout* layout = doc.documentLayout();
        const qreal top = tallFrame ? layout->frameBoundingRect(tallFrame).top()
                                    : layout->blockBoundingRect(tallBlock).top();
        const bool filled = pageOf(top) == page - 1;
        if (filled) {
            return true;
        }
        // The room is not filled after all: the box goes back (a new box: its frame is new).
        moveBox(doc, moved, tallStart());
        releasePageBreaks(doc);
        keepTogether(doc);
        flow = flowOf(doc);
    }
    return false;
}

} // namespace fg
