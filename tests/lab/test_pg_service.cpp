// PgService, the PostgreSQL lab as the helper program serves it, against a real PostgreSQL 15 (no
// mocks): start, insert, read (the index and the B+-tree model beside it), the query box's limits
// each tried (it must not reach past the lab's scratch), budgets and bad arguments refused with
// their names, and the JSON the app reads back (fromJson) equal to what was written.
#include "lab/btree_compare.h"
#include "lab/pg_lab.h"
#include "lab/pg_service.h"
#include "tests/lab/lab_test_support.h"
#include "tests/suite_main.h"

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

std::vector<std::int64_t> numbers(int n, bool shuffled) {
    std::vector<std::int64_t> keys;
    for (int i = 1; i <= n; ++i) {
        keys.push_back(shuffled ? (i * 7919LL) % 100003 : i);
    }
    return keys;
}

} // namespace

class TestPgService : public QObject {
    Q_OBJECT

    fg::lab::PgService service_;
    std::vector<std::string> progress_;

    fg::Status call(const char* op, const json& args, json* result) {
        return service_.handle(op, args, result,
                               [this](const std::string& s) { progress_.push_back(s); });
    }
    json ok(const char* op, const json& args = json::object()) {
        json result;
        const fg::Status s = call(op, args, &result);
        if (!s) {
            qWarning("%s: %s", op, s.message().c_str());
        }
        return s ? result : json();
    }
    // The student's statement's error, or "" when it ran.
    std::string queryError(const std::string& sql) {
        json result;
        const fg::Status s = call("query", {{"sql", sql}}, &result);
        return s ? std::string() : s.message();
    }

private slots:
    void initTestCase() {
        FG_REQUIRE_LAB(fg::lab::LabKind::kPostgres);
        const json started = ok("start");
        QVERIFY(started.contains("version"));
        QVERIFY(started["version"].get<std::string>().rfind("15.", 0) == 0);
        QVERIFY(QDir(QString::fromStdString(started["folder"].get<std::string>())).exists());
        // Progress while it started, in the order it happened.
        const auto at = [this](const std::string& s) {
            return std::find(progress_.begin(), progress_.end(), s) - progress_.begin();
        };
        QVERIFY(at("Creating a database folder (initdb)...") <
                at("Adding the extensions pageinspect and pgstattuple..."));
        QVERIFY(std::any_of(progress_.begin(), progress_.end(), [](const std::string& s) {
            return s.rfind("Starting PostgreSQL 15.", 0) == 0;
        }));
    }
    void cleanupTestCase() {
        service_.stop();
        QVERIFY(fg::lab::test::foldersOwnedByMe().isEmpty()); // the folder is gone
    }

    void insertThenReadGivesTheIndexAndTheBPlusModel() {
        const json in = ok("insert", {{"keys", numbers(3000, true)}});
        QCOMPARE(in["inserted"].get<int>(), 3000);
        QVERIFY(in["sql"].dump().find("COPY fieldguide_lab") != std::string::npos);
        const json r = ok("read");
        QCOMPARE(r["keys_from"].get<std::string>(), std::string("inserted"));
        QCOMPARE(r["keys"].size(), std::size_t{3000});
        fg::lab::PgIndex index;
        QVERIFY(fg::lab::fromJson(r["index"], &index));
        QCOMPARE(index.leafKeys(), std::int64_t{3000});
        fg::lab::BTreeComparison c;
        const fg::Status s = fg::lab::fromJson(r["comparison"], &c);
        QVERIFY2(s, s.message().c_str());
        QCOMPARE(r["comparison"]["model"]["variant"].get<std::string>(), std::string("bplus"));
        QCOMPARE(r["comparison"]["model"]["rightmost_fill"].get<int>(), 90);
        QCOMPARE(c.model.order, 64);
        QCOMPARE(c.model.leafKeys, std::int64_t{3000}); // a B+-tree: every key in a leaf
        QCOMPARE(c.rows.size(), std::size_t{8});
        for (const auto& row : c.rows) {
            QCOMPARE(row.why.empty(), row.agree);
        }
        QVERIFY(c.rows[3].agree); // keys in leaves: every key, both
        QVERIFY(r["sql"].dump().find("bt_page_items") != std::string::npos);
    }

    void theJsonReadsBackAsWritten() {
        ok("insert", {{"keys", numbers(2000, false)}});
        const json r = ok("read");
        fg::lab::PgIndex index;
        QVERIFY(fg::lab::fromJson(r["index"], &index));
        QVERIFY(fg::lab::toJson(index) == r["index"]);
        fg::lab::BTreeComparison c;
        QVERIFY(fg::lab::fromJson(r["comparison"], &c));
        QVERIFY(fg::lab::toJson(c) == r["comparison"]);
        QVERIFY(index.pages.size() > 3);
        QVERIFY(index.pages[0].highKey || index.pages[0].rightmost());
        // A field missing or mistyped is named, not thrown.
        json broken = r["index"];
        broken["pages"][1]["keys"] = "many";
        const fg::Status bad = fg::lab::fromJson(broken, &index);
        QVERIFY(!bad);
        QVERIFY2(bad.message().find("/pages/1/") != std::string::npos, bad.message().c_str());
        QVERIFY(!fg::lab::fromJson(json::array(), &c));
        QVERIFY(!fg::lab::fromJson(json{{"model", {{"order", 2}}}}, &c));
    }

    void aQueryRunsAndTheNextReadTakesTheTablesKeys() {
        ok("insert", {{"keys", numbers(500, false)}});
        json q = ok("query", {{"sql", "DELETE FROM fieldguide_lab WHERE k > 400"}});
        QCOMPARE(q["tag"].get<std::string>(), std::string("DELETE 100"));
        q = ok("query", {{"sql", "INSERT INTO fieldguide_lab SELECT generate_series(1001, 1010)"}});
        QCOMPARE(q["tag"].get<std::string>(), std::string("INSERT 0 10"));
        q = ok("query",
               {{"sql", "SELECT k, k * 2 AS twice FROM fieldguide_lab ORDER BY k LIMIT 3"}});
        QVERIFY(q["columns"] == json({"k", "twice"}));
        QCOMPARE(q["rows"].dump(), std::string(R"([["1","2"],["2","4"],["3","6"]])"));
        QVERIFY(!q["cut"].get<bool>());
        const json r = ok("read");
        QCOMPARE(r["keys_from"].get<std::string>(), std::string("table"));
        QCOMPARE(r["keys"].size(), std::size_t{410});
        QCOMPARE(r["keys"].back().get<int>(), 1010);
        // The deleted rows' entries are still in the index (no VACUUM): the row says so.
        fg::lab::BTreeComparison c;
        QVERIFY(fg::lab::fromJson(r["comparison"], &c));
        QVERIFY(!c.rows[3].agree);
        QVERIFY2(c.rows[3].why.find("VACUUM") != std::string::npos, c.rows[3].why.c_str());
    }

    void aLongResultIsCutAt200Rows() {
        const json q = ok("query", {{"sql", "SELECT generate_series(1, 100000000)"}});
        QCOMPARE(q["rows"].size(), std::size_t{200});
        QVERIFY(q["cut"].get<bool>());
        QVERIFY(ok("query", {{"sql", "SELECT 1"}})["rows"] == json({{"1"}})); // still usable
    }

    // Each way out of the scratch, tried: PostgreSQL refuses it in its own words.
    void theQueryBoxCannotLeaveTheScratch_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("said");
        QTest::newRow("create in public") << "CREATE TABLE public.x (a int)"
                                          << "permission denied for schema public";
        QTest::newRow("drop a catalog") << "DROP TABLE pg_class"
                                        << "must be owner";
        QTest::newRow("write the catalog") << "UPDATE pg_authid SET rolsuper = true"
                                           << "permission denied";
        QTest::newRow("become the superuser") << "SET ROLE fieldguide"
                                              << "permission denied";
        QTest::newRow("session authorization") << "SET SESSION AUTHORIZATION fieldguide"
                                               << "permission denied";
        QTest::newRow("write a file") << "COPY fieldguide_lab TO '/tmp/fieldguide-x'"
                                      << "pg_write_server_files";
        QTest::newRow("read a file") << "COPY fieldguide_lab FROM '/etc/passwd'"
                                     << "pg_read_server_files";
        QTest::newRow("two statements") << "SELECT 1; DROP TABLE fieldguide_lab"
                                        << "cannot insert multiple commands";
        QTest::newRow("read the index's pages") << "SELECT * FROM bt_metap('fieldguide_lab_k')"
                                                << "superuser";
        QTest::newRow("a new database") << "CREATE DATABASE x"
                                        << "permission denied";
        QTest::newRow("copy to the client") << "COPY fieldguide_lab TO STDOUT"
                                            << "COPY";
        QTest::newRow("too long") << "SELECT pg_sleep(10)"
                                  << "statement timeout";
    }
    void theQueryBoxCannotLeaveTheScratch() {
        QFETCH(QString, sql);
        QFETCH(QString, said);
        ok("insert", {{"keys", numbers(50, false)}});
        const std::string error = queryError(sql.toStdString());
        QVERIFY2(error.find(said.toStdString()) != std::string::npos, error.c_str());
        // The lab still reads its index.
        QCOMPARE(ok("read")["keys"].size(), std::size_t{50});
    }

    void theScratchSchemaTakesWhatTheStudentMakes() {
        QCOMPARE(queryError("CREATE TABLE notes (a int)"), std::string());
        const json where =
            ok("query", {{"sql", "SELECT schemaname FROM pg_tables WHERE tablename = 'notes'"}});
        QVERIFY(where["rows"] == json({{"scratch"}}));
        QCOMPARE(queryError("DROP TABLE notes"), std::string());
    }

    void aSetOfTheLastQueryIsUndone() {
        QCOMPARE(queryError("SET statement_timeout = 0"), std::string());
        QVERIFY(queryError("SELECT pg_sleep(10)").find("statement timeout") != std::string::npos);
    }

    void budgetsAndBadArgumentsAreNamed_data() {
        QTest::addColumn<QString>("op");
        QTest::addColumn<QByteArray>("args");
        QTest::addColumn<QString>("said");
        QTest::newRow("keys not an array") << "insert" << QByteArray(R"({"keys": 5})") << "keys";
        QTest::newRow("a key not a number")
            << "insert" << QByteArray(R"({"keys": [1, "two"]})") << "keys/1";
        QTest::newRow("fillfactor 5")
            << "insert" << QByteArray(R"({"keys": [1], "fillfactor": 5})") << "10 to 100";
        QTest::newRow("order 2") << "read" << QByteArray(R"({"order": 2})") << "3 to 64";
        QTest::newRow("no sql") << "query" << QByteArray("{}") << "sql";
        QTest::newRow("empty sql") << "query" << QByteArray(R"({"sql": " ; "})") << "empty";
        QTest::newRow("no conninfo") << "connect" << QByteArray("{}") << "conninfo";
        QTest::newRow("unknown op") << "drop" << QByteArray("{}") << "pg.drop";
        QTest::newRow("start twice") << "start" << QByteArray("{}") << "already running";
    }
    void budgetsAndBadArgumentsAreNamed() {
        QFETCH(QString, op);
        QFETCH(QByteArray, args);
        QFETCH(QString, said);
        json result;
        const fg::Status s =
            call(op.toUtf8().constData(), json::parse(args.toStdString()), &result);
        QVERIFY(!s);
        QVERIFY2(s.message().find(said.toStdString()) != std::string::npos, s.message().c_str());
    }

    void aMillionAndOneKeysAreRefusedUpFront() {
        const json keys(std::vector<std::int64_t>(1'000'001, 1));
        json result;
        const fg::Status s = call("insert", {{"keys", keys}}, &result);
        QVERIFY(!s);
        QVERIFY2(s.message().find("at most 1,000,000") != std::string::npos, s.message().c_str());
        json big(std::string(100'001, ' '));
        QVERIFY(!call("query", {{"sql", "SELECT 1" + big.get<std::string>()}}, &result));
    }

    void anExistingServerRunsTheQueryReadOnly() {
        ok("insert", {{"keys", numbers(10, false)}});
        fg::lab::PgService visitor;
        const auto vcall = [&](const char* op, const json& args, json* out) {
            return visitor.handle(op, args, out, {});
        };
        json r;
        const std::string conninfo = "host=" + privateFolder() + " user=fieldguide dbname=postgres";
        QVERIFY(vcall("connect", {{"conninfo", conninfo}}, &r));
        QCOMPARE(r["table"].get<std::string>(), std::string("pg_temp.fieldguide_lab"));
        QVERIFY(vcall("insert", {{"keys", numbers(100, false)}}, &r));
        // Its TEMP table may be written, in the lab's own session...
        QVERIFY(vcall("query", {{"sql", "DELETE FROM pg_temp.fieldguide_lab WHERE k > 50"}}, &r));
        QCOMPARE(r["tag"].get<std::string>(), std::string("DELETE 50"));
        // ...nothing else, not even by asking for a read-write transaction.
        for (const char* sql : {"CREATE TABLE public.y (a int)",
                                "DELETE FROM public.fieldguide_lab", "SET TRANSACTION READ WRITE",
                                "SELECT set_config('transaction_read_only', 'off', true)"}) {
            const fg::Status s = vcall("query", {{"sql", sql}}, &r);
            QVERIFY2(!s, sql);
            QVERIFY2(s.message().find("read-only") != std::string::npos ||
                         s.message().find("read-write") != std::string::npos,
                     s.message().c_str());
        }
        QVERIFY(vcall("read", json::object(), &r));
        QCOMPARE(r["keys"].size(), std::size_t{50});
        QCOMPARE(r["keys_from"].get<std::string>(), std::string("table"));
        // The private server's own table was not touched.
        QCOMPARE(ok("read")["keys"].size(), std::size_t{10});
    }

private:
    std::string privateFolder() {
        const QStringList mine = fg::lab::test::foldersOwnedByMe();
        return mine.isEmpty() ? std::string("/nonexistent") : mine.front().toStdString();
    }
};

FG_TEST_GUILESS_MAIN(TestPgService)
#include "test_pg_service.moc"
