// fieldguide practice --engine ENGINE --type TYPE --seed N --count K [--level easy|medium|hard]
// fieldguide practice --list
#include "engines/practice/practice.h"

#include "engines/cli/key_input.h"

#include <climits>
#include <set>

namespace fg::cli {

namespace {

constexpr long long kMaxCount = 100'000;
constexpr const char* kUsageLine =
    "usage: fieldguide practice --engine ENGINE --type TYPE --seed N --count K "
    "[--level easy|medium|hard], or --list";

int usageError(Io io, const std::string& what) {
    io.err << "fieldguide practice: " << what << " (" << kUsageLine << ")\n";
    return kUsage;
}

std::string typesOf(const std::string& engine) {
    std::string out;
    for (const auto& t : practice::exerciseTypes()) {
        if (engine == t.engine) {
            out += (out.empty() ? "" : ", ") + std::string(t.type);
        }
    }
    return out;
}

std::string engines() {
    std::set<std::string> seen;
    std::string out;
    for (const auto& t : practice::exerciseTypes()) {
        if (seen.insert(t.engine).second) {
            out += (out.empty() ? "" : ", ") + std::string(t.engine);
        }
    }
    return out;
}

} // namespace

int practiceCommand(const Args& args, Io io) {
    std::string engine, type, level = "medium";
    long long seed = -1, count = 0;
    bool list = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool hasValue = i + 1 < args.size();
        if (a == "--list") {
            list = true;
        } else if (a == "--engine" || a == "--type" || a == "--level") {
            if (!hasValue) {
                return usageError(io, a + " needs a value");
            }
            (a == "--engine" ? engine : a == "--type" ? type : level) = args[++i];
        } else if (a == "--seed") {
            if (!hasValue || !parseIntArg(args[i + 1], 0, LLONG_MAX, seed)) {
                return usageError(io, "--seed needs a whole number from 0 to " +
                                          std::to_string(LLONG_MAX));
            }
            ++i;
        } else if (a == "--count") {
            if (!hasValue || !parseIntArg(args[i + 1], 1, kMaxCount, count)) {
                return usageError(io, "--count needs a number of exercises from 1 to " +
                                          std::to_string(kMaxCount));
            }
            ++i;
        } else {
            return usageError(io, "unknown argument " + a);
        }
    }
    if (list) {
        for (const auto& t : practice::exerciseTypes()) {
            std::string line = std::string(t.engine) + ' ' + t.type;
            line.resize(std::max<std::size_t>(line.size() + 2, 30), ' ');
            io.out << line << t.what << "\n";
        }
        return finishOutput("practice", io);
    }
    if (engine.empty() || type.empty() || seed < 0 || count == 0) {
        return usageError(io, "--engine, --type, --seed and --count are required");
    }
    if (typesOf(engine).empty()) {
        return usageError(io,
                          "no exercises for the engine \"" + engine + "\": one of " + engines());
    }
    const practice::ExerciseType* kind = practice::findExerciseType(engine, type);
    if (!kind) {
        return usageError(io, "no exercise type \"" + type + "\" for " + engine + ": one of " +
                                  typesOf(engine));
    }
    practice::Level lv{};
    if (!practice::parseLevel(level, lv)) {
        return usageError(io, "--level is easy, medium or hard, not \"" + level + "\"");
    }
    // Exercise i has the seed N + i, so that `--seed` of any line and `--count 1` gives it again.
    if (seed > LLONG_MAX - (count - 1)) {
        return usageError(io, "--seed plus --count passes " + std::to_string(LLONG_MAX));
    }
    OutBuffer out(io.out);
    for (long long i = 0; i < count; ++i) {
        const practice::Exercise e = kind->make(static_cast<std::uint64_t>(seed + i), lv);
        out.append(practice::exerciseJson(e).dump());
        out.push('\n');
    }
    out.flush();
    return finishOutput("practice", io);
}

} // namespace fg::cli
