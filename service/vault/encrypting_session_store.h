// A SessionStore that encrypts every record before it reaches the store
// beneath it, binding each ciphertext to its session's key.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "crypto/session_cipher.h"
#include "vault/session_store.h"

namespace privacy::vault {

// Safe for concurrent use when the inner store is. A record that cannot be
// decrypted (written under a key no longer configured, tampered with, or
// copied from another session) reads as absent.
class EncryptingSessionStore : public SessionStore {
 public:
  EncryptingSessionStore(std::shared_ptr<SessionStore> inner,
                         std::shared_ptr<const crypto::SessionCipher> cipher);

  Result<StoredBytes> Load(const std::string& id) override;
  void LoadAsync(const std::string& id, LoadDone done) override;
  Result<StoredBytes> LoadRecent(const std::string& id) override;
  std::optional<Result<StoredBytes>> LoadRecentAtOnce(const std::string& id) override;
  void CreateAsync(const std::string& id, const std::string& bytes, int64_t expires_at_ms,
                   WriteDone done) override;
  void UpdateAsync(const std::string& id, const std::string& bytes, int64_t expires_at_ms,
                   uint64_t expected_revision, WriteDone done) override;
  void EraseIfUnchangedAsync(const std::string& id, uint64_t expected_revision,
                             EraseDone done) override;
  void EraseEverywhereAsync(const std::string& id, EraseDone done) override;

 private:
  Result<StoredBytes> Decrypt(const std::string& id, Result<StoredBytes> stored) const;

  std::shared_ptr<SessionStore> inner_;
  std::shared_ptr<const crypto::SessionCipher> cipher_;
};

}  // namespace privacy::vault
