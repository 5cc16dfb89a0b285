// PrivateServer: one server process of a lab, started in its LabFolder, that dies with the app.
//
// The child leads a process group of its own (setpgid) and asks the kernel for SIGKILL when the
// thread that started it ends (prctl PR_SET_PDEATHSIG), so even `kill -9` of the app leaves no
// server running; the group is recorded in the folder's owner file for cleanStaleLabFolders().
// stop() is polite first (the caller's request, such as PostgreSQL's fast shutdown or Redis's
// SHUTDOWN NOSAVE), then SIGKILLs the group after a timeout.
//
// REQUIRES: start() is called from a thread that lives as long as the server (the main thread):
// the kernel sends the parent-death signal when that thread ends, not only the process.
#pragma once

#include "engines/core/status.h"
#include "lab/lab_folder.h"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>
#include <sys/types.h>

namespace fg::lab {

// The user a server runs as when it must not run as root (PostgreSQL refuses to).
struct RunAs {
    uid_t uid = 0;
    gid_t gid = 0;
    QString name;
};

// When the app runs as root: the user "postgres" (Debian's PostgreSQL packages make it), else
// "nobody". Not root: nothing, the servers run as the app's user.
std::optional<RunAs> unprivilegedUser();

struct ServerLaunch {
    QString program;
    QStringList arguments;
    QString workingDirectory; // empty: the folder
    QString logFile;          // standard output and error go there (empty: discarded)
    std::optional<RunAs> runAs;
};

class PrivateServer {
public:
    PrivateServer() = default;
    PrivateServer(const PrivateServer&) = delete;
    PrivateServer& operator=(const PrivateServer&) = delete;
    // Kills the server's group if it still runs.
    ~PrivateServer();

    // Starts the server and records its group in `folder`'s owner file. A failure names the
    // program and the reason.
    Status start(const ServerLaunch& launch, LabFolder& folder);
    qint64 pid() const { return pid_; }
    // Whether the server has not exited (a zombie counts as exited).
    bool running() const;
    // Waits up to `ms` for the server to exit; true when it has.
    bool waitForExit(int ms);
    // Asks politely with `polite` (may be empty), waits up to `ms`, then kills the group.
    void stop(const std::function<void()>& polite, int ms);
    // SIGKILL to the whole group, at once; waits for the leader to go.
    void kill();

private:
    std::unique_ptr<QProcess> process_;
    qint64 pid_ = 0;
};

// Runs a program to its end inside the lab's rules (own group, parent-death signal, `runAs`),
// with its output in `launch.logFile`. Fails, naming the program and the last lines of its
// output, when it cannot start, is killed, exits with a status other than 0 or takes longer than
// `ms`.
Status runToEnd(const ServerLaunch& launch, const QString& folder, int ms);

// The last `lines` lines of a log file, joined by " / " (empty when it cannot be read).
QString logTail(const QString& file, int lines = 3);

} // namespace fg::lab
