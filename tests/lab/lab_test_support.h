// What the lab suites share: skipping when a server's programs are missing (CI installs them),
// and reading lab folders' owner files.
#pragma once

#include "lab/lab_folder.h"
#include "lab/lab_programs.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <unistd.h>

namespace fg::lab::test {

// QSKIP naming the package when the lab of `kind` cannot run here.
#define FG_REQUIRE_LAB(kind)                                                                       \
    do {                                                                                           \
        QString missing;                                                                           \
        if (!fg::lab::labAvailable(kind, &missing)) {                                              \
            QSKIP(qPrintable(missing));                                                            \
        }                                                                                          \
    } while (false)

// The lab folders in the temporary folder whose owner file names this process.
inline QStringList foldersOwnedByMe() {
    QStringList mine;
    const QString me = QStringLiteral("owner %1 ").arg(::getpid());
    const QFileInfoList all = QDir(QDir::tempPath())
                                  .entryInfoList({QLatin1String(kLabFolderPrefix) + '*'},
                                                 QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo& info : all) {
        QFile owner(QDir(info.absoluteFilePath()).filePath(QStringLiteral("owner")));
        if (owner.open(QIODevice::ReadOnly) && QString::fromUtf8(owner.readAll()).startsWith(me)) {
            mine << info.absoluteFilePath();
        }
    }
    return mine;
}

} // namespace fg::lab::test
