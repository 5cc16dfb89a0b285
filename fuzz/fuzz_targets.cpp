#include "fuzz/fuzz_targets.h"

#include "engines/cli/commands.h"
#include "engines/scenario/scenario.h"

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace fg::fuzz {

namespace {

int runCommand(const std::string& name, const cli::Args& args, const std::string& input) {
    std::istringstream in(input);
    std::ostringstream out, err;
    return cli::dispatch(name, args, {in, out, err});
}

} // namespace

int scenario(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    nlohmann::json json;
    if (scenario::parse(text, "fuzz", json)) {
        nlohmann::json result;
        (void)scenario::run(json, result);
    }
    return 0;
}

int csv(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    runCommand("downsample", {"--step", "60", "--agg", "avg,min,max,sum,count,first,last", "-"},
               input);
    runCommand("compress", {"-"}, input);
    return 0;
}

int keys(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    runCommand("slot", {"--nodes", "5"}, input);
    runCommand("partition", {"--partitions", "7"}, input);
    return 0;
}

} // namespace fg::fuzz

#ifdef FIELDGUIDE_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fg::fuzz::FIELDGUIDE_LIBFUZZER(data, size);
}
#endif
