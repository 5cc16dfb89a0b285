// fieldguide partition --partitions N [KEY ...]
#include "engines/cli/key_input.h"
#include "engines/kafka/murmur2.h"

namespace fg::cli {

int partition(const Args& args, Io io) {
    long long partitions = 0;
    std::vector<std::string> keys;
    bool options = true;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (options && a == "--") {
            options = false;
        } else if (options && a == "--partitions") {
            if (i + 1 >= args.size() || !parseIntArg(args[i + 1], 1, 1'000'000, partitions)) {
                io.err << "fieldguide partition: --partitions needs a number from 1 to 1000000"
                       << (i + 1 < args.size() ? " (got \"" + args[i + 1] + "\")" : std::string())
                       << "\n";
                return kUsage;
            }
            ++i;
        } else if (options && a.size() > 1 && a[0] == '-' && a[1] == '-') {
            io.err << "fieldguide partition: unknown option " << a
                   << " (usage: fieldguide partition --partitions N [KEY ...])\n";
            return kUsage;
        } else {
            keys.push_back(a);
        }
    }
    if (partitions == 0) {
        io.err << "fieldguide partition: --partitions N is required (usage: fieldguide partition "
                  "--partitions N [KEY ...])\n";
        return kUsage;
    }
    const int n = static_cast<int>(partitions);
    OutBuffer out(io.out);
    CarriageReturns returns(!keys.empty());
    const Status read = forEachKey(keys, io.in, [&](std::string_view key) {
        returns.see(key);
        out.appendInt(kafka::partitionForKey(key, n));
        out.push('\n');
    });
    out.flush();
    if (!read) {
        io.err << "fieldguide partition: " << read.message() << "\n";
        return exitFor(read);
    }
    returns.report(io.err, "partition");
    return finishOutput("partition", io);
}

} // namespace fg::cli
