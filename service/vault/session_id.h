// Session identifiers: 128 random bits as 32 lowercase hex characters.
#pragma once

#include <string>
#include <string_view>

namespace privacy::vault {

// A new unguessable session id.
std::string NewSessionId();

// True when `id` has the exact shape of a session id, so it is safe to use
// as a KV key.
bool IsWellFormedSessionId(std::string_view id);

}  // namespace privacy::vault
