// fieldguide compress [FILE.csv | -]
#include "engines/cli/series_input.h"
#include "engines/timeseries/gorilla.h"
#include "engines/timeseries/simple_encodings.h"

#include <nlohmann/json.hpp>

namespace fg::cli {

int compress(const Args& args, Io io) {
    std::string path;
    for (const auto& a : args) {
        if (a.size() > 1 && a[0] == '-') {
            io.err << "fieldguide compress: unknown option " << a
                   << " (usage: fieldguide compress [FILE.csv | -])\n";
            return kUsage;
        }
        if (!path.empty()) {
            io.err << "fieldguide compress: one input file at most\n";
            return kUsage;
        }
        path = a;
    }
    std::vector<timeseries::Point> points;
    if (const int read = readSeries("compress", path, io, points); read != kOk) {
        return read;
    }
    if (points.empty()) {
        // A block starts with its first point's time: with none there is nothing to encode.
        io.err << "fieldguide compress: the series has no points (a row is timestamp_ms,value)\n";
        return kUsage;
    }
    timeseries::GorillaBlock block;
    if (const Status s = timeseries::gorillaEncode(points, block); !s) {
        io.err << "fieldguide compress: " << s.message() << "\n";
        return kUsage;
    }
    const auto n = static_cast<double>(points.size());
    const std::int64_t bits = static_cast<std::int64_t>(block.bits.bits());
    const auto delta = timeseries::deltaSize(points);
    const auto rle = timeseries::runLengthSize(points);
    auto perPoint = [&](std::int64_t b) { return static_cast<double>(b) / 8.0 / n; };
    nlohmann::ordered_json j;
    j["points"] = points.size();
    j["encoded_bits"] = bits;
    j["timestamp_bits"] = block.timestampBits;
    j["value_bits"] = block.valueBits;
    j["encoded_bytes"] = (bits + 7) / 8;
    j["bytes_per_point"] = perPoint(bits);
    j["raw_bytes"] = points.size() * 16;
    j["ratio"] =
        bits > 0 ? static_cast<double>(points.size() * 128) / static_cast<double>(bits) : 0.0;
    j["timestamp_cases"] = {{"0", block.tsCases[0]},
                            {"10", block.tsCases[1]},
                            {"110", block.tsCases[2]},
                            {"1110", block.tsCases[3]},
                            {"1111", block.tsCases[4]}};
    j["value_cases"] = {
        {"0", block.valueCases[0]}, {"10", block.valueCases[1]}, {"11", block.valueCases[2]}};
    j["compare_bytes_per_point"] = {{"raw", 16.0},
                                    {"delta", perPoint(delta.bits())},
                                    {"run_length", perPoint(rle.bits())},
                                    {"gorilla", perPoint(bits)}};
    io.out << j.dump(2) << "\n";
    io.out.flush();
    return finishOutput("compress", io);
}

} // namespace fg::cli
