// The two lab commands behind labCommand (lab_cli.h), and what they share.
#pragma once

#include "engines/cli/commands.h"

#include <cstdint>

namespace fg::lab {

// The keys a lab command takes at most (both labs), refused before any server starts.
inline constexpr std::int64_t kMaxLabKeys = 1'000'000;

int btreeCommand(const cli::Args& args, cli::Io io);
int redisCommand(const cli::Args& args, cli::Io io);
int lsmCommand(const cli::Args& args, cli::Io io);
int kafkaCommand(const cli::Args& args, cli::Io io);   // lab-kafka
int bucketsCommand(const cli::Args& args, cli::Io io); // lab-buckets

} // namespace fg::lab
