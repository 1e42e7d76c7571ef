// What one revision of a session says of it, as every source of session
// changes (the change feed, the session store) reports it to the index.
#pragma once

#include <cstdint>

namespace privacy::vault {

// A revision of a session: live until an expiry, or removed (deleted or
// purged). `previous_expires_at_ms`, when the writer knew it, is the expiry
// of the revision this one replaced (0: a new session, or not known); the
// census moves the session from that second.
struct SessionState {
  static SessionState ExpiresAt(int64_t expires_at_ms, int64_t previous_expires_at_ms = 0) {
    return {false, expires_at_ms, previous_expires_at_ms};
  }
  static SessionState Removed(int64_t previous_expires_at_ms = 0) {
    return {true, 0, previous_expires_at_ms};
  }

  bool removed = false;
  int64_t expires_at_ms = 0;  // Unix ms; meaningless when removed
  int64_t previous_expires_at_ms = 0;
};

}  // namespace privacy::vault
