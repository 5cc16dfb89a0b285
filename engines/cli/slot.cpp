// fieldguide slot [--nodes N] [KEY ...]
#include "engines/cli/key_input.h"
#include "engines/redis/key_slot.h"
#include "engines/redis/slot_ranges.h"

namespace fg::cli {

int slot(const Args& args, Io io) {
    long long nodes = 0;
    std::vector<std::string> keys;
    bool options = true;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (options && a == "--") {
            options = false;
        } else if (options && a == "--nodes") {
            if (i + 1 >= args.size() || !parseIntArg(args[i + 1], 1, redis::kSlots, nodes)) {
                io.err << "fieldguide slot: --nodes needs a number of masters from 1 to 16384"
                       << (i + 1 < args.size() ? " (got \"" + args[i + 1] + "\")" : std::string())
                       << "\n";
                return kUsage;
            }
            ++i;
        } else if (options && a.size() > 1 && a[0] == '-' && a[1] == '-') {
            io.err << "fieldguide slot: unknown option " << a
                   << " (usage: fieldguide slot [--nodes N] [KEY ...]; put -- before a key "
                      "that starts with --)\n";
            return kUsage;
        } else {
            keys.push_back(a);
        }
    }
    const std::vector<int> owner =
        nodes > 0 ? redis::clusterCreateOwners(static_cast<int>(nodes)) : std::vector<int>();
    OutBuffer out(io.out);
    CarriageReturns returns(!keys.empty());
    const Status read = forEachKey(keys, io.in, [&](std::string_view key) {
        returns.see(key);
        const int s = redis::keySlot(key);
        out.appendInt(s);
        if (!owner.empty()) {
            out.push('\t');
            out.appendInt(owner[static_cast<std::size_t>(s)]);
        }
        out.push('\n');
    });
    out.flush();
    if (!read) {
        io.err << "fieldguide slot: " << read.message() << "\n";
        return exitFor(read);
    }
    returns.report(io.err, "slot");
    return finishOutput("slot", io);
}

} // namespace fg::cli
