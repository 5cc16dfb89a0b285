// A chapter's figures on pages (a printed handout, a presentation's text slides): each as wide as
// the text, its letters never under the least size the pages allow (8 pt on paper), and no page
// left mostly empty in front of one. A figure too tall for a page (with the heading above it) is
// set a little smaller when its letters stay at the least size or more, else cut between its parts
// into pieces that each fit a page ("title (continued)"); a figure that goes to the next page and
// leaves a quarter of a page or more empty behind it is set smaller to fit that room when its
// letters stay at the least size or more, else its first parts fill that room (half of it at
// least) and the rest follows on the next page.
#pragma once

#include "models/theme/theme.h"

#include <QSizeF>
#include <QString>
#include <QTextFormat>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

class QTextDocument;

namespace fg {

class FigureRenderer;

// A figure on a page: the figure block it shows (a piece of a figure cut between its parts is a
// figure block of its own), its size on the page in the document's units, and the size of its
// smallest letters there.
struct PagedFigure {
    QString name; // the picture's name in the document: "figure:ID", a piece's "figure:ID/2"
    nlohmann::json figure;
    QSizeF size;
    qreal smallestText = 0;
};

// A figure's picture in the document: the share of its laid-out size it is shown at (a double
// property of its QTextImageFormat; 1: as laid out).
constexpr int kShownShare = QTextFormat::UserProperty + 1;

// How figures are drawn on the pages, in the document's units (points on paper, pixels on a
// slide).
struct FigureType {
    qreal width = 0;      // as wide as the text
    qreal bodyPx = 0;     // the figure's body text, as it is laid out
    qreal leastText = 0;  // its letters are never set smaller than this
    qreal leastScale = 0; // nor is it set smaller than this share of its laid-out size
    qreal dpr = 1;        // pictures are drawn this many times as sharp as the unit
    // A figure that fits a page whole (with the heading above it) in this larger type is set in
    // it (a slide: the text's own, where figures' letters were smaller than a note's beside
    // them); 0: none.
    qreal largerBodyPx = 0;
    // Each figure is set at this share of the size it would have, where its letters and size stay
    // at the least (leastText, leastScale) or more: a section's last page held a note alone.
    qreal shrink = 1;
};

class PagedFigures {
public:
    // REQUIRES: `doc` holds the chapter's HTML (chapterHtml: a figure is an image "figure:ID"
    // alone in its paragraph), its page size and margins set. Puts each figure of `figures`
    // (course figure blocks) in place, in `theme`, as `type` says.
    PagedFigures(QTextDocument& doc, const std::vector<nlohmann::json>& figures, const Theme& theme,
                 const FigureType& type);
    // REQUIRES: `doc` laid out as it is printed (keepTogether). Fills the first room of a quarter
    // page or more that a figure leaves empty on the page before it, by setting it smaller or
    // cutting it; returns false when there is none it can fill. Each picture is looked at once,
    // where it first lands. Paginate the document again after a change.
    bool fillAnEmptyRoom();
    // The figures as they are on paper, in the order of the chapter.
    std::vector<PagedFigure> figures() const;

private:
    // A figure, or a piece of it: parts [from, to) of `whole` (all of them: to is 0).
    struct Shown {
        PagedFigure figure;
        nlohmann::json whole;
        std::size_t from = 0, to = 0;
        qreal layWidth = 0;     // laid out at this width (the text's, or wider: layWider)
        qreal body = 0;         // and in this type
        qreal naturalWidth = 0; // its size as laid out
        qreal naturalHeight = 0;
        qreal smallestPx = 0; // its smallest letters at that size
        bool settled = false; // looked at where it landed
        // Laid out, to be drawn at the size it is shown once it is put in the document (show):
        // a layout tried and not kept costs no drawing. None: it is in the document.
        std::shared_ptr<const FigureRenderer> toDraw;
    };
    Shown lay(const nlohmann::json& whole, std::size_t from, std::size_t to, qreal room,
              qreal layWidth = 0, qreal body = 0);
    // `s` (laid out at the text's width) laid out as wide as makes it largest once set in the
    // text's width and `room`'s height (a flowchart wraps its rows in a narrow column and grows
    // tall).
    Shown layWider(const Shown& s, qreal room);
    // The share of its laid-out size `s` is set at in `height` (and the text's width).
    qreal scaleAt(const Shown& s, qreal height) const;
    // Puts `pieces` where the picture `name` is (as many paragraphs).
    void show(const QString& name, std::vector<Shown> pieces);
    // True when `s` is still read at `height` (its letters, its scale: see FigureType).
    bool readableAt(const Shown& s, qreal height) const;
    // Whether `s` set at `k` of its laid-out size keeps its size and letters at the least.
    bool readableAtShare(const Shown& s, qreal k) const;
    qreal roomOnAPage(const QString& name);
    qreal fullPage() const;
    qreal topMargin() const;    // the document's at the top of a page
    qreal bottomMargin() const; // at the bottom

    QTextDocument& doc_;
    Theme theme_;
    FigureType type_;
    int nextPiece_ = 1;
    std::vector<Shown> shown_;
};

} // namespace fg
