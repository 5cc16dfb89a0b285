#include "lab/private_server.h"

#include <QFile>
#include <QProcessEnvironment>
#include <csignal>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace fg::lab {

namespace {

// The child's side, between fork and exec: only system calls that change this process.
void becomeServer(pid_t parent, bool drop, uid_t uid, gid_t gid) {
    ::setpgid(0, 0);
    if (drop) {
        // Raw system calls: glibc's setuid() would also signal the app's other threads, which a
        // child between fork and exec must not do.
        if (::syscall(SYS_setgroups, 0, nullptr) != 0 ||
            ::syscall(SYS_setresgid, gid, gid, gid) != 0 ||
            ::syscall(SYS_setresuid, uid, uid, uid) != 0) {
            ::_exit(126);
        }
    }
    // After the change of user, which clears the parent-death signal.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) {
        ::_exit(125); // the app ended before the line above: nobody would stop this server
    }
}

void configure(QProcess& p, const ServerLaunch& launch, const QString& folder) {
    p.setProgram(launch.program);
    p.setArguments(launch.arguments);
    p.setWorkingDirectory(launch.workingDirectory.isEmpty() ? folder : launch.workingDirectory);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    for (const char* name : {"PGDATA", "PGHOST", "PGPORT", "PGOPTIONS"}) {
        env.remove(QLatin1String(name));
    }
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setStandardOutputFile(launch.logFile.isEmpty() ? QProcess::nullDevice() : launch.logFile,
                            QIODevice::Append);
    const pid_t parent = ::getpid();
    const bool drop = launch.runAs.has_value();
    const uid_t uid = drop ? launch.runAs->uid : 0;
    const gid_t gid = drop ? launch.runAs->gid : 0;
    p.setChildProcessModifier([parent, drop, uid, gid] { becomeServer(parent, drop, uid, gid); });
}

QString programName(const ServerLaunch& launch) {
    return launch.program.section(QLatin1Char('/'), -1);
}

} // namespace

std::optional<RunAs> unprivilegedUser() {
    if (::geteuid() != 0) {
        return std::nullopt;
    }
    for (const char* name : {"postgres", "nobody"}) {
        if (const passwd* pw = ::getpwnam(name)) {
            return RunAs{pw->pw_uid, pw->pw_gid, QString::fromLocal8Bit(name)};
        }
    }
    return std::nullopt;
}

PrivateServer::~PrivateServer() {
    if (process_ && process_->state() != QProcess::NotRunning) {
        kill(); // and reaped, so QProcess has nothing left to warn about
    }
}

Status PrivateServer::start(const ServerLaunch& launch, LabFolder& folder) {
    process_ = std::make_unique<QProcess>();
    configure(*process_, launch, folder.path());
    process_->start();
    if (!process_->waitForStarted(10000)) {
        const Status s =
            Status::failure(launch.program.toStdString(),
                            "could not be started: " + process_->errorString().toStdString());
        process_.reset();
        return s;
    }
    pid_ = process_->processId();
    return folder.recordServer(pid_);
}

bool PrivateServer::running() const {
    return process_ && process_->state() != QProcess::NotRunning && processStartTime(pid_) >= 0;
}

bool PrivateServer::waitForExit(int ms) {
    if (!process_) {
        return true;
    }
    if (process_->state() != QProcess::NotRunning) {
        process_->waitForFinished(ms);
    }
    return process_->state() == QProcess::NotRunning;
}

void PrivateServer::stop(const std::function<void()>& polite, int ms) {
    if (!process_) {
        return;
    }
    if (polite && process_->state() != QProcess::NotRunning) {
        polite();
    }
    if (!waitForExit(ms)) {
        kill();
    }
}

void PrivateServer::kill() {
    if (!process_ || pid_ <= 0) {
        return;
    }
    ::kill(static_cast<pid_t>(-pid_), SIGKILL);
    ::kill(static_cast<pid_t>(pid_), SIGKILL);
    process_->waitForFinished(5000);
}

Status runToEnd(const ServerLaunch& launch, const QString& folder, int ms) {
    QProcess p;
    configure(p, launch, folder);
    p.start();
    const std::string name = programName(launch).toStdString();
    if (!p.waitForStarted(10000)) {
        return Status::failure(launch.program.toStdString(),
                               "could not be started: " + p.errorString().toStdString());
    }
    if (!p.waitForFinished(ms)) {
        ::kill(static_cast<pid_t>(-p.processId()), SIGKILL);
        p.waitForFinished(5000);
        return Status::failure(name, "took longer than " + std::to_string(ms / 1000) +
                                         " s and was stopped");
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        const QString tail = logTail(launch.logFile);
        return Status::failure(name,
                               (p.exitStatus() != QProcess::NormalExit
                                    ? std::string("was killed")
                                    : "failed (exit status " + std::to_string(p.exitCode()) + ")") +
                                   (tail.isEmpty() ? std::string() : ": " + tail.toStdString()));
    }
    return Status::ok();
}

QString logTail(const QString& file, int lines) {
    QFile f(file);
    if (file.isEmpty() || !f.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QStringList all =
        QString::fromLocal8Bit(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(QStringLiteral(" / "));
}

} // namespace fg::lab
