// fieldguide downsample --step SECONDS [--agg LIST] [FILE.csv | -]
#include "engines/timeseries/downsample.h"

#include "engines/cli/key_input.h"
#include "engines/cli/series_input.h"

#include <fstream>
#include <iostream>
#include <sys/stat.h>
#include <unistd.h>

namespace fg::cli {

namespace {

// A file to read the series from twice if need be: the file named, or standard input when it
// is a file (`< points.csv`), opened again at the same place. Not open: a pipe, or a test's
// stream.
void openSeekable(const std::string& path, Io io, std::ifstream& file) {
    if (!path.empty() && path != "-") {
        file.open(path, std::ios::binary);
        return;
    }
    struct stat st {};
    if (&io.in != &std::cin || ::fstat(STDIN_FILENO, &st) != 0 || !S_ISREG(st.st_mode)) {
        return;
    }
    const off_t at = ::lseek(STDIN_FILENO, 0, SEEK_CUR);
    file.open("/proc/self/fd/0", std::ios::binary);
    if (file && at > 0) {
        file.seekg(at);
    }
}

// The buckets of the input. A file is read once, in time order, its points never kept (2.6
// million points were 41 MB, and a quarter of the time in page faults); one that turns out not
// to be in time order is read again, whole, and sorted. A pipe is read whole.
int readBuckets(const std::string& path, Io io, std::int64_t stepMs,
                std::vector<timeseries::Bucket>& out) {
    std::ifstream file;
    openSeekable(path, io, file);
    if (file.is_open() && file) {
        timeseries::InOrderDownsampler in(stepMs);
        bool outOfOrder = false;
        const std::string source = path.empty() || path == "-" ? "<stdin>" : path;
        if (const Status s = timeseries::scanSeriesCsv(file, source, in, &outOfOrder); !s) {
            io.err << "fieldguide downsample: " << s.message() << "\n";
            return exitFor(s);
        }
        if (!outOfOrder) {
            out = in.take();
            return kOk;
        }
    }
    std::vector<timeseries::Point> points;
    if (const int read = readSeries("downsample", path, io, points); read != kOk) {
        return read;
    }
    out = timeseries::downsample(points, stepMs);
    return kOk;
}

} // namespace

int downsample(const Args& args, Io io) {
    long long step = 0;
    std::string aggs = "avg,min,max,count", path;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--step") {
            if (i + 1 >= args.size() || !parseIntArg(args[i + 1], 1, 9'223'372'036'854LL, step)) {
                // The app writes tiers as "1m" and "1h": say what that is in seconds.
                std::string got;
                if (i + 1 < args.size()) {
                    const std::string& v = args[i + 1];
                    const char unit = v.empty() ? '\0' : v.back();
                    const char* seconds = unit == 'm'   ? "; a minute is 60"
                                          : unit == 'h' ? "; an hour is 3600"
                                          : unit == 'd' ? "; a day is 86400"
                                                        : "";
                    got = " (got \"" + v + "\"" + seconds + ")";
                }
                io.err << "fieldguide downsample: --step needs a whole number of seconds, at "
                          "least 1"
                       << got << "\n";
                return kUsage;
            }
            ++i;
        } else if (a == "--agg") {
            if (i + 1 >= args.size()) {
                io.err << "fieldguide downsample: --agg needs a list such as avg,min,max,count\n";
                return kUsage;
            }
            aggs = args[++i];
        } else if (a.size() > 1 && a[0] == '-') {
            io.err
                << "fieldguide downsample: unknown option " << a
                << " (usage: fieldguide downsample --step SECONDS [--agg LIST] [FILE.csv | -])\n";
            return kUsage;
        } else if (path.empty()) {
            path = a;
        } else {
            io.err << "fieldguide downsample: one input file at most (got \"" << path << "\" and \""
                   << a << "\")\n";
            return kUsage;
        }
    }
    if (step == 0) {
        io.err << "fieldguide downsample: --step SECONDS is required\n";
        return kUsage;
    }
    std::vector<timeseries::AggKind> kinds;
    std::string bad;
    if (!timeseries::parseAggList(aggs, kinds, bad)) {
        io.err << "fieldguide downsample: unknown aggregate \"" << bad
               << "\" in --agg: expected a comma list of avg, min, max, sum, count, first, last\n";
        return kUsage;
    }
    std::vector<timeseries::Bucket> buckets;
    if (const int read = readBuckets(path, io, step * 1000, buckets); read != kOk) {
        return read;
    }
    OutBuffer out(io.out);
    std::string line = "bucket_start_ms";
    for (auto k : kinds) {
        line += ',';
        line += timeseries::aggName(k);
    }
    line += '\n';
    out.append(line);
    for (const auto& b : buckets) {
        line.clear();
        line += std::to_string(b.start);
        for (auto k : kinds) {
            line += ',';
            if (k == timeseries::AggKind::Count) {
                line += std::to_string(b.agg.count);
            } else {
                appendDouble(line, timeseries::aggValue(b.agg, k));
            }
        }
        line += '\n';
        out.append(line);
    }
    out.flush();
    io.out.flush();
    return finishOutput("downsample", io);
}

} // namespace fg::cli
