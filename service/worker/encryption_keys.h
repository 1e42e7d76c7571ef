// Where `serve` gets its encryption master keys: environment variables or
// files (Kubernetes secrets are mounted as files).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "common/status.h"
#include "crypto/session_cipher.h"

namespace privacy::worker {

// Encryption settings of `serve`. Keys themselves are never flags (command
// lines are visible to every local user): ENCRYPTION_MASTER_KEY and
// ENCRYPTION_MASTER_KEY_PREVIOUS hold base64 keys, the *_file settings name
// files holding them.
struct EncryptionSettings {
  std::string key_file;
  std::string previous_key_file;
  std::chrono::hours period{24};
};

// The session cipher for `settings` and the environment; a clear error when
// no master key is configured or a key is malformed.
Result<std::shared_ptr<const crypto::SessionCipher>> LoadSessionCipher(
    const EncryptionSettings& settings);

}  // namespace privacy::worker
