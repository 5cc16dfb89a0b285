// Shared by the app's tests: settings of their own, never the user's and never another suite's.
#pragma once

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QString>

// Test-mode paths (~/.qttest/...) under an application name of this suite's own: CTest runs
// suites in parallel, and two suites sharing one settings file cleared and wrote it under each
// other (test_theme_chrome failed now and then beside test_window_fit and test_reader).
inline void useOwnTestSettings(const char* suite) {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("fieldguide-test"));
    QCoreApplication::setApplicationName(QStringLiteral("fieldguide-test-") +
                                         QString::fromLatin1(suite));
}
