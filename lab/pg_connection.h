// PgConnection: one libpq connection and its queries' results as text. Errors are the server's
// own message, as a Status naming the statement's first words. libpq's types stay in the .cpp.
#pragma once

#include "engines/core/status.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;

namespace fg::lab {

struct PgResult {
    std::vector<std::string> columns;
    std::vector<std::vector<std::optional<std::string>>> rows; // nullopt: SQL NULL

    // The index of column `name`, or -1.
    int column(std::string_view name) const;
};

class PgConnection {
public:
    // Connects with a libpq connection string ("host=/tmp/x user=fieldguide dbname=postgres").
    static Status open(const std::string& conninfo, std::unique_ptr<PgConnection>* out);
    // Whether a server answers at `conninfo` and accepts connections (PQping).
    static bool accepting(const std::string& conninfo);
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;
    ~PgConnection();

    // Runs `sql` (one or more statements; the last one's rows go to `result` when given).
    Status exec(const std::string& sql, PgResult* result = nullptr);
    // Runs exactly one statement `sql` (the extended query protocol refuses two) and keeps at
    // most `maxRows` of its rows (`*cut` is then true and the statement is cancelled);
    // `commandTag` gets its tag ("INSERT 0 5", "SELECT 200"). A COPY to or from the client is
    // refused. An error is the server's own message (Status::what()).
    Status execOne(const std::string& sql, std::size_t maxRows, PgResult* result,
                   std::string* commandTag, bool* cut);
    // Runs a COPY ... FROM STDIN statement and sends `data` (its text rows) to it.
    Status copyIn(const std::string& sql, std::string_view data);
    // The server's version as SHOW server_version prints it.
    std::string serverVersion() const;

private:
    explicit PgConnection(pg_conn* conn) : conn_(conn) {}
    pg_conn* conn_;
};

// `value` quoted for a libpq connection string: in single quotes, with \ and ' escaped.
std::string quoteConnValue(std::string_view value);

} // namespace fg::lab
