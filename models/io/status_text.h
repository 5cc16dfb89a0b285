// The Qt side reports its outcomes as the engines do: a Status (engines/core/status.h) returned by
// value, ok or naming the problem. One style everywhere: exports, scenario files, the student's
// progress. These turn the plain sentences the Qt side writes ("Could not write /x.png: No space
// left on device") into a Status and back. A sentence says where the problem is itself, so the
// Status's `where` stays empty and its message() is the sentence.
#pragma once

#include "engines/core/status.h"

#include <QString>

namespace fg {

// The input was wrong (a size, a file that is not JSON): the command line's exit status 2.
inline Status badInput(const QString& sentence) {
    return Status::error({}, sentence.toStdString());
}
// The system failed us (a disk full, a folder that cannot be written): exit status 1.
inline Status systemFailure(const QString& sentence) {
    return Status::failure({}, sentence.toStdString());
}
// The message of a failed Status as the user reads it; empty when it is ok.
inline QString messageOf(const Status& status) {
    return status ? QString() : QString::fromStdString(status.message());
}

} // namespace fg
