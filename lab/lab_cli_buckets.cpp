// SKELETON (lab-buckets): fieldguide lab buckets [SCENARIO.json | -]
#include "lab/lab_cli_detail.h"

#include <ostream>

namespace fg::lab {

int bucketsCommand(const cli::Args& /*args*/, cli::Io io) {
    io.err << "fieldguide lab buckets: this lab is not built yet\n";
    return cli::kRuntime;
}

} // namespace fg::lab
