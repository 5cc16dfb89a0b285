#include "widgets/lab/lab_client.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTimer>
#include <csignal>
#include <cstring>
#include <sys/prctl.h>
#include <unistd.h>

namespace fg {

namespace {

constexpr const char* kHelperName = "fieldguide-lab";
// The last bytes of the helper's standard error kept, to say why it ended.
constexpr qsizetype kStderrKept = 2000;
// How long the destructor waits for the helper to stop its servers before it kills it.
constexpr int kStopWaitMs = 5000;

} // namespace

QStringList LabClient::helperPlaces() {
    QStringList places;
    if (const QString forced = qEnvironmentVariable("FIELDGUIDE_LAB_HELPER"); !forced.isEmpty()) {
        return {forced}; // the tests' and a packager's choice, alone
    }
    const QString appDir = QCoreApplication::applicationDirPath();
    places << QDir(appDir).filePath(QLatin1String(kHelperName));
    places << QDir::cleanPath(QDir(appDir).filePath(
        QStringLiteral(FIELDGUIDE_LAB_HELPER_RELATIVE "/") + QLatin1String(kHelperName)));
    return places;
}

namespace {

// Between fork and exec in the helper's process: it gets SIGTERM when the thread that started
// it (the GUI thread) ends, even by SIGKILL, and then stops its servers itself.
void becomeHelper(pid_t parent) {
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent) {
        ::_exit(125); // the app ended before the line above
    }
}

QString signalName(int sig) {
    const char* name = sigabbrev_np(sig);
    return name ? QStringLiteral("signal %1 (SIG%2)").arg(sig).arg(QLatin1String(name))
                : QStringLiteral("signal %1").arg(sig);
}

} // namespace

LabClient::LabClient(QObject* parent) : QObject(parent) {}

LabClient::~LabClient() {
    // No reply runs from here: the page that owns this client is being destroyed.
    pending_.clear();
    endHelper();
}

QString LabClient::helperProgram() {
    for (const QString& place : helperPlaces()) {
        const QFileInfo info(place);
        if (info.isFile() && info.isExecutable()) {
            return info.absoluteFilePath();
        }
    }
    return {};
}

void LabClient::call(const QString& op, nlohmann::json args, QObject* context, Reply reply) {
    const qint64 id = nextId_++;
    pending_[id] = {context, context != nullptr, std::move(reply)};
    if (!process_ && !startHelper()) {
        return;
    }
    // The id first, so that the helper can answer even a request it cannot read (too long).
    // Arguments that are not an object are sent as they are: the helper says what is wrong.
    const nlohmann::json sent = args.is_null() ? nlohmann::json::object() : std::move(args);
    const std::string line =
        "{\"id\":" + std::to_string(id) + ",\"op\":" + nlohmann::json(op.toStdString()).dump() +
        ",\"args\":" + sent.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "}\n";
    process_->write(line.data(), static_cast<qint64>(line.size()));
}

bool LabClient::busy() const {
    return !pending_.empty();
}

void LabClient::shutdown() {
    endHelper();
    failAll(tr("The Lab was closed before it answered."));
}

bool LabClient::startHelper() {
    const QString program = helperProgram();
    if (program.isEmpty()) {
        const QString why = tr("The Lab's helper program %1 was not found (looked for %2). "
                               "Reinstall fieldguide, or "
                               "build the target fieldguide-lab.")
                                .arg(QLatin1String(kHelperName), helperPlaces().join(tr(" and ")));
        QTimer::singleShot(0, this, [this, why] { failAll(why); });
        return false;
    }
    program_ = program;
    ++helperRun_;
    stderrTail_.clear();
    stdoutBuffer_.clear();
    stdoutScanned_ = 0;
    process_ = new QProcess(this);
    process_->setProgram(program);
    process_->setArguments({QStringLiteral("--serve")});
    const pid_t parent = ::getpid();
    process_->setChildProcessModifier([parent] { becomeHelper(parent); });
    connect(process_, &QProcess::readyReadStandardOutput, this, &LabClient::readAnswers);
    connect(process_, &QProcess::readyReadStandardError, this, [this] {
        stderrTail_ += process_->readAllStandardError();
        stderrTail_ = stderrTail_.right(kStderrKept);
    });
    connect(process_, &QProcess::finished, this, &LabClient::onFinished);
    connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            onEnded(tr("The Lab's helper program %1 could not start: %2.")
                        .arg(program_, process_->errorString()));
        }
    });
    process_->start();
    return true;
}

void LabClient::readAnswers() {
    if (!process_) {
        return;
    }
    stdoutBuffer_ += process_->readAllStandardOutput();
    // A reply may delete this client, or end the helper and start another: then stop here.
    const QPointer<LabClient> alive(this);
    const quint64 run = helperRun_;
    while (alive && process_ && helperRun_ == run) {
        // From where the last look ended: a long answer comes in many pieces.
        const qsizetype end = stdoutBuffer_.indexOf('\n', stdoutScanned_);
        if (end < 0) {
            stdoutScanned_ = stdoutBuffer_.size();
            return;
        }
        const QByteArray line = stdoutBuffer_.left(end);
        stdoutBuffer_.remove(0, end + 1);
        stdoutScanned_ = 0;
        takeAnswer(line);
    }
}

void LabClient::takeAnswer(const QByteArray& line) {
    const nlohmann::json message =
        nlohmann::json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
    if (message.is_discarded() || !message.is_object() || pending_.empty()) {
        return;
    }
    // Answers come in order: one without an id (a request the helper could not read) is the
    // oldest call's.
    auto it = message.contains("id") && message["id"].is_number_integer()
                  ? pending_.find(message["id"].get<qint64>())
                  : pending_.begin();
    if (it == pending_.end()) {
        return;
    }
    if (message.contains("progress")) {
        if (message["progress"].is_string()) {
            emit progress(QString::fromStdString(message["progress"].get<std::string>()));
        }
        return;
    }
    if (message.contains("part")) {
        emit part(message["part"]);
        return;
    }
    Pending call = std::move(it->second);
    pending_.erase(it);
    Status status;
    nlohmann::json result = nlohmann::json::object();
    if (message.value("ok", false)) {
        result = message.contains("result") ? message["result"] : result;
    } else {
        const auto& error = message.contains("error") && message["error"].is_string()
                                ? message["error"]
                                : nlohmann::json("the helper answered without saying why");
        status = Status::error({}, error.get<std::string>());
    }
    deliver(call, status, result);
}

void LabClient::deliver(const Pending& call, const Status& status, const nlohmann::json& result) {
    if (call.hadContext && !call.context) {
        return; // its page is gone
    }
    if (call.reply) {
        call.reply(status, result);
    }
}

void LabClient::onFinished(int exitCode, QProcess::ExitStatus exitStatus) {
    readAnswers(); // what it answered before it ended still counts
    if (!process_) {
        return;
    }
    // On a crash QProcess's exit code is the signal's number.
    QString why = exitStatus == QProcess::CrashExit
                      ? tr("The Lab's helper program ended by %1.").arg(signalName(exitCode))
                      : tr("The Lab's helper program ended with exit status %1.").arg(exitCode);
    const QString last = QString::fromLocal8Bit(stderrTail_).trimmed();
    if (!last.isEmpty()) {
        why += tr(" It said: %1").arg(last.section(QLatin1Char('\n'), -3));
    }
    onEnded(why);
}

void LabClient::onEnded(const QString& why) {
    if (!process_) {
        return;
    }
    process_->disconnect(this);
    process_->deleteLater();
    process_ = nullptr;
    QPointer<LabClient> alive(this);
    failAll(why);
    if (alive) {
        emit helperEnded(why);
    }
}

void LabClient::failAll(const QString& why) {
    // Each reply may call again (and start a new helper): the calls waiting now are failed, not
    // those it makes.
    std::map<qint64, Pending> waiting;
    waiting.swap(pending_);
    QPointer<LabClient> alive(this);
    for (auto& [id, call] : waiting) {
        deliver(call, Status::failure({}, why.toStdString()), nlohmann::json::object());
        if (!alive) {
            return;
        }
    }
}

void LabClient::endHelper() {
    if (!process_) {
        return;
    }
    QProcess* p = process_;
    p->disconnect(this);
    process_ = nullptr;
    p->closeWriteChannel(); // end of input: it stops its servers and exits
    // SIGTERM ends a request on hand at once (lab/stop_request.h): the wait below is then only
    // for the servers to stop, not for a long read to end.
    p->terminate();
    if (!p->waitForFinished(kStopWaitMs)) {
        p->kill();
        p->waitForFinished(1000);
    }
    delete p;
}

} // namespace fg
