#include "vault/encrypting_session_store.h"

namespace privacy::vault {

EncryptingSessionStore::EncryptingSessionStore(
    std::shared_ptr<SessionStore> inner, std::shared_ptr<const crypto::SessionCipher> cipher)
    : inner_(std::move(inner)), cipher_(std::move(cipher)) {}

Result<StoredBytes> EncryptingSessionStore::Load(const std::string& id) {
  return Decrypt(id, inner_->Load(id));
}

void EncryptingSessionStore::LoadAsync(const std::string& id, LoadDone done) {
  inner_->LoadAsync(id, [this, id, done = std::move(done)](Result<StoredBytes> stored) {
    done(Decrypt(id, std::move(stored)));
  });
}

Result<StoredBytes> EncryptingSessionStore::LoadRecent(const std::string& id) {
  return Decrypt(id, inner_->LoadRecent(id));
}

std::optional<Result<StoredBytes>> EncryptingSessionStore::LoadRecentAtOnce(const std::string& id) {
  auto stored = inner_->LoadRecentAtOnce(id);
  if (!stored) return std::nullopt;
  return Decrypt(id, std::move(*stored));
}

Result<StoredBytes> EncryptingSessionStore::Decrypt(const std::string& id,
                                                    Result<StoredBytes> stored) const {
  if (!stored) return stored.error();
  auto plaintext = cipher_->Open(id, stored->bytes);
  if (!plaintext) {
    return MakeError(ErrorCode::kNotFound, "session not found, expired or no longer readable");
  }
  return StoredBytes{std::move(*plaintext), stored->revision};
}

void EncryptingSessionStore::CreateAsync(const std::string& id, const std::string& bytes,
                                         int64_t expires_at_ms, WriteDone done) {
  inner_->CreateAsync(id, cipher_->Seal(id, bytes), expires_at_ms, std::move(done));
}

void EncryptingSessionStore::UpdateAsync(const std::string& id, const std::string& bytes,
                                         int64_t expires_at_ms, uint64_t expected_revision,
                                         WriteDone done) {
  inner_->UpdateAsync(id, cipher_->Seal(id, bytes), expires_at_ms, expected_revision,
                      std::move(done));
}

void EncryptingSessionStore::EraseIfUnchangedAsync(const std::string& id,
                                                   uint64_t expected_revision, EraseDone done) {
  inner_->EraseIfUnchangedAsync(id, expected_revision, std::move(done));
}

void EncryptingSessionStore::EraseEverywhereAsync(const std::string& id, EraseDone done) {
  inner_->EraseEverywhereAsync(id, std::move(done));
}

}  // namespace privacy::vault
