// The lab tests' way to the helper a LabClient started: a live child of this process, read from
// /proc (Qt does not say which process QProcess started inside another class).
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QStringList>
#include <unistd.h>

namespace fg::lab::test {

// The pid of a live (not zombie) child of this process whose command name is `comm` (any name
// when empty), or 0.
inline qint64 childProcess(const QByteArray& comm = {}) {
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString& entry : entries) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly)) {
            continue;
        }
        // pid (comm) state ppid ...: the fields after the last ')'
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if ((comm.isEmpty() || text.contains("(" + comm + ")")) && fields.size() > 1 &&
            fields[0] != "Z" && fields[1].toLongLong() == ::getpid()) {
            return entry.toLongLong();
        }
    }
    return 0;
}

} // namespace fg::lab::test
