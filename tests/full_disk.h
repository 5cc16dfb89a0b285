// FullDisk: a really full file system for a test, a tmpfs of 64 KB mounted on a temporary folder
// and filled up to `freeBytes` (rounded to tmpfs's 4 KB pages). Mounting needs root: a test
// calls QSKIP when available() is false, with skipReason().
#pragma once

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <sys/mount.h>
#include <unistd.h>

class FullDisk {
public:
    explicit FullDisk(qint64 freeBytes = 0) {
        if (::geteuid() != 0) {
            reason_ = "mounting a tiny tmpfs (a really full disk) needs root";
            return;
        }
        if (!dir_.isValid() || ::mount("tmpfs", QFile::encodeName(dir_.path()).constData(), "tmpfs",
                                       0, "size=64k") != 0) {
            reason_ = "could not mount a tmpfs (no CAP_SYS_ADMIN in this container?)";
            return;
        }
        mounted_ = true;
        QFile filler(path(".filler"));
        if (filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
            const QByteArray block(4096, 'x');
            const qint64 keep = (freeBytes + 4095) / 4096;
            qint64 blocks = 64 / 4 - keep;
            while (blocks-- > 0 && filler.write(block) == block.size()) {
            }
        }
    }
    ~FullDisk() {
        if (mounted_) {
            ::umount2(QFile::encodeName(dir_.path()).constData(), MNT_DETACH);
        }
    }
    FullDisk(const FullDisk&) = delete;
    FullDisk& operator=(const FullDisk&) = delete;

    bool available() const { return mounted_; }
    const char* skipReason() const { return reason_; }
    QString path(const QString& name) const { return QDir(dir_.path()).filePath(name); }
    // Files on the disk other than the filler (a temporary file left behind would show here).
    QStringList files() const {
        QStringList names =
            QDir(dir_.path())
                .entryList(QDir::Files | QDir::Hidden | QDir::Dirs | QDir::NoDotAndDotDot);
        names.removeAll(".filler");
        return names;
    }

private:
    QTemporaryDir dir_;
    bool mounted_ = false;
    const char* reason_ = "";
};
