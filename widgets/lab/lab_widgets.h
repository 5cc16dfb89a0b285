// What the Lab's pages build alike: a sentence that wraps and can be selected (and copied), and
// a read-only table whose rows grow with their wrapped text.
#pragma once

#include <QStringList>
#include <QVBoxLayout>
#include <functional>
#include <initializer_list>
#include <nlohmann/json_fwd.hpp>

class QAbstractButton;
class QComboBox;
class QLabel;
class QScrollArea;
class QSpinBox;
class QTableWidget;
class QWidget;

namespace fg {

QLabel* labSentence(const QString& text, QWidget* parent);
// Columns named by `headers` (none: set later), the last one taking the rest of the width; rows
// as tall as their wrapped text, again whenever a column's width changes.
QTableWidget* labTable(const QStringList& headers, QWidget* parent);
// A table on a page that scrolls: as tall as its rows, up to `most` of them, then it scrolls
// them itself (a comparison table inside the page's scroll area showed one row and scrolled on
// its own: a tester).
void showRows(QTableWidget* t, int most);
// A table whose last column says why (the reasons): its columns share its width, again whenever
// its rows, its width or its type change (zoom, Projector). Each column but the last as wide as
// its heading and its text, narrowed (its text wrapping) where that would leave the last less
// than 40% of the width; the last takes the rest, its text wrapping.
void shareWidth(QTableWidget* t);
// The part of a Lab page under its drawings (`below`: tables and sentences), in a scroll area
// with its vertical bar always shown.
QScrollArea* labScroll(QWidget* below, QWidget* parent);

// The layout of a Lab page's content, in a scroll area filling `page`: a window too small for
// the content (a laptop, the Projector's type zoomed, F5) scrolls the page, where its parts were
// pressed below their least heights onto each other (captions over the drawings: a tester).
QVBoxLayout* scrolledPage(QWidget* page);

class DiagramCanvas;
class ZoomButtons;
// A Lab page's drawing: its words never smaller than the page's type, growing with it (View >
// Zoom, F5, Projector), the drawing scrolling when that makes it larger than its area.
DiagramCanvas* labCanvas(QWidget* parent);
class Player;
// A run just drawn: `player` at its first step, so that Right steps through the run and End goes
// to its last (left at the last, Right did nothing although the page said "Step through": a
// tester). Returns the sentence that says so, for the page's status line (empty for one step).
QString startStepping(Player* player);
// `sentence` with a space before it, to follow another on a status line (nothing when empty).
QString sentenceAfter(const QString& sentence);

// View > Zoom in (+1), out (-1) or back to fitted (0) on a page's drawings, all alike (a Lab page
// draws the real system and the model side by side), each shown from its start (showStart).
// A Lab page's zoom buttons: Zoom in and out as `zoom` does them (the page's View > Zoom), Fit
// shows each drawing of `page` whole (DiagramCanvas::fitWhole), however small its words; View >
// Reset zoom (Ctrl+0) still goes back to the readable words.
ZoomButtons* labZoomButtons(QWidget* page, std::function<void(int)> zoom, QWidget* parent);
void zoomCanvases(std::initializer_list<DiagramCanvas*> canvases, int direction);

} // namespace fg
