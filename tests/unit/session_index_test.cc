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

namespace {

// What one held entry with `bytes` costs against the budget.
size_t EntryCost(size_t bytes) { return 160 + SessionKey("x").size() + bytes; }

}  // namespace

TEST_CASE("session index: moves forward only, by revision") {
  ManualClock clock;
  vault::SessionIndex index(1 << 20, clock.fn());
  const int64_t later = clock.now + 60'000;
  index.Apply(SessionKey("s1"), 2, SessionState::ExpiresAt(later), "v2");
  // An older read arriving late.
  index.Apply(SessionKey("s1"), 1, SessionState::ExpiresAt(later), "v1");
  REQUIRE(index.CachedBytes(SessionKey("s1")));
  CHECK(index.CachedBytes(SessionKey("s1"))->bytes == "v2");
  CHECK(index.CachedBytes(SessionKey("s1"))->revision == 2);

  index.ApplyWrite(SessionKey("s1"), 3, SessionState::Removed());
  CHECK_FALSE(index.CachedBytes(SessionKey("s1")));
  index.Apply(SessionKey("s1"), 2, SessionState::ExpiresAt(later), "v2");  // stays removed
  CHECK_FALSE(index.CachedBytes(SessionKey("s1")));
  // A newer write revives the key.
  index.ApplyWrite(SessionKey("s1"), 4, SessionState::ExpiresAt(later), "v4");
  CHECK(index.CachedBytes(SessionKey("s1"))->bytes == "v4");
  CHECK(index.KnownExpiry(SessionKey("s1"), 4) == later);
  CHECK(index.KnownExpiry(SessionKey("s1")) == later);
  CHECK_FALSE(index.KnownExpiry(SessionKey("s1"), 3));
  // Expired: not served.
  clock.now = later;
  CHECK_FALSE(index.CachedBytes(SessionKey("s1")));
}

TEST_CASE("session index: held sessions stay within the budget, least recently used dropped first") {
  ManualClock clock;
  vault::SessionIndex index(2 * EntryCost(4) + 10, clock.fn());
  const int64_t later = clock.now + 60'000;
  index.Apply(SessionKey("a"), 1, SessionState::ExpiresAt(later), "aaaa");
  index.Apply(SessionKey("b"), 2, SessionState::ExpiresAt(later), "bbbb");
  CHECK(index.CachedBytes(SessionKey("a")));  // a is now the most recent
  index.Apply(SessionKey("c"), 3, SessionState::ExpiresAt(later), "cccc");
  CHECK(index.held_bytes() <= 2 * EntryCost(4) + 10);
  CHECK(index.held_entries() == 2);
  CHECK(index.CachedBytes(SessionKey("a")));
  CHECK_FALSE(index.CachedBytes(SessionKey("b")));
  CHECK(index.CachedBytes(SessionKey("c")));
  // Reading b from the store brings it back.
  index.Apply(SessionKey("b"), 2, SessionState::ExpiresAt(later), "bbbb");
  CHECK(index.CachedBytes(SessionKey("b")));
  // Bytes larger than the budget are not held.
  index.Apply(SessionKey("d"), 4, SessionState::ExpiresAt(later), std::string(1000, 'd'));
  CHECK_FALSE(index.CachedBytes(SessionKey("d")));
  CHECK(index.held_bytes() <= 2 * EntryCost(4) + 10);
}

TEST_CASE("session index: the feed changes held sessions only, and records nothing per session") {
  ManualClock clock;
  vault::SessionIndex index(1 << 20, clock.fn());
  const int64_t later = clock.now + 60'000;
  index.ApplyWrite(SessionKey("s1"), 1, SessionState::ExpiresAt(later), "v1");
  // The feed's copy of this worker's own write.
  index.ApplyChange(SessionKey("s1"), 1, SessionState::ExpiresAt(later));
  REQUIRE(index.CachedBytes(SessionKey("s1")));
  CHECK(index.CachedBytes(SessionKey("s1"))->bytes == "v1");

  // Another worker wrote revision 2: the older bytes go.
  index.ApplyChange(SessionKey("s1"), 2, SessionState::ExpiresAt(later + 1000, later));
  CHECK_FALSE(index.CachedBytes(SessionKey("s1")));
  index.Apply(SessionKey("s1"), 2, SessionState::ExpiresAt(later + 1000), "v2");  // read
  CHECK(index.CachedBytes(SessionKey("s1"))->bytes == "v2");

  // Sessions this worker never held leave no entry, however many.
  for (int i = 0; i < 100'000; ++i) {
    index.ApplyChange(SessionKey("n" + std::to_string(i)), 10 + i,
                      SessionState::ExpiresAt(clock.now + 1000 + i % 900'000));
  }
  CHECK(index.held_entries() == 1);
  CHECK(index.LiveSessions("own") == 100'001);
}

TEST_CASE("session index: a change arriving while a read is in flight is not undone by it") {
  // The read-after-delete race of a bounded index: a worker reads a session
  // it does not hold; the deletion reaches its feed before the read's
  // answer (revision 5, from before the deletion) is applied.
  ManualClock clock;
  vault::SessionIndex index(1 << 20, clock.fn());
  const std::string key = SessionKey("s1");
  const int64_t later = clock.now + 60'000;
  index.Watch(key);
  index.ApplyChange(key, 7, SessionState::Removed());
  index.Apply(key, 5, SessionState::ExpiresAt(later), "v5");
  index.Unwatch(key);
  CHECK_FALSE(index.CachedBytes(key));

  // Without a watch the same change is not recorded: an unwatched key is
  // not held, and the next read goes to the store.
  const std::string other = SessionKey("s2");
  index.ApplyChange(other, 9, SessionState::Removed());
  CHECK(index.held_entries() == 1);  // key's tombstone
  // A watch that learned nothing leaves no entry.
  index.Watch(other);
  index.Unwatch(other);
  CHECK(index.held_entries() == 1);
  // Watched entries are never dropped for the budget.
  vault::SessionIndex small(EntryCost(2), clock.fn());
  small.Watch(key);
  small.Apply(SessionKey("x1"), 1, SessionState::ExpiresAt(later), "aa");
  small.ApplyChange(key, 3, SessionState::Removed());
  small.Apply(key, 2, SessionState::ExpiresAt(later), "bb");
  small.Unwatch(key);
  CHECK_FALSE(small.CachedBytes(key));
}

TEST_CASE("session index: keys that name no session are not counted") {
  ManualClock clock;
  vault::SessionIndex index(1 << 20, clock.fn());
  index.ApplyChange("nodot", 1, SessionState::ExpiresAt(clock.now + 1000));
  index.ApplyChange("", 2, SessionState::Removed());
  CHECK(index.LiveSessions("own") == 0);
  CHECK(index.LiveSessions("") == 0);
}

TEST_CASE("session index: the census follows writes, extensions, deletions and expiry") {
  ManualClock clock;
  vault::SessionIndex index(1 << 20, clock.fn());
  const std::string a = vault::AccountKey("TENANT_A");
  const std::string key = SessionKey("s1", a);
  const int64_t expiry = clock.now + 5000;

  // This worker's create: counted at once, and once only when the feed
  // shows it.
  index.ApplyWrite(key, 1, SessionState::ExpiresAt(expiry), "v1");
  CHECK(index.LiveSessions(a) == 1);
  CHECK(index.writes_ahead_of_feed() == 1);
  index.ApplyChange(key, 1, SessionState::ExpiresAt(expiry));
  CHECK(index.LiveSessions(a) == 1);
  CHECK(index.writes_ahead_of_feed() == 0);

  // Another worker's extension names the expiry it replaced.
  const int64_t extended = expiry + 10'000;
  index.ApplyChange(key, 2, SessionState::ExpiresAt(extended, expiry));
  CHECK(index.LiveSessions(a) == 1);
  clock.now = expiry + 1000;
  CHECK(index.LiveSessions(a) == 1);

  // A deletion naming the expiry it ends.
  index.ApplyChange(key, 3, SessionState::Removed(extended));
  CHECK(index.LiveSessions(a) == 0);

  // Other sessions leave at the end of the second they expire in.
  index.ApplyChange(SessionKey("s2", a), 4, SessionState::ExpiresAt(clock.now + 1500));
  index.ApplyChange(SessionKey("s3", a), 5, SessionState::ExpiresAt(clock.now + 5000));
  CHECK(index.LiveSessions(a) == 2);
  CHECK(index.LiveSessions("own") == 0);
  clock.now += 2000;
  CHECK(index.LiveSessions(a) == 1);
  // A feed made again repeats changes: not counted twice.
  index.ApplyChange(SessionKey("s3", a), 5, SessionState::ExpiresAt(clock.now + 3000));
  CHECK(index.LiveSessions(a) == 1);
  // An own write the feed passed without showing (it was counted then) is
  // no longer ahead of it.
  index.ApplyWrite(SessionKey("s4", a), 7, SessionState::ExpiresAt(clock.now + 60'000), "x");
  index.ApplyChange(SessionKey("s5", a), 8, SessionState::ExpiresAt(clock.now + 60'000));
  CHECK(index.writes_ahead_of_feed() == 0);
  CHECK(index.LiveSessions(a) == 3);
  // An acknowledgement arriving after the feed showed the same write.
  index.ApplyChange(SessionKey("s6", a), 9, SessionState::ExpiresAt(clock.now + 60'000));
  index.ApplyWrite(SessionKey("s6", a), 9, SessionState::ExpiresAt(clock.now + 60'000), "x");
  CHECK(index.LiveSessions(a) == 4);
}

TEST_CASE("session index: census of random changes, each naming the expiry it replaced") {
  ManualClock clock;
  vault::SessionIndex index(4096, clock.fn());
  const std::string accounts[] = {"own", vault::AccountKey("TENANT_A"),
                                  vault::AccountKey("TENANT_B")};
  struct Latest {
    size_t account = 0;
    int64_t expires_at_ms = 0;
    bool removed = true;
  };
  std::map<std::string, Latest> latest;
  auto expected_live = [&](size_t account) {
    uint64_t live = 0;
    for (const auto& [key, state] : latest) {
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
    Latest& was = latest[key];
    was.account = account;
    // The writer names the replaced expiry when that revision was live.
    const int64_t previous = was.removed ? 0 : was.expires_at_ms;
    const int64_t expires_at_ms = clock.now + static_cast<int64_t>(rng() % 5000);
    const bool own = rng() % 2 == 0;
    SessionState state = rng() % 4 == 0 ? SessionState::Removed(previous)
                                        : SessionState::ExpiresAt(expires_at_ms, previous);
    ++revision;
    if (own) index.ApplyWrite(key, revision, state, state.removed ? "" : "bytes");
    // The feed shows every change, own ones a little later or at once.
    index.ApplyChange(key, revision, state);
    was.removed = state.removed;
    was.expires_at_ms = state.expires_at_ms;
    clock.now += static_cast<int64_t>(rng() % 300);
    for (size_t a = 0; a < 3; ++a) {
      CAPTURE(step);
      CAPTURE(a);
      REQUIRE(index.LiveSessions(accounts[a]) == expected_live(a));
    }
  }
}
