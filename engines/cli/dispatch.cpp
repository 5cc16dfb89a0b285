#include "engines/cli/commands.h"
#include "engines/scenario/scenario.h"

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <ostream>

namespace fg::cli {

int finishOutput(const std::string& command, Io io) {
    if (io.out) {
        errno = 0; // a stream already failed keeps the errno of its failed write
        io.out.flush();
        if (io.out) {
            return kOk;
        }
    }
    const int error = errno;
    io.err << "fieldguide " << command
           << ": could not write the output: " << (error ? std::strerror(error) : "write error")
           << "\n";
    return kRuntime;
}

int exitFor(const Status& s) {
    return s.isFailure() ? kRuntime : kUsage;
}

std::string usageOf(const std::string& name) {
    if (name == "slot") {
        return "Usage: fieldguide slot [--nodes N] [KEY...]\n"
               "\n"
               "The Redis Cluster hash slot (0 to 16383) of each key, one per line: CRC16 of the "
               "key,\n"
               "or of its hash tag (the text between { and }), modulo 16384. With no KEY, reads\n"
               "one key per line from standard input.\n"
               "\n"
               "  --nodes N   also print the master (counted from 0) that owns the slot when the\n"
               "              slots are split evenly over N masters (1 to 16384)\n"
               "  --          ends the options: a key after it may start with a dash\n"
               "  --help      show this help\n";
    }
    if (name == "partition") {
        return "Usage: fieldguide partition --partitions N [KEY...]\n"
               "\n"
               "The partition Kafka's default partitioner picks for each key, one per line:\n"
               "murmur2 of the key's bytes, made positive, modulo N. With no KEY, reads one key\n"
               "per line from standard input.\n"
               "\n"
               "  --partitions N   the topic's number of partitions (required)\n"
               "  --               ends the options: a key after it may start with a dash\n"
               "  --help           show this help\n";
    }
    if (name == "run") {
        return "Usage: fieldguide run [SCENARIO.json | -]\n"
               "\n"
               "Runs a scenario (a JSON file: an engine, its parameters and operations) through\n"
               "its engine and prints the result as JSON: every step's narration, the final\n"
               "state and its statistics. With no file or -, reads standard input.\n"
               "\n"
               "A scenario (a diagram's Scenario > Save writes one):\n"
               "  { \"engine\": \"btree\", \"title\": \"Sequential inserts\",\n"
               "    \"params\": { \"order\": 4 },\n"
               "    \"ops\": [ { \"op\": \"insert\", \"key\": 10 }, "
               "{ \"op\": \"search\", \"key\": 10 } ] }\n"
               "\n"
               "Engines and their operations (their params and fields: \"Scenarios\" in\n"
               "/usr/share/doc/fieldguide/cli.md, docs/cli.md in the source):\n" +
               scenario::engineList("  ") +
               "Add \"narrate\": false to print only the state and statistics (bulk runs).\n"
               "\n"
               "  --help   show this help\n";
    }
    if (name == "downsample") {
        return "Usage: fieldguide downsample --step SECONDS [--agg LIST] [FILE.csv | -]\n"
               "\n"
               "Reads a timestamp_ms,value series and prints one CSV row per non-empty bucket of\n"
               "SECONDS, aligned to the Unix epoch, in time order.\n"
               "\n"
               "  --step SECONDS   the bucket width (required)\n"
               "  --agg LIST       a comma list of avg, min, max, sum, count, first, last\n"
               "                   (default avg,min,max,count)\n"
               "  --help           show this help\n";
    }
    if (name == "compress") {
        return "Usage: fieldguide compress [FILE.csv | -]\n"
               "\n"
               "Gorilla-encodes a timestamp_ms,value series (in time order) as one block and\n"
               "prints the bit counts as JSON (points, encoded_bits, timestamp_bits, value_bits,\n"
               "bytes_per_point).\n"
               "\n"
               "  --help   show this help\n";
    }
    if (name == "export") {
        return "Usage: fieldguide export SCENARIO.json --out FILE [OPTIONS]\n"
               "       fieldguide export --chapter ID --out DIR [OPTIONS]\n"
               "\n"
               "Draws a scenario's diagram into FILE, or every diagram and figure of a chapter\n"
               "into the folder DIR (one file each). Needs no display.\n"
               "\n"
               "  --out FILE|DIR                 where to write (required)\n"
               "  --format png|svg|pdf           the format (default: FILE's extension; png for\n"
               "                                 a chapter)\n"
               "  --width W, --height H          the size in pixels, 16 to 16384 (default 1920 x\n"
               "                                 1080)\n"
               "  --scale S                      multiplies a PNG's size, above 0, at most 8\n"
               "  --theme light|dark|projector   the colours (default light)\n"
               "  --step N                       the scenario after step N, as the app numbers\n"
               "                                 its steps (\"Step N of M\"); 0 is the start,\n"
               "                                 before any step (default: the last step)\n"
               "  --help                         show this help\n";
    }
    if (name == "practice") {
        return "Usage: fieldguide practice --engine ENGINE --type TYPE --seed N --count K\n"
               "                          [--level easy|medium|hard]\n"
               "       fieldguide practice --list\n"
               "\n"
               "Prints K exercises that an engine makes and answers itself, one JSON object per\n"
               "line: engine, type, seed, level, prompt (the question), given (its inputs) and\n"
               "answer. Exercise i has the seed N + i: the same seed gives the same exercise\n"
               "on every machine.\n"
               "\n"
               "  --engine ENGINE, --type TYPE   which exercises (--list prints every type)\n"
               "  --seed N         0 or more\n"
               "  --count K        1 to 100000\n"
               "  --level L        easy, medium (the default) or hard\n"
               "  --list           print ENGINE TYPE and what each asks, one per line\n"
               "  --help           show this help\n";
    }
    if (name == "anki") {
        return "Usage: fieldguide anki OUT.txt\n"
               "\n"
               "Writes every quiz card into OUT.txt, a UTF-8 text file Anki imports (File >\n"
               "Import): the header lines #separator:tab, #html:true, #deck:fieldguide and\n"
               "#notetype:Basic, then one note per line, its front (the question and its choices)\n"
               "and back (the right answer, the explanation, where to read about it) separated\n"
               "by a tab, as HTML. The file is written whole or not at all.\n"
               "\n"
               "  --help   show this help\n";
    }
    if (name == "list") {
        return "Usage: fieldguide list\n"
               "\n"
               "One line per chapter, ID<TAB>TITLE, each followed by its live diagrams indented\n"
               "by two spaces: DIAGRAM-ID<TAB>TITLE.\n"
               "\n"
               "  --help   show this help\n";
    }
    return {};
}

bool asksForHelp(const Args& args) {
    for (const std::string& a : args) {
        if (a == "--") {
            return false;
        }
        if (a == "--help" || a == "-h") {
            return true;
        }
    }
    return false;
}

int dispatch(const std::string& name, const Args& args, Io io) {
    if ((name == "slot" || name == "partition" || name == "downsample" || name == "compress" ||
         name == "run" || name == "practice") &&
        asksForHelp(args)) {
        io.out << usageOf(name);
        return finishOutput(name, io);
    }
    if (name == "slot") {
        return slot(args, io);
    }
    if (name == "partition") {
        return partition(args, io);
    }
    if (name == "downsample") {
        return downsample(args, io);
    }
    if (name == "compress") {
        return compress(args, io);
    }
    if (name == "run") {
        return run(args, io);
    }
    if (name == "practice") {
        return practiceCommand(args, io);
    }
    return -1;
}

} // namespace fg::cli
