// Status: the outcome of a step that can fail on bad input, returned as a value (never thrown
// through an algorithm). A failed Status names where the problem is (a JSON path such as
// "/ops/3/key", a file and line, or an argument) and what was expected there, in plain words.
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

    bool isOk() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const std::string& where() const { return where_; }
    const std::string& what() const { return what_; }
    // "where: what", or "what" when no place is known.
    std::string message() const;

private:
    bool ok_ = true;
    std::string where_;
    std::string what_;
};

} // namespace fg
