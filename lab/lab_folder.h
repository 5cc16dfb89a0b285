// LabFolder: the private temporary folder of one lab (its servers' data, sockets and logs), and
// the cleanup of the folders an app that died left behind.
//
// Each lab gets QDir::tempPath()/fieldguide-lab-XXXXXX (mode 0700). Its file `owner` names the
// process that made it (pid and start time, so a reused pid is not taken for the owner) and the
// process group of every server started in it. While the owner lives nothing else touches the
// folder; once it is gone, cleanStaleLabFolders() ends what still runs there and removes it.
#pragma once

#include "engines/core/status.h"

#include <QDir>
#include <QString>
#include <QTemporaryDir>
#include <memory>
#include <sys/types.h>
#include <vector>

namespace fg::lab {

class LabFolder {
public:
    // Makes the folder under `root` (an existing folder) and writes its owner file; a failure
    // names the folder and why.
    static Status create(std::unique_ptr<LabFolder>* out, const QString& root = QDir::tempPath());
    // Removes the folder and everything in it. REQUIRES: its servers have ended.
    ~LabFolder();

    QString path() const { return dir_.path(); }
    QString filePath(const QString& name) const { return dir_.filePath(name); }
    // Adds a server's process group (its leader's pid) to the owner file.
    Status recordServer(qint64 pid);
    // Hands the folder to `uid` (a server that refuses to run as root runs as that user).
    Status giveTo(uid_t uid, gid_t gid);

private:
    explicit LabFolder(const QString& templatePath) : dir_(templatePath) {}
    QTemporaryDir dir_;
};

// The prefix of every lab folder's name, in QDir::tempPath().
inline constexpr const char* kLabFolderPrefix = "fieldguide-lab-";

// Ends the servers of every lab folder under `root` whose owner has died (SIGKILL to each process
// group recorded, and to any process still working inside the folder), frees the shared memory a
// killed PostgreSQL left, and removes the folder. A folder whose owner lives is never touched,
// nor one without an owner file younger than a minute (it is being made). Returns how many
// folders it removed.
int cleanStaleLabFolders(const QString& root = QDir::tempPath());

// Ends what still works inside `folder` (SIGKILL, waiting up to 3 s for the processes to go) and
// frees the shared memory a killed PostgreSQL left there. For a lab's own stop and for the cleanup
// of a dead owner's folder.
void endLeftovers(const QString& folder);

// The live processes (zombies left out) whose working directory is `folder` or inside it: a lab's
// servers chdir there. A process this user may not inspect is not seen.
std::vector<qint64> processesWorkingIn(const QString& folder);

// The start time of a live process, in clock ticks since boot (/proc/PID/stat), or -1 when there
// is no such process or it is a zombie.
long long processStartTime(qint64 pid);

} // namespace fg::lab
