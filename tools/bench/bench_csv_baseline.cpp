// The baseline of `fieldguide downsample`'s reading speed (issue 18): the plainest C reading of
// a "timestamp_ms,value" CSV, line by line with fgets, strtoll and strtod, into per-minute sums
// (the buckets kept in a small table, as a hand-written tool would). Run as a whole process by
// tools/benchmarks.sh beside `fieldguide downsample` on the same file:
//   bench_csv_baseline FILE.csv STEP_SECONDS
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_csv_baseline FILE.csv STEP_SECONDS\n");
        return 2;
    }
    std::FILE* f = std::fopen(argv[1], "r");
    if (!f) {
        std::perror(argv[1]);
        return 1;
    }
    const long long stepMs = std::atoll(argv[2]) * 1000;
    char line[256];
    std::vector<double> sums;
    long long first = -1, points = 0;
    while (std::fgets(line, sizeof line, f)) {
        char* end = nullptr;
        const long long t = std::strtoll(line, &end, 10);
        if (end == line || *end != ',') {
            continue; // the header
        }
        const double v = std::strtod(end + 1, nullptr);
        first = first < 0 ? t / stepMs : first;
        const auto bucket = static_cast<std::size_t>(t / stepMs - first);
        if (bucket >= sums.size()) {
            sums.resize(bucket + 1);
        }
        sums[bucket] += v;
        ++points;
    }
    std::fclose(f);
    std::printf("%lld points, %zu buckets\n", points, sums.size());
    return 0;
}
