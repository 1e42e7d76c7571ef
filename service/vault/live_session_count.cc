#include "vault/live_session_count.h"

#include <algorithm>

namespace privacy::vault {

namespace {

// The end of the second holding `ms`: when a session expiring at `ms` has
// left every count.
int64_t EndOfSecond(int64_t ms) { return (ms / 1000 + 1) * 1000; }

}  // namespace

bool LiveSessionCount::Holds(int64_t expires_at_ms) const {
  return EndOfSecond(expires_at_ms) > folded_until_ms_;
}

void LiveSessionCount::Change(int64_t expires_at_ms, int64_t by) {
  if (!Holds(expires_at_ms)) return;
  counted_ += by;
  auto second = counted_by_expiry_.try_emplace(EndOfSecond(expires_at_ms), 0).first;
  second->second += by;
  if (second->second == 0) counted_by_expiry_.erase(second);
}

void LiveSessionCount::Add(int64_t expires_at_ms) { Change(expires_at_ms, 1); }

void LiveSessionCount::Remove(int64_t expires_at_ms) { Change(expires_at_ms, -1); }

void LiveSessionCount::Fold(int64_t now_ms) {
  while (!counted_by_expiry_.empty() && counted_by_expiry_.begin()->first <= now_ms) {
    counted_ -= counted_by_expiry_.begin()->second;
    counted_by_expiry_.erase(counted_by_expiry_.begin());
  }
  folded_until_ms_ = std::max(folded_until_ms_, now_ms);
}

uint64_t LiveSessionCount::LiveAt(int64_t now_ms) const {
  // Seconds that ended since the last fold are left out here; the next fold
  // takes them out of the count.
  int64_t live = counted_;
  for (auto it = counted_by_expiry_.begin(); it != counted_by_expiry_.end() && it->first <= now_ms;
       ++it) {
    live -= it->second;
  }
  return static_cast<uint64_t>(std::max<int64_t>(live, 0));
}

}  // namespace privacy::vault
