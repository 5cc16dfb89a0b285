// SKELETON (lab-kafka): fieldguide lab kafka [SCENARIO.json | -]
#include "lab/lab_cli_detail.h"

#include <ostream>

namespace fg::lab {

int kafkaCommand(const cli::Args& /*args*/, cli::Io io) {
    io.err << "fieldguide lab kafka: this lab is not built yet\n";
    return cli::kRuntime;
}

} // namespace fg::lab
