// The series input of `downsample` and `compress`: a CSV file named by the last argument, or
// standard input when it is "-" or absent. A file that cannot be opened is bad input (exit 2).
#pragma once

#include "engines/cli/commands.h"
#include "engines/timeseries/series_csv.h"

#include <string>
#include <vector>

namespace fg::cli {

// Reads the series. On failure prints one line for `command` on io.err and returns the exit
// status (kUsage for bad input, kRuntime for a read error); kOk otherwise.
int readSeries(const std::string& command, const std::string& path, Io io,
               std::vector<timeseries::Point>& out);

// Shortest text that reads back as the same double ("0.1", "45.2", "1e+100").
void appendDouble(std::string& out, double v);

} // namespace fg::cli
