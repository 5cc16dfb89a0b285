#include "lab/pg_connection.h"

#include "lab/stop_request.h"

#include <libpq-fe.h>
#include <poll.h>
#include <sstream>

namespace fg::lab {

namespace {

// "CREATE INDEX", "SELECT b.blk,": the statement's first two words, to say which one failed.
std::string statementName(const std::string& sql) {
    std::istringstream in(sql);
    std::string first, second;
    in >> first >> second;
    return second.empty() ? first : first + ' ' + second;
}

std::string serverMessage(PGconn* conn) {
    std::string m = PQerrorMessage(conn);
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) {
        m.pop_back();
    }
    return m;
}

std::string resultMessage(const PGresult* res) {
    std::string m = PQresultErrorMessage(res);
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) {
        m.pop_back();
    }
    return m;
}

// How often a statement waited for looks at the quit request.
constexpr int kStopCheckMs = 50;

// Waits until the statement sent on `conn` has its whole result; false when the helper was asked
// to quit first (stopRequested()) or the connection broke (PQgetResult then says why).
bool waitForResult(PGconn* conn) {
    while (PQisBusy(conn)) {
        if (stopRequested()) {
            return false;
        }
        pollfd fd{PQsocket(conn), POLLIN, 0};
        if (fd.fd < 0) {
            return true;
        }
        if (::poll(&fd, 1, kStopCheckMs) > 0 && !PQconsumeInput(conn)) {
            return true;
        }
    }
    return true;
}

// Asks the server to give up the statement on hand and forgets its result. The wait is the
// server's: a cancelled statement ends within milliseconds.
void cancelAndDrain(PGconn* conn) {
    if (PGcancel* cancel = PQgetCancel(conn)) {
        char why[256];
        PQcancel(cancel, why, sizeof why);
        PQfreeCancel(cancel);
    }
    while (PGresult* res = PQgetResult(conn)) {
        PQclear(res);
    }
}

// How many rows are copied between two looks at the quit request (a million take a second).
constexpr int kRowsBetweenStopChecks = 1 << 14;

// The result's rows as text; false when the helper was asked to quit first (stopRequested()).
bool readRows(PGresult* res, PgResult* out) {
    const int columns = PQnfields(res);
    const int rows = PQntuples(res);
    out->columns.clear();
    for (int c = 0; c < columns; ++c) {
        out->columns.emplace_back(PQfname(res, c));
    }
    out->rows.assign(static_cast<std::size_t>(rows), {});
    for (int r = 0; r < rows; ++r) {
        if (r % kRowsBetweenStopChecks == 0 && stopRequested()) {
            out->rows.clear();
            return false;
        }
        auto& row = out->rows[static_cast<std::size_t>(r)];
        row.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(res, r, c)) {
                row.emplace_back(std::nullopt);
            } else {
                row.emplace_back(std::string(PQgetvalue(res, r, c),
                                             static_cast<std::size_t>(PQgetlength(res, r, c))));
            }
        }
    }
    return true;
}

} // namespace

int PgResult::column(std::string_view name) const {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i] == name) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

Status PgConnection::open(const std::string& conninfo, std::unique_ptr<PgConnection>* out) {
    PGconn* conn = PQconnectdb(conninfo.c_str());
    if (!conn) {
        return Status::failure("PostgreSQL", "out of memory for a connection");
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        const std::string why = serverMessage(conn);
        PQfinish(conn);
        return Status::failure("PostgreSQL", "cannot connect: " + why);
    }
    // The server's notices ("table ... does not exist, skipping") are not the user's business.
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
    out->reset(new PgConnection(conn));
    return Status::ok();
}

bool PgConnection::accepting(const std::string& conninfo) {
    return PQping(conninfo.c_str()) == PQPING_OK;
}

PgConnection::~PgConnection() {
    PQfinish(conn_);
}

Status PgConnection::exec(const std::string& sql, PgResult* result) {
    if (stopRequested()) {
        return Status::failure(statementName(sql), kStoppedSentence);
    }
    if (!PQsendQuery(conn_, sql.c_str())) {
        return Status::failure(statementName(sql), serverMessage(conn_));
    }
    if (!waitForResult(conn_)) {
        cancelAndDrain(conn_);
        return Status::failure(statementName(sql), kStoppedSentence);
    }
    Status s;
    while (PGresult* res = PQgetResult(conn_)) {
        const ExecStatusType status = PQresultStatus(res);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && s) {
            s = Status::failure(statementName(sql), resultMessage(res));
        } else if (s && result && !readRows(res, result)) { // the last statement's rows win
            s = Status::failure(statementName(sql), kStoppedSentence);
        }
        PQclear(res);
    }
    return s;
}

namespace {

// A COPY the query box started: it sends no data and reads none.
void endCopy(PGconn* conn, ExecStatusType status) {
    if (status == PGRES_COPY_IN) {
        PQputCopyEnd(conn, "the query box sends no COPY data");
        return;
    }
    char* buffer = nullptr;
    while (PQgetCopyData(conn, &buffer, 0) > 0) {
        PQfreemem(buffer);
    }
}

void addRow(PGresult* res, PgResult* out) {
    if (out->columns.empty()) {
        for (int c = 0; c < PQnfields(res); ++c) {
            out->columns.emplace_back(PQfname(res, c));
        }
    }
    PgResult one;
    readRows(res, &one);
    out->rows.insert(out->rows.end(), one.rows.begin(), one.rows.end());
}

} // namespace

Status PgConnection::execOne(const std::string& sql, std::size_t maxRows, PgResult* result,
                             std::string* commandTag, bool* cut) {
    *result = {};
    *cut = false;
    commandTag->clear();
    if (!PQsendQueryParams(conn_, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) ||
        !PQsetSingleRowMode(conn_)) {
        return Status::failure("query", serverMessage(conn_));
    }
    Status s;
    bool cancelled = false;
    while (true) {
        if (!waitForResult(conn_)) {
            cancelAndDrain(conn_);
            return Status::failure(statementName(sql), kStoppedSentence);
        }
        PGresult* res = PQgetResult(conn_);
        if (!res) {
            break;
        }
        const ExecStatusType status = PQresultStatus(res);
        if (status == PGRES_SINGLE_TUPLE && result->rows.size() < maxRows) {
            addRow(res, result);
        } else if (status == PGRES_SINGLE_TUPLE && !cancelled) {
            *cut = cancelled = true; // one row past the limit: the rest is not wanted
            if (PGcancel* cancel = PQgetCancel(conn_)) {
                char why[256];
                PQcancel(cancel, why, sizeof why);
                PQfreeCancel(cancel);
            }
        } else if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT) {
            endCopy(conn_, status);
            s = Status::error("COPY", "the query box does not send or show COPY data: COPY "
                                      "runs to or from a table or file only");
        } else if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
            *commandTag = PQcmdStatus(res);
        } else if (status != PGRES_SINGLE_TUPLE && s && !cancelled) {
            std::string why = PQresultErrorMessage(res);
            while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) {
                why.pop_back();
            }
            s = Status::failure(statementName(sql), why);
        }
        PQclear(res);
    }
    if (cancelled && commandTag->empty()) {
        *commandTag = "SELECT " + std::to_string(maxRows) + "+";
    }
    return s;
}

Status PgConnection::copyIn(const std::string& sql, std::string_view data) {
    PGresult* res = PQexec(conn_, sql.c_str());
    const bool ready = res && PQresultStatus(res) == PGRES_COPY_IN;
    PQclear(res);
    if (!ready) {
        return Status::failure(statementName(sql), serverMessage(conn_));
    }
    constexpr std::size_t kChunk = std::size_t{1} << 20;
    for (std::size_t at = 0; at < data.size(); at += kChunk) {
        if (stopRequested()) {
            PQputCopyEnd(conn_, kStoppedSentence); // the server drops what it took
            cancelAndDrain(conn_);
            return Status::failure(statementName(sql), kStoppedSentence);
        }
        const std::size_t n = std::min(kChunk, data.size() - at);
        if (PQputCopyData(conn_, data.data() + at, static_cast<int>(n)) != 1) {
            return Status::failure(statementName(sql), serverMessage(conn_));
        }
    }
    if (PQputCopyEnd(conn_, nullptr) != 1) {
        return Status::failure(statementName(sql), serverMessage(conn_));
    }
    if (!waitForResult(conn_)) {
        cancelAndDrain(conn_);
        return Status::failure(statementName(sql), kStoppedSentence);
    }
    Status s;
    while (PGresult* end = PQgetResult(conn_)) {
        if (PQresultStatus(end) != PGRES_COMMAND_OK && s) {
            s = Status::failure(statementName(sql), serverMessage(conn_));
        }
        PQclear(end);
    }
    return s;
}

std::string PgConnection::serverVersion() const {
    const char* v = PQparameterStatus(conn_, "server_version");
    return v ? v : "";
}

std::string quoteConnValue(std::string_view value) {
    std::string out = "'";
    for (const char c : value) {
        if (c == '\'' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "'";
}

} // namespace fg::lab
