#include "lab/pg_service.h"

#include "lab/btree_compare.h"
#include "lab/lab_folder.h"
#include "lab/pg_service_state.h"
#include "lab/stop_request.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace fg::lab {

namespace {

std::string studentConninfo(const QString& folder) {
    return "host=" + quoteConnValue(folder.toStdString()) +
           " port=5432 user=" + PgService::kStudentRole + " dbname=postgres connect_timeout=5";
}

Status needServer(const PgService::State& s) {
    return s.lab ? Status::ok()
                 : Status::error("server", "no server yet: start one (pg.start) or connect to "
                                           "one (pg.connect) first");
}

// The query box's role on a private server: no superuser, a schema of its own first on its
// search path, the right to connect and nothing more (PostgreSQL 15 gives PUBLIC no CREATE on the
// schema public). It is given the lab's table after each insert.
Status makeStudent(PgService::State& s) {
    const std::string role = PgService::kStudentRole;
    for (const std::string& sql :
         {"CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION",
          "CREATE SCHEMA " + std::string(PgService::kScratchSchema) + " AUTHORIZATION " + role,
          "ALTER ROLE " + role + " SET search_path = " + PgService::kScratchSchema + ", public",
          "ALTER ROLE " + role + " SET statement_timeout = '" +
              std::to_string(PgService::kStatementTimeoutMs / 1000) + "s'"}) {
        if (Status st = s.exec(s.lab->connection(), sql); !st) {
            return st;
        }
    }
    return PgConnection::open(studentConninfo(s.lab->folder()), &s.student);
}

Status start(PgService::State& s, nlohmann::json* result, const Progress& progress) {
    if (s.lab) {
        return Status::error("pg.start", "a server is already running: stop it first (pg.stop)");
    }
    cleanStaleLabFolders();
    PgLabOptions options;
    options.progress = progress;
    if (Status st = PgLab::startPrivate(options, &s.lab); !st) {
        return st;
    }
    if (progress) {
        progress("Making the role for the query box...");
    }
    if (Status st = makeStudent(s); !st) {
        s.lab.reset();
        s.student.reset();
        return st;
    }
    *result = {{"version", s.lab->serverVersion()}, {"folder", s.lab->folder().toStdString()}};
    return Status::ok();
}

Status connect(PgService::State& s, const nlohmann::json& args, nlohmann::json* result) {
    const auto it = args.find("conninfo");
    if (it == args.end() || !it->is_string() || it->get<std::string>().empty()) {
        return Status::error("conninfo", "a connection string is needed, such as "
                                         "\"host=/var/run/postgresql dbname=shop\"");
    }
    if (s.lab) {
        return Status::error("pg.connect", "a server is already in use: stop it first (pg.stop)");
    }
    if (Status st = PgLab::connect(it->get<std::string>(), &s.lab); !st) {
        return st;
    }
    *result = {{"version", s.lab->serverVersion()}, {"table", s.lab->tableName()}};
    return Status::ok();
}

// The "keys" argument: an array of at most kMaxKeys whole numbers, counted before any is read.
Status keysArg(const nlohmann::json& args, std::vector<std::int64_t>* keys) {
    const auto it = args.find("keys");
    if (it == args.end() || !it->is_array()) {
        return Status::error("keys", "an array of whole numbers (bigints) is needed");
    }
    if (static_cast<std::int64_t>(it->size()) > PgLab::kMaxKeys) {
        return Status::error("keys", std::to_string(it->size()) +
                                         " keys: the Lab inserts at most 1,000,000");
    }
    keys->reserve(it->size());
    for (std::size_t i = 0; i < it->size(); ++i) {
        const nlohmann::json& k = (*it)[i];
        if (!k.is_number_integer()) {
            return Status::error("keys/" + std::to_string(i),
                                 "expected a whole number (a bigint), got " + k.dump());
        }
        keys->push_back(k.get<std::int64_t>());
    }
    return Status::ok();
}

Status insert(PgService::State& s, const nlohmann::json& args, nlohmann::json* result) {
    std::vector<std::int64_t> keys;
    if (Status st = keysArg(args, &keys); !st) {
        return st;
    }
    std::optional<int> fillfactor;
    if (const auto it = args.find("fillfactor"); it != args.end()) {
        if (!it->is_number_integer() || it->get<long long>() < 10 || it->get<long long>() > 100) {
            return Status::error("fillfactor", "a B-Tree index's fillfactor is 10 to 100");
        }
        fillfactor = it->get<int>();
    }
    if (Status st = needServer(s); !st) {
        return st;
    }
    s.inserted = false;
    if (Status st = s.lab->insertKeys(keys, fillfactor); !st) {
        return st;
    }
    if (s.lab->isPrivate()) {
        // The query box's role may then change the table and its index, and nothing else.
        const std::string give =
            "ALTER TABLE " + s.lab->tableName() + " OWNER TO " + PgService::kStudentRole;
        if (Status st = s.exec(s.lab->connection(), give); !st) {
            return st;
        }
    }
    s.inserted = true;
    s.keys = std::move(keys);
    s.keysFromTable = false;
    *result = {{"inserted", s.keys.size()}};
    return Status::ok();
}

// The table's keys in the order they sit in it (by ctid), NULLs left out: the model's keys after
// the student's SQL changed the table.
Status tableKeys(PgService::State& s, std::vector<std::int64_t>* keys) {
    PgResult r;
    if (Status st = s.exec(s.lab->connection(),
                           "SELECT k FROM " + s.lab->tableName() +
                               " WHERE k IS NOT NULL ORDER BY ctid LIMIT " +
                               std::to_string(PgLab::kMaxKeys + 1),
                           &r);
        !st) {
        return st;
    }
    if (static_cast<std::int64_t>(r.rows.size()) > PgLab::kMaxKeys) {
        return Status::error("table", "the table holds more than 1,000,000 keys, the most the "
                                      "model takes");
    }
    keys->clear();
    for (const auto& row : r.rows) {
        std::int64_t k = 0;
        const std::string& text = *row[0];
        std::from_chars(text.data(), text.data() + text.size(), k);
        keys->push_back(k);
    }
    return Status::ok();
}

Status read(PgService::State& s, const nlohmann::json& args, nlohmann::json* result,
            const Progress& progress) {
    std::optional<int> order;
    if (const auto it = args.find("order"); it != args.end() && !it->is_null()) {
        if (!it->is_number_integer() || it->get<long long>() < btree::Params::kMinOrder ||
            it->get<long long>() > btree::Params::kMaxOrder) {
            return Status::error("order", "the model's order is 3 to 64");
        }
        order = it->get<int>();
    }
    if (Status st = needServer(s); !st) {
        return st;
    }
    if (!s.inserted) {
        return Status::error("index", "no keys were inserted yet: insert some (pg.insert) first");
    }
    if (progress) {
        // The app shows it while the pages are read (seconds for a million keys); a quit
        // signal from here on ends the read with kStoppedSentence.
        progress("Reading every page of the index...");
    }
    PgIndex index;
    if (Status st = s.lab->readIndex(&index); !st) {
        return st;
    }
    if (s.keysFromTable) {
        if (Status st = tableKeys(s, &s.keys); !st) {
            return st;
        }
    }
    if (stopRequested()) {
        return Status::failure("index", kStoppedSentence);
    }
    const BTreeComparison c = compareWithModel(index, s.keys, order);
    *result = {{"index", toJson(index)},
               {"comparison", toJson(c)},
               {"keys", s.keys},
               {"keys_from", s.keysFromTable ? "table" : "inserted"}};
    return Status::ok();
}

// The protocol's errors are sentences ending with a full stop (PostgreSQL's own messages of
// several lines, with the statement and a caret under it, are left as they are).
Status asSentence(Status st) {
    const std::string& what = st.what();
    if (st || what.empty() || what.find('\n') != std::string::npos ||
        std::string(".!?").find(what.back()) != std::string::npos) {
        return st;
    }
    return st.isFailure() ? Status::failure(st.where(), what + ".")
                          : Status::error(st.where(), what + ".");
}

} // namespace

PgService::PgService() : state_(std::make_unique<State>()) {}
PgService::~PgService() {
    stop();
}

Status PgService::handle(std::string_view op, const nlohmann::json& args, nlohmann::json* result,
                         const Progress& progress) {
    State& s = *state_;
    s.sql.clear();
    *result = nlohmann::json::object();
    Status st = op == "start"     ? start(s, result, progress)
                : op == "connect" ? connect(s, args, result)
                : op == "insert"  ? insert(s, args, result)
                : op == "read"    ? read(s, args, result, progress)
                : op == "query"   ? queryOp(s, args, result)
                : op == "stop"    ? (stop(), Status::ok())
                                  : Status::error("pg." + std::string(op),
                                                  "the PostgreSQL lab has no such operation");
    s.collect();
    if (st && op != "stop") {
        (*result)["sql"] = s.sql;
    }
    return asSentence(std::move(st));
}

void PgService::stop() {
    State& s = *state_;
    s.student.reset();
    s.lab.reset(); // stops a private server and removes its folder
    s.keys.clear();
    s.inserted = s.keysFromTable = false;
    s.sqlSeen = 0;
}

} // namespace fg::lab
