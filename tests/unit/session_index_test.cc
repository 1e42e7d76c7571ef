#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>

#include "manual_clock.h"
#include "session_keys.h"
#include "vault/session_index.h"
#include "vault/storage_key.h"

using namespace privacy;
using privacy::vault::SessionState;
using privacy::testing::ManualClock;
using privacy::testing::SessionKey;

TEST_CASE("session index: moves forward only, by revision") {
  ManualClock clock;
  vault::SessionIndex index(1 << 20, 0, clock.fn());
  const int64_t later = clock.now + 60'000;
  index.Apply(SessionKey("s1"), 2, SessionState::ExpiresAt(later), "v2");
  // An older write arriving late.
  index.Apply(SessionKey("s1"), 1, SessionState::ExpiresAt(later), "v1");
  REQUIRE(index.CachedBytes(SessionKey("s1")));
  CHECK(index.CachedBytes(SessionKey("s1"))->bytes == "v2");
  CHECK(index.CachedBytes(SessionKey("s1"))->revision == 2);

  index.Apply(SessionKey("s1"), 3, SessionState::Removed());
  CHECK_FALSE(index.CachedBytes(SessionKey("s1")));
  index.Apply(SessionKey("s1"), 2, SessionState::ExpiresAt(later), "v2");  // stays removed
  CHECK_FALSE(index.CachedBytes(SessionKey("s1")));
  // A newer write revives the key.
  index.Apply(SessionKey("s1"), 4, SessionState::ExpiresAt(later), "v4");
  CHECK(index.CachedBytes(SessionKey("s1"))->bytes == "v4");
}

TEST_CASE("session index: expiry and per-account counts") {
  ManualClock clock;
  vault::SessionIndex index(1 << 20, 0, clock.fn());
  const std::string a = vault::AccountKey("TENANT_A");
  index.Apply(SessionKey("s1", a), 1, SessionState::ExpiresAt(clock.now + 1000), "x");
  index.Apply(SessionKey("s2", a), 2, SessionState::ExpiresAt(clock.now + 5000), "x");
  index.Apply(SessionKey("s3"), 3, SessionState::ExpiresAt(clock.now + 5000), "x");
  CHECK(index.LiveSessions(a) == 2);
  CHECK(index.LiveSessions("own") == 1);
  CHECK(index.LiveSessions(vault::AccountKey("TENANT_B")) == 0);
  clock.now += 2000;
  CHECK(index.LiveSessions(a) == 1);
  CHECK_FALSE(index.CachedBytes(SessionKey("s1", a)));
  index.Apply(SessionKey("s2", a), 4, SessionState::Removed());
  CHECK(index.LiveSessions(a) == 0);
}

TEST_CASE("session index: bytes beyond the budget are dropped, least recently used first") {
  ManualClock clock;
  vault::SessionIndex index(10, 0, clock.fn());
  const int64_t later = clock.now + 60'000;
  index.Apply(SessionKey("a"), 1, SessionState::ExpiresAt(later), "aaaa");
  index.Apply(SessionKey("b"), 2, SessionState::ExpiresAt(later), "bbbb");
  CHECK(index.CachedBytes(SessionKey("a")));  // a is now the most recent
  index.Apply(SessionKey("c"), 3, SessionState::ExpiresAt(later), "cccc");
  CHECK(index.cached_bytes() <= 10);
  CHECK(index.CachedBytes(SessionKey("a")));
  CHECK_FALSE(index.CachedBytes(SessionKey("b")));
  CHECK(index.CachedBytes(SessionKey("c")));
  // Counts stay exact without the bytes.
  CHECK(index.LiveSessions("own") == 3);
  // Reading b from the store brings its bytes back.
  index.Apply(SessionKey("b"), 2, SessionState::ExpiresAt(later), "bbbb");
  CHECK(index.CachedBytes(SessionKey("b")));
}

TEST_CASE("session index: a newer revision without bytes drops older bytes and counts as live") {
  ManualClock clock;
  vault::SessionIndex index(1 << 20, 0, clock.fn());
  const int64_t later = clock.now + 60'000;
  index.Apply(SessionKey("s1"), 1, SessionState::ExpiresAt(later), "v1");
  // The feed's copy of this worker's own write.
  index.Apply(SessionKey("s1"), 1, SessionState::ExpiresAt(later));
  REQUIRE(index.CachedBytes(SessionKey("s1")));
  CHECK(index.CachedBytes(SessionKey("s1"))->bytes == "v1");

  // Another worker wrote revision 2.
  index.Apply(SessionKey("s1"), 2, SessionState::ExpiresAt(later));
  CHECK_FALSE(index.CachedBytes(SessionKey("s1")));
  CHECK(index.LiveSessions("own") == 1);
  CHECK(index.cached_bytes() == 0);
  index.Apply(SessionKey("s1"), 2, SessionState::ExpiresAt(later), "v2");  // read from the store
  REQUIRE(index.CachedBytes(SessionKey("s1")));
  CHECK(index.CachedBytes(SessionKey("s1"))->bytes == "v2");

  index.Apply(SessionKey("s2"), 5, SessionState::ExpiresAt(later));  // known only from the feed
  CHECK_FALSE(index.CachedBytes(SessionKey("s2")));
  CHECK(index.LiveSessions("own") == 2);
  index.Apply(SessionKey("s2"), 6, SessionState::Removed());
  // A late copy does not revive it.
  index.Apply(SessionKey("s2"), 5, SessionState::ExpiresAt(later));
  CHECK(index.LiveSessions("own") == 1);
}

TEST_CASE("session index: keys that name no session are not recorded") {
  ManualClock clock;
  vault::SessionIndex index(1 << 20, 0, clock.fn());
  index.Apply("own.not-a-session", 1, SessionState::ExpiresAt(clock.now + 1000), "x");
  index.Apply("own." + std::string(32, 'A'), 1, SessionState::ExpiresAt(clock.now + 1000));
  index.Apply("", 1, SessionState::Removed());
  CHECK_FALSE(index.CachedBytes("own.not-a-session"));
  CHECK(index.LiveSessions("own") == 0);
  CHECK(index.cached_bytes() == 0);
}

TEST_CASE("session index: live counts follow writes, deletions and expiry, to the second") {
  ManualClock clock;
  vault::SessionIndex index(64, 0, clock.fn());  // a budget for a few sessions' bytes only
  const std::string accounts[] = {"own", vault::AccountKey("TENANT_A"),
                                  vault::AccountKey("TENANT_B")};
  // What the cache should count: the latest write or deletion of each key
  // (revisions only grow here, so every change is taken).
  struct Latest {
    size_t account = 0;
    int64_t expires_at_ms = 0;
    bool removed = false;
  };
  std::map<std::string, Latest> latest;
  auto expected_live = [&](size_t account) {
    uint64_t live = 0;
    for (const auto& [key, state] : latest) {
      // Left when the second it expires in has ended.
      if (state.account == account && !state.removed &&
          (state.expires_at_ms / 1000 + 1) * 1000 > clock.now) {
        ++live;
      }
    }
    return live;
  };
  std::mt19937 rng(7);
  uint64_t revision = 0;
  for (int step = 0; step < 20000; ++step) {
    const size_t account = rng() % 3;
    const std::string key = SessionKey("k" + std::to_string(rng() % 150), accounts[account]);
    const int64_t expires_at_ms = clock.now + static_cast<int64_t>(rng() % 5000);
    switch (rng() % 4) {
      case 0:
        index.Apply(key, ++revision, SessionState::ExpiresAt(expires_at_ms), "bytes");
        latest[key] = {account, expires_at_ms, false};
        break;
      case 1:
      case 2:
        index.Apply(key, ++revision, SessionState::ExpiresAt(expires_at_ms));
        latest[key] = {account, expires_at_ms, false};
        break;
      default:
        index.Apply(key, ++revision, SessionState::Removed());
        latest[key] = {account, 0, true};
        break;
    }
    clock.now += static_cast<int64_t>(rng() % 300);
    for (size_t a = 0; a < 3; ++a) {
      CAPTURE(step);
      CAPTURE(a);
      REQUIRE(index.LiveSessions(accounts[a]) == expected_live(a));
    }
  }
}

TEST_CASE("session index: one Apply feeds the byte cache, the census and the expiry checks") {
  ManualClock clock;
  vault::SessionIndex index(1 << 20, 0, clock.fn());
  const std::string a = vault::AccountKey("TENANT_A");
  const std::string key = SessionKey("s1", a);
  const int64_t expiry = clock.now + 5000;

  // This worker's write: bytes held, counted, its expiry to be checked.
  index.Apply(key, 1, SessionState::ExpiresAt(expiry), "v1");
  REQUIRE(index.CachedBytes(key));
  CHECK(index.CachedBytes(key)->bytes == "v1");
  CHECK(index.LiveSessions(a) == 1);
  CHECK(index.pending_checks() == 1);

  // Another worker's extension, from the feed: older bytes dropped, still
  // one live session, one check, now at the new expiry.
  const int64_t extended = expiry + 10'000;
  index.Apply(key, 2, SessionState::ExpiresAt(extended));
  CHECK_FALSE(index.CachedBytes(key));
  CHECK(index.LiveSessions(a) == 1);
  CHECK(index.pending_checks() == 1);
  clock.now = expiry;
  CHECK(index.TakeDue(10).empty());

  // A late copy of revision 1 changes none of the three.
  index.Apply(key, 1, SessionState::ExpiresAt(expiry), "v1");
  CHECK_FALSE(index.CachedBytes(key));
  CHECK(index.LiveSessions(a) == 1);
  CHECK(index.pending_checks() == 1);

  // The deletion: no bytes, not counted, nothing to check; and it stays so
  // for older revisions.
  index.Apply(key, 3, SessionState::Removed());
  CHECK_FALSE(index.CachedBytes(key));
  CHECK(index.LiveSessions(a) == 0);
  CHECK(index.pending_checks() == 0);
  index.Apply(key, 2, SessionState::ExpiresAt(extended), "v2");
  CHECK_FALSE(index.CachedBytes(key));
  CHECK(index.LiveSessions(a) == 0);
  CHECK(index.pending_checks() == 0);
  clock.now = extended + 1;
  CHECK(index.TakeDue(10).empty());

  // A new revision revives the key in all three.
  index.Apply(key, 4, SessionState::ExpiresAt(clock.now + 1000), "v4");
  CHECK(index.CachedBytes(key)->bytes == "v4");
  CHECK(index.LiveSessions(a) == 1);
  CHECK(index.pending_checks() == 1);
  clock.now += 1000;
  auto due = index.TakeDue(10);
  REQUIRE(due.size() == 1);
  CHECK(due[0].key == key);
  CHECK(due[0].revision == 4);
  // Handed out: no longer pending, still counted to the end of its second.
  CHECK(index.pending_checks() == 0);
  CHECK(index.LiveSessions(a) == 1);
  clock.now = (clock.now / 1000 + 1) * 1000;
  CHECK(index.LiveSessions(a) == 0);
}
