// The PostgreSQL lab as the helper program serves it to the app's Lab > PostgreSQL index page:
// ops "pg.<op>" (the helper strips "pg."), their arguments and results below and in
// docs/lab-protocol.md. Every result has "sql": the statements that op ran, in order.
//
//   start {}                 -> {version, folder, sql}: a private PostgreSQL 15 (PgLab::
//                               startPrivate), with progress sentences while it starts, and the
//                               query box's role (below).
//   connect {conninfo}       -> {version, table, sql}: an existing server (PgLab::connect).
//   insert {keys, fillfactor?} -> {inserted, sql}: a fresh table and index with the keys
//                               (bigints, at most PgLab::kMaxKeys, refused before any is sent;
//                               fillfactor 10..100).
//   read {order?}            -> {index, comparison, keys, keys_from, sql}: every page of the index
//                               (toJson(PgIndex)), and the model run on `keys` (toJson(
//                               BTreeComparison); order 3..64, default defaultOrder): the keys
//                               inserted in their order ("keys_from": "inserted"), or after a
//                               query the table's keys in the order they sit in it ("table").
//   query {sql}              -> {columns, rows, cut, tag, sql}: one statement of the student's,
//                               at most kMaxQueryRows rows back ("cut": there were more), "tag"
//                               the command tag. Limited to the scratch: on the private server
//                               it runs as the role fieldguide_student, no superuser, owner of
//                               the lab's table and of the schema "scratch" (its search path)
//                               and of nothing else; on an existing server inside a READ ONLY
//                               transaction that already took its snapshot (so it cannot be made
//                               read-write; PostgreSQL lets it write TEMP tables only, the lab's
//                               included). statement_timeout 5 s on both. Its error is
//                               PostgreSQL's own message.
//   stop {}                  -> {}: stops the private server, removes its folder.
//
// Bad arguments are a Status error naming the argument; an op before its server (insert before
// start or connect, read before insert) says what to do first.
#pragma once

#include "lab/lab_service.h"

#include <cstddef>
#include <memory>

namespace fg::lab {

class PgService : public LabService {
public:
    static constexpr std::size_t kMaxQueryRows = 200;
    static constexpr std::size_t kMaxQueryBytes = 100'000; // the query box's SQL
    static constexpr int kStatementTimeoutMs = 5000;
    // The private server's role for the query box, and its schema.
    static constexpr const char* kStudentRole = "fieldguide_student";
    static constexpr const char* kScratchSchema = "scratch";

    PgService();
    ~PgService() override;
    Status handle(std::string_view op, const nlohmann::json& args, nlohmann::json* result,
                  const Progress& progress) override;
    void stop() override;

    struct State;

private:
    std::unique_ptr<State> state_;
};

} // namespace fg::lab
