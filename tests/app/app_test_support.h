// Shared by the app's tests: settings of their own, never the user's and never another suite's.
#pragma once

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QCoreApplication>
#include <QFont>
#include <QPalette>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>
#include <vector>

// Test-mode paths (~/.qttest/...) under an application name of this suite's own: CTest runs
// suites in parallel, and two suites sharing one settings file cleared and wrote it under each
// other (test_theme_chrome failed now and then beside test_window_fit and test_reader).
inline void useOwnTestSettings(const char* suite) {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("fieldguide-test"));
    QCoreApplication::setApplicationName(QStringLiteral("fieldguide-test-") +
                                         QString::fromLatin1(suite));
}

// The desktop's type and colours, as they were when it was made (a suite's member, made after
// QApplication): a window's theme is the whole application's, so each test restores them in
// cleanup() and the next window does not take the Projector's type as the system's.
struct DesktopLook {
    // User-provided, so that a suite may hold a const one (clang 14 requires it).
    DesktopLook() : font(QApplication::font()), palette(QApplication::palette()) {}
    QFont font;
    QPalette palette;
    void restore() const {
        QApplication::setFont(font);
        QApplication::setPalette(palette);
    }
};

// Every place where a line of a table cell of `doc` ends inside a word ("Postgre|SQL"), as
// "Postgre|SQL", after laying the document out.
// Every table of `doc`, nested ones too (side boxes are tables of one row).
inline std::vector<QTextTable*> tablesOf(QTextDocument& doc) {
    std::vector<QTextTable*> out;
    std::vector<QTextFrame*> frames{doc.rootFrame()};
    while (!frames.empty()) {
        QTextFrame* f = frames.back();
        frames.pop_back();
        for (QTextFrame* c : f->childFrames()) {
            frames.push_back(c);
        }
        if (auto* t = qobject_cast<QTextTable*>(f)) {
            out.push_back(t);
        }
    }
    return out;
}

inline QStringList wordsBrokenInTables(QTextDocument& doc) {
    doc.documentLayout()->documentSize(); // lays it all out
    QStringList broken;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        if (!QTextCursor(b).currentTable()) {
            continue;
        }
        const QString text = b.text();
        const QTextLayout* layout = b.layout();
        for (int i = 0; i + 1 < layout->lineCount(); ++i) {
            const QTextLine line = layout->lineAt(i);
            const int end = line.textStart() + line.textLength();
            if (end > 0 && end < text.size() && !text[end - 1].isSpace() && !text[end].isSpace() &&
                text[end - 1].isLetterOrNumber() && text[end].isLetterOrNumber()) {
                broken << text.left(end).section(QLatin1Char(' '), -1) + QLatin1Char('|') +
                              text.mid(end).section(QLatin1Char(' '), 0, 0);
            }
        }
    }
    return broken;
}
