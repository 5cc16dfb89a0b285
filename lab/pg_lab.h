// PgLab: a PostgreSQL 15 server to put keys into a B-Tree index and read the index back, page by
// page, with pageinspect and pgstattuple.
//
// Two ways in. startPrivate(): a throwaway server of the app's own, initdb'd into a LabFolder and
// listening only on a Unix socket in that folder (no TCP port), stopped and removed with the
// PgLab (and after a crash, by cleanStaleLabFolders()). connect(): an existing server given by a
// libpq connection string, used read-only but for one scratch table (a TEMP table, so the server
// drops it even if the app dies) that the lab names and drops.
//
// Every statement the lab runs is kept (sqlRun()), for the page that shows it. Every call blocks
// until the server answers: a page runs the lab on a thread of its own, the same one from start
// to stop (the server dies with the thread that started it: PrivateServer).
#pragma once

#include "engines/core/status.h"
#include "lab/pg_index.h"

#include <QString>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace fg::lab {

class LabFolder;
class PgConnection;
class PrivateServer;
struct PgResult;

struct PgLabOptions {
    QString binDir; // the PostgreSQL 15 programs (empty: findPostgresPrograms' search)
    int sharedBuffersMb = 32;
    int startTimeoutMs = 30000;
    // Told what startPrivate does next ("Starting PostgreSQL 15..."), as it starts it.
    std::function<void(const std::string& sentence)> progress;
};

class PgLab {
public:
    // The most keys insertKeys takes (the command line's budget as well).
    static constexpr std::int64_t kMaxKeys = 1'000'000;

    // initdb into a new lab folder, start the server, create pageinspect and pgstattuple. A
    // failure is a sentence naming the cause (a missing program and its Debian package, a folder
    // that cannot be made, the server's own last words); nothing is left running.
    static Status startPrivate(const PgLabOptions& options, std::unique_ptr<PgLab>* out);
    // Connects to an existing server. REQUIRES of that server: the extensions pageinspect and
    // pgstattuple in the database, and a role allowed to use them (a superuser by default).
    static Status connect(const std::string& conninfo, std::unique_ptr<PgLab>* out);
    PgLab(const PgLab&) = delete;
    PgLab& operator=(const PgLab&) = delete;
    // Drops the scratch table; a private server is stopped and its folder removed.
    ~PgLab();

    // A fresh scratch table (k bigint) with a B-Tree index on k (with `fillfactor`, 10 to 100,
    // when given; PostgreSQL's default is 90), then the keys inserted in the given order with
    // COPY. REQUIRES: keys.size() <= kMaxKeys.
    Status insertKeys(std::span<const std::int64_t> keys, std::optional<int> fillfactor = {});
    // Reads the index of the last insertKeys, every page. REQUIRES: insertKeys succeeded.
    Status readIndex(PgIndex* out);

    // Stops a private server (fast shutdown, then SIGKILL after 10 s) and removes its folder.
    void stop();

    bool isPrivate() const { return folder_ != nullptr; }
    // The private server's folder (empty when connected to an existing server).
    QString folder() const;
    // The scratch table and its index, schema-qualified on an existing server (pg_temp).
    std::string tableName() const;
    std::string indexName() const;
    std::string serverVersion() const;
    const std::vector<std::string>& sqlRun() const { return sql_; }
    // The lab's own connection (a superuser's on a private server; the one session that sees
    // the TEMP table on an existing server), for the Lab's query box. REQUIRES: started or
    // connected.
    PgConnection& connection() { return *conn_; }

private:
    PgLab();
    Status run(const std::string& sql, PgResult* result = nullptr);
    Status startServer(const PgLabOptions& options);
    Status waitForServer(const QString& log, int timeoutMs);

    std::unique_ptr<LabFolder> folder_;
    std::unique_ptr<PrivateServer> server_;
    std::unique_ptr<PgConnection> conn_;
    bool tableMade_ = false;
    std::vector<std::string> sql_;
};

} // namespace fg::lab
