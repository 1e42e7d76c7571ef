#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>

#include "session_keys.h"
#include "vault/session_cache.h"
#include "vault/storage_key.h"

using namespace privacy;
using privacy::testing::SessionKey;

namespace {

struct CacheClock {
  int64_t now = 1'700'000'000'000;
  std::function<int64_t()> fn() {
    return [this] { return now; };
  }
};

}  // namespace

TEST_CASE("session cache: moves forward only, by revision") {
  CacheClock clock;
  vault::SessionCache cache(1 << 20, clock.fn());
  const int64_t later = clock.now + 60'000;
  cache.Put(SessionKey("s1"), "v2", 2, later);
  cache.Put(SessionKey("s1"), "v1", 1, later);  // an older write arriving late
  REQUIRE(cache.Get(SessionKey("s1")));
  CHECK(cache.Get(SessionKey("s1"))->bytes == "v2");
  CHECK(cache.Get(SessionKey("s1"))->revision == 2);

  cache.Remove(SessionKey("s1"), 3);
  CHECK_FALSE(cache.Get(SessionKey("s1")));
  cache.Put(SessionKey("s1"), "v2", 2, later);  // stays removed
  CHECK_FALSE(cache.Get(SessionKey("s1")));
  cache.Put(SessionKey("s1"), "v4", 4, later);  // a newer write revives the key
  CHECK(cache.Get(SessionKey("s1"))->bytes == "v4");
}

TEST_CASE("session cache: expiry and per-account counts") {
  CacheClock clock;
  vault::SessionCache cache(1 << 20, clock.fn());
  const std::string a = vault::AccountKey("TENANT_A");
  cache.Put(SessionKey("s1", a), "x", 1, clock.now + 1000);
  cache.Put(SessionKey("s2", a), "x", 2, clock.now + 5000);
  cache.Put(SessionKey("s3"), "x", 3, clock.now + 5000);
  CHECK(cache.LiveSessions(a) == 2);
  CHECK(cache.LiveSessions("own") == 1);
  CHECK(cache.LiveSessions(vault::AccountKey("TENANT_B")) == 0);
  clock.now += 2000;
  CHECK(cache.LiveSessions(a) == 1);
  CHECK_FALSE(cache.Get(SessionKey("s1", a)));
  cache.Remove(SessionKey("s2", a), 4);
  CHECK(cache.LiveSessions(a) == 0);
}

TEST_CASE("session cache: bytes beyond the budget are dropped, least recently used first") {
  CacheClock clock;
  vault::SessionCache cache(10, clock.fn());
  const int64_t later = clock.now + 60'000;
  cache.Put(SessionKey("a"), "aaaa", 1, later);
  cache.Put(SessionKey("b"), "bbbb", 2, later);
  CHECK(cache.Get(SessionKey("a")));  // a is now the most recent
  cache.Put(SessionKey("c"), "cccc", 3, later);
  CHECK(cache.cached_bytes() <= 10);
  CHECK(cache.Get(SessionKey("a")));
  CHECK_FALSE(cache.Get(SessionKey("b")));
  CHECK(cache.Get(SessionKey("c")));
  // Counts stay exact without the bytes.
  CHECK(cache.LiveSessions("own") == 3);
  // Reading b from the store brings its bytes back.
  cache.Put(SessionKey("b"), "bbbb", 2, later);
  CHECK(cache.Get(SessionKey("b")));
}

TEST_CASE("session cache: a tracked newer revision drops older bytes and counts as live") {
  CacheClock clock;
  vault::SessionCache cache(1 << 20, clock.fn());
  const int64_t later = clock.now + 60'000;
  cache.Put(SessionKey("s1"), "v1", 1, later);
  cache.Track(SessionKey("s1"), 1, later);  // the feed's copy of this worker's own write
  REQUIRE(cache.Get(SessionKey("s1")));
  CHECK(cache.Get(SessionKey("s1"))->bytes == "v1");

  cache.Track(SessionKey("s1"), 2, later);  // another worker wrote revision 2
  CHECK_FALSE(cache.Get(SessionKey("s1")));
  CHECK(cache.LiveSessions("own") == 1);
  CHECK(cache.cached_bytes() == 0);
  cache.Put(SessionKey("s1"), "v2", 2, later);  // read from the store
  REQUIRE(cache.Get(SessionKey("s1")));
  CHECK(cache.Get(SessionKey("s1"))->bytes == "v2");

  cache.Track(SessionKey("s2"), 5, later);  // known only from the feed
  CHECK_FALSE(cache.Get(SessionKey("s2")));
  CHECK(cache.LiveSessions("own") == 2);
  cache.Remove(SessionKey("s2"), 6);
  cache.Track(SessionKey("s2"), 5, later);  // a late copy does not revive it
  CHECK(cache.LiveSessions("own") == 1);
}

TEST_CASE("session cache: keys that name no session are not recorded") {
  CacheClock clock;
  vault::SessionCache cache(1 << 20, clock.fn());
  cache.Put("own.not-a-session", "x", 1, clock.now + 1000);
  cache.Track("own." + std::string(32, 'A'), 1, clock.now + 1000);
  cache.Remove("", 1);
  CHECK_FALSE(cache.Get("own.not-a-session"));
  CHECK(cache.LiveSessions("own") == 0);
  CHECK(cache.cached_bytes() == 0);
}

TEST_CASE("session cache: live counts follow writes, deletions and expiry, to the second") {
  CacheClock clock;
  vault::SessionCache cache(64, clock.fn());  // a budget for a few sessions' bytes only
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
        cache.Put(key, "bytes", ++revision, expires_at_ms);
        latest[key] = {account, expires_at_ms, false};
        break;
      case 1:
      case 2:
        cache.Track(key, ++revision, expires_at_ms);
        latest[key] = {account, expires_at_ms, false};
        break;
      default:
        cache.Remove(key, ++revision);
        latest[key] = {account, 0, true};
        break;
    }
    clock.now += static_cast<int64_t>(rng() % 300);
    for (size_t a = 0; a < 3; ++a) {
      CAPTURE(step);
      CAPTURE(a);
      REQUIRE(cache.LiveSessions(accounts[a]) == expected_live(a));
    }
  }
}
