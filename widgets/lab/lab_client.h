// LabClient: the app's side of the Lab. The labs run in a helper program of their own,
// `fieldguide-lab --serve` (lab/lab_serve.h), one per Lab page: the app itself never links the
// PostgreSQL or Redis client libraries (they would slow every start), a lab that hangs or
// crashes cannot take the window with it, and the helper dies with the app even on SIGKILL
// (PR_SET_PDEATHSIG), its servers with it (their folders are removed at the next start:
// cleanStaleLabFolders).
//
// The protocol (docs/lab-protocol.md): one JSON object per line each way. The app sends
// {"id": N, "op": "pg.start", "args": {...}}; the helper answers each request, in order, with
// {"id": N, "ok": true, "result": {...}} or {"id": N, "ok": false, "error": "a sentence"}, and
// may send {"id": N, "progress": "a sentence"} and {"id": N, "part": {...}} before it. End of input
// stops every server and ends the helper.
//
// The helper is looked for in $FIELDGUIDE_LAB_HELPER when set (the tests), else beside the app,
// else in the installed place. It is started with SIGTERM as its parent-death signal, so that it
// stops its servers and removes their folders itself when the app is killed.
#pragma once

#include "engines/core/status.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>

namespace fg {

class LabClient : public QObject {
    Q_OBJECT
public:
    using Reply = std::function<void(const Status& status, const nlohmann::json& result)>;

    explicit LabClient(QObject* parent = nullptr);
    // Ends the helper: closes its input and sends it SIGTERM, which ends a request on hand at
    // once; it stops its servers and exits. Kills it after 5 s.
    ~LabClient() override;

    // Sends `op` with `args`; the helper is started on the first call. `reply` runs on the GUI
    // thread with the result, or with a failed Status (the helper could not start, died, or
    // answered an error) - unless `context` was destroyed first, then never.
    void call(const QString& op, nlohmann::json args, QObject* context, Reply reply);
    // True while a call is waiting for its answer.
    bool busy() const;
    // Ends the helper now (as the destructor does); waiting calls get a failed Status. The next
    // call starts a new one.
    void shutdown();

    // The helper program: next to the running program (the build tree), else where the Debian
    // package installs it. Empty when neither exists.
    static QString helperProgram();
    // Where helperProgram() looks, in order: $FIELDGUIDE_LAB_HELPER alone when it is set.
    static QStringList helperPlaces();

signals:
    // A progress sentence from the helper, while a call works.
    void progress(const QString& sentence);
    // A piece of a call's answer, ahead of it ({"id": N, "part": {...}}).
    void part(const nlohmann::json& piece);
    // The helper ended while calls waited, or on its own: why, in a sentence.
    void helperEnded(const QString& why);

private:
    struct Pending {
        QPointer<QObject> context;
        bool hadContext = false; // a null context from the start: the reply always runs
        Reply reply;
    };
    bool startHelper();
    void readAnswers();
    void takeAnswer(const QByteArray& line);
    void deliver(const Pending& call, const Status& status, const nlohmann::json& result);
    void onFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void onEnded(const QString& why);
    void failAll(const QString& why);
    void endHelper();

    QProcess* process_ = nullptr;
    QString program_;
    QByteArray stdoutBuffer_;     // the helper's output not yet taken as messages
    qsizetype stdoutScanned_ = 0; // no line break in stdoutBuffer_ before this
    quint64 helperRun_ = 0;       // which helper process_ is (one more at each start)
    QByteArray stderrTail_;
    qint64 nextId_ = 1;
    std::map<qint64, Pending> pending_;
};

} // namespace fg
