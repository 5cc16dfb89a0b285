// Page: what the main window asks of every kind of tab, whatever it holds (the reader, a live
// diagram, B-Tree vs LSM, a simulator, the decision wizard, matrix and scenario explorer, the quiz
// and progress views): follow a theme, say what it can export, and give its title. A page is a
// QWidget that also derives from Page (the reader is a QTextBrowser, so Page is an interface, not
// a widget); pageOf() finds the Page of a tab's widget, so the window never tries type after type.
#pragma once

#include "models/theme/theme.h"
#include "widgets/canvas/diagram_source.h"
#include "widgets/export/picture_export.h"

#include <QSize>
#include <QString>
#include <cstdint>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>

class QAbstractButton;
class QComboBox;
class QSpinBox;
class QWidget;

namespace fg {

// What a page can export (File > Export diagram, Export animation, Edit > Copy diagram as image):
// its picture in any theme, its size on screen, a file name to suggest, and (for the step-by-step
// diagrams) the source an animation is made from.
struct Exportable {
    std::function<PaintFunction(const Theme&)> picture;
    QSize screenSize;
    QString baseName;
    const DiagramSource* source = nullptr;
    // The scenario's title, for the caption before the first step of an animation (the opening
    // sentence, widgets/canvas/opening_sentence.h, with the steps the animation shows).
    QString scenarioTitle;
};

class Page {
public:
    virtual ~Page() = default;

    // Redraws the page in `theme` (a page that follows the application's palette does nothing).
    virtual void setTheme(const Theme& theme) = 0;
    // The page's whole title: its tab's tooltip and the window's title (a live diagram's tab
    // says its short name, LiveDiagram::pictureTitle).
    virtual QString pageTitle() const = 0;
    // What can be exported from the page as it is on screen; none by default.
    virtual std::optional<Exportable> exportable() { return std::nullopt; }
    // View > Zoom in (+1), Zoom out (-1) and Reset zoom (0) on a page with a zoom of its own (the
    // reader's text, a diagram's drawing): true when it zoomed. A page without one returns false,
    // and the window scales its type instead (app/page_zoom.h).
    virtual bool zoomPage(int direction) {
        (void)direction;
        return false;
    }
    // True for a page whose type the window zooms as well after zoomPage (a Lab page: its
    // drawings zoom themselves, its sentences and tables with the type).
    virtual bool zoomsTypeToo() const { return false; }
    // The choices made on the page that its tab keeps from one start to the next (a Lab page's
    // masters or key count; kept in the session with the tab): null when none.
    virtual nlohmann::json keptSettings() const;
    // Takes back keptSettings()' JSON; what is missing, of another type or out of range is left
    // as it is.
    virtual void restoreSettings(const nlohmann::json& kept);
};

// Reading keptSettings()' JSON back (restoreSettings), for every page alike: `v` when it is a
// whole number from lo to hi (signed or unsigned in the JSON), else none.
std::optional<std::int64_t> keptWhole(const nlohmann::json& v, std::int64_t lo, std::int64_t hi);
// `kept[name]` into the box when it is a whole number in the box's range (an entry of the list;
// true or false), else the box is left as it is.
void restoreValue(const nlohmann::json& kept, const char* name, QSpinBox* box);
void restoreIndex(const nlohmann::json& kept, const char* name, QComboBox* box);
void restoreChecked(const nlohmann::json& kept, const char* name, QAbstractButton* box);

// The Page of `widget`, or null when it is not one (or is null).
Page* pageOf(QWidget* widget);

} // namespace fg
