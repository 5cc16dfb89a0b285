// Fuzz targets: every input edge of the engines that reads untrusted bytes. Each takes any bytes
// and must return without crashing, hanging or leaking; what it returns is ignored. Built two
// ways: with clang's libFuzzer and sanitizers (fuzz/CMakeLists.txt, tools/fuzz.sh), and into the
// normal test suite, where test_fuzz_regressions replays every seed and every input that once
// crashed (fuzz/corpus, fuzz/regressions).
#pragma once

#include <cstddef>
#include <cstdint>

namespace fg::fuzz {

// Scenario JSON: parse, then run on whichever engine it names.
int scenario(const std::uint8_t* data, std::size_t size);
// Series CSV: read, then downsample and compress through the command line's code.
int csv(const std::uint8_t* data, std::size_t size);
// Keys on standard input for `slot` and `partition`.
int keys(const std::uint8_t* data, std::size_t size);

} // namespace fg::fuzz
