#include "widgets/canvas/long_words.h"

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

QString shortWords(const QString& text, int most) {
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), 4096));
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = start;
        while (end < text.size() && !text.at(end).isSpace()) {
            ++end;
        }
        out += shortWord(text.mid(start, end - start), most);
        for (; end < text.size() && text.at(end).isSpace(); ++end) {
            out += text.at(end);
        }
        start = end;
    }
    return out;
}

} // namespace fg
