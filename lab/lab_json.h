// Reading the Lab's JSON back without exceptions (internal to lab/*.cpp): the app reads what the
// helper program wrote, and a field that is missing or of another type is a Status naming it,
// never an exception thrown into the page.
#pragma once

#include "engines/core/status.h"

#include <nlohmann/json.hpp>
#include <string>

namespace fg::lab::json_read {

// Reads `key` of the object `j` into `out`; false (and `bad` set to "where/key") when `j` is not
// an object, the key is missing, or its value does not convert. A null value reads as T{} when
// `nullIsDefault`.
template <class T>
bool field(const nlohmann::json& j, const char* key, T* out, const std::string& where,
           std::string* bad, bool nullIsDefault = false) {
    const auto it = j.is_object() ? j.find(key) : j.end();
    if (it == j.end() || (it->is_null() && !nullIsDefault)) {
        *bad = where + "/" + key;
        return false;
    }
    if (it->is_null()) {
        *out = T{};
        return true;
    }
    try {
        *out = it->template get<T>();
    } catch (const nlohmann::json::exception&) {
        *bad = where + "/" + key;
        return false;
    }
    return true;
}

inline Status badField(const std::string& what, const std::string& bad) {
    return Status::error(bad.empty() ? std::string("JSON") : bad,
                         "the Lab's " + what + " is missing this field or it is of another type");
}

} // namespace fg::lab::json_read
