#include "lab/lab_programs.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace fg::lab {

namespace {

const char* const kPostgresPackage = "postgresql-15";
const char* const kRedisPackage = "redis-server";

std::string installHint(const char* package) {
    return std::string("install the Debian package ") + package + " (apt-get install " + package +
           ")";
}

bool executable(const QString& path) {
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

// The first line `program --version` prints, or empty when it does not run.
QString versionLine(const QString& program) {
    QProcess p;
    p.start(program, {QStringLiteral("--version")});
    if (!p.waitForStarted(5000) || !p.waitForFinished(10000)) {
        p.kill();
        p.waitForFinished(1000);
        return {};
    }
    return QString::fromLocal8Bit(p.readAllStandardOutput()).section(QLatin1Char('\n'), 0, 0);
}

QString firstNumber(const QString& text, const char* pattern) {
    const QRegularExpressionMatch m = QRegularExpression(QLatin1String(pattern)).match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

Status findPostgresPrograms(const QString& binDir, PostgresPrograms* out) {
    QString dir = binDir;
    if (dir.isEmpty()) {
        dir = QStringLiteral("/usr/lib/postgresql/15/bin");
        if (!executable(QDir(dir).filePath(QStringLiteral("postgres")))) {
            dir = QFileInfo(QStandardPaths::findExecutable(QStringLiteral("postgres"))).path();
        }
    }
    PostgresPrograms p;
    p.initdb = QDir(dir).filePath(QStringLiteral("initdb"));
    p.postgres = QDir(dir).filePath(QStringLiteral("postgres"));
    for (const QString& program : {p.initdb, p.postgres}) {
        if (!executable(program)) {
            return Status::failure(program.toStdString(),
                                   "PostgreSQL's server program is not there: " +
                                       installHint(kPostgresPackage));
        }
    }
    const QString line = versionLine(p.postgres);
    p.version = firstNumber(line, R"(\(PostgreSQL\) (\d+(\.\d+)?))");
    if (p.version.section(QLatin1Char('.'), 0, 0) != QLatin1String("15")) {
        return Status::failure(p.postgres.toStdString(),
                               "the Lab needs PostgreSQL 15, and this is \"" + line.toStdString() +
                                   "\": " + installHint(kPostgresPackage));
    }
    *out = p;
    return Status::ok();
}

Status findRedisServer(const QString& path, QString* out) {
    const QString program =
        path.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("redis-server")) : path;
    if (program.isEmpty() || !executable(program)) {
        return Status::failure(program.isEmpty() ? "redis-server" : program.toStdString(),
                               "Redis's server program is not there: " +
                                   installHint(kRedisPackage));
    }
    const QString line = versionLine(program);
    const QString version = firstNumber(line, R"(v=(\d+)\.)");
    if (version.isEmpty() || version.toInt() < 7) {
        return Status::failure(program.toStdString(), "the Lab needs Redis 7 or later, and this "
                                                      "is \"" +
                                                          line.toStdString() +
                                                          "\": " + installHint(kRedisPackage));
    }
    *out = program;
    return Status::ok();
}

bool labAvailable(LabKind kind, QString* missing) {
    Status s;
    if (kind == LabKind::kPostgres) {
        PostgresPrograms programs;
        s = findPostgresPrograms({}, &programs);
    } else {
        QString program;
        s = findRedisServer({}, &program);
    }
    if (missing) {
        const char* package = kind == LabKind::kPostgres ? kPostgresPackage : kRedisPackage;
        *missing = s ? QString()
                     : QStringLiteral("Install the Debian package %1 (apt-get install %1).")
                           .arg(QLatin1String(package));
    }
    return s.isOk();
}

} // namespace fg::lab
