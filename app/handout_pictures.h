// The pictures of a handout's live diagrams (see Handout): each diagram's card gets a picture of
// the diagram (its first scenario at its last step, as `fieldguide export --chapter` draws it),
// its letters at 8 pt or more, upright if it can be, and the step's sentence whole as text in the
// card; on paper the card's link says where to find the diagram instead.
#pragma once

#include "models/theme/theme.h"
#include "widgets/canvas/frame.h"

#include <QRectF>
#include <QSizeF>
#include <QString>
#include <vector>

class QTextDocument;

namespace fg {

// A picture of a live diagram in a handout: its size on paper in points, whether it is turned a
// quarter (a wide drawing whose letters would be under 8 pt across the page; it then takes the
// page's height left under its card's text), and the size of its smallest letters on paper, in
// points.
struct HandoutPicture {
    QString id;
    QSizeF size;
    bool turned = false;
    qreal smallestTextPt = 0;
    QString sentence; // the step's sentence, set whole as text in the card (not in the picture)
    Frame frame;      // what is drawn (a diagram with steps; empty for a chart), with letters
                      // under 8 pt set larger where they have room
    QRectF view;      // the area of the frame the picture shows
};

// The theme a handout draws its charts in (B-Tree vs LSM-tree's): paper's, their type 9 pt on
// paper.
Theme handoutChartTheme();

// REQUIRES: `doc` holds a chapter's HTML (chapterHtml with diagram links), its page size set.
// Puts a picture of each live diagram in its card, in `paper`'s colours, the whole card on one
// page; `pictures` gets them in the order of the chapter.
void addDiagramPictures(QTextDocument& doc, const Theme& paper,
                        std::vector<HandoutPicture>& pictures);

} // namespace fg
