// A control's text as it is shown: a mnemonic's '&' gone, "&&" one '&' ("Key-Value && Caching"
// shows "Key-Value & Caching"). Removing every '&' lost the real one.
#pragma once

#include <QString>

namespace fg {

inline QString shownText(QString text) {
    for (int i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('&')) {
            text.remove(i, 1); // the next character stays, a second '&' too
        }
    }
    return text;
}

} // namespace fg
