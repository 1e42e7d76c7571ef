// The proof that a worker's copy of the session bucket is current: its
// change feed confirms, from time to time, that every change stored before
// a given moment has reached the copy, and the copy may answer reads only
// while such a confirmation is younger than the lease. A writer that erases
// a session waits out the lease before it says so, so that no other
// worker's copy can still serve the session afterwards.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace privacy::vault {

// CacheLease is safe for concurrent use (lock-free). Times are monotonic:
// each worker compares only its own clock's readings, so the workers'
// clocks need not agree, only run at nearly the same rate.
class CacheLease {
 public:
  using Clock = std::chrono::steady_clock;

  explicit CacheLease(std::chrono::milliseconds lease);

  // Every change stored before `as_of` has reached the copy. Older
  // confirmations than the latest one change nothing.
  void Confirm(Clock::time_point as_of);

  // Whether the copy may answer a read that arrives at `now`: a
  // confirmation no older than the lease.
  bool Current(Clock::time_point now = Clock::now()) const;

  // How long a worker waits after its erasure is stored before it answers:
  // the lease, plus 1 % and 5 ms for clocks that run at slightly different
  // rates. After that no copy confirmed before the erasure still answers.
  std::chrono::milliseconds HoldOff() const;

  std::chrono::milliseconds lease() const { return lease_; }

 private:
  const std::chrono::milliseconds lease_;
  // Nanoseconds of the latest confirmation on Clock; minimum when none.
  std::atomic<int64_t> confirmed_ns_;
};

}  // namespace privacy::vault
