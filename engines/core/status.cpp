#include "engines/core/status.h"

namespace fg {

std::string Status::message() const {
    if (ok_) {
        return "ok";
    }
    return where_.empty() ? what_ : where_ + ": " + what_;
}

} // namespace fg
