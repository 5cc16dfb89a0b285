// Counts said with their nouns in one translated phrase ("%n key(s)"), in English where the app
// ships no translation.
#pragma once

#include <QRegularExpression>
#include <QString>

namespace fg {

// A phrase tr() gave for the count `n` with its plural forms ("%n slot(s)" or "%n entr(y/ies)",
// as tr("%n slot(s)", nullptr, n): a translator writes each form of the whole phrase), said as
// English says it where no translation gave the forms (the app ships none for English): "1 slot",
// "3 slots", "1 entry", "2 entries". A translation's own forms have no such marks, and come
// through as they are.
inline QString inEnglishNumber(QString phrase, qint64 n) {
    static const QRegularExpression forms(QStringLiteral("\\((\\w*)/(\\w*)\\)"));
    phrase.replace(QStringLiteral("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    return phrase.replace(forms, n == 1 ? QStringLiteral("\\1") : QStringLiteral("\\2"));
}

} // namespace fg
