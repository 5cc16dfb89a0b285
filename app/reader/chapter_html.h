// ChapterHtml: turns a chapter's blocks into the HTML the reader shows (Qt's rich-text subset):
// real tables, lists, code, notes, callouts, figures as images named "figure:<id>" (rendered by
// FigureRenderer at the reader's width), and live-diagram cards with an "open" link
// ("diagram:<id>"). Sections get anchors "sec-<id>" for navigation.
#pragma once

#include "models/course/course.h"
#include "models/theme/theme.h"

#include <QString>
#include <map>
#include <vector>

namespace fg {

// Inline markup (content/SCHEMA.md) to HTML: escaped text, <b>, <i>, <code>, links, marks.
QString inlineHtml(const QString& source, const Theme& theme);

// The whole chapter. `bodyPx` is the body font size; figures are referenced, not embedded. A
// live-diagram card shows its title from `diagrams` (the app passes the diagram registry's
// diagramLinks()), or its id when it is not there. The chapter's n-th table is stacked if
// `stacked[n]` (for a column too narrow for its words as a grid: the Projector's type beside the
// chapter list and the search at 1280 px): each row a box of its own, its cells one under the
// other, each named by its column. `tableCuts`: as sectionHtml's, for the chapter's tables (a
// handout's pages).
QString chapterHtml(const Chapter& chapter, const Theme& theme, qreal bodyPx,
                    const DiagramLinks& diagrams, const std::vector<bool>& stacked = {},
                    const std::map<int, std::vector<int>>& tableCuts = {});

// One section alone, its title as the heading (a presentation slide). `tableCuts`: for the
// section's n-th table, the rows (from 0, under the header) that start a table of their own, its
// header again over them (a slide's end would cut them in two: firstRowCutByAPage).
QString sectionHtml(const Section& section, const Theme& theme, qreal bodyPx,
                    const DiagramLinks& diagrams,
                    const std::map<int, std::vector<int>>& tableCuts = {});

// Plain text of inline markup (for search): markup removed, marks as their glyphs.
QString inlinePlain(const QString& source);

} // namespace fg
