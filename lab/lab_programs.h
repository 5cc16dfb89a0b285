// Where the real servers' programs are, and which Debian packages to install when they are not.
// The Lab is optional at run time: without the programs the rest of the app works, and the Lab
// says which packages would bring it.
#pragma once

#include "engines/core/status.h"

#include <QString>

namespace fg::lab {

enum class LabKind { kPostgres, kRedisCluster };

struct PostgresPrograms {
    QString initdb;
    QString postgres;
    QString version; // "15.18"
};

// The PostgreSQL 15 server programs: in `binDir` when it is given, else in
// /usr/lib/postgresql/15/bin (Debian's postgresql-15), else on PATH. Another major version is
// refused (pageinspect's columns differ). A failure names what is missing and the package.
Status findPostgresPrograms(const QString& binDir, PostgresPrograms* out);

// redis-server: `path` when it is given, else on PATH (Debian's redis-server puts it in
// /usr/bin). It must be Redis 7 or later (CLUSTER SHARDS, ADDSLOTSRANGE, cluster-port).
Status findRedisServer(const QString& path, QString* out);

// True when the Lab of that kind can run here; otherwise `missing` (when given) is a sentence
// naming the Debian packages to install, such as "Install the Debian package postgresql-15
// (apt-get install postgresql-15)."
bool labAvailable(LabKind kind, QString* missing = nullptr);

} // namespace fg::lab
