// Ports on the loopback interface for the lab's Redis nodes: free ones picked by the kernel, or
// ones asked for, checked before a server is started on them.
#pragma once

#include "engines/core/status.h"

#include <vector>

namespace fg::lab {

// `count` distinct ports on 127.0.0.1 that nothing was bound to a moment ago (each bound to port
// 0, all held until the last is chosen, then released). Another program may still take one
// before the server does: a caller retries a start that finds its port in use.
Status freePorts(int count, std::vector<int>* out);

// Fails with a sentence naming 127.0.0.1:port when it cannot be bound (another program has it).
Status checkPortFree(int port);

} // namespace fg::lab
