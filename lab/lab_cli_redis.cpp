// fieldguide lab redis --masters N [--replicas] < KEYS
#include "engines/cli/key_input.h"
#include "engines/redis/key_slot.h"
#include "engines/redis/slot_ranges.h"
#include "lab/lab_cli_detail.h"
#include "lab/lab_folder.h"
#include "lab/lab_input.h"
#include "lab/redis_lab.h"

#include <ostream>

namespace fg::lab {

namespace {

// The longest key `lab redis` takes: far below Redis's 512 MB, as a million keys are held in
// memory and sent; a longer line is surely not a key.
constexpr std::size_t kMaxLabKeyBytes = 65536;

int redisUsage(cli::Io io, const std::string& what) {
    io.err << "fieldguide lab redis: " << what
           << " (usage: fieldguide lab redis --masters N [--replicas] < KEYS)\n";
    return cli::kUsage;
}

int redisFailed(cli::Io io, const Status& s) {
    io.err << "fieldguide lab redis: " << s.message() << "\n";
    return cli::kRuntime;
}

// Prints a line per key and the summary of agreement.
void printKeys(const std::vector<std::string>& keys, const std::vector<int>& realSlots,
               const std::vector<int>& servedBy, int masters, cli::Io io) {
    const std::vector<int> modelOwner = redis::clusterCreateOwners(masters);
    cli::OutBuffer out(io.out);
    std::size_t slotsAgree = 0, ownersAgree = 0;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const int slot = redis::keySlot(keys[i]);
        const int owner = modelOwner[static_cast<std::size_t>(slot)];
        slotsAgree += slot == realSlots[i] ? 1 : 0;
        ownersAgree += owner == servedBy[i] ? 1 : 0;
        out.append(keys[i]);
        for (const int v : {slot, realSlots[i], owner, servedBy[i]}) {
            out.push('\t');
            out.appendInt(v);
        }
        out.push('\n');
    }
    const std::string n = std::to_string(keys.size());
    out.append("agree: " + std::to_string(slotsAgree) + " of " + n + " slots, " +
               std::to_string(ownersAgree) + " of " + n + " owners\n");
}

} // namespace

int redisCommand(const cli::Args& args, cli::Io io) {
    long long masters = 0;
    bool replicas = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--replicas") {
            replicas = true;
        } else if (args[i] == "--masters") {
            if (i + 1 >= args.size() || !cli::parseIntArg(args[i + 1], RedisLab::kMinMasters,
                                                          RedisLab::kMaxMasters, masters)) {
                return redisUsage(io, "--masters needs a number of masters from 3 to 6");
            }
            ++i;
        } else {
            return redisUsage(io, "unknown argument " + args[i]);
        }
    }
    if (masters == 0) {
        return redisUsage(io, "--masters is required");
    }
    std::vector<std::string> keys;
    const Status read =
        readLines(io.in, "standard input", kMaxLabKeyBytes, kMaxLabKeys,
                  "the Lab takes at most 1,000,000 keys of at most 65536 bytes each",
                  [&](std::string_view key, std::int64_t) {
                      keys.emplace_back(key);
                      return Status::ok();
                  });
    if (!read) {
        io.err << "fieldguide lab redis: " << read.message() << "\n";
        return cli::exitFor(read);
    }
    cleanStaleLabFolders();
    RedisLabOptions options;
    options.masters = static_cast<int>(masters);
    options.replicas = replicas;
    std::unique_ptr<RedisLab> lab;
    std::vector<int> servedBy, realSlots;
    Status s = RedisLab::start(options, &lab);
    s = s ? lab->sendKeys(keys, &servedBy) : s;
    s = s ? lab->keySlots(keys, &realSlots) : s;
    if (!s) {
        return redisFailed(io, s);
    }
    lab.reset(); // the servers stop before the output is written
    printKeys(keys, realSlots, servedBy, options.masters, io);
    return cli::finishOutput("lab redis", io);
}

} // namespace fg::lab
