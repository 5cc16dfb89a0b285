// FocusKeeper: a button that switches itself off while its work runs (a Lab's Start, "Stop this
// server") loses the keyboard focus to the next control in Tab order, often far away on the page
// (a tester found it on the drawing's Fit button). Once it is on again, the focus comes back to
// it, unless the user has moved the focus meanwhile.
#pragma once

namespace fg {

struct FocusKeeper {
    // From now on, for the whole application (each call after the first does nothing).
    static void install();
};

} // namespace fg
