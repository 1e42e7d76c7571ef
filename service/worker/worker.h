// A privacy-filter worker process: connects to NATS, binds the session
// bucket and audit stream, serves the privacy.* endpoints on a handler pool,
// reloads its detection configuration on SIGHUP, and shuts down gracefully
// on SIGTERM or SIGINT.
#pragma once

#include "worker/serve_config.h"

namespace privacy::worker {

// Runs a worker until it is told to stop. Returns the process exit code:
// 0 after a graceful stop, 1 when it could not start.
int RunWorker(ServeConfig config);

}  // namespace privacy::worker
