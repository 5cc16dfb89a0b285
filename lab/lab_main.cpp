// fieldguide-lab: the Lab's helper program. `fieldguide-lab --serve` is the loop the app's Lab
// pages talk to (lab/lab_serve.h, docs/lab-protocol.md); `fieldguide-lab btree|redis ...` is the
// command `fieldguide lab ...` runs (lab/lab_cli.h, docs/cli.md). It links the PostgreSQL and
// Redis client libraries so that the app does not have to.
#include "engines/cli/commands.h"
#include "engines/cli/terminal_text.h"
#include "lab/lab_cli.h"
#include "lab/lab_serve.h"

#include <QCoreApplication>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <unistd.h>

namespace {

// The loop answers on a copy of standard output; standard output itself then goes to standard
// error, so that nothing printed by a library can break a message in two.
int serve() {
    const int answers = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
    if (answers < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
        std::perror("fieldguide-lab: standard output");
        return 1;
    }
    return fg::lab::serveLab({FIELDGUIDE_VERSION, STDIN_FILENO, answers});
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv); // the servers are started and waited for with QProcess
    if (argc == 2 && std::strcmp(argv[1], "--serve") == 0) {
        return serve();
    }
    std::ios::sync_with_stdio(false);
    fg::cli::PrintableStream err(std::cerr);
    const fg::cli::Args args(argv + 1, argv + argc);
    return fg::lab::labCommand(args, {std::cin, std::cout, err});
}
