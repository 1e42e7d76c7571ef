// When a worker's copy of the session bucket has caught up with the
// bucket's leader: the copy may be confirmed (CacheLease) as of a moment
// once it has applied every change up to the last sequence the stream's
// leader reported when asked at that moment. A change acknowledged before
// the question has a sequence no higher than the answer, whichever server
// the copy's consumer reads from, so a follower that lags behind the leader
// delays the confirmation instead of letting a deleted session be served.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>

#include "vault/cache_lease.h"

namespace privacy::vault {

// Not thread-safe: one per change feed, used under its lock.
class LeaderCatchUp {
 public:
  using Clock = CacheLease::Clock;

  // The leader's answer to a question asked at `asked_at`: its last
  // sequence, and whether the stream was empty (its last message expired,
  // so nothing is left to apply). `applied` is the copy's latest applied
  // sequence. Returns the moment to confirm the copy as of, if any.
  std::optional<Clock::time_point> Answered(Clock::time_point asked_at, uint64_t last_sequence,
                                            bool empty, uint64_t applied);

  // The copy has applied every change up to `applied`. Returns the moment
  // to confirm the copy as of, if any.
  std::optional<Clock::time_point> Applied(uint64_t applied);

  // Answers still waiting for the copy to catch up.
  size_t waiting() const { return waiting_.size(); }

 private:
  // At most this many answers wait; the oldest give way (a later one
  // confirms a later moment anyway).
  static constexpr size_t kMaxWaiting = 64;

  struct Answer {
    Clock::time_point asked_at;
    uint64_t last_sequence = 0;
  };
  std::deque<Answer> waiting_;  // in the order asked
};

}  // namespace privacy::vault
