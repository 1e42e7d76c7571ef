// How many sessions of one account are live, to the second, at no cost per
// session: the per-account census kept by the session index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>

namespace privacy::vault {

// Counts the live sessions of one account by the second each expires in,
// so seconds that ended leave the count whole, without any record per
// session. A removal names the second it takes the session from; one that
// was never added there (a change this count never saw) takes one too many
// from that second only, and the error leaves the count when that second
// ends. Not synchronized: its owner's lock guards it.
class LiveSessionCount {
 public:
  // Whether a live session expiring at `expires_at_ms` belongs in the count:
  // its expiry second has not been folded away yet.
  bool Holds(int64_t expires_at_ms) const;
  // Adds, or removes, a live session expiring at `expires_at_ms`; ignored
  // when its second was folded away already.
  void Add(int64_t expires_at_ms);
  void Remove(int64_t expires_at_ms);
  // Takes the sessions whose expiry second ended by `now_ms` out of the
  // count.
  void Fold(int64_t now_ms);
  // Live sessions at `now_ms` (never below 0): a session leaves at the end
  // of the second it expires in.
  uint64_t LiveAt(int64_t now_ms) const;
  // Seconds with sessions counted: the memory the count takes.
  size_t seconds() const { return counted_by_expiry_.size(); }

 private:
  void Change(int64_t expires_at_ms, int64_t by);

  int64_t counted_ = 0;                           // sessions counted and not yet folded
  std::map<int64_t, int64_t> counted_by_expiry_;  // end of expiry second (ms) -> sessions
  int64_t folded_until_ms_ = 0;                   // expiry seconds ending by here left counted_
};

}  // namespace privacy::vault
