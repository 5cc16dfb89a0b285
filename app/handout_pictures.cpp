#include "app/handout_pictures.h"

#include "widgets/diagrams/diagram_factory.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/export/diagram_picture.h"
#include "widgets/export/picture_export.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QPicture>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>
#include <QUrl>
#include <cmath>
#include <nlohmann/json.hpp>

namespace fg {

namespace {

// The words of this file go to translators under fg::HandoutPictures (tr() and lupdate agree).
struct HandoutPicturesWords {
    Q_DECLARE_TR_FUNCTIONS(fg::HandoutPictures)
};

constexpr qreal kLeastPt = 8;       // the least size of letters on paper, in points
constexpr qreal kPictureMargin = 4; // inside the card, which pads the picture too
constexpr qreal kMostRaise = 1.5;   // letters are set at most this much larger than on screen
constexpr qreal kCardPadding = 10;  // a card's cell padding (chapter_html.cpp's aside)
constexpr qreal kCardMargins = 22;  // and its margins above and under it
constexpr qreal kTextBeside = 170;  // the card's text beside a turned picture keeps this width

// The size of a chart's letters on paper, in points: styleChart's 9 pt in `theme`'s type,
// recorded in a QPicture at its resolution and replayed in the handout's picture one unit to a
// point.
qreal chartTextPt(const Theme& theme) {
    const QPicture picture;
    return 9 * theme.fontScale * picture.logicalDpiY() / 72.0;
}

// The smallest letters `frame` draws, in its units (0: none).
qreal smallestText(const Frame& frame) {
    qreal smallest = 0;
    for (const FrameItem& it : frame.items) {
        if (!it.text.isEmpty() && it.opacity > 0.5) {
            smallest = smallest > 0 ? std::min(smallest, it.fontPx) : it.fontPx;
        }
    }
    return smallest;
}

// Print's least size of type: each text of `frame` under `px` (in the frame's units) is set
// larger, up to `px` and at most kMostRaise times its size, as far as it still fits the room its
// box or area gives it. Nothing moves; a text with no room to grow keeps its size.
void raiseSmallText(Frame& frame, qreal px) {
    for (FrameItem& it : frame.items) {
        if (it.text.isEmpty() || it.fontPx >= px) {
            continue;
        }
        const QRectF room = frameTextRoom(it);
        const qreal original = it.fontPx;
        for (qreal size = std::min(px, original * kMostRaise); size > original; size -= 0.2) {
            it.fontPx = size;
            const QSizeF need = frameTextSize(it);
            if (need.width() <= room.width() && need.height() <= room.height() + 1) {
                break;
            }
            it.fontPx = original;
        }
    }
}

// The picture of `diagram`'s default scenario at its last step, in points, in the room a card
// gives it: `upright` (the card's width, and the height left on a page under the card's text),
// or, turned a quarter, `turned` (a page's height as its width, the room beside the card's text
// as its height). Upright when its letters reach kLeastPt there at some type size (small letters
// set larger where they have room; the diagram laid out for larger type as for the projector,
// with paper's colours), else turned; as tall as the drawing needs at its width. The step's
// sentence is not in the picture: the card sets it as text, whole (a picture's caption band cut
// a long sentence).
HandoutPicture placePicture(const LiveDiagram& diagram, const Theme& paper, QSizeF upright,
                            QSizeF turned) {
    HandoutPicture out;
    out.id = diagram.id;
    out.size = QSizeF(upright.width(), std::min(upright.width() * 9 / 16, upright.height()));
    if (!diagram.hasSteps()) {
        // The charts one above the other, as tall as the page lets them be up to a little
        // wider than high each (they were squeezed into slivers, their labels run together).
        out.size = QSizeF(upright.width(), std::min(upright.width() * 1.5, upright.height()));
        out.smallestTextPt = chartTextPt(handoutChartTheme());
        return out;
    }
    Status st;
    const nlohmann::json scenario = defaultScenario(diagram.id, st);
    const std::unique_ptr<DiagramSource> source =
        st ? diagram.makeSource(scenario, st, KeepOnly{}) : nullptr;
    if (!source) {
        return out;
    }
    const int last = source->stepCount() - 1;
    const auto place = [&](QSizeF box, bool turn, qreal typeScale) {
        Theme type = paper;
        type.fontScale = paper.fontScale * typeScale;
        HandoutPicture p = out;
        p.frame = source->frame(last, type);
        const qreal smallest = smallestText(p.frame), largest = p.frame.largestTextPx();
        const QRectF bounds = p.frame.bounds();
        p.view = bounds.isValid() ? bounds : QRectF(0, 0, 1, 1);
        // The least height at which the width sets the scale.
        const auto scale = [&](QSizeF size) {
            return diagramPictureScale(size, p.view, false, paper, kPictureMargin, largest);
        };
        const qreal full = scale(box);
        p.size = box;
        for (qreal h = box.width() * 0.2; h < box.height(); h += 2) {
            if (scale(QSizeF(box.width(), h)) >= full * 0.99) {
                p.size.setHeight(h);
                break;
            }
        }
        const qreal k = scale(p.size);
        if (smallest > 0 && smallest * k < kLeastPt) {
            raiseSmallText(p.frame, kLeastPt / k + 0.01);
        }
        p.smallestTextPt = smallest > 0 ? smallestText(p.frame) * k : kLeastPt;
        p.turned = turn;
        p.sentence = source->narration(last);
        return p;
    };
    // Upright if it can be, at any type size, before turned: a turned picture is read with the
    // page turned.
    HandoutPicture best;
    for (const bool turn : {false, true}) {
        for (const qreal typeScale : {1.0, 1.2, 1.35, 1.5, 1.75, 2.0}) {
            const HandoutPicture p = place(turn ? turned : upright, turn, typeScale);
            if (p.smallestTextPt >= kLeastPt) {
                return p;
            }
            if (p.smallestTextPt > best.smallestTextPt + 0.05) {
                best = p;
            }
        }
    }
    return best;
}

// Where the card around `position` is, and the width its text has, once laid out.
struct CardRoom {
    qreal height = 0; // the card's height on the page, in points
    qreal width = 0;  // the width of its text
    qreal above = 0;  // of that height, a heading above the card that goes with it
};

CardRoom cardRoom(QTextDocument& doc, int position) {
    doc.pageCount(); // lays the document out
    QTextCursor c(&doc);
    c.setPosition(position);
    CardRoom room;
    QAbstractTextDocumentLayout* layout = doc.documentLayout();
    if (QTextTable* table = c.currentTable()) {
        const QRectF card = layout->frameBoundingRect(table);
        room.height = card.height();
        // A heading right above the card goes to the card's page with it (keepTogether).
        QTextBlock before = doc.findBlock(table->firstPosition() - 1);
        while (before.isValid() && before.text().trimmed().isEmpty()) {
            before = before.previous();
        }
        if (before.isValid() && before.blockFormat().headingLevel() > 0) {
            room.height = card.bottom() - layout->blockBoundingRect(before).top();
            room.above = room.height - card.height();
        }
    }
    room.width = layout->blockBoundingRect(c.block()).width() - 2;
    return room;
}

} // namespace

Theme handoutChartTheme() {
    // Points of paper: a chart's picture is replayed one unit to a point, and its type set at
    // the picture's resolution would come out a third larger than 9 pt.
    Theme paper = Theme::light();
    paper.fontScale = 72.0 / QPicture().logicalDpiY();
    return paper;
}

void addDiagramPictures(QTextDocument& doc, const Theme& paper,
                        std::vector<HandoutPicture>& pictures) {
    struct Link {
        int position, length;
        QString id;
    };
    std::vector<Link> links;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const QString href = f.charFormat().anchorHref();
            if (href.startsWith(QLatin1String("diagram:"))) {
                links.push_back({f.position(), f.length(), href.mid(8)});
            }
        }
    }
    // The height a card may take: a page, less the document's margin at its top and bottom.
    const QSizeF page = doc.pageSize();
    const qreal pageRoom = page.height() - 2 * doc.documentMargin() - 28;
    // Cards are measured on one endless page: a page's end cutting a card stretches it.
    doc.setPageSize(QSizeF(page.width(), 1e7));
    // From the end, so the positions before stay right.
    std::vector<HandoutPicture> placedFromTheEnd;
    for (auto l = links.rbegin(); l != links.rend(); ++l) {
        const LiveDiagram* diagram = liveDiagram(l->id);
        QTextCursor c(&doc);
        c.setPosition(l->position);
        c.setPosition(l->position + l->length, QTextCursor::KeepAnchor);
        QTextCharFormat plain = c.charFormat();
        plain.setAnchor(false);
        plain.setAnchorHref({});
        plain.setFontUnderline(false);
        plain.setForeground(QColor(paper.mutedText));
        const QString title = diagram ? diagram->title() : l->id;
        c.insertText(HandoutPicturesWords::tr(
                         "Live in fieldguide: Diagrams menu, \u201c%1\u201d. Shown at the "
                         "end of its first scenario:")
                         .arg(title),
                     plain);
        Status st;
        PaintFunction paint =
            diagram
                ? defaultPicture(*diagram, diagram->hasSteps() ? paper : handoutChartTheme(), st)
                : PaintFunction();
        if (!paint) {
            continue;
        }
        // The picture and the card's text share a page: upright, the picture gets the height the
        // text leaves under it; turned, it stands beside the text, a page high.
        const int at = c.position();
        const CardRoom room = cardRoom(doc, at);
        qreal left = pageRoom - room.height;
        qreal high = pageRoom - 2 * kCardPadding - kCardMargins - 2;
        // A turned picture's sentence goes beside it, with the card's text; when that text is
        // too long for the page, in a row of its own under the text and the picture.
        bool sentenceBeside = true;
        HandoutPicture placed;
        for (int attempt = 0; attempt < 4; ++attempt) {
            placed = placePicture(*diagram, paper, QSizeF(room.width, left),
                                  QSizeF(high, room.width - kTextBeside));
            if (!placed.frame.items.empty()) {
                paint = [placed, paper](QPainter& p, QSizeF s) {
                    paintDiagramPicture(p, s, placed.frame, QString(), paper, placed.view,
                                        kPictureMargin);
                };
            }
            const QImage drawn = paintToImage(paint, placed.size, 3, paper.background);
            // Turned a quarter (read with the page turned) when the page's width would set its
            // letters under 8 pt.
            const QImage img =
                placed.turned ? drawn.transformed(QTransform().rotate(90), Qt::SmoothTransformation)
                              : drawn;
            const QUrl name(QStringLiteral("diagram-picture:") + l->id);
            doc.addResource(QTextDocument::ImageResource, name, img);
            QTextImageFormat image;
            image.setName(name.toString());
            image.setWidth(placed.turned ? placed.size.height() : placed.size.width());
            image.setHeight(placed.turned ? placed.size.width() : placed.size.height());
            QTextCursor in(&doc);
            in.setPosition(at);
            QTextTable* table = in.currentTable();
            const bool besideText = placed.turned && table;
            if (besideText) {
                // A column of its own beside the card's text, in the text's colours.
                const QTextTableCell text = table->cellAt(in);
                table->appendColumns(1);
                QTextTableFormat f = table->format();
                QList<QTextLength> widths = f.columnWidthConstraints();
                while (widths.size() < table->columns()) {
                    widths << QTextLength();
                }
                widths.back() =
                    QTextLength(QTextLength::FixedLength, image.width() + 2 * f.cellPadding());
                f.setColumnWidthConstraints(widths);
                table->setFormat(f);
                QTextTableCell cell = table->cellAt(text.row(), table->columns() - 1);
                cell.setFormat(text.format());
                cell.firstCursorPosition().insertImage(image);
                if (!placed.sentence.isEmpty() && sentenceBeside) {
                    // At the end of the text's cell (`in` may stand where the new cell starts).
                    in = table->cellAt(text.row(), text.column()).lastCursorPosition();
                    in.insertBlock();
                    in.insertText(placed.sentence, plain);
                } else if (!placed.sentence.isEmpty()) {
                    // Under the text and the picture, the card's bar along both rows.
                    table->appendRows(1);
                    const int under = table->rows() - 1;
                    for (int col = 0; col < table->columns(); ++col) {
                        QTextTableCell c = table->cellAt(under, col);
                        c.setFormat(table->cellAt(text.row(), col).format());
                    }
                    table->mergeCells(text.row(), 0, 2, 1);
                    table->mergeCells(under, text.column(), 1, table->columns() - text.column());
                    table->cellAt(under, text.column())
                        .firstCursorPosition()
                        .insertText(placed.sentence, plain);
                }
            } else {
                in.insertBlock();
                in.insertImage(image);
                if (!placed.sentence.isEmpty()) {
                    in.insertBlock();
                    in.insertText(placed.sentence, plain);
                }
            }
            // The whole card on one page: a picture that made it taller gives up the excess.
            const CardRoom now = cardRoom(doc, at);
            const qreal over = now.height - pageRoom;
            if (over <= 0 || attempt == 3) {
                break;
            }
            if (besideText) {
                if (table->rows() > 1) {
                    table->removeRows(table->rows() - 1, 1);
                }
                table->removeColumns(table->columns() - 1, 1);
                // The text beside much too long for the page (not just a heading above the
                // card): the sentence goes under it; else the picture gives up height.
                if (sentenceBeside && !placed.sentence.isEmpty() && over > now.above + 30) {
                    sentenceBeside = false;
                } else {
                    high -= over + 2;
                }
            } else {
                left -= over + 2;
            }
            QTextCursor undo(&doc);
            undo.setPosition(at);
            undo.setPosition(in.position(), QTextCursor::KeepAnchor);
            undo.removeSelectedText();
        }
        placedFromTheEnd.push_back(placed);
    }
    doc.setPageSize(page);
    pictures.assign(placedFromTheEnd.rbegin(), placedFromTheEnd.rend());
}

} // namespace fg
