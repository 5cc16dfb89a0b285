#include "app/cli_entry.h"

#include "app/cli_export.h"
#include "engines/cli/commands.h"
#include "engines/cli/terminal_text.h"
#include "models/course/content_loader.h"
#include "models/study/quiz_deck.h"
#include "widgets/diagrams/diagram_registry.h"
#include "widgets/lab/lab_client.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <nlohmann/json.hpp>
#include <unistd.h>
#include <vector>

namespace fg::app {

namespace {

const char* const kHelp =
    "Usage: fieldguide [--chapter ID[#SECTION]] [--theme system|light|dark|projector]\n"
    "                  [--diagram ID] [--lang LANG]\n"
    "       fieldguide COMMAND [ARGS...]\n"
    "\n"
    "With no command, opens the desktop app (at a chapter, when --chapter is given).\n"
    "--lang de (or FIELDGUIDE_LANG=de) shows it in that language where a translation exists\n"
    "(the course's content/de/ files, fieldguide_de.qm), else in English; by default the\n"
    "system's language (LANG).\n"
    "\n"
    "Commands (they run without a display and print to standard output, in English whatever\n"
    "the language):\n"
    "  slot [--nodes N] [KEY...]         Redis Cluster hash slot of each key (stdin: one per "
    "line)\n"
    "  partition --partitions N [KEY...] Kafka's default partition of each key (stdin: one per "
    "line)\n"
    "  run [SCENARIO.json | -]           run a scenario through its engine; print the result JSON\n"
    "  export SCENARIO.json --out FILE   render a scenario's diagram as PNG, SVG or PDF\n"
    "  export --chapter ID --out DIR     render every diagram of a chapter\n"
    "  downsample --step S [--agg LIST] [FILE.csv | -]\n"
    "                                    epoch-aligned buckets of a timestamp_ms,value series\n"
    "  compress [FILE.csv | -]           Gorilla-encode a series; print the bit counts as JSON\n"
    "  practice --engine E --type T --seed N --count K [--level L]\n"
    "                                    exercises the engines make and answer, as JSON lines\n"
    "  lab btree --random N [--order M]  a real PostgreSQL B-Tree index read back page by page,\n"
    "                                    beside the model's, as JSON (also --keys FILE)\n"
    "  lab redis --masters N < KEYS      each key's slot and owner in a real Redis Cluster and\n"
    "                                    in the model, and how many agree\n"
    "  lab lsm [SCENARIO.json | -]       an LSM scenario through a real RocksDB and the model:\n"
    "                                    both trees after each flush and compaction, as JSON\n"
    "  lab kafka [SCENARIO.json | -]     a Kafka scenario through librdkafka's client on its\n"
    "                                    mock cluster (not Apache Kafka's broker) and the model\n"
    "  lab buckets [SCENARIO.json | -]   a downsample scenario's buckets by PostgreSQL's\n"
    "                                    date_bin, RRDtool and the model, compared, as JSON\n"
    "  anki OUT.txt                      every quiz card as a text file Anki imports\n"
    "  list                              chapters and their live diagrams\n"
    "\n"
    "Options:\n"
    "  -h, --help     show this help (COMMAND --help: that command's own)\n"
    "  --version      show the version\n"
    "\n"
    "Exit status: 0 success, 1 a runtime failure (e.g. a file cannot be written),\n"
    "2 bad usage or bad input.\n";

// Qt's offscreen platform warns that XDG_RUNTIME_DIR is not set when run as a plain command (in a
// script, a CI job, a container): nothing a user of `export` can act on. That one message is
// dropped; every other goes to Qt's own handler.
QtMessageHandler qtHandler = nullptr;
void quietHandler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (type == QtWarningMsg &&
        message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR"))) {
        return;
    }
    qtHandler(type, context, message);
}

// The commands' output is a contract (docs/cli.md, "Output and language"), compared between
// machines and against real systems: English whatever the machine's language (no translation is
// installed; the course is read with kEnglishContent) and numbers written as the C locale writes
// them (99,485 and 1,234.5), not as LANG would (QCoreApplication has just set the process's locale
// from it: 99.485 under de_DE).
void writeNumbersAsTheContractDoes() {
    QLocale numbers = QLocale::c();
    numbers.setNumberOptions(QLocale::DefaultNumberOptions);
    QLocale::setDefault(numbers);
}

// Flushes standard output: exit status 0, or 1 with a message when it could not be written (a full
// disk, a closed file), as every command does.
int finishStdout(const char* command) {
    errno = 0;
    if (std::fflush(stdout) == 0 && !std::ferror(stdout)) {
        return fg::cli::kOk;
    }
    const int error = errno;
    std::fprintf(stderr, "fieldguide%s%s: could not write the output: %s\n", *command ? " " : "",
                 command, error ? std::strerror(error) : "write error");
    return fg::cli::kRuntime;
}

int list() {
    const Course course = loadCourse(diagramLinks(), kEnglishContent);
    std::string out;
    for (const auto& ch : course.chapters) {
        out += ch.id.toStdString() + "\t" + ch.title.toStdString() + "\n";
        for (const QString& d : ch.diagramIds()) {
            const LiveDiagram* info = liveDiagram(d);
            out += "  " + d.toStdString() + "\t" + (info ? info->title() : d).toStdString() + "\n";
        }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (const int written = finishStdout("list"); written != fg::cli::kOk) {
        return written;
    }
    if (!course.errors.empty()) {
        for (const auto& e : course.errors) {
            std::fprintf(stderr, "fieldguide list: %s\n",
                         fg::cli::printable(e.toString().toStdString()).c_str());
        }
        return fg::cli::kUsage;
    }
    return fg::cli::kOk;
}

// `fieldguide anki OUT.txt`: the quiz cards as the app's File > Export quiz cards for Anki
// writes them. Quiz files that do not load are named, the other cards written, exit status 2.
int anki(const fg::cli::Args& args) {
    if (args.size() != 1 || args[0].empty() || args[0][0] == '-') {
        std::fputs("fieldguide anki: expected one output file (usage: fieldguide anki OUT.txt)\n",
                   stderr);
        return fg::cli::kUsage;
    }
    const Course course = loadCourse(diagramLinks(), kEnglishContent);
    const QuizDeck deck = loadQuizDeck(defaultContentRoot(), course.locales);
    if (const Status s = writeAnkiFile(deck, course, QFile::decodeName(args[0].c_str())); !s) {
        std::fprintf(stderr, "fieldguide anki: %s\n", fg::cli::printable(s.message()).c_str());
        return fg::cli::kRuntime;
    }
    for (const auto& e : deck.errors) {
        std::fprintf(stderr, "fieldguide anki: %s\n",
                     fg::cli::printable(e.toString().toStdString()).c_str());
    }
    return deck.errors.empty() ? fg::cli::kOk : fg::cli::kUsage;
}

// `fieldguide lab ARGS...` is `fieldguide-lab ARGS...`: the labs link the PostgreSQL and Redis
// client libraries, which the app does not load. The helper replaces this process (execv), so
// its input, output, errors and exit status are the command's own.
int runLabHelper(int argc, char** argv) {
    QString program;
    QStringList places;
    {
        QCoreApplication app(argc, argv); // where the app is: applicationDirPath()
        program = LabClient::helperProgram();
        places = LabClient::helperPlaces();
    }
    if (program.isEmpty()) {
        std::fprintf(stderr,
                     "fieldguide lab: the Lab's helper program fieldguide-lab is missing (looked "
                     "for %s); reinstall fieldguide\n",
                     qPrintable(places.join(QStringLiteral(" and "))));
        return fg::cli::kRuntime;
    }
    const QByteArray path = QFile::encodeName(program);
    std::vector<char*> helperArgv{const_cast<char*>(path.constData())};
    helperArgv.insert(helperArgv.end(), argv + 2, argv + argc);
    helperArgv.push_back(nullptr);
    ::execv(path.constData(), helperArgv.data());
    std::fprintf(stderr, "fieldguide lab: could not run %s: %s\n", path.constData(),
                 std::strerror(errno));
    return fg::cli::kRuntime;
}

} // namespace

int runCommandLine(int argc, char** argv) {
    if (argc < 2) {
        return -1;
    }
    const std::string name = argv[1];
    fg::cli::Args args(argv + 2, argv + argc);
    {
        std::ios::sync_with_stdio(false);
        fg::cli::PrintableStream err(
            std::cerr); // input quoted in a message cannot drive the terminal
        const int engine = fg::cli::dispatch(name, args, {std::cin, std::cout, err});
        if (engine >= 0) {
            return engine;
        }
    }
    if (name == "-h" || name == "--help" || name == "help") {
        std::fputs(kHelp, stdout);
        return finishStdout("");
    }
    if (name == "--version") {
        std::printf("fieldguide %s\n", FIELDGUIDE_VERSION);
        return finishStdout("");
    }
    if ((name == "list" || name == "export" || name == "anki") && fg::cli::asksForHelp(args)) {
        std::fputs(fg::cli::usageOf(name).c_str(), stdout);
        return finishStdout(name.c_str());
    }
    if (name == "list") {
        QCoreApplication app(argc, argv);
        writeNumbersAsTheContractDoes();
        if (!args.empty()) {
            std::fprintf(stderr, "fieldguide list: takes no arguments (got \"%s\")\n",
                         fg::cli::printable(args[0]).c_str());
            return fg::cli::kUsage;
        }
        return list();
    }
    if (name == "anki") {
        QCoreApplication app(argc, argv);
        writeNumbersAsTheContractDoes();
        return anki(args);
    }
    if (name == "lab") {
        return runLabHelper(argc, argv);
    }
    if (name == "export") {
        // Headless, always: an export draws offscreen whatever display there is, so a
        // QT_QPA_PLATFORM that cannot start here (xcb without a display, a wrong name) does not
        // abort it.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        qtHandler = qInstallMessageHandler(quietHandler);
        QApplication app(argc, argv); // QCustomPlot charts are widgets
        writeNumbersAsTheContractDoes();
        return exportCommand(args);
    }
    if (name == "--chapter" || name == "--theme" || name == "--diagram" || name == "--lang") {
        // Options of the desktop app; --help or --version among them answers as alone ("fieldguide
        // --theme projector --help" said "Unknown option 'help'").
        for (const std::string& a : args) {
            if (a == "-h" || a == "--help") {
                std::fputs(kHelp, stdout);
                return finishStdout("");
            }
            if (a == "--version") {
                std::printf("fieldguide %s\n", FIELDGUIDE_VERSION);
                return finishStdout("");
            }
        }
        return -1;
    }
    if (name.rfind("--", 0) == 0 || name.rfind('-', 0) != 0) {
        std::fprintf(stderr,
                     "fieldguide: unknown command or option \"%s\" (see fieldguide --help)\n",
                     fg::cli::printable(name).c_str());
        return fg::cli::kUsage;
    }
    return -1; // a single-dash option for Qt itself, such as -platform offscreen
}

} // namespace fg::app
