// fieldguide lab btree (--keys FILE | --random N | --sequential N) [--order M] [--seed S]
//                      [--connect CONNINFO]
#include "engines/btree/btree_params.h"
#include "engines/cli/key_input.h"
#include "engines/core/rng.h"
#include "lab/btree_compare.h"
#include "lab/lab_cli_detail.h"
#include "lab/lab_folder.h"
#include "lab/lab_input.h"
#include "lab/pg_lab.h"

#include <charconv>
#include <climits>
#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>

namespace fg::lab {

namespace {

const char* const kUsageLine =
    "usage: fieldguide lab btree (--keys FILE | --random N | --sequential N) [--order M] "
    "[--seed S] [--connect CONNINFO]";

struct BtreeArgs {
    std::string keysFile;
    long long random = 0, sequential = 0, order = 0, seed = 1;
    std::string conninfo;
};

int btreeUsage(cli::Io io, const std::string& what) {
    io.err << "fieldguide lab btree: " << what << " (" << kUsageLine << ")\n";
    return cli::kUsage;
}

// Fills `a`; an empty string when the arguments are good, else what is wrong.
std::string parseArgs(const cli::Args& args, BtreeArgs& a) {
    const std::string limit = std::to_string(kMaxLabKeys);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& o = args[i];
        if (o != "--keys" && o != "--random" && o != "--sequential" && o != "--order" &&
            o != "--seed" && o != "--connect") {
            return "unknown argument " + o;
        }
        if (i + 1 >= args.size()) {
            return o + " needs a value";
        }
        const std::string& v = args[++i];
        const bool ok = o == "--keys"         ? (a.keysFile = v, !v.empty())
                        : o == "--connect"    ? (a.conninfo = v, true)
                        : o == "--random"     ? cli::parseIntArg(v, 1, kMaxLabKeys, a.random)
                        : o == "--sequential" ? cli::parseIntArg(v, 1, kMaxLabKeys, a.sequential)
                        : o == "--order"      ? cli::parseIntArg(v, btree::Params::kMinOrder,
                                                                 btree::Params::kMaxOrder, a.order)
                                              : cli::parseIntArg(v, 0, LLONG_MAX, a.seed);
        if (!ok) {
            return o == "--order"  ? "--order is 3 to 64 (got \"" + v + "\")"
                   : o == "--seed" ? "--seed is a whole number from 0 (got \"" + v + "\")"
                   : o == "--keys" ? std::string("--keys needs a file name (- for standard input)")
                                   : o + " is a number of keys from 1 to " + limit +
                                         ", the Lab's limit (got \"" + v + "\")";
        }
    }
    const int sources = (a.keysFile.empty() ? 0 : 1) + (a.random ? 1 : 0) + (a.sequential ? 1 : 0);
    return sources == 1 ? std::string() : "give one of --keys, --random or --sequential";
}

Status readKeyFile(const std::string& file, std::istream& stdinStream,
                   std::vector<std::int64_t>* keys) {
    std::ifstream opened;
    if (file != "-") {
        opened.open(file, std::ios::binary);
        if (!opened) {
            return Status::failure(file, "cannot be opened");
        }
    }
    std::istream& in = file == "-" ? stdinStream : opened;
    const std::string source = file == "-" ? "standard input" : file;
    return readLines(in, source, 64, kMaxLabKeys, "the Lab takes at most 1,000,000 keys",
                     [&](std::string_view line, std::int64_t n) {
                         while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
                             line.remove_suffix(1);
                         }
                         while (!line.empty() && line.front() == ' ') {
                             line.remove_prefix(1);
                         }
                         if (line.empty()) {
                             return Status::ok();
                         }
                         std::int64_t k = 0;
                         const auto [end, ec] =
                             std::from_chars(line.data(), line.data() + line.size(), k);
                         if (ec != std::errc() || end != line.data() + line.size()) {
                             return Status::error(source + ":" + std::to_string(n),
                                                  "expected a whole number (a bigint), got \"" +
                                                      std::string(line) + "\"");
                         }
                         keys->push_back(k);
                         return Status::ok();
                     });
}

// The numbers 1..n, in order or shuffled by Fisher-Yates with Rng(seed) (one draw per place).
std::vector<std::int64_t> numbers(long long n, bool shuffle, long long seed) {
    std::vector<std::int64_t> keys(static_cast<std::size_t>(n));
    for (long long i = 0; i < n; ++i) {
        keys[static_cast<std::size_t>(i)] = i + 1;
    }
    Rng rng(static_cast<std::uint64_t>(seed));
    for (long long i = n - 1; shuffle && i > 0; --i) {
        std::swap(keys[static_cast<std::size_t>(i)],
                  keys[static_cast<std::size_t>(rng.uniform(0, i))]);
    }
    return keys;
}

nlohmann::json sourceJson(const BtreeArgs& a, std::size_t keys) {
    nlohmann::json j = {{"keys", keys}};
    if (a.random) {
        j["from"] = "random";
        j["seed"] = a.seed;
    } else if (a.sequential) {
        j["from"] = "sequential";
    } else {
        j["from"] = a.keysFile == "-" ? "standard input" : a.keysFile;
    }
    return j;
}

// Starts (or connects to) the server, inserts the keys, reads the index back: exit 1 and why on
// any failure of the server.
int runReal(const BtreeArgs& a, std::span<const std::int64_t> keys, cli::Io io, nlohmann::json& out,
            PgIndex& index) {
    std::unique_ptr<PgLab> lab;
    Status s =
        a.conninfo.empty() ? PgLab::startPrivate({}, &lab) : PgLab::connect(a.conninfo, &lab);
    if (s) {
        s = lab->insertKeys(keys);
    }
    if (s) {
        s = lab->readIndex(&index);
    }
    if (!s) {
        io.err << "fieldguide lab btree: " << s.message() << "\n";
        return cli::kRuntime;
    }
    out["server"] = {
        {"version", lab->serverVersion()}, {"private", lab->isPrivate()}, {"sql", lab->sqlRun()}};
    return cli::kOk;
}

} // namespace

int btreeCommand(const cli::Args& args, cli::Io io) {
    BtreeArgs a;
    if (const std::string bad = parseArgs(args, a); !bad.empty()) {
        return btreeUsage(io, bad);
    }
    std::vector<std::int64_t> keys;
    if (!a.keysFile.empty()) {
        if (Status s = readKeyFile(a.keysFile, io.in, &keys); !s) {
            io.err << "fieldguide lab btree: " << s.message() << "\n";
            return cli::exitFor(s);
        }
    } else {
        keys = numbers(a.random ? a.random : a.sequential, a.random != 0, a.seed);
    }
    cleanStaleLabFolders();
    nlohmann::json out = {{"source", sourceJson(a, keys.size())}};
    PgIndex index;
    if (const int status = runReal(a, keys, io, out, index); status != cli::kOk) {
        return status;
    }
    const BTreeComparison c = compareWithModel(
        index, keys, a.order ? std::optional<int>(static_cast<int>(a.order)) : std::nullopt);
    nlohmann::json compared = toJson(c);
    out["real"] = toJson(index);
    out["model"] = std::move(compared["model"]);
    out["comparison"] = std::move(compared["comparison"]);
    io.out << out.dump(2) << "\n";
    return cli::finishOutput("lab btree", io);
}

} // namespace fg::lab
