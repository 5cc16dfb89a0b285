// PostgreSQL's side of the time-buckets lab: the points COPYed into a table of the private server,
// then rolled up per tier with date_bin, epoch-aligned.
#include "lab/buckets_sources.h"
#include "lab/pg_connection.h"
#include "lab/pg_lab.h"

#include <charconv>
#include <cstdio>
#include <ctime>

namespace fg::lab {

namespace {

using timeseries::Point;
using timeseries::Tier;

const char* const kDateBinOrigin = "timestamptz '1970-01-01 00:00:00+00'";

// A timestamp PostgreSQL reads exactly: "2024-10-04 00:00:05.250+00".
std::string pgIsoText(std::int64_t ms) {
    const std::time_t secs = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d.%03lld+00", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<long long>(ms % 1000));
    return buf;
}

std::string pgCopyRows(const std::vector<Point>& arrived) {
    std::string data;
    data.reserve(arrived.size() * 48);
    char value[40];
    for (std::size_t i = 0; i < arrived.size(); ++i) {
        std::snprintf(value, sizeof value, "%.17g", arrived[i].v);
        data += std::to_string(i) + '\t' + pgIsoText(arrived[i].t) + '\t' + value + '\n';
    }
    return data;
}

std::string dateBinSql(const Tier& t) {
    return "SELECT (extract(epoch FROM bucket) * 1000)::bigint AS start, count(*) AS count, "
           "avg(v ORDER BY seq) AS avg, min(v) AS min, max(v) AS max FROM (SELECT date_bin(" +
           strideSql(t.resolutionMs) + ", ts, " + kDateBinOrigin +
           ") AS bucket, seq, v FROM points) AS binned GROUP BY bucket ORDER BY bucket";
}

template <class T>
bool pgNumber(const std::optional<std::string>& text, T* out) {
    if (!text) {
        return false;
    }
    const char* end = text->data() + text->size();
    const auto [at, ec] = std::from_chars(text->data(), end, *out);
    return ec == std::errc() && at == end;
}

Status dateBinRows(const PgResult& r, BucketMap* out) {
    for (const auto& row : r.rows) {
        std::int64_t start = 0;
        BucketValues v;
        if (row.size() != 5 || !pgNumber(row[0], &start) || !pgNumber(row[1], &v.count) ||
            !pgNumber(row[2], &v.avg) || !pgNumber(row[3], &v.min) || !pgNumber(row[4], &v.max)) {
            return Status::failure("PostgreSQL", "date_bin's rollup came back in another shape");
        }
        (*out)[start] = v;
    }
    return Status::ok();
}

} // namespace

std::string strideSql(std::int64_t ms) {
    return ms % 1000 == 0 ? "interval '" + std::to_string(ms / 1000) + " seconds'"
                          : "interval '" + std::to_string(ms) + " milliseconds'";
}

namespace {

Status startDateBinServer(const QString& pgBinDir,
                          const std::function<void(const std::string&)>& progress,
                          std::unique_ptr<PgLab>* server) {
    PgLabOptions options;
    options.binDir = pgBinDir;
    options.progress = progress;
    return PgLab::startPrivate(options, server);
}

// One run's statements on `pg`: a fresh table, the points, a rollup per tier.
Status dateBinRollUpOn(PgLab& pg, const std::vector<Point>& arrived,
                       const std::vector<Tier>& rollups,
                       const std::function<void(const std::string&)>& progress,
                       DateBinRollup* out) {
    *out = DateBinRollup();
    out->version = pg.serverVersion();
    PgConnection& conn = pg.connection();
    for (const std::string& sql :
         {std::string("SET TIME ZONE 'UTC'"), std::string("DROP TABLE IF EXISTS points"),
          std::string("CREATE TABLE points (seq bigint, ts timestamptz, v double precision)")}) {
        out->sql.push_back(sql);
        if (Status s = conn.exec(sql); !s) {
            return s;
        }
    }
    if (progress) {
        progress("Loading " + std::to_string(arrived.size()) + " points into PostgreSQL...");
    }
    const std::string copy = "COPY points (seq, ts, v) FROM STDIN";
    out->sql.push_back(copy + " -- " + std::to_string(arrived.size()) + " rows");
    if (Status s = conn.copyIn(copy, pgCopyRows(arrived)); !s) {
        return s;
    }
    for (const Tier& t : rollups) {
        const std::string sql = dateBinSql(t);
        out->sql.push_back(sql);
        PgResult r;
        if (Status s = conn.exec(sql, &r); !s) {
            return s;
        }
        BucketMap m;
        if (Status s = dateBinRows(r, &m); !s) {
            return s;
        }
        out->tiers.push_back(std::move(m));
    }
    return Status::ok();
}

} // namespace

Status dateBinRollup(const std::vector<Point>& arrived, const std::vector<Tier>& rollups,
                     const QString& pgBinDir,
                     const std::function<void(const std::string&)>& progress,
                     std::unique_ptr<PgLab>* server, DateBinRollup* out) {
    const bool reused = *server != nullptr;
    if (!reused) {
        if (Status s = startDateBinServer(pgBinDir, progress, server); !s) {
            return s;
        }
    }
    Status s = dateBinRollUpOn(**server, arrived, rollups, progress, out);
    if (!s && reused) {
        // The kept server no longer answers (stopped, killed): one more try on a new one.
        server->reset();
        if (Status started = startDateBinServer(pgBinDir, progress, server); !started) {
            return started;
        }
        s = dateBinRollUpOn(**server, arrived, rollups, progress, out);
    }
    return s;
}

} // namespace fg::lab
