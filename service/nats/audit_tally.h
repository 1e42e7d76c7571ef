// How many of a worker's audit events the stream has stored: what a stop
// at this moment would lose is the difference.
#pragma once

#include <atomic>
#include <cstdint>

namespace privacy::nats {

// AuditTally is safe for concurrent use (atomic counters). It outlives the
// AuditLog that fills it when someone holds it, so that the events lost can
// still be counted while the log is being torn down.
struct AuditTally {
  std::atomic<uint64_t> accepted{0};  // events handed to the log
  std::atomic<uint64_t> stored{0};    // events the stream acknowledged

  // Events accepted and not (yet) stored: dropped, buffered for a retry,
  // waiting for their message or for the stream's acknowledgement.
  uint64_t unstored() const {
    const uint64_t done = stored.load();
    const uint64_t all = accepted.load();
    return all > done ? all - done : 0;
  }
};

}  // namespace privacy::nats
