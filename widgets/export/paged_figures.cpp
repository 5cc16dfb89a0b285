#include "widgets/export/paged_figures.h"

#include "widgets/export/paged_text.h"
#include "widgets/figure/figure_pieces.h"
#include "widgets/figure/figure_renderer.h"

#include <QAbstractTextDocumentLayout>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QUrl>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace fg {

namespace {

constexpr qreal kEmptyRoom = 0.25; // of a page: a room left empty that a figure fills

// Where the picture named `name` is in `doc` (-1: nowhere).
int positionOf(const QTextDocument& doc, const QString& name) {
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.isImageFormat() && f.toImageFormat().name() == name) {
                return it.fragment().position();
            }
        }
    }
    return -1;
}

// Where the first line of `b` (a picture's paragraph: its picture) is laid out, in the document.
qreal pictureTop(QTextDocument& doc, const QTextBlock& b) {
    return linesRect(doc, b).top();
}

bool isHeading(const Flow& f) {
    return !f.frame && f.block.blockFormat().headingLevel() > 0;
}

} // namespace

PagedFigures::PagedFigures(QTextDocument& doc, const std::vector<nlohmann::json>& figures,
                           const Theme& theme, const FigureType& type)
    : doc_(doc), theme_(theme), type_(type) {
    for (const nlohmann::json& figure : figures) {
        const QString name =
            QStringLiteral("figure:") + QString::fromStdString(figure.value("id", std::string()));
        if (positionOf(doc_, name) < 0) {
            continue;
        }
        // As large as laid out when it fits a page with the heading above it; else a little
        // smaller if its letters stay at the least size or more; else cut between its parts.
        const qreal room = roomOnAPage(name);
        if (type_.largerBodyPx > 0) {
            Shown larger = lay(figure, 0, 0, room, 0, type_.largerBodyPx);
            if (larger.naturalHeight <= room) {
                larger.figure.name = name;
                shown_.push_back(larger);
                show(name, {larger});
                continue;
            }
        }
        Shown whole = lay(figure, 0, 0, room);
        whole.figure.name = name;
        shown_.push_back(whole);
        const std::size_t parts = figurePartCount(figure);
        if (whole.naturalHeight <= room || readableAt(whole, room)) {
            show(name, {whole});
            continue;
        }
        if (parts < 2) { // unreadable at the text's width, and not to be cut: laid out wider
            show(name, {layWider(whole, room)});
            continue;
        }
        std::vector<Shown> pieces;
        for (std::size_t from = 0; from < parts;) {
            const qreal r = from == 0 ? room : fullPage();
            const std::size_t to = pieceEnd(figure, from, [&](const nlohmann::json& piece) {
                return FigureRenderer(piece, theme_, type_.width, type_.bodyPx).size().height() <=
                       r;
            });
            pieces.push_back(lay(figure, from, to, r));
            from = to;
        }
        show(name, pieces);
    }
}

std::vector<PagedFigure> PagedFigures::figures() const {
    std::vector<PagedFigure> out;
    for (const Shown& s : shown_) {
        out.push_back(s.figure);
    }
    return out;
}

PagedFigures::Shown PagedFigures::lay(const nlohmann::json& whole, std::size_t from, std::size_t to,
                                      qreal room, qreal layWidth, qreal body) {
    Shown s;
    s.whole = whole;
    s.from = from;
    s.to = to;
    s.layWidth = layWidth > 0 ? layWidth : type_.width;
    s.body = body > 0 ? body : type_.bodyPx;
    s.figure.figure = to > 0 ? figurePiece(whole, from, to) : whole;
    auto r = std::make_shared<const FigureRenderer>(s.figure.figure, theme_, s.layWidth, s.body);
    s.naturalWidth = std::max<qreal>(1, r->size().width());
    s.naturalHeight = std::max<qreal>(1, r->size().height());
    s.smallestPx = smallestTextPx(r->scene());
    qreal k = scaleAt(s, room);
    if (type_.shrink < 1 && readableAtShare(s, k * type_.shrink)) {
        k *= type_.shrink;
    }
    s.figure.size = r->size() * k;
    s.figure.smallestText = s.smallestPx * k;
    s.toDraw = std::move(r);
    return s;
}

qreal PagedFigures::scaleAt(const Shown& s, qreal height) const {
    return std::min({qreal(1), height / s.naturalHeight, type_.width / s.naturalWidth});
}

PagedFigures::Shown PagedFigures::layWider(const Shown& s, qreal room) {
    // At the text's width the Database Types flowchart wrapped its answers into rows twice as
    // tall as a 1024x768 slide: set in 360 px of a 914 px column, its letters 8 px (tester 44).
    // Laid out at up to three times the width, it is set at the size its letters are largest
    // (13 px there).
    Shown best = s;
    for (const qreal wider : {1.25, 1.5, 1.75, 2.0, 2.5, 3.0}) {
        Shown t = lay(s.whole, s.from, s.to, room, type_.width * wider);
        if (t.figure.smallestText > best.figure.smallestText * 1.02) {
            best = std::move(t);
        }
    }
    return best;
}

void PagedFigures::show(const QString& name, std::vector<Shown> pieces) {
    QTextCursor c(&doc_);
    const int at = positionOf(doc_, name);
    c.setPosition(at);
    c.setPosition(at + 1, QTextCursor::KeepAnchor);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        PagedFigure& f = pieces[i].figure;
        f.name = pieces.size() == 1 ? name
                                    : name.section(QLatin1Char('/'), 0, 0) +
                                          QStringLiteral("/%1").arg(nextPiece_++);
        if (const auto& r = pieces[i].toDraw) {
            // Drawn at the size it is shown: drawn at its laid-out size and scaled down by the
            // page, a figure set smaller came out soft (a slide at 1024x768: tester 46).
            doc_.addResource(QTextDocument::ImageResource, QUrl(f.name),
                             r->toScaledImage(f.size.width() / pieces[i].naturalWidth, type_.dpr));
            pieces[i].toDraw.reset();
        }
        QTextImageFormat image;
        image.setName(f.name);
        image.setWidth(f.size.width());
        image.setHeight(f.size.height());
        image.setProperty(kShownShare, f.size.width() / pieces[i].naturalWidth);
        if (i > 0) {
            c.insertBlock();
        }
        c.insertImage(image);
    }
    auto where = std::find_if(shown_.begin(), shown_.end(),
                              [&name](const Shown& s) { return s.figure.name == name; });
    where = shown_.erase(where);
    shown_.insert(where, pieces.begin(), pieces.end());
}

bool PagedFigures::readableAt(const Shown& s, qreal height) const {
    return readableAtShare(s, scaleAt(s, height));
}

bool PagedFigures::readableAtShare(const Shown& s, qreal k) const {
    return k >= type_.leastScale && s.smallestPx * k >= type_.leastText;
}

qreal PagedFigures::fullPage() const {
    return doc_.pageSize().height() - topMargin() - bottomMargin() - 28;
}

qreal PagedFigures::topMargin() const {
    return doc_.rootFrame()->frameFormat().topMargin();
}

qreal PagedFigures::bottomMargin() const {
    return doc_.rootFrame()->frameFormat().bottomMargin();
}

qreal PagedFigures::roomOnAPage(const QString& name) {
    // The picture's paragraph, with the heading right above it (which goes to its page with it),
    // at the top of a page: the page's height under what comes above the picture there.
    QTextCursor c(&doc_);
    c.setPosition(positionOf(doc_, name));
    const QTextBlock b = c.block();
    QTextBlock first = b, before = b.previous();
    while (before.isValid() && before.text().trimmed().isEmpty()) {
        before = before.previous();
    }
    if (before.isValid() && before.blockFormat().headingLevel() > 0) {
        first = before;
    }
    const QTextBlockFormat was = first.blockFormat();
    QTextBlockFormat breaking = was;
    breaking.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    QTextCursor(first).setBlockFormat(breaking);
    doc_.pageCount(); // lays the document out
    const qreal pageH = doc_.pageSize().height();
    const qreal top = pictureTop(doc_, b);
    const qreal above = top - std::floor(top / pageH) * pageH;
    QTextCursor(first).setBlockFormat(was);
    // A line fits a page when it ends above the page's bottom margin.
    return pageH - bottomMargin() - above - 1;
}

bool PagedFigures::fillAnEmptyRoom() {
    doc_.pageCount(); // lays the document out
    const qreal pageH = doc_.pageSize().height(), margin = bottomMargin();
    const std::vector<Flow> flow = flowOf(doc_);
    for (Shown& s : shown_) {
        if (s.settled) {
            continue;
        }
        s.settled = true;
        QTextCursor c(&doc_);
        c.setPosition(positionOf(doc_, s.figure.name));
        const QTextBlock b = c.block();
        const auto i = std::find_if(flow.begin(), flow.end(),
                                    [&b](const Flow& x) { return !x.frame && x.block == b; });
        if (i == flow.end() || !b.layout() || b.layout()->lineCount() == 0) {
            continue;
        }
        const qreal top = pictureTop(doc_, b);
        const int page = int(std::floor(top / pageH));
        auto unit = i; // the picture, with the heading right above it on its page
        if (unit != flow.begin() && isHeading(*(unit - 1)) &&
            int(std::floor((unit - 1)->rect.top() / pageH)) == page) {
            --unit;
        }
        if (unit == flow.begin()) {
            continue;
        }
        const qreal before = (unit - 1)->rect.bottom();
        if (int(std::floor((before - 1) / pageH)) != page - 1) {
            continue; // not moved to the next page: what is before it is on its page
        }
        const qreal room = page * pageH - margin - before;
        if (room < kEmptyRoom * pageH) {
            continue;
        }
        // The height the picture may take there: the room less the heading and the margins
        // above it on its page, and its paragraph's margin under it.
        const qreal height =
            room - (top - page * pageH - topMargin()) - b.blockFormat().bottomMargin() - 4;
        const QString name = s.figure.name;
        if (readableAt(s, height)) {
            Shown smaller = lay(s.whole, s.from, s.to, height, s.layWidth, s.body);
            smaller.settled = true;
            show(name, {smaller});
            return true;
        }
        // Else its first parts fill the room, and the rest follows on the next page.
        const nlohmann::json& whole = s.whole;
        const std::size_t from = s.from, to = s.to > 0 ? s.to : figurePartCount(whole);
        if (to - from < 2) {
            continue;
        }
        const auto fits = [&](const nlohmann::json& piece) {
            return FigureRenderer(piece, theme_, type_.width, type_.bodyPx).size().height() <=
                   height;
        };
        const std::size_t end = pieceEnd(whole, from, fits);
        if (!pieceMayEndAt(whole, end)) {
            continue; // no end the parts allow in the room: the figure starts the next page
        }
        Shown first = lay(whole, from, end, height);
        if (end >= to || first.naturalHeight > height || first.naturalHeight < height / 2) {
            continue; // no piece that fits, or one that leaves most of the room empty
        }
        Shown rest = lay(whole, end, to, fullPage());
        first.settled = true;
        show(name, {first, rest});
        return true;
    }
    return false;
}

} // namespace fg
