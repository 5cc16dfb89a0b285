// Reading a figure's JSON leniently: the content validator has already refused what is wrong, so
// a missing or mistyped field reads as empty here. Shared by the figure layout's files.
#pragma once

#include <QString>
#include <nlohmann/json.hpp>
#include <string>

namespace fg::figure {

// The string at `key`, or empty.
inline QString str(const nlohmann::json& v, const char* key) {
    return v.contains(key) && v[key].is_string() ? QString::fromStdString(v[key].get<std::string>())
                                                 : QString();
}

// The array at `key`, or an empty array.
inline const nlohmann::json& arr(const nlohmann::json& v, const char* key) {
    static const nlohmann::json empty = nlohmann::json::array();
    return v.contains(key) && v[key].is_array() ? v[key] : empty;
}

} // namespace fg::figure
