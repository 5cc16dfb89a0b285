// FigureLayout: turns a validated `figure` block (content/SCHEMA.md, "Figure parts") into a
// FigureScene for a given width. A pure function of (figure, theme, width, body font size): no
// widget, no painting, so tests check geometry without a window and every output (screen, PNG,
// SVG, PDF) paints the same scene.
#pragma once

#include "models/theme/theme.h"
#include "widgets/figure/figure_scene.h"

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <span>

namespace fg {

struct LabelObstacles;

class FigureLayout {
public:
    FigureLayout(const Theme& theme, qreal bodyPx, FigureScene& out);

    // Lays out the whole figure card (title, parts, caption) at `width`; sets out.size.
    void layoutFigure(const nlohmann::json& figure, qreal width);

private:
    using json = nlohmann::json;

    // Each part function lays out at (x, y) within width w and returns the height it used.
    qreal parts(const json& list, qreal x, qreal y, qreal w);
    qreal part(const json& p, qreal x, qreal y, qreal w);
    // figure_text_parts.cpp
    qreal heading(const json& p, qreal x, qreal y, qreal w);
    qreal paragraph(const json& p, qreal x, qreal y, qreal w);
    qreal bullets(const json& items, qreal x, qreal y, qreal w, int depth);
    qreal keyValues(const json& p, qreal x, qreal y, qreal w);
    qreal table(const json& p, qreal x, qreal y, qreal w);
    qreal code(const json& p, qreal x, qreal y, qreal w);
    // figure_layout.cpp
    qreal boxes(const json& p, qreal x, qreal y, qreal w);
    qreal record(const json& p, qreal x, qreal y, qreal w);
    qreal bars(const json& p, qreal x, qreal y, qreal w);
    qreal panel(const json& p, qreal x, qreal y, qreal w, qreal minHeight = 0);
    qreal columns(const json& p, qreal x, qreal y, qreal w);
    qreal callout(const json& p, qreal x, qreal y, qreal w);
    qreal divider(qreal x, qreal y, qreal w);
    // figure_graph.cpp
    qreal tree(const json& p, qreal x, qreal y, qreal w);
    qreal treeIndented(const json& node, qreal x, qreal y, qreal w, int depth);
    qreal flow(const json& p, qreal x, qreal y, qreal w);

    // Shared pieces.
    InlineText inl(const json& v) const;
    // `v` laid out at width `w`; a word wider than `w` gets the text set smaller, down to
    // `leastScale` of `font` (see figure_layout.cpp).
    TextBlock text(const json& v, const QFont& font, qreal w, Qt::Alignment align = Qt::AlignLeft,
                   qreal leastScale = 0.7) const;
    void put(const TextBlock& b, QPointF pos, const QColor& color, const QColor& bg = {});
    std::size_t reserveBox();
    void setBox(std::size_t index, const QRectF& r, const QColor& fill, const QColor& stroke,
                FigureScene::Shape shape = FigureScene::Shape::Rounded, qreal strokeWidth = -1);
    void arrow(QPolygonF points, bool head = true);
    // A node or box: bold title + lines, measured at `w`; returns its size, places at `pos`.
    struct Card {
        TextBlock title;
        std::vector<TextBlock> lines;
        QSizeF size;
        qreal inner = 0; // the width the text is laid out in, centred in the card
    };
    Card measureCard(const json& title, const json& lines, qreal w, bool center,
                     FigureScene::Shape shape = FigureScene::Shape::Rounded) const;
    qreal storeInset() const;
    void placeCard(const Card& c, QPointF pos, qreal w, const QString& tone,
                   FigureScene::Shape shape, bool center);
    qreal cardNaturalWidth(const json& title, const json& lines) const;

    // flow's steps (figure_graph.cpp, where these types are defined): the graph and its ranks;
    // the nodes placed in columns (rightwards) or in rows (downwards, a crowded layer wrapped);
    // each edge's route and its label.
    struct FlowGraph;
    struct FlowPlacement;
    struct FlowRoute;
    static FlowGraph flowGraph(const json& nodes, const json& edges);
    // A node's card, at its natural width (a decision's a little wider) but at most `most`.
    Card flowCard(const json& node, qreal most) const;
    // Each returns the height it used from `y`.
    qreal flowColumns(const json& nodes, FlowGraph& g, FlowPlacement& at, qreal y);
    qreal flowRows(const json& nodes, const json& edges, FlowGraph& g, FlowPlacement& at, qreal y);
    // The slots a row's nodes stand in: `count` across `width` from `x`, the row's first node in
    // slot `first`.
    struct RowGrid {
        qreal x, width;
        std::size_t count, first;
    };
    qreal flowRow(const json& nodes, const FlowGraph& g, std::span<const std::size_t> row,
                  FlowPlacement& at, qreal cy, const RowGrid& grid);
    // The route of the edge `e` from node a to node b; a back edge below the nodes grows `used`.
    FlowRoute flowRoute(const json& e, std::size_t a, std::size_t b, const FlowGraph& g,
                        const FlowPlacement& at, qreal y, qreal& used) const;
    FlowRoute flowRouteDown(const json& e, std::size_t a, std::size_t b,
                            const FlowPlacement& at) const;
    void flowStems(const FlowGraph& g, FlowPlacement& at) const;
    qreal flowLabelGap(qreal lineWidth) const;
    qreal flowLabelFrame() const;
    qreal flowLabelRoom(qreal targetWidth) const;
    // Places the label of the edge into b beside `beside`; returns where it went.
    QRectF flowEdgeLabel(const json& label, std::size_t b, const FlowPlacement& at,
                         const QLineF& beside, const LabelObstacles& obstacles, const QRectF& area);
    // Places an edge's label on `on`, its drop; nothing where it does not fit there.
    std::optional<QRectF> flowEdgeLabelOnLine(const json& label, const QLineF& on,
                                              const LabelObstacles& obstacles, const QRectF& area);

    const Theme& theme_;
    FigureScene& out_;
    qreal body_;        // body font size in pixels
    qreal u_;           // the spacing unit
    int flowNodes_ = 0; // the flows' nodes numbered so far (FigureScene::Line::edgeFrom)
    QFont font_, bold_, small_, mono_, headingFont_, titleFont_;
};

} // namespace fg
