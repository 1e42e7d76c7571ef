#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <set>
#include <thread>

#include "awaited_calls.h"
#include "in_memory_session_store.h"
#include "vault/session_id.h"
#include "vault/session_vault.h"
#include "vault/storage_key.h"
#include "vault/token_format.h"

using namespace privacy;

namespace {

vault::TokenizeOptions WithTtl(std::chrono::seconds ttl) {
  vault::TokenizeOptions options;
  options.ttl = ttl;
  return options;
}

struct VaultFixture {
  std::shared_ptr<testing::InMemorySessionStore> store =
      std::make_shared<testing::InMemorySessionStore>();
  int64_t now = 1'700'000'000'000;
  vault::SessionVault vault{store, [this] {
                              vault::VaultOptions o;
                              o.default_ttl = std::chrono::seconds(60);
                              o.max_ttl = std::chrono::seconds(3600);
                              o.max_tokens_per_session = 50;
                              o.now_ms = [this] { return now; };
                              return o;
                            }()};
};

}  // namespace

TEST_CASE("session ids are 32 hex chars and validated strictly") {
  std::string id = vault::NewSessionId();
  CHECK(id.size() == 32);
  CHECK(vault::IsWellFormedSessionId(id));
  CHECK(vault::NewSessionId() != id);
  CHECK_FALSE(vault::IsWellFormedSessionId(""));
  CHECK_FALSE(vault::IsWellFormedSessionId(id.substr(1)));
  CHECK_FALSE(vault::IsWellFormedSessionId("ABCDEF0123456789abcdef0123456789"));
  CHECK_FALSE(vault::IsWellFormedSessionId("../../etc/passwd0123456789abcdef"));
  CHECK_FALSE(vault::IsWellFormedSessionId("0123456789abcdef0123456789abcde>"));
}

TEST_CASE("token prefixes are short") {
  CHECK(vault::TokenPrefixFor("CREDIT_CARD") == "CARD");
  CHECK(vault::TokenPrefixFor("LOCATION") == "LOC");
  CHECK(vault::TokenPrefixFor("EMAIL") == "EMAIL");
  CHECK(vault::TokenPrefixFor("UK_NHS") == "UKNHS");
  CHECK(vault::TokenPrefixFor("DE_TAX_ID") == "DETAXID");
  CHECK(vault::TokenPrefixFor("SE_PERSONNUMMER") == "SEPERSONNUMMER");
  CHECK(vault::TokenPrefixFor("US_ABA_ROUTING") == "USABAROUTING");
  CHECK(vault::FormatToken("LOC", "a1b2") == "[LOC_a1b2]");
}

TEST_CASE("a new session gets one token per distinct value") {
  VaultFixture f;
  auto r = testing::TokenizeAndWait(f.vault, "", "", {{"EMAIL", "a@b.co"}, {"PHONE", "+1 415 555 0132"}, {"EMAIL", "a@b.co"}}, {});
  REQUIRE(r.ok());
  CHECK(vault::IsWellFormedSessionId(r->session_id));
  REQUIRE(r->tokens.size() == 3);
  CHECK(r->tokens[0] == r->tokens[2]);
  CHECK(r->tokens[0] != r->tokens[1]);
  CHECK(r->tokens[0].starts_with("[EMAIL_"));
  CHECK(r->tokens[1].starts_with("[PHONE_"));
  CHECK(r->expires_at_ms == f.now + 60'000);

  auto session = f.vault.Open("", r->session_id);
  REQUIRE(session.ok());
  REQUIRE(session->FindByToken(r->tokens[1]) != nullptr);
  CHECK(session->FindByToken(r->tokens[1])->value() == "+1 415 555 0132");
  CHECK(session->FindByToken("[EMAIL_0000]") == nullptr);
}

TEST_CASE("a later turn reuses tokens and extends the lifetime") {
  VaultFixture f;
  auto first = testing::TokenizeAndWait(f.vault, "", "", {{"EMAIL", "a@b.co"}}, {});
  REQUIRE(first.ok());
  f.now += 10'000;
  auto second = testing::TokenizeAndWait(f.vault, "", first->session_id, {{"EMAIL", "c@d.co"}, {"EMAIL", "a@b.co"}}, {});
  REQUIRE(second.ok());
  CHECK(second->session_id == first->session_id);
  CHECK(second->tokens[1] == first->tokens[0]);
  CHECK(second->tokens[0] != first->tokens[0]);
  CHECK(second->expires_at_ms == f.now + 60'000);
}

TEST_CASE("expired, unknown and malformed sessions") {
  VaultFixture f;
  auto r = testing::TokenizeAndWait(f.vault, "", "", {{"EMAIL", "a@b.co"}}, WithTtl(std::chrono::seconds(5)));
  REQUIRE(r.ok());
  CHECK(f.vault.Open("", r->session_id).ok());
  f.now += 5'001;
  auto expired = f.vault.Open("", r->session_id);
  REQUIRE_FALSE(expired.ok());
  CHECK(expired.error().code == ErrorCode::kNotFound);
  // Reading does not erase it: the expiry watcher does, after its event.
  CHECK(f.store->size() == 1);
  CHECK(testing::EraseNow(f.vault, "", r->session_id).error().code == ErrorCode::kNotFound);

  CHECK(f.vault.Open("", vault::NewSessionId()).error().code == ErrorCode::kNotFound);
  CHECK(f.vault.Open("", "nope").error().code == ErrorCode::kBadRequest);
  CHECK(testing::TokenizeAndWait(f.vault, "", "nope", {}, {}).error().code == ErrorCode::kBadRequest);
  CHECK(testing::TokenizeAndWait(f.vault, "", vault::NewSessionId(), {}, {}).error().code ==
        ErrorCode::kNotFound);
}

TEST_CASE("ttl bounds and token limits") {
  VaultFixture f;
  CHECK(testing::TokenizeAndWait(f.vault, "", "", {}, WithTtl(std::chrono::seconds(3601))).error().code ==
        ErrorCode::kBadRequest);
  CHECK(testing::TokenizeAndWait(f.vault, "", "", {}, WithTtl(std::chrono::seconds(0))).error().code == ErrorCode::kBadRequest);
  CHECK(testing::TokenizeAndWait(f.vault, "", "", {}, WithTtl(std::chrono::seconds(3600))).ok());

  std::vector<vault::ValueToMask> many;
  for (int i = 0; i < 51; ++i) many.push_back({"EMAIL", "u" + std::to_string(i) + "@x.io"});
  CHECK(testing::TokenizeAndWait(f.vault, "", "", many, {}).error().code == ErrorCode::kTooLarge);
}

TEST_CASE("erase removes a session once") {
  VaultFixture f;
  auto r = testing::TokenizeAndWait(f.vault, "", "", {{"EMAIL", "a@b.co"}}, {});
  REQUIRE(r.ok());
  CHECK(testing::EraseNow(f.vault, "", r->session_id).ok());
  CHECK(testing::EraseNow(f.vault, "", r->session_id).error().code == ErrorCode::kNotFound);
  CHECK(f.vault.Open("", r->session_id).error().code == ErrorCode::kNotFound);
}

TEST_CASE("concurrent writers to one session lose no token") {
  VaultFixture f;
  auto r = testing::TokenizeAndWait(f.vault, "", "", {}, {});
  REQUIRE(r.ok());
  constexpr int kThreads = 8, kPerThread = 5;
  std::vector<std::string> tokens(kThreads * kPerThread);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        int n = t * kPerThread + i;
        auto w = testing::TokenizeAndWait(f.vault, "", r->session_id, {{"EMAIL", "u" + std::to_string(n) + "@x.io"}}, {});
        if (w.ok()) tokens[n] = w->tokens[0];
      }
    });
  }
  for (auto& t : threads) t.join();
  auto session = f.vault.Open("", r->session_id);
  REQUIRE(session.ok());
  CHECK(session->token_count() == tokens.size());
  std::set<std::string> distinct;
  for (size_t n = 0; n < tokens.size(); ++n) {
    const auto* entry = session->FindByToken(tokens[n]);
    REQUIRE(entry != nullptr);
    CHECK(entry->value() == "u" + std::to_string(n) + "@x.io");
    distinct.insert(tokens[n]);
  }
  CHECK(distinct.size() == tokens.size());
}

TEST_CASE("a session is invisible to every account but its owner") {
  VaultFixture f;
  auto owned = testing::TokenizeAndWait(f.vault, "TENANT_A", "", {{"EMAIL", "a@b.co"}}, {});
  REQUIRE(owned.ok());
  const std::string& id = owned->session_id;
  for (const char* other : {"", "TENANT_B"}) {
    CAPTURE(other);
    CHECK(f.vault.Open(other, id).error().code == ErrorCode::kNotFound);
    CHECK(testing::TokenizeAndWait(f.vault, other, id, {{"EMAIL", "c@d.co"}}, {}).error().code ==
          ErrorCode::kNotFound);
    CHECK(testing::EraseNow(f.vault, other, id).error().code == ErrorCode::kNotFound);
  }
  auto session = f.vault.Open("TENANT_A", id);
  REQUIRE(session.ok());
  CHECK(session->token_count() == 1);
  CHECK(testing::EraseNow(f.vault, "TENANT_A", id).ok());
}

TEST_CASE("a per-call token limit tightens the vault's") {
  VaultFixture f;
  vault::TokenizeOptions options;
  options.max_tokens = 2;
  CHECK(testing::TokenizeAndWait(f.vault, "", "", {{"EMAIL", "a@b.co"}, {"EMAIL", "c@d.co"}}, options).ok());
  auto grown = testing::TokenizeAndWait(f.vault, "", "", {{"EMAIL", "a@b.co"}}, options);
  REQUIRE(grown.ok());
  CHECK(testing::TokenizeAndWait(f.vault, "", grown->session_id, {{"EMAIL", "c@d.co"}, {"EMAIL", "e@f.co"}},
                         options)
            .error()
            .code == ErrorCode::kTooLarge);
}

namespace {

// A store whose recent copy of every session is frozen when Freeze() is
// called, as another worker's cache is before a write reaches it.
class LaggingStore : public testing::InMemorySessionStore {
 public:
  void Freeze(const std::string& key) { frozen_[key] = *Load(key); }
  Result<vault::StoredBytes> LoadRecent(const std::string& id) override {
    if (auto it = frozen_.find(id); it != frozen_.end()) return it->second;
    return Load(id);
  }
  // Only frozen copies are at hand; the rest would need the store.
  std::optional<Result<vault::StoredBytes>> LoadRecentAtOnce(const std::string& id) override {
    if (auto it = frozen_.find(id); it != frozen_.end()) return it->second;
    return std::nullopt;
  }

 private:
  std::map<std::string, vault::StoredBytes> frozen_;
};

}  // namespace

TEST_CASE("a stale recent copy never hides a token an acknowledged write added") {
  auto store = std::make_shared<LaggingStore>();
  vault::SessionVault vault(store, vault::VaultOptions{});
  auto first = testing::TokenizeAndWait(vault, "", "", {{"EMAIL", "a@b.co"}}, {});
  REQUIRE(first.ok());
  const std::string key = vault::StorageKey("", first->session_id);
  store->Freeze(key);
  auto second = testing::TokenizeAndWait(vault, "", first->session_id, {{"EMAIL", "c@d.co"}}, {});
  REQUIRE(second.ok());  // a conflict on the stale copy, then the store's copy
  const std::string new_token = second->tokens[0];

  // Without asking for the new token the recent copy is enough...
  CHECK(vault.Open("", first->session_id)->FindByToken(new_token) == nullptr);
  // ...asking for it reads the store.
  auto session = vault.Open("", first->session_id, {new_token});
  REQUIRE(session.ok());
  REQUIRE(session->FindByToken(new_token) != nullptr);
  CHECK(session->FindByToken(new_token)->value() == "c@d.co");
}

TEST_CASE("OpenAtOnce answers from the recent copy, and says when the store must be read") {
  auto store = std::make_shared<LaggingStore>();
  vault::SessionVault vault(store, vault::VaultOptions{});
  auto first = testing::TokenizeAndWait(vault, "", "", {{"EMAIL", "a@b.co"}}, {});
  REQUIRE(first.ok());
  // No copy at hand: the store must be read.
  auto unknown = vault.OpenAtOnce("", first->session_id);
  REQUIRE(unknown.ok());
  CHECK_FALSE(unknown->has_value());

  store->Freeze(vault::StorageKey("", first->session_id));
  auto second = testing::TokenizeAndWait(vault, "", first->session_id, {{"EMAIL", "c@d.co"}}, {});
  REQUIRE(second.ok());
  auto at_once = vault.OpenAtOnce("", first->session_id, {first->tokens[0]});
  REQUIRE(at_once.ok());
  REQUIRE(at_once->has_value());
  CHECK((*at_once)->FindByToken(first->tokens[0])->value() == "a@b.co");
  // A token the copy lacks needs the store; Open() reads it there.
  auto lacking = vault.OpenAtOnce("", first->session_id, {second->tokens[0]});
  REQUIRE(lacking.ok());
  CHECK_FALSE(lacking->has_value());
  CHECK(vault.Open("", first->session_id, {second->tokens[0]})->FindByToken(second->tokens[0]));
  // A malformed id answers as Open() does.
  CHECK(vault.OpenAtOnce("", "nope").error().code == ErrorCode::kBadRequest);
}

namespace {

// A store that another writer races: each of the first `rival_writes`
// updates finds the session changed by a rival token, as a conflict does
// when another worker wrote first. It counts its reads, and the blocking
// ones made while a write's completion runs.
class RacedStore : public testing::InMemorySessionStore {
 public:
  int rival_writes = 0;
  int updates = 0;
  int async_reads = 0;
  int blocking_reads_in_completion = 0;

  Result<vault::StoredBytes> Load(const std::string& id) override {
    if (completing_) ++blocking_reads_in_completion;
    return InMemorySessionStore::Load(id);
  }
  void LoadAsync(const std::string& id, LoadDone done) override {
    ++async_reads;
    done(InMemorySessionStore::Load(id));
  }
  void UpdateAsync(const std::string& id, const std::string& bytes, int64_t expires_at_ms,
                   uint64_t expected_revision, WriteDone done) override {
    ++updates;
    if (rival_writes > 0) {
      --rival_writes;
      auto current = InMemorySessionStore::Load(id);
      REQUIRE(current.ok());
      v1::SessionRecord record;
      REQUIRE(record.ParseFromString(current->bytes));
      vault::Session rival(std::move(record));
      rival.TokenFor("EMAIL", "rival" + std::to_string(updates) + "@x.io");
      InMemorySessionStore::UpdateAsync(id, rival.record().SerializeAsString(), expires_at_ms,
                                        current->revision, [](Result<uint64_t>) {});
    }
    InMemorySessionStore::UpdateAsync(id, bytes, expires_at_ms, expected_revision,
                                      [this, &done](Result<uint64_t> revision) {
                                        completing_ = true;
                                        done(std::move(revision));
                                        completing_ = false;
                                      });
  }

 private:
  bool completing_ = false;
};

// A retry timer run by hand: calls wait until the test runs them.
struct ManualTimer {
  struct Call {
    std::chrono::microseconds delay;
    std::function<void()> call;
  };
  std::vector<Call> due;
  std::vector<std::chrono::microseconds> delays;

  // Runs the calls, and those they schedule, in order; how many ran.
  int RunAll() {
    int ran = 0;
    while (!due.empty()) {
      Call next = std::move(due.front());
      due.erase(due.begin());
      next.call();
      ++ran;
    }
    return ran;
  }
};

struct RacedFixture {
  std::shared_ptr<RacedStore> store = std::make_shared<RacedStore>();
  ManualTimer timer;
  vault::SessionVault vault{store, [this] {
                              vault::VaultOptions o;
                              o.max_update_attempts = 4;
                              o.retry_after = [this](std::chrono::microseconds delay,
                                                     std::function<void()> call) {
                                timer.delays.push_back(delay);
                                timer.due.push_back({delay, std::move(call)});
                              };
                              return o;
                            }()};
};

}  // namespace

TEST_CASE("a merge that lost to another writer is retried later, from a read not waited for") {
  RacedFixture f;
  auto first = testing::TokenizeAndWait(f.vault, "", "", {{"EMAIL", "a@b.co"}}, {});
  REQUIRE(first.ok());
  f.store->rival_writes = 3;
  std::optional<Result<vault::TokenizeResult>> outcome;
  f.vault.TokenizeAsync(*f.vault.AdmitTokenize("", first->session_id, {}), {{"EMAIL", "c@d.co"}},
                        [&outcome](Result<vault::TokenizeResult> r) { outcome = std::move(r); });
  // The conflict's completion returned at once: the retry waits for the
  // timer, and nothing read the store while the completion ran.
  CHECK_FALSE(outcome.has_value());
  CHECK(f.timer.due.size() == 1);
  CHECK(f.store->async_reads == 0);

  CHECK(f.timer.RunAll() == 3);
  REQUIRE(outcome.has_value());
  REQUIRE(outcome->ok());
  CHECK(f.store->updates == 4);
  CHECK(f.store->async_reads == 3);
  CHECK(f.store->blocking_reads_in_completion == 0);
  REQUIRE(f.timer.delays.size() == 3);
  for (size_t i = 0; i < f.timer.delays.size(); ++i) {
    CHECK(f.timer.delays[i] <= std::chrono::microseconds(50 << i));
  }
  // No token lost: the first turn's, the rivals' and this one's.
  auto session = f.vault.Open("", first->session_id);
  REQUIRE(session.ok());
  CHECK(session->token_count() == 5);
  CHECK(session->FindByToken(first->tokens[0])->value() == "a@b.co");
  CHECK(session->FindByToken((*outcome)->tokens[0])->value() == "c@d.co");
}

TEST_CASE("a merge that keeps losing gives up after its attempts with 503") {
  RacedFixture f;
  auto first = testing::TokenizeAndWait(f.vault, "", "", {{"EMAIL", "a@b.co"}}, {});
  REQUIRE(first.ok());
  f.store->rival_writes = 1000;
  std::optional<Result<vault::TokenizeResult>> outcome;
  f.vault.TokenizeAsync(*f.vault.AdmitTokenize("", first->session_id, {}), {{"EMAIL", "c@d.co"}},
                        [&outcome](Result<vault::TokenizeResult> r) { outcome = std::move(r); });
  CHECK(f.timer.RunAll() == 3);
  REQUIRE(outcome.has_value());
  REQUIRE_FALSE(outcome->ok());
  CHECK(outcome->error().code == ErrorCode::kUnavailable);
  CHECK(outcome->error().message == "session is too busy, retry");
  CHECK(f.store->updates == 4);
  CHECK(f.store->blocking_reads_in_completion == 0);
}

TEST_CASE("a retry that finds the session gone answers 404") {
  RacedFixture f;
  auto first = testing::TokenizeAndWait(f.vault, "", "", {{"EMAIL", "a@b.co"}}, {});
  REQUIRE(first.ok());
  f.store->rival_writes = 1;
  std::optional<Result<vault::TokenizeResult>> outcome;
  f.vault.TokenizeAsync(*f.vault.AdmitTokenize("", first->session_id, {}), {{"EMAIL", "c@d.co"}},
                        [&outcome](Result<vault::TokenizeResult> r) { outcome = std::move(r); });
  REQUIRE(f.timer.due.size() == 1);
  CHECK(testing::EraseNow(f.vault, "", first->session_id).ok());
  f.timer.RunAll();
  REQUIRE(outcome.has_value());
  CHECK(outcome->error().code == ErrorCode::kNotFound);
}

TEST_CASE("retry pauses grow from 50 us to 3.2 ms, jittered") {
  CHECK(vault::RetryPause(0, 0) == std::chrono::microseconds(0));
  CHECK(vault::RetryPause(0, 50) == std::chrono::microseconds(50));
  CHECK(vault::RetryPause(0, 51) == std::chrono::microseconds(0));
  CHECK(vault::RetryPause(1, 100) == std::chrono::microseconds(100));
  CHECK(vault::RetryPause(6, 3200) == std::chrono::microseconds(3200));
  CHECK(vault::RetryPause(60, 3201) == std::chrono::microseconds(0));
  CHECK(vault::RetryPause(60, 0xffffffffu) <= std::chrono::microseconds(3200));
}
