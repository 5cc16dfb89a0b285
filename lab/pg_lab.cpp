#include "lab/pg_lab.h"

#include "lab/lab_folder.h"
#include "lab/lab_programs.h"
#include "lab/pg_connection.h"
#include "lab/private_server.h"
#include "lab/stop_request.h"

#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <csignal>
#include <sys/un.h>

namespace fg::lab {

namespace {

const char* const kUser = "fieldguide";
const int kPort = 5432; // only names the socket file: the server listens on no TCP port

std::string privateConninfo(const QString& folder) {
    return "host=" + quoteConnValue(folder.toStdString()) + " port=" + std::to_string(kPort) +
           " user=" + kUser + " dbname=postgres connect_timeout=5";
}

// A Unix socket's path has room for 107 bytes (sockaddr_un::sun_path).
Status checkSocketPath(const QString& folder) {
    const std::string socket =
        QFile::encodeName(folder).toStdString() + "/.s.PGSQL." + std::to_string(kPort);
    if (socket.size() >= sizeof(sockaddr_un::sun_path)) {
        return Status::failure(folder.toStdString(),
                               "the temporary folder's path is too long for PostgreSQL's Unix "
                               "socket (" +
                                   std::to_string(socket.size()) + " bytes, at most " +
                                   std::to_string(sizeof(sockaddr_un::sun_path) - 1) +
                                   "): set TMPDIR to a shorter folder, such as /tmp");
    }
    return Status::ok();
}

QStringList serverArguments(const QString& folder, int sharedBuffersMb) {
    QStringList args{QStringLiteral("-D"), folder + QStringLiteral("/data")};
    const QStringList settings{
        QStringLiteral("listen_addresses="), // no TCP at all
        QStringLiteral("unix_socket_directories=") + folder, QStringLiteral("port=%1").arg(kPort),
        QStringLiteral("shared_buffers=%1MB").arg(sharedBuffersMb),
        // A throwaway server: durability buys nothing here, and its files die with the folder.
        QStringLiteral("fsync=off"), QStringLiteral("synchronous_commit=off"),
        QStringLiteral("full_page_writes=off"),
        // No vacuum in the background: the index stays as the inserts left it.
        QStringLiteral("autovacuum=off"),
        // Dynamic shared memory as files in the data folder, removed with it.
        QStringLiteral("dynamic_shared_memory_type=mmap"), QStringLiteral("max_connections=20"),
        QStringLiteral("logging_collector=off")};
    for (const QString& s : settings) {
        args << QStringLiteral("-c") << s;
    }
    return args;
}

} // namespace

PgLab::PgLab() = default;

PgLab::~PgLab() {
    if (conn_ && tableMade_ && !isPrivate()) {
        run("DROP TABLE IF EXISTS " + tableName()); // a TEMP table: the server would drop it too
    }
    stop();
}

std::string PgLab::tableName() const {
    return isPrivate() ? "fieldguide_lab" : "pg_temp.fieldguide_lab";
}

std::string PgLab::indexName() const {
    return isPrivate() ? "fieldguide_lab_k" : "pg_temp.fieldguide_lab_k";
}

QString PgLab::folder() const {
    return folder_ ? folder_->path() : QString();
}

std::string PgLab::serverVersion() const {
    return conn_ ? conn_->serverVersion() : std::string();
}

Status PgLab::run(const std::string& sql, PgResult* result) {
    sql_.push_back(sql);
    return conn_->exec(sql, result);
}

Status PgLab::startPrivate(const PgLabOptions& options, std::unique_ptr<PgLab>* out) {
    std::unique_ptr<PgLab> lab(new PgLab());
    if (Status s = lab->startServer(options); !s) {
        return s; // ~PgLab stops what started and removes the folder
    }
    if (options.progress) {
        options.progress("Adding the extensions pageinspect and pgstattuple...");
    }
    for (const char* extension : {"pageinspect", "pgstattuple"}) {
        if (Status s = lab->run(std::string("CREATE EXTENSION ") + extension); !s) {
            return Status::failure("PostgreSQL", "the extension " + std::string(extension) +
                                                     " cannot be created (" + s.what() +
                                                     "): it ships in the Debian package "
                                                     "postgresql-15");
        }
    }
    *out = std::move(lab);
    return Status::ok();
}

Status PgLab::startServer(const PgLabOptions& options) {
    PostgresPrograms programs;
    if (Status s = findPostgresPrograms(options.binDir, &programs); !s) {
        return s;
    }
    if (Status s = LabFolder::create(&folder_); !s) {
        return s;
    }
    const QString dir = folder_->path();
    if (Status s = checkSocketPath(dir); !s) {
        return s;
    }
    // PostgreSQL refuses to run as root: then it runs as the user "postgres", in a folder of its.
    const std::optional<RunAs> runAs = unprivilegedUser();
    if (runAs) {
        if (Status s = folder_->giveTo(runAs->uid, runAs->gid); !s) {
            return s;
        }
    }
    if (options.progress) {
        options.progress("Creating a database folder (initdb)...");
    }
    const ServerLaunch initdb{programs.initdb,
                              {QStringLiteral("-D"), dir + QStringLiteral("/data"),
                               QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-U"),
                               QLatin1String(kUser), QStringLiteral("--locale=C"),
                               QStringLiteral("-E"), QStringLiteral("UTF8"),
                               QStringLiteral("--no-sync")},
                              {},
                              folder_->filePath(QStringLiteral("initdb.log")),
                              runAs};
    if (Status s = runToEnd(initdb, dir, 120000); !s) {
        return Status::failure("PostgreSQL",
                               "initdb could not make the database folder: " + s.message());
    }
    if (options.progress) {
        options.progress("Starting PostgreSQL " + programs.version.toStdString() + "...");
    }
    server_ = std::make_unique<PrivateServer>();
    const ServerLaunch launch{programs.postgres,
                              serverArguments(dir, options.sharedBuffersMb),
                              {},
                              folder_->filePath(QStringLiteral("postgres.log")),
                              runAs};
    if (Status s = server_->start(launch, *folder_); !s) {
        return s;
    }
    return waitForServer(launch.logFile, options.startTimeoutMs);
}

// Polls the socket until the server accepts connections, then connects.
Status PgLab::waitForServer(const QString& log, int timeoutMs) {
    const std::string conninfo = privateConninfo(folder_->path());
    QElapsedTimer clock;
    clock.start();
    while (!PgConnection::accepting(conninfo)) {
        if (!server_->running()) {
            return Status::failure("PostgreSQL", "the server stopped while starting: " +
                                                     logTail(log).toStdString());
        }
        if (stopRequested()) {
            return Status::failure("PostgreSQL", kStoppedSentence);
        }
        if (clock.elapsed() > timeoutMs) {
            return Status::failure("PostgreSQL", "the server did not accept connections within " +
                                                     std::to_string(timeoutMs / 1000) +
                                                     " s: " + logTail(log).toStdString());
        }
        QThread::msleep(20);
    }
    return PgConnection::open(conninfo, &conn_);
}

Status PgLab::connect(const std::string& conninfo, std::unique_ptr<PgLab>* out) {
    std::unique_ptr<PgLab> lab(new PgLab());
    if (Status s = PgConnection::open(conninfo, &lab->conn_); !s) {
        // What to do next (a tester's error said what failed and no more).
        const std::string why = s.what().ends_with('.') ? s.what() : s.what() + ".";
        return Status::failure("PostgreSQL",
                               why + " Check that the server is running and that the "
                                     "connection string names its host (or socket "
                                     "folder), a database and a user that may log in: "
                                     "psql with the same words should connect. Or pick "
                                     "\"Private server\" to let the Lab start its own.");
    }
    PgResult have;
    if (Status s = lab->run("SELECT extname FROM pg_extension WHERE extname IN ('pageinspect', "
                            "'pgstattuple') ORDER BY extname",
                            &have);
        !s) {
        return s;
    }
    if (have.rows.size() != 2) {
        return Status::failure("PostgreSQL",
                               "this database lacks the extension pageinspect or pgstattuple, "
                               "which the Lab reads the index with: a superuser adds them with "
                               "CREATE EXTENSION pageinspect; CREATE EXTENSION pgstattuple; (the "
                               "Lab changes nothing on an existing server but its scratch table)");
    }
    *out = std::move(lab);
    return Status::ok();
}

void PgLab::stop() {
    if (!server_) {
        return;
    }
    conn_.reset();
    const qint64 pid = server_->pid();
    // SIGQUIT is PostgreSQL's immediate shutdown, what `pg_ctl stop -m immediate` sends (pg_ctl
    // itself refuses to run as root, and needs the same user switch): no shutdown checkpoint,
    // which after a million keys wrote and synced every dirty page of a cluster whose folder is
    // removed the next moment (the fast shutdown, SIGINT, took 0.5-0.8 s of a Stop there).
    server_->stop([pid] { ::kill(static_cast<pid_t>(pid), SIGQUIT); }, 10000);
    endLeftovers(folder_->path()); // a backend that outlived a killed postmaster
    server_.reset();
    folder_.reset();
}

Status PgLab::insertKeys(std::span<const std::int64_t> keys, std::optional<int> fillfactor) {
    if (static_cast<std::int64_t>(keys.size()) > kMaxKeys) {
        return Status::error("keys", std::to_string(keys.size()) +
                                         " keys: the Lab inserts at most 1,000,000");
    }
    if (fillfactor && (*fillfactor < 10 || *fillfactor > 100)) {
        return Status::error("fillfactor", "a B-Tree index's fillfactor is 10 to 100");
    }
    const std::string table = tableName();
    const std::vector<std::string> statements{
        "DROP TABLE IF EXISTS " + table,
        std::string(isPrivate() ? "CREATE TABLE " : "CREATE TEMP TABLE ") +
            "fieldguide_lab (k bigint)",
        "CREATE INDEX fieldguide_lab_k ON " + table + " (k)" +
            (fillfactor ? " WITH (fillfactor = " + std::to_string(*fillfactor) + ")" : "")};
    for (const std::string& sql : statements) {
        if (Status s = run(sql); !s) {
            return s;
        }
        tableMade_ = true;
    }
    std::string data;
    data.reserve(keys.size() * 8);
    for (const std::int64_t k : keys) {
        data += std::to_string(k);
        data += '\n';
    }
    const std::string copy = "COPY " + table + " (k) FROM STDIN";
    sql_.push_back(copy + " -- " + std::to_string(keys.size()) + " keys, in the order given");
    return conn_->copyIn(copy, data);
}

} // namespace fg::lab
