// How many sessions of one account are live, to the second, at no cost per
// session: the per-account census kept by the session index.
#pragma once

#include <cstdint>
#include <map>

namespace privacy::vault {

// Counts the live sessions of one account. Each live session is counted
// under the second it expires in, so seconds that ended leave the count
// whole, without visiting their sessions. Not synchronized: its owner's
// lock guards it.
class LiveSessionCount {
 public:
  // Whether a live session expiring at `expires_at_ms` belongs in the count:
  // its expiry second has not been folded away yet.
  bool Holds(int64_t expires_at_ms) const;
  // Adds, or removes, a live session expiring at `expires_at_ms`; the caller
  // checked Holds() (for Remove: when the session was added).
  void Add(int64_t expires_at_ms);
  void Remove(int64_t expires_at_ms);
  // Takes the sessions whose expiry second ended by `now_ms` out of the
  // count.
  void Fold(int64_t now_ms);
  // Live sessions at `now_ms`: a session leaves at the end of the second it
  // expires in.
  uint64_t LiveAt(int64_t now_ms) const;

 private:
  uint64_t counted_ = 0;                           // sessions counted and not yet folded
  std::map<int64_t, uint64_t> counted_by_expiry_;  // end of expiry second (ms) -> sessions
  int64_t folded_until_ms_ = 0;                    // expiry seconds ending by here left counted_
};

}  // namespace privacy::vault
