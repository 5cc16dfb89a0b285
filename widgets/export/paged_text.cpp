#include "widgets/export/paged_text.h"

#include "models/io/atomic_file.h"
#include "models/io/status_text.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <vector>

namespace fg {

namespace {

// The words of this file go to translators under fg::PagedText (tr() and lupdate agree).
struct PagedTextWords {
    Q_DECLARE_TR_FUNCTIONS(fg::PagedText)
};

} // namespace

std::vector<Flow> flowOf(QTextDocument& doc) {
    std::vector<Flow> out;
    QAbstractTextDocumentLayout* layout = doc.documentLayout();
    for (auto it = doc.rootFrame()->begin(); !it.atEnd(); ++it) {
        if (QTextFrame* f = it.currentFrame()) {
            out.push_back({{}, f, layout->frameBoundingRect(f)});
        } else if (it.currentBlock().isValid() && !it.currentBlock().text().trimmed().isEmpty()) {
            out.push_back({it.currentBlock(), nullptr, linesRect(doc, it.currentBlock())});
        }
    }
    return out;
}

QRectF linesRect(const QTextDocument& doc, const QTextBlock& b) {
    const QRectF block = doc.documentLayout()->blockBoundingRect(b);
    const QTextLayout* lines = b.layout();
    return lines ? block.translated(0, lines->boundingRect().top()) : block;
}

namespace {

bool breaksBefore(const Flow& f) {
    const auto policy = f.frame ? f.frame->frameFormat().pageBreakPolicy()
                                : f.block.blockFormat().pageBreakPolicy();
    return policy & QTextFormat::PageBreak_AlwaysBefore;
}

void setBreak(const Flow& f, QTextFormat::PageBreakFlags policy) {
    if (auto* table = qobject_cast<QTextTable*>(f.frame)) {
        QTextTableFormat t = table->format();
        t.setPageBreakPolicy(policy);
        table->setFormat(t);
    } else if (f.frame) {
        QTextFrameFormat t = f.frame->frameFormat();
        t.setPageBreakPolicy(policy);
        f.frame->setFrameFormat(t);
    } else {
        QTextBlockFormat b = f.block.blockFormat();
        b.setPageBreakPolicy(policy);
        QTextCursor(f.block).setBlockFormat(b);
    }
}

// False when `f` already starts a page of its own: moving it again would change nothing.
bool breakBefore(const Flow& f) {
    if (breaksBefore(f)) {
        return false;
    }
    setBreak(f, QTextFormat::PageBreak_AlwaysBefore);
    return true;
}

// A paragraph that holds a picture (a figure drawn into the text): never a short paragraph.
bool holdsAPicture(const QTextBlock& block) {
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        if (it.fragment().charFormat().isImageFormat()) {
            return true;
        }
    }
    return false;
}

} // namespace

constexpr qreal kBoxTop = 24;

std::map<const QTextFrame*, qreal> naturalHeights(QTextDocument& doc) {
    // Laid out on one endless page: a box cut by a page's end is as tall as its content, not
    // stretched by the rest of the page it leaves empty.
    const QSizeF page = doc.pageSize();
    doc.setPageSize(QSizeF(page.width(), 1e7));
    std::map<const QTextFrame*, qreal> heights;
    for (const Flow& f : flowOf(doc)) {
        if (f.frame) {
            heights[f.frame] = f.rect.height();
        }
    }
    doc.setPageSize(page);
    return heights;
}

bool fitsAPage(const QTextDocument& doc, qreal height) {
    // A box moved to a page's top starts under the document's margin and its own (a table's
    // margin and spacing: about 22 points for the course's boxes).
    return height <= doc.pageSize().height() - 2 * doc.documentMargin() - kBoxTop;
}

// What a printed book does: a heading is never the last line of a page (it moves to the next page
// with the first lines of what it heads), and a box shorter than half a page (a note, a callout
// with its heading, a diagram card with its picture) is not cut in two.
// Any box that fits a page moves whole (a card of a turned picture fills most of a page).
void keepTogether(QTextDocument& doc) {
    const qreal pageHeight = doc.pageSize().height();
    const auto page = [pageHeight](qreal y) {
        return static_cast<int>(std::floor(y / pageHeight));
    };
    const auto atPageTop = [pageHeight](qreal y) {
        return std::fmod(y, pageHeight) < 2 || pageHeight - std::fmod(y, pageHeight) < 2;
    };
    const std::map<const QTextFrame*, qreal> natural = naturalHeights(doc);
    const auto heightOf = [&natural](const Flow& f) {
        const auto it = natural.find(f.frame);
        return it == natural.end() ? f.rect.height() : it->second;
    };
    for (int pass = 0; pass < 1000; ++pass) {
        doc.pageCount(); // lays the document out
        const std::vector<Flow> flow = flowOf(doc);
        bool moved = false;
        for (std::size_t i = 0; i < flow.size() && !moved; ++i) {
            const Flow& f = flow[i];
            const bool heading = !f.frame && f.block.blockFormat().headingLevel() > 0;
            const bool afterHeading =
                i > 0 && !flow[i - 1].frame && flow[i - 1].block.blockFormat().headingLevel() > 0;
            if (heading && i + 1 < flow.size() && !atPageTop(f.rect.top())) {
                // The heading and about three lines of what follows it.
                const Flow& next = flow[i + 1];
                const qreal lines = std::min(next.rect.height(), f.rect.height() * 2.5);
                if (page(f.rect.top()) != page(next.rect.top() + lines - 1)) {
                    moved = breakBefore(f);
                }
            } else if (!heading && page(f.rect.top()) != page(f.rect.bottom() - 1) &&
                       !atPageTop(f.rect.top())) {
                // A box that fits a page, or a paragraph of up to three lines, is not cut in two:
                // it goes to the next page, with the heading right above it.
                const bool whole = f.frame ? fitsAPage(doc, heightOf(f))
                                           : f.block.layout() && f.block.layout()->lineCount() <= 3;
                if (whole) {
                    // A paragraph or a picture always takes its heading along (a picture made to
                    // fit a page under its heading was moved alone, its heading left at the
                    // bottom of the page before); a box when the two fit a page.
                    const bool withHeading =
                        afterHeading && !atPageTop(flow[i - 1].rect.top()) &&
                        (!f.frame ||
                         fitsAPage(doc, f.rect.top() - flow[i - 1].rect.top() + heightOf(f)));
                    moved = breakBefore(withHeading ? flow[i - 1] : f) ||
                            (withHeading && breakBefore(f));
                }
            } else if (f.frame && i > 0 && !afterHeading) {
                // A box (a note, a table) at a page's top takes along the short paragraph at the
                // previous page's foot, the line it comments on or that leads into it (a slide
                // put "use WAIT" at a page's foot and the note on WAIT on the next), and the
                // heading over that paragraph.
                const Flow& before = flow[i - 1];
                const bool shortText = !before.frame && !holdsAPicture(before.block) &&
                                       before.block.layout() &&
                                       before.block.layout()->lineCount() <= 3;
                const bool headed = i > 1 && !flow[i - 2].frame &&
                                    flow[i - 2].block.blockFormat().headingLevel() > 0;
                const Flow& start = headed ? flow[i - 2] : before;
                if (shortText && page(before.rect.bottom() - 1) < page(f.rect.top()) &&
                    !atPageTop(start.rect.top()) &&
                    fitsAPage(doc, f.rect.top() - start.rect.top() + heightOf(f))) {
                    moved = breakBefore(start);
                    if (moved) { // they start the page together
                        if (headed) {
                            setBreak(before, QTextFormat::PageBreak_Auto);
                        }
                        setBreak(f, QTextFormat::PageBreak_Auto);
                    }
                }
            }
        }
        if (!moved) {
            return;
        }
    }
}

RowCut firstRowCutByAPage(QTextDocument& doc) {
    const qreal pageH = doc.pageSize().height();
    const qreal room = pageH - doc.rootFrame()->frameFormat().topMargin() -
                       doc.rootFrame()->frameFormat().bottomMargin();
    doc.pageCount(); // lays the document out
    const auto page = [pageH](qreal y) { return static_cast<int>(std::floor(y / pageH)); };
    int index = -1;
    for (QTextFrame* f : doc.rootFrame()->childFrames()) {
        auto* table = qobject_cast<QTextTable*>(f);
        const int header = table ? table->format().headerRowCount() : 0;
        if (header < 1) {
            continue;
        }
        ++index;
        for (int r = header + 1; r < table->rows(); ++r) {
            qreal top = std::numeric_limits<qreal>::max();
            qreal bottom = std::numeric_limits<qreal>::lowest();
            for (int c = 0; c < table->columns(); ++c) {
                const QTextTableCell cell = table->cellAt(r, c);
                top = std::min(top, linesRect(doc, cell.firstCursorPosition().block()).top());
                bottom =
                    std::max(bottom, linesRect(doc, cell.lastCursorPosition().block()).bottom());
            }
            if (page(top) != page(bottom - 1) && bottom - top < room) {
                return {index, r - header};
            }
        }
    }
    return {};
}

void addRowCut(std::map<int, std::vector<int>>& cuts, const RowCut& cut) {
    int shown = 0; // the document's tables before the source's `table`
    for (int table = 0; shown <= cut.table; ++table) {
        std::vector<int>& rows = cuts[table];
        if (cut.table <= shown + int(rows.size())) {
            const int piece = cut.table - shown;
            rows.push_back((piece == 0 ? 0 : rows[std::size_t(piece - 1)]) + cut.row);
            std::sort(rows.begin(), rows.end());
            return;
        }
        shown += int(rows.size()) + 1;
    }
}

void releasePageBreaks(QTextDocument& doc) {
    for (const Flow& f : flowOf(doc)) {
        if (breaksBefore(f)) {
            setBreak(f, QTextFormat::PageBreak_Auto);
        }
    }
}

void paintPage(QPainter& p, const QTextDocument& doc, int page, const QColor& text) {
    const QSizeF size = doc.pageSize();
    p.save();
    const QRectF view(0, page * size.height(), size.width(), size.height());
    p.translate(0, -view.top());
    p.setClipRect(view, Qt::IntersectClip);
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.clip = view;
    ctx.palette.setColor(QPalette::Text, text);
    doc.documentLayout()->draw(&p, ctx);
    p.restore();
}

bool everythingFitsItsPage(QTextDocument& doc) {
    const qreal h = doc.pageSize().height();
    const std::map<const QTextFrame*, qreal> natural = naturalHeights(doc);
    doc.pageCount();
    for (const Flow& f : flowOf(doc)) {
        if (f.frame && std::floor(f.rect.top() / h) != std::floor((f.rect.bottom() - 1) / h) &&
            fitsAPage(doc, natural.count(f.frame) ? natural.at(f.frame) : f.rect.height())) {
            return false; // a box that fits a page cut in two
        }
        if (!f.frame && f.rect.height() > h) {
            return false; // a picture taller than the page (long tables break between rows)
        }
    }
    return true;
}

Status writePdfPages(const QString& path, const QPageLayout& layout, const QString& title,
                     int pages, const std::function<void(QPainter&, int)>& paint) {
    const QRectF text = layout.paintRect(QPageLayout::Point);
    AtomicFile file(path);
    if (const Status s = file.open(); !s) {
        return systemFailure(AtomicFile::describe(s));
    }
    {
        QPdfWriter writer(file.device());
        writer.setPageLayout(layout);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("fieldguide"));
        QPainter p(&writer);
        if (!p.isActive()) {
            file.cancel();
            return systemFailure(PagedTextWords::tr("Could not start the PDF %1").arg(path));
        }
        p.scale(writer.width() / text.width(), writer.width() / text.width()); // points to pixels
        for (int i = 0; i < pages; ++i) {
            if (i > 0) {
                writer.newPage();
            }
            paint(p, i);
        }
    }
    if (const Status s = file.commit(); !s) {
        return systemFailure(AtomicFile::describe(s));
    }
    return Status::ok();
}

} // namespace fg
