// A group of buttons as one Tab stop, the arrow keys moving among them, as radio buttons are: a
// tree's eleven node buttons were eleven Tab stops, and a tester's Tab then Space picked the next
// node unawares. Qt keeps only the button last focused in a QButtonGroup as a Tab stop, but its
// own arrow keys then skip the others (they move only to buttons that are Tab stops), so the
// arrows are handled here, in the buttons' order (the order they read in their row).
#pragma once

class QButtonGroup;

namespace fg {

// From now on, for the buttons `group` has (add them first). Arrows move the focus and pick
// nothing; Space picks.
void makeOneTabStop(QButtonGroup* group);

} // namespace fg
