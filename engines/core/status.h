// Status: the outcome of a step that can fail on bad input, returned as a value (never thrown
// through an algorithm). A failed Status names where the problem is (a JSON path such as
// "/ops/3/key", a file and line, or an argument) and what was expected there, in plain words.
// Most failures are bad input (the command line's exit status 2); a failure() is the system
// failing us (a read or write error: exit status 1).
#pragma once

#include <string>
#include <utility>

namespace fg {

class Status {
public:
    Status() = default;
    static Status ok() { return {}; }
    // `where`: a JSON path, "file:line" or an argument name; `what`: what was expected or wrong.
    static Status error(std::string where, std::string what) {
        Status s;
        s.ok_ = false;
        s.where_ = std::move(where);
        s.what_ = std::move(what);
        return s;
    }
    // The system failed (an input that cannot be read, an output that cannot be written), not the
    // input: the command line exits with 1 for it.
    static Status failure(std::string where, std::string what) {
        Status s = error(std::move(where), std::move(what));
        s.failure_ = true;
        return s;
    }

    // The user stopped the work (Cancel in a progress dialog): not a problem to report, and no
    // output is left behind.
    static Status cancelled() {
        Status s = error({}, "cancelled");
        s.cancelled_ = true;
        return s;
    }

    bool isOk() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const std::string& where() const { return where_; }
    const std::string& what() const { return what_; }
    bool isFailure() const { return failure_; }
    bool isCancelled() const { return cancelled_; }
    // "where: what", or "what" when no place is known.
    std::string message() const;

private:
    bool ok_ = true;
    bool failure_ = false;
    bool cancelled_ = false;
    std::string where_;
    std::string what_;
};

} // namespace fg
