#include "vault/session_vault.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

#include "vault/session_id.h"
#include "vault/storage_key.h"

namespace privacy::vault {

namespace {

int64_t SystemNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Randomised, growing pause between compare-and-set attempts so that
// competing writers spread out instead of colliding again.
void BackOff(int attempt) {
  thread_local std::minstd_rand rng{std::random_device{}()};
  int ceiling_us = std::min(50 * (1 << std::min(attempt, 6)), 5000);
  std::this_thread::sleep_for(std::chrono::microseconds(rng() % (ceiling_us + 1)));
}

Error SessionNotFound() { return MakeError(ErrorCode::kNotFound, "session not found or expired"); }

}  // namespace

SessionVault::SessionVault(std::shared_ptr<SessionStore> store, VaultOptions options)
    : store_(std::move(store)), options_(std::move(options)) {
  if (!options_.now_ms) options_.now_ms = SystemNowMs;
}

Result<std::chrono::seconds> SessionVault::EffectiveTtl(
    std::optional<std::chrono::seconds> ttl) const {
  if (!ttl) return options_.default_ttl;
  if (ttl->count() <= 0 || *ttl > options_.max_ttl) {
    return MakeError(ErrorCode::kBadRequest,
                     "ttl_seconds must be between 1 and " +
                         std::to_string(options_.max_ttl.count()));
  }
  return *ttl;
}

Result<TokenizeResult> SessionVault::Tokenize(const std::string& account,
                                              const std::string& session_id,
                                              const std::vector<ValueToMask>& values,
                                              const TokenizeOptions& options) {
  auto effective_ttl = EffectiveTtl(options.ttl);
  if (!effective_ttl) return effective_ttl.error();
  int64_t expires_at =
      options_.now_ms() +
      std::chrono::duration_cast<std::chrono::milliseconds>(*effective_ttl).count();
  size_t max_tokens = std::min(options_.max_tokens_per_session,
                               options.max_tokens.value_or(options_.max_tokens_per_session));
  if (session_id.empty()) return TokenizeNew(account, values, expires_at, max_tokens);
  if (!IsWellFormedSessionId(session_id)) {
    return MakeError(ErrorCode::kBadRequest, "malformed session_id");
  }
  return TokenizeExisting(account, session_id, values, expires_at, max_tokens);
}

Result<TokenizeResult> SessionVault::TokenizeNew(const std::string& account,
                                                 const std::vector<ValueToMask>& values,
                                                 int64_t expires_at, size_t max_tokens) {
  v1::SessionRecord record;
  record.set_account(account);
  record.set_created_at_ms(options_.now_ms());
  record.set_expires_at_ms(expires_at);
  Session session(std::move(record));
  TokenizeResult result;
  for (const auto& v : values) result.tokens.push_back(session.TokenFor(v.type, v.value));
  if (session.token_count() > max_tokens) {
    return MakeError(ErrorCode::kTooLarge, "too many values for one session");
  }
  std::string bytes = session.record().SerializeAsString();
  // A fresh 128-bit id collides only in theory; Create() guards it anyway.
  for (int attempt = 0; attempt < 3; ++attempt) {
    std::string id = NewSessionId();
    auto created = store_->Create(StorageKey(account, id), bytes, expires_at);
    if (created) {
      result.session_id = std::move(id);
      result.expires_at_ms = expires_at;
      result.created = true;
      return result;
    }
    if (created.error().code != ErrorCode::kConflict) return created.error();
  }
  return MakeError(ErrorCode::kInternal, "could not allocate a session id");
}

Result<TokenizeResult> SessionVault::TokenizeExisting(const std::string& account,
                                                      const std::string& session_id,
                                                      const std::vector<ValueToMask>& values,
                                                      int64_t expires_at, size_t max_tokens) {
  const std::string key = StorageKey(account, session_id);
  for (int attempt = 0; attempt < options_.max_update_attempts; ++attempt) {
    // The first attempt may work on the recent copy: a stale one only costs
    // a conflict, after which the store's own copy is read.
    auto stored = attempt == 0 ? store_->LoadRecent(key) : store_->Load(key);
    if (!stored) return stored.error();
    auto session = Parse(account, *stored);
    if (session && Expired(*session)) session = LoadLatest(account, key);
    if (!session) return session.error();

    TokenizeResult result;
    for (const auto& v : values) result.tokens.push_back(session->TokenFor(v.type, v.value));
    if (session->token_count() > max_tokens) {
      return MakeError(ErrorCode::kTooLarge, "session token limit reached");
    }
    v1::SessionRecord& record = session->mutable_record();
    record.set_expires_at_ms(std::max(record.expires_at_ms(), expires_at));

    auto updated = store_->Update(key, record.SerializeAsString(), record.expires_at_ms(),
                                  stored->revision);
    if (updated) {
      result.session_id = session_id;
      result.expires_at_ms = record.expires_at_ms();
      return result;
    }
    if (updated.error().code != ErrorCode::kConflict) return updated.error();
    BackOff(attempt);
  }
  return MakeError(ErrorCode::kUnavailable, "session is too busy, retry");
}

Result<Session> SessionVault::Open(const std::string& account, const std::string& session_id,
                                   const std::vector<std::string>& needed_tokens) {
  if (!IsWellFormedSessionId(session_id)) {
    return MakeError(ErrorCode::kBadRequest, "malformed session_id");
  }
  const std::string key = StorageKey(account, session_id);
  auto recent = store_->LoadRecent(key);
  if (!recent) return recent.error();
  auto session = Parse(account, *recent);
  if (!session) return session.error();
  bool holds_all = std::all_of(needed_tokens.begin(), needed_tokens.end(),
                               [&](const std::string& t) { return session->FindByToken(t); });
  if (holds_all && !Expired(*session)) return session;
  return LoadLatest(account, key);
}

Result<Session> SessionVault::Parse(const std::string& account, const StoredBytes& stored) const {
  v1::SessionRecord record;
  if (!record.ParseFromString(stored.bytes)) {
    return MakeError(ErrorCode::kInternal, "stored session is unreadable");
  }
  // The key already names the account; the record's own copy guards against
  // a hash collision between account names.
  if (record.account() != account) return SessionNotFound();
  return Session(std::move(record));
}

bool SessionVault::Expired(const Session& session) const {
  return session.record().expires_at_ms() <= options_.now_ms();
}

Result<Session> SessionVault::LoadLatest(const std::string& account, const std::string& key) {
  auto stored = store_->Load(key);
  if (!stored) return stored.error();
  auto session = Parse(account, *stored);
  if (!session) return session.error();
  // An expired session stays until the expiry watcher has published its
  // expire event and erased it.
  if (Expired(*session)) return SessionNotFound();
  return session;
}

Status SessionVault::Erase(const std::string& account, const std::string& session_id) {
  auto session = Open(account, session_id);
  if (!session) return session.error();
  return store_->Erase(StorageKey(account, session_id));
}

}  // namespace privacy::vault
