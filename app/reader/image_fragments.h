// The images a text document holds by name ("figure:ID", "diagram-picture:ID"), found by walking
// its fragments: the reader marks its figures' lines for a new layout and counts search hits in
// them, the handout tells a figure's paragraph and a diagram's card from the text around them.
#pragma once

#include <QLatin1String>
#include <QString>
#include <QTextBlock>
#include <QTextCharFormat>
#include <QTextDocument>

namespace fg {

// Calls visit(name, fragment) for each image in `block` whose name starts with `prefix`.
template <typename Visit>
void forEachImage(const QTextBlock& block, QLatin1String prefix, Visit&& visit) {
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextCharFormat f = it.fragment().charFormat();
        if (f.isImageFormat()) {
            const QString name = f.toImageFormat().name();
            if (name.startsWith(prefix)) {
                visit(name, it.fragment());
            }
        }
    }
}

// The same over every block of `doc`, in the document's order.
template <typename Visit>
void forEachImage(const QTextDocument* doc, QLatin1String prefix, Visit&& visit) {
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        forEachImage(b, prefix, visit);
    }
}

// Whether `block` holds an image whose name starts with `prefix`.
inline bool holdsImage(const QTextBlock& block, QLatin1String prefix) {
    bool found = false;
    forEachImage(block, prefix, [&found](const QString&, const QTextFragment&) { found = true; });
    return found;
}

} // namespace fg
