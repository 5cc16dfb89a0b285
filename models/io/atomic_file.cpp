#include "models/io/atomic_file.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <atomic>

namespace fg {

namespace {

std::atomic<qint64> writeLimitForTesting{-1};

} // namespace

// Writes are gathered in a buffer of its own and handed to the QSaveFile (opened unbuffered) in
// large blocks, each written whole or recorded as the first failure. QFile's own buffer is not
// used: when its flush meets a full disk it reports "Unknown error", not the system's reason.
class AtomicFile::Device : public QIODevice {
public:
    explicit Device(AtomicFile& owner) : owner_(owner), limit_(writeLimitForTesting.load()) {}

    bool isSequential() const override { return false; }
    qint64 size() const override { return owner_.file_.size() + buffer_.size(); }
    bool seek(qint64 pos) override {
        if (!flush() || !owner_.file_.seek(pos)) {
            return false;
        }
        return QIODevice::seek(pos);
    }
    // Writes what is buffered; false once any write failed.
    bool flush() {
        if (owner_.first_ && !buffer_.isEmpty()) {
            writeThrough(buffer_.constData(), buffer_.size());
        }
        buffer_.clear();
        return static_cast<bool>(owner_.first_);
    }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 len) override {
        if (!owner_.first_) {
            return -1;
        }
        if (limit_ >= 0 && accepted_ + len > limit_) { // tests: the disk is full here
            const qint64 room = std::max<qint64>(0, limit_ - accepted_);
            buffer_.append(data, room);
            accepted_ += room;
            flush();
            owner_.fail(QStringLiteral("No space left on device"));
            return -1;
        }
        accepted_ += len;
        buffer_.append(data, len);
        if (buffer_.size() >= kBlock && !flush()) {
            return -1;
        }
        return len;
    }

private:
    static constexpr qint64 kBlock = 64 * 1024;

    void writeThrough(const char* data, qint64 len) {
        qint64 done = 0;
        while (done < len) {
            // A full disk takes part of a block, then refuses the rest with the reason: the
            // loop asks again, so a short write is never taken for a whole one.
            const qint64 n = owner_.file_.write(data + done, len - done);
            if (n <= 0) {
                const QString reason = owner_.file_.errorString();
                owner_.fail(owner_.file_.error() == QFileDevice::NoError || reason.isEmpty()
                                ? QStringLiteral("the file system took no more bytes")
                                : reason);
                return;
            }
            done += n;
        }
    }

    AtomicFile& owner_;
    qint64 limit_;
    qint64 accepted_ = 0;
    QByteArray buffer_;
};

AtomicFile::AtomicFile(QString path, Links links)
    : path_(std::move(path)), links_(links), file_(path_) {}

AtomicFile::~AtomicFile() {
    if (!done_) {
        cancel();
    }
}

void AtomicFile::setWriteLimitForTesting(qint64 bytes) {
    writeLimitForTesting = bytes;
}

Status AtomicFile::fail(const QString& reason) {
    if (first_) {
        first_ =
            Status::failure(QDir::toNativeSeparators(path_).toStdString(), reason.toStdString());
    }
    return first_;
}

Status AtomicFile::open() {
    const QFileInfo info(path_);
    if (links_ == Links::Refuse && info.isSymLink()) {
        done_ = true;
        return fail(QStringLiteral("it is a symbolic link (to %1), and fieldguide does not write "
                                   "through links: name the file itself, or remove the link")
                        .arg(QDir::toNativeSeparators(info.symLinkTarget())));
    }
    if (info.isDir()) {
        done_ = true;
        return fail(QStringLiteral("it is a folder"));
    }
    if (!file_.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        done_ = true;
        return fail(file_.errorString());
    }
    device_ = std::make_unique<Device>(*this);
    device_->open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    return first_;
}

QIODevice* AtomicFile::device() {
    return device_.get();
}

bool AtomicFile::write(const QByteArray& bytes) {
    return device_ && device_->write(bytes) == bytes.size();
}

Status AtomicFile::status() const {
    return first_;
}

Status AtomicFile::commit() {
    if (done_ || !device_) {
        return first_ ? Status::failure(QDir::toNativeSeparators(path_).toStdString(),
                                        "the file was not open for writing")
                      : first_;
    }
    // QSaveFile::commit() flushes a buffer but checks only the writes made before: a full disk
    // met by that last flush would go unnoticed and leave a cut-off file. The last bytes are
    // written here, and checked.
    device_->flush();
    device_->close();
    done_ = true;
    if (!first_) {
        file_.cancelWriting();
        file_.commit(); // removes the temporary file
        return first_;
    }
    if (!file_.commit()) {
        return fail(file_.errorString());
    }
    return first_;
}

void AtomicFile::cancel() {
    if (device_) {
        device_->close();
    }
    if (file_.isOpen()) {
        file_.cancelWriting();
        file_.commit();
    }
    done_ = true;
}

QString AtomicFile::describe(const Status& status) {
    return QStringLiteral("Could not write %1: %2")
        .arg(QString::fromStdString(status.where()), QString::fromStdString(status.what()));
}

} // namespace fg
