// A count with its noun in the right number, for counters and summaries: "1 level", "3 levels",
// "0 keys". (tr()'s %n plural forms need a translation loaded to drop the "(s)"; the app ships
// none.)
#pragma once

#include <QString>

namespace fg {

inline QString counted(qint64 n, const QString& one, const QString& many) {
    return QString::number(n) + QLatin1Char(' ') + (n == 1 ? one : many);
}

} // namespace fg
