// ButtonKeys: Space and Enter press the focused button, as a keyboard user expects. A page's
// shortcut keys (Space plays a Lab page's steps) took Space from a focused Run button, and a
// button outside a dialog ignored Enter (the decision wizard's answers, a Lab's Run) while the
// app's buttons say "Check (Enter)" and "Next (Enter)". A checkable button (a practice answer,
// a quiz choice) leaves Enter to its page, which checks the answer.
#pragma once

namespace fg {

struct ButtonKeys {
    // From now on, for the whole application (each call after the first does nothing).
    static void install();
};

} // namespace fg
