// Reading the study tools' content files (wizard, matrix, architectures): one way to read a JSON
// object from a file with a message naming the file, and to take a text field that may be missing.
#pragma once

#include "models/course/course.h"

#include <QFile>
#include <QString>
#include <nlohmann/json.hpp>
#include <vector>

namespace fg {

// False with a problem added to `errors` when the file cannot be read or is not a JSON object.
inline bool readJsonObject(const QString& path, nlohmann::json& out,
                           std::vector<ContentError>& errors) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        errors.push_back({path, {}, QStringLiteral("cannot be read (%1)").arg(f.errorString())});
        return false;
    }
    out = nlohmann::json::parse(f.readAll().toStdString(), nullptr, false);
    if (out.is_discarded() || !out.is_object()) {
        errors.push_back({path, {}, QStringLiteral("not a JSON object")});
        return false;
    }
    return true;
}

// The string at `key`, or empty when it is missing or not a string.
inline QString jsonText(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                            : QString();
}

// The whole number at `key`: `missing` when there is none, -1 when it is not a whole number
// (a text, a fraction) or does not fit an int.
inline int jsonIndex(const nlohmann::json& j, const char* key, int missing) {
    const auto it = j.find(key);
    if (it == j.end()) {
        return missing;
    }
    if (!it->is_number_integer()) {
        return -1;
    }
    const auto v = it->get<long long>();
    return v < 0 || v > 1'000'000 ? -1 : static_cast<int>(v);
}

} // namespace fg
