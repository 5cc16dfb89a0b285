// Reading the study tools' content files (wizard, matrix, architectures): one way to read a JSON
// object from a file with a message naming the file, and to take a text field that may be missing.
#pragma once

#include <QFile>
#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>

namespace fg {

// False with a message in `errors` when the file cannot be read or is not a JSON object.
inline bool readJsonObject(const QString& path, nlohmann::json& out, QStringList& errors) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        errors << QStringLiteral("%1: cannot be read (%2)").arg(path, f.errorString());
        return false;
    }
    out = nlohmann::json::parse(f.readAll().toStdString(), nullptr, false);
    if (out.is_discarded() || !out.is_object()) {
        errors << QStringLiteral("%1: not a JSON object").arg(path);
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
