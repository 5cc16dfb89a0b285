// FigureScene: what a laid-out figure is made of, in figure coordinates (device-independent
// pixels, origin at the top-left). Boxes first, then lines, then text, so labels always sit on
// top. paintScene() only reads this; all measuring happened during layout.
#pragma once

#include "widgets/figure/inline_text.h"

#include <QColor>
#include <QPainter>
#include <QPolygonF>
#include <QRectF>
#include <vector>

namespace fg {

struct FigureScene {
    enum class Shape { Rect, Rounded, Decision, Store, Pill };

    struct Box {
        QRectF rect;
        QColor fill; // invalid: no fill
        QColor stroke;
        qreal strokeWidth = 1;
        Shape shape = Shape::Rounded;
        Qt::PenStyle style = Qt::SolidLine;
    };
    struct Line {
        QPolygonF points;
        QColor color;
        qreal width = 1;
        bool arrow = false; // an arrowhead at the last point
        // A flow's edge: its two nodes, numbered across the figure (-1: not an edge). Edges
        // that leave one node share their trunk, and edges into one node may join before it.
        int edgeFrom = -1, edgeTo = -1;
    };
    struct Text {
        TextBlock block;
        QPointF pos;
        QColor color;
        QColor background; // invalid: none (edge labels get the page colour)
        int names = -1;    // an edge label: the index in `lines` of the edge it names
    };

    std::vector<Box> boxes;
    std::vector<Line> lines;
    std::vector<Text> texts;
    QSizeF size;
    QColor background;

    // Counts for tests: how many of each primitive the scene holds.
    std::size_t boxCount() const { return boxes.size(); }
};

// Where a text's background is painted (an edge label's patch of the page's colour).
QRectF labelBackground(const FigureScene::Text& text);
// The arrowhead a line of `width` ending at `tip`, coming from `from`, is drawn with.
QPolygonF arrowheadPolygon(QPointF from, QPointF tip, qreal width);

// Search hits to mark in a figure's text: every occurrence of `query` (case-insensitive) gets
// `fill` behind it, and the `current`-th (counted in the order of scene.texts) `currentFill`.
struct SceneHighlight {
    QString query;
    QColor fill, text;
    QColor currentFill, currentText;
    int current = -1;
};

// How many times `query` occurs in the figure's text (case-insensitive; 0 for an empty query).
int highlightCount(const FigureScene& scene, const QString& query);

void paintScene(QPainter& painter, const FigureScene& scene,
                const SceneHighlight* highlight = nullptr);

} // namespace fg
