// AtomicFile: the one way fieldguide writes a file (pictures, animations, handouts, scenarios,
// progress). The bytes go to a temporary file next to the target (QSaveFile), which is renamed
// over the target only when every write succeeded; otherwise the temporary file is removed, so
// the target is either the complete new file or left exactly as it was (absent, or the old file).
//
// QSaveFile alone is not enough: a short write (a full disk takes part of a block) is not an
// error for QFile, writers such as QSvgGenerator and QTextStream drop what was not taken, and
// QSaveFile::commit() does not check the flush of its last buffered bytes. AtomicFile's device()
// writes everything or records the first failure (with the system's reason, e.g. "No space left
// on device"); from then on every write fails, and commit() flushes, checks and fails.
//
// By default the target must not be a symbolic link: the writer would replace the file the link
// points to, possibly somewhere else entirely (Links::Refuse). The student's own progress file
// may be a link they made on purpose (Links::Follow).
#pragma once

#include "engines/core/status.h"

#include <QIODevice>
#include <QSaveFile>
#include <QString>
#include <memory>

namespace fg {

class AtomicFile {
public:
    enum class Links { Refuse, Follow };

    explicit AtomicFile(QString path, Links links = Links::Refuse);
    ~AtomicFile(); // removes the temporary file unless commit() succeeded
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Creates the temporary file. A failure is Status::failure(path, reason).
    Status open();
    // Where to write (open, write-only). Valid after a successful open().
    QIODevice* device();
    // Writes all of `bytes`; false once any write failed (see status()).
    bool write(const QByteArray& bytes);
    // OK until a write failed: then the first failure (path and reason).
    Status status() const;
    // Renames the temporary file over the target; fails (and removes the temporary file) if any
    // write failed, or the rename did.
    Status commit();
    // Gives up: the temporary file is removed, the target left as it was.
    void cancel();

    const QString& path() const { return path_; }

    // "Could not write PATH: REASON" for a failed Status from an AtomicFile.
    static QString describe(const Status& status);

    // Tests only: every AtomicFile opened afterwards fails its writes after `bytes` bytes, as a
    // full disk does (-1: no limit).
    static void setWriteLimitForTesting(qint64 bytes);

private:
    class Device;
    Status fail(const QString& reason);

    QString path_;
    Links links_;
    QSaveFile file_;
    std::unique_ptr<Device> device_;
    Status first_;
    bool done_ = false;
};

} // namespace fg
