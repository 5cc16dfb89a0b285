// PgService's state, shared by its two files (internal to lab/pg_service*.cpp): the lab, the
// query box's connection, the model's keys and the statements the op on hand ran.
#pragma once

#include "lab/pg_connection.h"
#include "lab/pg_lab.h"
#include "lab/pg_service.h"

#include <cstdint>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace fg::lab {

struct PgService::State {
    std::unique_ptr<PgLab> lab;
    std::unique_ptr<PgConnection> student; // the query box's connection (private server only)
    std::vector<std::int64_t> keys;        // the model's keys, in the order inserted
    bool keysFromTable = false;            // a query ran since: read them from the table
    bool inserted = false;
    std::size_t sqlSeen = 0;      // PgLab::sqlRun() entries already reported
    std::vector<std::string> sql; // this op's statements

    // The lab's statements since the last call, into this op's "sql".
    void collect() {
        if (!lab) {
            sqlSeen = 0;
            return;
        }
        const std::vector<std::string>& run = lab->sqlRun();
        for (; sqlSeen < run.size(); ++sqlSeen) {
            sql.push_back(run[sqlSeen]);
        }
    }
    Status exec(PgConnection& conn, const std::string& statement, PgResult* result = nullptr) {
        collect();
        sql.push_back(statement);
        return conn.exec(statement, result);
    }
};

// The query box's op (pg_service_query.cpp).
Status queryOp(PgService::State& s, const nlohmann::json& args, nlohmann::json* result);

} // namespace fg::lab
