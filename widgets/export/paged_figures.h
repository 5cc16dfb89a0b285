// A chapter's figures on a handout's pages (see Handout): each as wide as the text, its letters
// never under 8 pt on paper, and no page left mostly empty in front of one. A figure too tall for
// a page (with the heading above it) is set a little smaller when its letters stay at 8 pt or
// more, else cut between its parts into pieces that each fit a page ("title (continued)"); a
// figure that goes to the next page and leaves a quarter of a page or more empty behind it is set
// smaller to fit that room when its letters stay at 8 pt or more, else its first parts fill that
// room (half of it at least) and the rest follows on the next page.
#pragma once

#include "models/theme/theme.h"

#include <QImage>
#include <QSizeF>
#include <QString>
#include <nlohmann/json.hpp>
#include <vector>

class QTextDocument;

namespace fg {

// A figure on paper: the figure block it shows (a piece of a figure cut between its parts is a
// figure block of its own), its size on paper in points, and the size of its smallest letters
// there.
struct HandoutFigure {
    QString name; // the picture's name in the document: "figure:ID", a piece's "figure:ID/2"
    nlohmann::json figure;
    QSizeF size;
    qreal smallestTextPt = 0;
};

class HandoutFigures {
public:
    // REQUIRES: `doc` holds the chapter's HTML (chapterHtml: a figure is an image "figure:ID"
    // alone in its paragraph), its page size set. Puts each figure of `figures` (course figure
    // blocks) in place, laid out `width` points wide with `bodyPx` body text.
    HandoutFigures(QTextDocument& doc, const std::vector<nlohmann::json>& figures,
                   const Theme& paper, qreal width, qreal bodyPx);
    // REQUIRES: `doc` laid out as it is printed (keepTogether). Fills the first room of a quarter
    // page or more that a figure leaves empty on the page before it, by setting it smaller or
    // cutting it; returns false when there is none it can fill. Each picture is looked at once,
    // where it first lands. Paginate the document again after a change.
    bool fillAnEmptyRoom();
    // The figures as they are on paper, in the order of the chapter.
    std::vector<HandoutFigure> figures() const;

private:
    // A figure, or a piece of it: parts [from, to) of `whole` (all of them: to is 0).
    struct Shown {
        HandoutFigure figure;
        nlohmann::json whole;
        std::size_t from = 0, to = 0;
        qreal naturalHeight = 0; // laid out at the text's width, in points
        qreal smallestPx = 0;    // its smallest letters at that size
        bool settled = false;    // looked at where it landed
        QImage image;            // drawn, to be put in the document (null: it is there)
    };
    Shown lay(const nlohmann::json& whole, std::size_t from, std::size_t to, qreal room,
              bool draw = true);
    // Puts `pieces` where the picture `name` is (as many paragraphs).
    void show(const QString& name, std::vector<Shown> pieces);
    qreal roomOnAPage(const QString& name);
    qreal fullPage() const;

    QTextDocument& doc_;
    Theme paper_;
    qreal width_, bodyPx_;
    int nextPiece_ = 1;
    std::vector<Shown> shown_;
};

} // namespace fg
