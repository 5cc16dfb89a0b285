#include "lab/lab_folder.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <unistd.h>

namespace fg::lab {

namespace {

const char* const kOwnerFile = "owner";

// A process named in an owner file: its pid and the start time it had then.
struct Recorded {
    qint64 pid = 0;
    long long start = -1;
    bool alive() const { return pid > 0 && start >= 0 && processStartTime(pid) == start; }
};

struct OwnerFile {
    bool read = false;
    Recorded owner;
    std::vector<Recorded> servers;
};

OwnerFile readOwnerFile(const QString& folder) {
    OwnerFile o;
    QFile f(QDir(folder).filePath(QLatin1String(kOwnerFile)));
    if (!f.open(QIODevice::ReadOnly)) {
        return o;
    }
    for (const QByteArray& line : f.readAll().split('\n')) {
        const QList<QByteArray> w = line.simplified().split(' ');
        if (w.size() == 3 && (w[0] == "owner" || w[0] == "server")) {
            const Recorded r{w[1].toLongLong(), w[2].toLongLong()};
            if (w[0] == "owner") {
                o.owner = r;
                o.read = true;
            } else {
                o.servers.push_back(r);
            }
        }
    }
    return o;
}

Status appendLine(const QString& file, const QByteArray& line) {
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append) || f.write(line) != line.size() ||
        !f.flush()) {
        return Status::failure(file.toStdString(),
                               "cannot be written: " + f.errorString().toStdString());
    }
    return Status::ok();
}

// A PostgreSQL killed with SIGKILL leaves its small System V shared memory segment (its
// postmaster.pid names it on line 7: "key shmid"); it is removed once nothing is attached.
void freeSharedMemory(const QString& folder) {
    QDirIterator it(folder, {QStringLiteral("postmaster.pid")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QList<QByteArray> lines = f.readAll().split('\n');
        const QList<QByteArray> w =
            lines.size() > 6 ? lines[6].simplified().split(' ') : QList<QByteArray>();
        if (w.size() != 2) {
            continue;
        }
        const long long key = w[0].toLongLong();
        const int id = w[1].toInt();
        shmid_ds info{};
        if (::shmctl(id, IPC_STAT, &info) == 0 && info.shm_perm.__key == key &&
            info.shm_nattch == 0) {
            ::shmctl(id, IPC_RMID, nullptr);
        }
    }
}

bool cleanFolder(const QFileInfo& info) {
    const QString folder = info.absoluteFilePath();
    if (::geteuid() != 0 && info.ownerId() != ::geteuid()) {
        return false; // another user's lab
    }
    const OwnerFile o = readOwnerFile(folder);
    if (!o.read && info.lastModified().secsTo(QDateTime::currentDateTime()) < 60) {
        return false; // being made: its owner file is not written yet
    }
    if (o.owner.alive()) {
        return false;
    }
    for (const Recorded& s : o.servers) {
        if (s.alive()) {
            ::kill(static_cast<pid_t>(-s.pid), SIGKILL);
            ::kill(static_cast<pid_t>(s.pid), SIGKILL);
        }
    }
    endLeftovers(folder);
    return QDir(folder).removeRecursively();
}

} // namespace

void endLeftovers(const QString& folder) {
    for (int tries = 0; tries < 60; ++tries) {
        const std::vector<qint64> left = processesWorkingIn(folder);
        if (left.empty()) {
            break;
        }
        for (const qint64 pid : left) {
            ::kill(static_cast<pid_t>(pid), SIGKILL);
        }
        QThread::msleep(50);
    }
    freeSharedMemory(folder);
}

Status LabFolder::create(std::unique_ptr<LabFolder>* out, const QString& root) {
    // QDir::tempPath() is empty when TMPDIR names a folder that does not exist (QDir("") would
    // then be the working folder).
    if (root.isEmpty() || !QFileInfo(root).isDir()) {
        const QString named = root.isEmpty() ? qEnvironmentVariable("TMPDIR") : root;
        return Status::failure(named.toStdString(),
                               "a lab folder cannot be created there: no such folder" +
                                   std::string(root.isEmpty() ? " (TMPDIR)" : ""));
    }
    std::unique_ptr<LabFolder> f(
        new LabFolder(QDir(root).filePath(QLatin1String(kLabFolderPrefix) + "XXXXXX")));
    if (!f->dir_.isValid()) {
        return Status::failure(root.toStdString(), "a lab folder cannot be created there: " +
                                                       f->dir_.errorString().toStdString());
    }
    const qint64 self = ::getpid();
    const QByteArray line = "owner " + QByteArray::number(self) + ' ' +
                            QByteArray::number(processStartTime(self)) + '\n';
    if (Status s = appendLine(f->filePath(QLatin1String(kOwnerFile)), line); !s) {
        return s;
    }
    *out = std::move(f);
    return Status::ok();
}

LabFolder::~LabFolder() = default; // QTemporaryDir removes the folder

Status LabFolder::recordServer(qint64 pid) {
    return appendLine(filePath(QLatin1String(kOwnerFile)),
                      "server " + QByteArray::number(pid) + ' ' +
                          QByteArray::number(processStartTime(pid)) + '\n');
}

Status LabFolder::giveTo(uid_t uid, gid_t gid) {
    if (::chown(QFile::encodeName(path()).constData(), uid, gid) != 0) {
        return Status::failure(path().toStdString(),
                               std::string("cannot be handed to the server's user: ") +
                                   std::strerror(errno));
    }
    return Status::ok();
}

int cleanStaleLabFolders(const QString& root) {
    int removed = 0;
    if (root.isEmpty()) {
        return removed; // no temporary folder (see create): QDir("") is the working folder
    }
    const QFileInfoList folders =
        QDir(root).entryInfoList({QLatin1String(kLabFolderPrefix) + '*'},
                                 QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks);
    for (const QFileInfo& info : folders) {
        removed += cleanFolder(info) ? 1 : 0;
    }
    return removed;
}

std::vector<qint64> processesWorkingIn(const QString& folder) {
    const QString inside = QDir(folder).canonicalPath();
    std::vector<qint64> found;
    if (inside.isEmpty()) {
        return found;
    }
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString& name : pids) {
        bool number = false;
        const qint64 pid = name.toLongLong(&number);
        if (!number) {
            continue;
        }
        const QString cwd = QFile::symLinkTarget(QStringLiteral("/proc/%1/cwd").arg(pid));
        if ((cwd == inside || cwd.startsWith(inside + '/')) && processStartTime(pid) >= 0) {
            found.push_back(pid);
        }
    }
    return found;
}

long long processStartTime(qint64 pid) {
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray stat = f.readAll();
    const qsizetype close = stat.lastIndexOf(')'); // the command name may hold spaces
    if (close < 0) {
        return -1;
    }
    const QList<QByteArray> w = stat.mid(close + 2).split(' ');
    // After the name: state (field 3) ... starttime (field 22).
    if (w.size() < 20 || w[0] == "Z" || w[0] == "X") {
        return -1;
    }
    return w[19].toLongLong();
}

} // namespace fg::lab
