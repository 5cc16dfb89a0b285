// fieldguide lab btree|redis ...: the dispatch and the usage.
#include "lab/lab_cli.h"

#include "lab/lab_cli_detail.h"

#include <ostream>

namespace fg::lab {

std::string labUsage() {
    return "Usage: fieldguide lab btree (--keys FILE | --random N | --sequential N)\n"
           "                            [--order M] [--seed S] [--connect CONNINFO]\n"
           "       fieldguide lab redis --masters N [--replicas] < KEYS\n"
           "       fieldguide lab lsm [SCENARIO.json | -]\n"
           "       fieldguide lab kafka [SCENARIO.json | -]\n"
           "       fieldguide lab buckets [SCENARIO.json | -]\n"
           "\n"
           "Runs the same keys through a real server on this machine and through fieldguide's\n"
           "model, and prints both. The servers are the lab's own: started in a temporary\n"
           "folder, reachable only on a Unix socket in it (PostgreSQL) or on 127.0.0.1 with a\n"
           "generated password (Redis), and stopped at the end.\n"
           "\n"
           "lab btree: inserts the keys into a PostgreSQL 15 B-Tree index (Debian package\n"
           "postgresql-15), reads every page back with pageinspect, runs the B-Tree engine on\n"
           "the same keys, and prints JSON: \"real\" (the index), \"model\" and \"comparison\".\n"
           "  --keys FILE          whole numbers, one per line (- for standard input)\n"
           "  --random N           the numbers 1 to N in a random order (--seed S, default 1)\n"
           "  --sequential N       the numbers 1 to N in ascending order\n"
           "  --order M            the model's order, 3 to 64 (default: the order whose nodes\n"
           "                       hold as many keys as a real leaf does on average)\n"
           "  --connect CONNINFO   an existing server instead (a libpq connection string); it\n"
           "                       needs pageinspect and pgstattuple; only a TEMP table is made\n"
           "\n"
           "lab redis: starts a Redis Cluster of N masters (Debian package redis-server), SETs\n"
           "every key (one per line on standard input) and prints, per key,\n"
           "KEY<TAB>MODEL SLOT<TAB>REAL SLOT<TAB>MODEL OWNER<TAB>REAL OWNER (masters counted\n"
           "from 0), then \"agree: K of K slots, K of K owners\".\n"
           "  --masters N          3 to 6\n"
           "  --replicas           one replica per master\n"
           "\n"
           "lab lsm: runs an LSM scenario (engine \"lsm\", as `fieldguide run` takes) through a\n"
           "real RocksDB (embedded, in a temporary folder; Debian package librocksdb7.8) and\n"
           "through the model, and prints JSON: both trees after every flush and compaction,\n"
           "every get in each, the final trees, the bytes written, and \"comparison\". At most\n"
           "10,000 operations and 500 flushes; the first 1,000 moments are printed.\n"
           "\n"
           "lab kafka: runs a Kafka scenario (engine \"kafka\") through librdkafka's\n"
           "real producer and consumers against librdkafka's mock cluster, not Apache\n"
           "Kafka's broker (in this program, on 127.0.0.1 only; package librdkafka1), and\n"
           "through the model; prints JSON: every record's partition and offset on each\n"
           "side, both clusters after every op, and \"comparison\". At most 200 operations,\n"
           "10,000 records, 12 joins and leaves (each waits 2.5 to 3 s on the mock's\n"
           "coordinator), 64 partitions and 12 brokers.\n"
           "\n"
           "lab buckets: rolls a downsample scenario's points (engine \"downsample\") up by the\n"
           "model, by PostgreSQL's date_bin (a private PostgreSQL 15 server) and by RRDtool\n"
           "(librrd, in a temporary folder), and prints JSON: each tier's buckets in the three,\n"
           "compared bucket by bucket with a reason where they differ, the SQL and the RRD\n"
           "definition. Without PostgreSQL 15 the RRDtool part still runs. At most 1,000,000\n"
           "points over 366 days, 6 rolled-up tiers.\n"
           "\n"
           "At most 1,000,000 keys; a Redis key at most 65536 bytes.\n"
           "  --help               show this help\n";
}

int labCommand(const cli::Args& args, cli::Io io) {
    if (cli::asksForHelp(args)) {
        io.out << labUsage();
        return cli::finishOutput("lab", io);
    }
    const std::string what = args.empty() ? std::string() : args.front();
    const cli::Args rest(args.begin() + (args.empty() ? 0 : 1), args.end());
    if (what == "btree") {
        return btreeCommand(rest, io);
    }
    if (what == "redis") {
        return redisCommand(rest, io);
    }
    if (what == "lsm") {
        return lsmCommand(rest, io);
    }
    if (what == "kafka") {
        return kafkaCommand(rest, io);
    }
    if (what == "buckets") {
        return bucketsCommand(rest, io);
    }
    io.err << "fieldguide lab: "
           << (what.empty() ? std::string("which lab?") : "unknown lab \"" + what + "\"")
           << " (usage: fieldguide lab btree --random N, or fieldguide lab redis --masters N "
              "< KEYS, or fieldguide lab lsm|kafka|buckets SCENARIO.json)\n";
    return cli::kUsage;
}

} // namespace fg::lab
