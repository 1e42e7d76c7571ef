#include "vault/session_id.h"

#include "vault/random.h"

namespace privacy::vault {

namespace {
constexpr size_t kSessionIdBytes = 16;
}

std::string NewSessionId() { return RandomHex(kSessionIdBytes); }

bool IsWellFormedSessionId(std::string_view id) {
  if (id.size() != kSessionIdBytes * 2) return false;
  for (char c : id) {
    bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    if (!hex) return false;
  }
  return true;
}

}  // namespace privacy::vault
