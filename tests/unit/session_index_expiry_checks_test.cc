#include <doctest/doctest.h>

#include <future>
#include <set>

#include "manual_clock.h"
#include "session_keys.h"
#include "vault/session_index.h"

using namespace privacy;
using privacy::vault::SessionState;
using privacy::testing::ManualClock;
using privacy::testing::SessionKey;

namespace {

std::vector<std::string> Keys(const std::vector<vault::ExpiryCheck>& checks) {
  std::vector<std::string> keys;
  for (const auto& c : checks) keys.push_back(c.key);
  return keys;
}

}  // namespace

TEST_CASE("session index, expiry checks: due checks come earliest first, each once") {
  ManualClock clock;
  vault::SessionIndex index(1 << 20, 0, clock.fn());
  index.Apply(SessionKey("b"), 2, SessionState::ExpiresAt(clock.now + 200));
  index.Apply(SessionKey("a"), 1, SessionState::ExpiresAt(clock.now + 100));
  index.Apply(SessionKey("c"), 3, SessionState::ExpiresAt(clock.now + 300));
  CHECK(index.pending_checks() == 3);
  CHECK(index.TakeDue(10).empty());

  clock.now += 250;
  auto due = index.TakeDue(10);
  CHECK(Keys(due) == std::vector<std::string>{SessionKey("a"), SessionKey("b")});
  CHECK(due[0].revision == 1);
  CHECK(due[0].expires_at_ms == clock.now - 150);
  CHECK(index.TakeDue(10).empty());  // handed out once
  CHECK(index.pending_checks() == 1);

  clock.now += 1000;
  CHECK(Keys(index.TakeDue(10)) == std::vector<std::string>{SessionKey("c")});
  CHECK(index.pending_checks() == 0);
}

TEST_CASE("session index, expiry checks: the latest revision wins, deletions cancel") {
  ManualClock clock;
  vault::SessionIndex index(1 << 20, 0, clock.fn());
  index.Apply(SessionKey("s"), 5, SessionState::ExpiresAt(clock.now + 100));
  // Older write, late: ignored.
  index.Apply(SessionKey("s"), 4, SessionState::ExpiresAt(clock.now + 50));
  index.Apply(SessionKey("s"), 7, SessionState::ExpiresAt(clock.now + 1000));  // extended
  clock.now += 500;
  CHECK(index.TakeDue(10).empty());
  clock.now += 600;
  auto due = index.TakeDue(10);
  REQUIRE(due.size() == 1);
  CHECK(due[0].revision == 7);

  index.Apply(SessionKey("d"), 8, SessionState::ExpiresAt(clock.now + 100));
  index.Apply(SessionKey("d"), 6, SessionState::Removed());  // older than the write: ignored
  CHECK(index.pending_checks() == 1);
  index.Apply(SessionKey("d"), 9, SessionState::Removed());
  CHECK(index.pending_checks() == 0);
  clock.now += 1000;
  CHECK(index.TakeDue(10).empty());
}

TEST_CASE("session index, expiry checks: checks are spread over the spread after the expiry") {
  ManualClock clock;
  constexpr int64_t kSpread = 1000;
  vault::SessionIndex index(1 << 20, kSpread, clock.fn(), 42);
  const int64_t expiry = clock.now + 10'000;
  for (int i = 0; i < 200; ++i) {
    index.Apply(SessionKey("s" + std::to_string(i)), i + 1, SessionState::ExpiresAt(expiry));
  }
  clock.now = expiry - 1;
  CHECK(index.TakeDue(1000).empty());  // never before the expiry
  clock.now = expiry + kSpread / 2;
  size_t first_half = index.TakeDue(1000).size();
  CHECK(first_half > 50);
  CHECK(first_half < 150);
  clock.now = expiry + kSpread;
  CHECK(index.TakeDue(1000).size() == 200 - first_half);  // all by expiry + spread
}

TEST_CASE("session index, expiry checks: a failed check comes back at its retry time") {
  ManualClock clock;
  vault::SessionIndex index(1 << 20, 0, clock.fn());
  index.Apply(SessionKey("s"), 3, SessionState::ExpiresAt(clock.now));
  auto due = index.TakeDue(10);
  REQUIRE(due.size() == 1);
  index.RetryAt(due[0], clock.now + 1000);
  CHECK(index.TakeDue(10).empty());
  clock.now += 1000;
  CHECK(Keys(index.TakeDue(10)) == std::vector<std::string>{SessionKey("s")});

  // A retry of an older revision than one tracked meanwhile is dropped.
  index.Apply(SessionKey("s"), 9, SessionState::ExpiresAt(clock.now + 5000));
  index.RetryAt(due[0], clock.now);
  CHECK(index.TakeDue(10).empty());
  CHECK(index.pending_checks() == 1);
}

TEST_CASE("session index, expiry checks: TakeDue hands out at most the batch size") {
  ManualClock clock;
  vault::SessionIndex index(1 << 20, 0, clock.fn());
  for (int i = 0; i < 5; ++i) {
    index.Apply(SessionKey("s" + std::to_string(i)), 1, SessionState::ExpiresAt(clock.now));
  }
  CHECK(index.TakeDue(3).size() == 3);
  CHECK(index.TakeDue(3).size() == 2);
}

TEST_CASE("session index, expiry checks: a waiter wakes for an earlier deadline and on Stop") {
  vault::SessionIndex index(1 << 20, 0);
  const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  index.Apply(SessionKey("late"), 1, SessionState::ExpiresAt(now + 600'000));
  auto waiter = std::async(std::launch::async, [&] {
    return index.WaitForDue(std::chrono::seconds(60), 10);
  });
  index.Apply(SessionKey("soon"), 2, SessionState::ExpiresAt(now + 50));
  REQUIRE(waiter.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
  CHECK(Keys(waiter.get()) == std::vector<std::string>{SessionKey("soon")});

  auto stopped = std::async(std::launch::async, [&] {
    return index.WaitForDue(std::chrono::seconds(60), 10);
  });
  index.Stop();
  REQUIRE(stopped.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
  CHECK(stopped.get().empty());
}

TEST_CASE("session index, expiry checks: many moves of the same sessions keep one check each") {
  ManualClock clock;
  vault::SessionIndex index(1 << 20, 0, clock.fn());
  // Every session extended many times: each move leaves a stale queued
  // check behind, which must never be handed out.
  for (uint64_t revision = 1; revision <= 50; ++revision) {
    for (int s = 0; s < 100; ++s) {
      index.Apply(SessionKey("s" + std::to_string(s)), revision,
                  SessionState::ExpiresAt(clock.now + 1000 +
                                                 static_cast<int64_t>(revision) * 10 + s));
    }
  }
  CHECK(index.pending_checks() == 100);
  const int64_t start = clock.now;
  // Sessions s0..s49 are due at their latest deadline; s50..s99 are not yet.
  clock.now = start + 1000 + 500 + 49;
  auto due = index.TakeDue(1000);
  CHECK(due.size() == 50);
  std::set<std::string> keys;
  for (const auto& check : due) {
    CHECK(check.revision == 50);
    keys.insert(check.key);
  }
  CHECK(keys.size() == 50);
  CHECK(keys.count(SessionKey("s49")) == 1);
  CHECK(index.pending_checks() == 50);
  clock.now = start + 1000 + 500 + 99;
  CHECK(index.TakeDue(1000).size() == 50);
  CHECK(index.pending_checks() == 0);
  CHECK(index.TakeDue(1000).empty());
}

TEST_CASE("session index, expiry checks: keys that name no session are ignored") {
  ManualClock clock;
  vault::SessionIndex index(1 << 20, 0, clock.fn());
  index.Apply("own.not-a-session", 1, SessionState::ExpiresAt(clock.now + 10));
  index.Apply("", 1, SessionState::ExpiresAt(clock.now + 10));
  index.RetryAt({"own.s1", 1, clock.now}, clock.now);
  index.Apply("own.s1", 2, SessionState::Removed());
  CHECK(index.pending_checks() == 0);
  clock.now += 100;
  CHECK(index.TakeDue(10).empty());
}

TEST_CASE("session index, expiry checks: bytes from the store never hand a check out twice") {
  ManualClock clock;
  vault::SessionIndex index(1 << 20, 0, clock.fn());
  index.Apply(SessionKey("s"), 4, SessionState::ExpiresAt(clock.now));
  REQUIRE(index.TakeDue(10).size() == 1);
  // The watcher reads the session from the store: the same revision, with
  // its bytes. The check it is making is not queued again.
  index.Apply(SessionKey("s"), 4, SessionState::ExpiresAt(clock.now), "bytes");
  index.Apply(SessionKey("s"), 4, SessionState::ExpiresAt(clock.now));  // the feed, late
  CHECK(index.pending_checks() == 0);
  CHECK(index.TakeDue(10).empty());
  // Its own erasure, acknowledged: nothing left to check.
  index.Apply(SessionKey("s"), 5, SessionState::Removed());
  clock.now += 100'000;
  CHECK(index.TakeDue(10).empty());
}

TEST_CASE("session index, expiry checks: a store read found later is checked after its expiry") {
  ManualClock clock;
  constexpr int64_t kSpread = 1000;
  vault::SessionIndex index(1 << 20, kSpread, clock.fn(), 7);
  index.Apply(SessionKey("s"), 1, SessionState::ExpiresAt(clock.now));
  clock.now += kSpread;
  auto due = index.TakeDue(10);
  REQUIRE(due.size() == 1);

  // The store holds revision 2, extended by another worker: checked a
  // random moment after its own expiry.
  const int64_t extended_to = clock.now + 10'000;
  index.RecheckAfterExpiry({SessionKey("s"), 2, extended_to});
  CHECK(index.pending_checks() == 1);
  clock.now = extended_to - 1;
  CHECK(index.TakeDue(10).empty());
  clock.now = extended_to + kSpread;
  auto again = index.TakeDue(10);
  REQUIRE(again.size() == 1);
  CHECK(again[0].revision == 2);
  CHECK(again[0].expires_at_ms == extended_to);

  // The same revision found unexpired (this worker's clock behind the
  // writer's) comes back once; a pending check is not doubled.
  index.RecheckAfterExpiry(again[0]);
  index.RecheckAfterExpiry(again[0]);
  CHECK(index.pending_checks() == 1);
  CHECK(index.TakeDue(10).size() == 1);
  CHECK(index.TakeDue(10).empty());

  // Nor does an older revision, or a removed session, come back.
  index.Apply(SessionKey("s"), 3, SessionState::Removed());
  index.RecheckAfterExpiry(again[0]);
  index.RetryAt(again[0], clock.now);
  CHECK(index.pending_checks() == 0);
  CHECK(index.TakeDue(10).empty());
}

TEST_CASE("session index, expiry checks: a retry outlives the entry's forgetting") {
  ManualClock clock;
  vault::SessionIndex index(1 << 20, 0, clock.fn());
  index.Apply(SessionKey("s"), 1, SessionState::ExpiresAt(clock.now));
  auto due = index.TakeDue(10);
  REQUIRE(due.size() == 1);
  // Long after, the settled entry is forgotten (by the next change's sweep);
  // the retry of the check still comes back.
  clock.now += 120'000;
  index.Apply(SessionKey("other"), 2, SessionState::ExpiresAt(clock.now + 60'000));
  index.RetryAt(due[0], clock.now + 1000);
  CHECK(index.LiveSessions("own") == 1);  // the expired session is not counted again
  clock.now += 1000;
  auto retried = index.TakeDue(10);
  REQUIRE(retried.size() == 1);
  CHECK(retried[0].key == SessionKey("s"));
  CHECK(retried[0].revision == 1);
}
