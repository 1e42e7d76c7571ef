// How a session write, deletion or purge looks as a message of the session
// bucket's stream.
#pragma once

#include <nats/nats.h>

#include <cstdint>
#include <optional>
#include <string_view>

#include "vault/session_state.h"

namespace privacy::nats {

// Header of every session write: when the session expires (Unix ms). Not
// personal data; lets workers track sessions without decrypting them.
inline constexpr char kExpiresAtHeader[] = "Privacy-Expires-At";

// Header of a write that replaced a revision, or of a deletion, when the
// writer knew the replaced revision's expiry (Unix ms): lets every worker's
// census move the session from that second without a record per session.
inline constexpr char kPreviousExpiresAtHeader[] = "Privacy-Previous-Expires-At";

// One message of the bucket, read.
struct SessionMessage {
  bool removed = false;  // a KV delete or purge marker
  int64_t expires_at_ms = 0;
  int64_t previous_expires_at_ms = 0;  // 0 when the message does not say
  std::string_view bytes;  // valid while the natsMsg lives
};

// The meaning of `msg`; nullopt for a write without a valid expiry header
// (not written by privacy-filter).
std::optional<SessionMessage> ReadSessionMessage(natsMsg* msg);

// What `message` says of its session.
vault::SessionState StateOf(const SessionMessage& message);

}  // namespace privacy::nats
