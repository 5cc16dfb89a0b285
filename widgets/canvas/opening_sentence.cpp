#include "widgets/canvas/opening_sentence.h"

#include <QCoreApplication>

namespace fg {

namespace {

// The words of this file under one context, the same for lupdate and the app (a free tr() helper
// was read by lupdate as context "fg", while the app asked for "fg::DiagramView": never found).
struct OpeningWords {
    Q_DECLARE_TR_FUNCTIONS(fg::DiagramView)
};

} // namespace

QString openingSentence(QString title, int steps, OpeningFor where) {
    const bool screen = where == OpeningFor::Screen;
    if (steps <= 0) {
        return screen
                   ? OpeningWords::tr("Nothing to play yet: add operations with the buttons above.")
                   : OpeningWords::tr("The starting point: no operation yet.");
    }
    const QString count =
        steps == 1 ? OpeningWords::tr("1 step") : OpeningWords::tr("%L1 steps").arg(steps);
    QString then;
    switch (where) {
    case OpeningFor::Screen:
        // Space plays on the drawing (and the timeline), not on a focused button, where it
        // presses that button: Tab from the drawing lands on "To start" (a tester pressed it).
        then = OpeningWords::tr("Press Play (or Space on the drawing) to watch its %1, or the "
                                "Right arrow key for one step at a time.")
                   .arg(count);
        break;
    case OpeningFor::Slide:
        then = steps == 1
                   ? OpeningWords::tr("Press Right or Space for its step.")
                   : OpeningWords::tr("Press Right or Space for each of its %1, or P to play them.")
                         .arg(count);
        break;
    case OpeningFor::Picture:
        then = steps == 1 ? OpeningWords::tr("1 step follows.")
                          : OpeningWords::tr("%L1 steps follow.").arg(steps);
        break;
    }
    title = title.trimmed();
    if (title.isEmpty()) {
        return OpeningWords::tr("The starting point, before the first step. %1").arg(then);
    }
    if (!title.endsWith(QLatin1Char('.')) && !title.endsWith(QLatin1Char('?'))) {
        title += QLatin1Char('.');
    }
    return OpeningWords::tr("Coming up: %1 %2").arg(title, then);
}

} // namespace fg
