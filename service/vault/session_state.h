// What one revision of a session says of it, as every source of session
// changes (the change feed, the session store) reports it to the index.
#pragma once

#include <cstdint>

namespace privacy::vault {

// A revision of a session: live until an expiry, or removed (deleted or
// purged).
struct SessionState {
  static SessionState ExpiresAt(int64_t expires_at_ms) { return {false, expires_at_ms}; }
  static SessionState Removed() { return {true, 0}; }

  bool removed = false;
  int64_t expires_at_ms = 0;  // Unix ms; meaningless when removed
};

}  // namespace privacy::vault
