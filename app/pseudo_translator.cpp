#include "app/pseudo_translator.h"

#include <cmath>

namespace fg {

namespace {

// A letter with an accent for each plain one that has it in Latin-1 or Latin Extended-A.
QChar accented(QChar c) {
    static const QString plain = QStringLiteral("aeiouycnsgzAEIOUYCNSGZ");
    static const QString marked = QStringLiteral("áéíóúýçñšğžÁÉÍÓÚÝÇÑŠĞŽ");
    const qsizetype i = plain.indexOf(c);
    return i < 0 ? c : marked.at(i);
}

// How long the part of `s` at `i` that must stay as it is runs (0: a letter to change):
// a placeholder (%1, %n, %L1), markup (<b>...>) or an entity (&amp;).
qsizetype keptRun(const QString& s, qsizetype i) {
    const QChar c = s.at(i);
    if (c == QLatin1Char('%') && i + 1 < s.size()) {
        qsizetype j = i + 1;
        j += s.at(j) == QLatin1Char('L') ? 1 : 0;
        while (j < s.size() && (s.at(j).isDigit() || s.at(j) == QLatin1Char('n'))) {
            ++j;
        }
        return j > i + 1 ? j - i : 0;
    }
    if (c == QLatin1Char('<')) {
        const qsizetype end = s.indexOf(QLatin1Char('>'), i);
        return end < 0 ? 0 : end - i + 1;
    }
    if (c == QLatin1Char('&') && i + 1 < s.size() && s.at(i + 1).isLetter()) {
        const qsizetype end = s.indexOf(QLatin1Char(';'), i);
        return end > i && end - i < 8 ? end - i + 1 : 0; // an entity; else a mnemonic
    }
    return 0;
}

} // namespace

QString PseudoTranslator::pseudo(const QString& source) {
    if (source.trimmed().isEmpty()) {
        return source;
    }
    QString out;
    out.reserve(source.size() * 2);
    int shown = 0; // characters shown (not markup)
    for (qsizetype i = 0; i < source.size();) {
        if (const qsizetype run = keptRun(source, i); run > 0) {
            out += source.mid(i, run);
            i += run;
            continue;
        }
        ++shown;
        out += accented(source.at(i));
        ++i;
    }
    // About 40% more: the brackets and a tail of tildes, on the last line (a string of many
    // lines grows where a reader sees its end).
    const int grow = std::max(1, static_cast<int>(std::lround(shown * 0.4)) - 3);
    return QStringLiteral("[") + out + QLatin1Char(' ') + QString(grow, QLatin1Char('~')) +
           QLatin1Char(']');
}

QString PseudoTranslator::translate(const char* /*context*/, const char* sourceText,
                                    const char* /*disambiguation*/, int /*n*/) const {
    return pseudo(QString::fromUtf8(sourceText));
}

} // namespace fg
