#include "widgets/canvas/opening_sentence.h"

#include <QCoreApplication>

namespace fg {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("fg::DiagramView", text);
}

} // namespace

QString openingSentence(QString title, int steps, OpeningFor where) {
    const bool screen = where == OpeningFor::Screen;
    if (steps <= 0) {
        return screen ? tr("Nothing to play yet: add operations with the buttons above.")
                      : tr("The starting point: no operation yet.");
    }
    const QString count = steps == 1 ? tr("1 step") : tr("%L1 steps").arg(steps);
    QString then;
    switch (where) {
    case OpeningFor::Screen:
        then = tr("Press Play (Space) to watch its %1, or the Right arrow key for one step at a "
                  "time.")
                   .arg(count);
        break;
    case OpeningFor::Slide:
        then = steps == 1
                   ? tr("Press Right or Space for its step.")
                   : tr("Press Right or Space for each of its %1, or P to play them.").arg(count);
        break;
    case OpeningFor::Picture:
        then = steps == 1 ? tr("1 step follows.") : tr("%L1 steps follow.").arg(steps);
        break;
    }
    title = title.trimmed();
    if (title.isEmpty()) {
        return tr("The starting point, before the first step. %1").arg(then);
    }
    if (!title.endsWith(QLatin1Char('.')) && !title.endsWith(QLatin1Char('?'))) {
        title += QLatin1Char('.');
    }
    return tr("Coming up: %1 %2").arg(title, then);
}

} // namespace fg
