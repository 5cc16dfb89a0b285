// The helper's quit request, seen inside a long request: the quit signals' handler (lab_serve.cpp)
// sets it, async-signal-safe, and the long loops (a PostgreSQL statement waited for, the COPY of
// the keys sent in chunks, the Redis SETs sent in rounds) look at it between steps and end the
// request at once with kStoppedSentence, so that the helper stops its servers and exits within
// moments of SIGTERM instead of after the request.
#pragma once

namespace fg::lab {

// What a request ended by a quit request answers.
inline constexpr const char* kStoppedSentence = "stopped: the Lab was closed";

// Async-signal-safe: may be called from a signal handler.
void requestStop() noexcept;
// True once requestStop() was called (until clearStopRequest()).
bool stopRequested() noexcept;
// For the tests: forget an earlier request.
void clearStopRequest() noexcept;

} // namespace fg::lab
