#include "engines/cli/series_input.h"

#include <charconv>
#include <filesystem>
#include <fstream>

namespace fg::cli {

int readSeries(const std::string& command, const std::string& path, Io io,
               std::vector<timeseries::Point>& out) {
    Status s;
    if (path.empty() || path == "-") {
        s = timeseries::readSeriesCsv(io.in, "<stdin>", out);
    } else {
        std::ifstream f(path, std::ios::binary);
        if (!f) {
            io.err << "fieldguide " << command << ": cannot read " << path
                   << ": no such file, or not readable\n";
            return kUsage;
        }
        std::error_code ec;
        const std::uintmax_t size = std::filesystem::file_size(path, ec);
        s = timeseries::readSeriesCsv(f, path, out, ec ? 0 : size);
    }
    if (!s) {
        io.err << "fieldguide " << command << ": " << s.message() << "\n";
        return exitFor(s);
    }
    return kOk;
}

void appendDouble(std::string& out, double v) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, ec == std::errc() ? end : buf);
}

} // namespace fg::cli
