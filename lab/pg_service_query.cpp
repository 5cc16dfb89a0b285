// PgService's query box: one statement of the student's, limited to the lab's scratch (see
// pg_service.h), its rows (at most kMaxQueryRows) and command tag, or PostgreSQL's own error.
#include "lab/pg_service_state.h"

#include <nlohmann/json.hpp>

namespace fg::lab {

namespace {

std::string timeoutSql(bool local) {
    return std::string(local ? "SET LOCAL" : "SET") + " statement_timeout = '" +
           std::to_string(PgService::kStatementTimeoutMs / 1000) + "s'";
}

nlohmann::json rowsJson(const PgResult& r) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : r.rows) {
        nlohmann::json cells = nlohmann::json::array();
        for (const auto& cell : row) {
            cells.push_back(cell ? nlohmann::json(*cell) : nlohmann::json());
        }
        rows.push_back(std::move(cells));
    }
    return rows;
}

struct Answer {
    PgResult rows;
    std::string tag;
    bool cut = false;
};

// The student's statement, recorded as run.
Status runStudent(PgService::State& s, PgConnection& conn, const std::string& sql, Answer* a) {
    s.collect();
    s.sql.push_back(sql);
    return conn.execOne(sql, PgService::kMaxQueryRows, &a->rows, &a->tag, &a->cut);
}

// The private server: the student's role, settings reset (a SET of the last query undone) and
// the time limit set again before the statement.
Status onPrivate(PgService::State& s, const std::string& sql, Answer* a) {
    PgConnection& conn = *s.student;
    for (const std::string& prep : {std::string("RESET ALL"), timeoutSql(false)}) {
        if (Status st = s.exec(conn, prep); !st) {
            return st;
        }
    }
    return runStudent(s, conn, sql, a);
}

// An existing server: the lab's own session (the only one that sees its TEMP table), in a READ
// ONLY transaction that has taken its snapshot (SELECT 1): from then on PostgreSQL refuses to
// make it read-write, so only TEMP tables can be written. Committed (a TEMP table's rows stay),
// then every setting the statement changed is reset, so the lab's own reads run as before.
Status onExisting(PgService::State& s, const std::string& sql, Answer* a) {
    PgConnection& conn = s.lab->connection();
    for (const std::string& prep :
         {std::string("BEGIN READ ONLY"), std::string("SELECT 1"), timeoutSql(true)}) {
        if (Status st = s.exec(conn, prep); !st) {
            s.exec(conn, "ROLLBACK");
            return st;
        }
    }
    const Status st = runStudent(s, conn, sql, a);
    s.exec(conn, st ? "COMMIT" : "ROLLBACK");
    s.exec(conn, "RESET ALL");
    return st;
}

} // namespace

Status queryOp(PgService::State& s, const nlohmann::json& args, nlohmann::json* result) {
    const auto it = args.find("sql");
    if (it == args.end() || !it->is_string()) {
        return Status::error("sql", "a statement is needed, such as SELECT count(*) FROM "
                                    "fieldguide_lab");
    }
    const std::string sql = it->get<std::string>();
    if (sql.find_first_not_of(" \t\r\n;") == std::string::npos) {
        return Status::error("sql", "the query box is empty: write one SQL statement");
    }
    if (sql.size() > PgService::kMaxQueryBytes) {
        return Status::error("sql", "the statement is " + std::to_string(sql.size()) +
                                        " bytes; the query box takes at most 100,000");
    }
    if (!s.lab) {
        return Status::error("server", "no server yet: run the lab first");
    }
    Answer a;
    const Status st = s.lab->isPrivate() ? onPrivate(s, sql, &a) : onExisting(s, sql, &a);
    if (!st) {
        // PostgreSQL's own words ("ERROR:  permission denied for schema public").
        return Status::error("", st.what());
    }
    s.keysFromTable = s.inserted; // the next read takes the table's keys as they are now
    *result = {
        {"columns", a.rows.columns}, {"rows", rowsJson(a.rows)}, {"cut", a.cut}, {"tag", a.tag}};
    return Status::ok();
}

} // namespace fg::lab
