#include "widgets/canvas/long_words.h"

#include <QFontMetricsF>

namespace fg {

QString shortWord(const QString& word, int most) {
    if (word.size() <= most) {
        return word;
    }
    constexpr int kTail = 8;
    const int head = std::max(1, most - 12);
    return word.left(head) + QChar(0x2026) + word.right(kTail) +
           QStringLiteral(" (%1 characters)").arg(word.size());
}

QString shortName(const QString& name, int most) {
    if (name.size() <= most) {
        return name;
    }
    const int end = std::max(1, (most - 2) / 2);
    return name.left(end) + QChar(0x2026) + name.right(end);
}

QString fittedName(const QString& name, const QFontMetricsF& metrics, qreal width) {
    // A name of more characters than this fits no box (and a key of 1 MB is never measured).
    constexpr qsizetype kMostMeasured = 256;
    if (name.size() <= kMostMeasured && metrics.horizontalAdvance(name) <= width) {
        return name;
    }
    const QList<uint> chars = name.left(kMostMeasured).toUcs4();
    const QList<uint> ends = name.right(kMostMeasured).toUcs4();
    const auto cut = [&](qsizetype head, qsizetype tail) {
        return QString::fromUcs4(reinterpret_cast<const char32_t*>(chars.constData()), head) +
               QChar(0x2026) +
               QString::fromUcs4(
                   reinterpret_cast<const char32_t*>(ends.constData()) + ends.size() - tail, tail);
    };
    qsizetype head = 1, tail = 1;
    // One more character at the start, then one more at the end, while the name fits.
    for (bool atHead = true; head + tail < std::min(chars.size(), ends.size()); atHead = !atHead) {
        const qsizetype h = head + (atHead ? 1 : 0), t = tail + (atHead ? 0 : 1);
        if (metrics.horizontalAdvance(cut(h, t)) > width) {
            break;
        }
        head = h;
        tail = t;
    }
    return cut(head, tail);
}

namespace {

// A run of characters without a space in a sentence may hold a word and the quotes around it
// and the comma after it ("{user:1000}",): the count is the word's, not the run's (a 1,000-
// character key was said to have 1,001 or 1,003).
QString shortRun(const QString& run, int most) {
    if (run.size() <= most) {
        return run;
    }
    static const QString kOpen = QStringLiteral("\"\u201c\u2018'(");
    static const QString kClose = QStringLiteral("\"\u201d\u2019')");
    static const QString kAfter = QStringLiteral(",.:;");
    qsizetype from = 0, to = run.size();
    while (to > from && kAfter.contains(run.at(to - 1))) {
        --to;
    }
    // An opening quote or bracket, and its closing one at the end of what is left.
    while (from < to - 1 && kOpen.contains(run.at(from)) &&
           run.at(to - 1) == kClose.at(kOpen.indexOf(run.at(from)))) {
        ++from;
        --to;
    }
    return run.left(from) + shortWord(run.mid(from, to - from), most) + run.mid(to);
}

} // namespace

QString shortWords(const QString& text, int most) {
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), 4096));
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = start;
        while (end < text.size() && !text.at(end).isSpace()) {
            ++end;
        }
        out += shortRun(text.mid(start, end - start), most);
        for (; end < text.size() && text.at(end).isSpace(); ++end) {
            out += text.at(end);
        }
        start = end;
    }
    return out;
}

} // namespace fg
