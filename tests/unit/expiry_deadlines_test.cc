#include <doctest/doctest.h>

#include <future>
#include <set>

#include "session_keys.h"
#include "vault/expiry_deadlines.h"

using namespace privacy;
using privacy::testing::SessionKey;

namespace {

struct TestClock {
  int64_t now = 1'700'000'000'000;
  std::function<int64_t()> fn() {
    return [this] { return now; };
  }
};

std::vector<std::string> Keys(const std::vector<vault::ExpiryCheck>& checks) {
  std::vector<std::string> keys;
  for (const auto& c : checks) keys.push_back(c.key);
  return keys;
}

}  // namespace

TEST_CASE("expiry deadlines: due checks come earliest first, each once") {
  TestClock clock;
  vault::ExpiryDeadlines deadlines(0, clock.fn());
  deadlines.Track(SessionKey("b"), 2, clock.now + 200);
  deadlines.Track(SessionKey("a"), 1, clock.now + 100);
  deadlines.Track(SessionKey("c"), 3, clock.now + 300);
  CHECK(deadlines.size() == 3);
  CHECK(deadlines.TakeDue(10).empty());

  clock.now += 250;
  auto due = deadlines.TakeDue(10);
  CHECK(Keys(due) == std::vector<std::string>{SessionKey("a"), SessionKey("b")});
  CHECK(due[0].revision == 1);
  CHECK(due[0].expires_at_ms == clock.now - 150);
  CHECK(deadlines.TakeDue(10).empty());  // handed out once
  CHECK(deadlines.size() == 1);

  clock.now += 1000;
  CHECK(Keys(deadlines.TakeDue(10)) == std::vector<std::string>{SessionKey("c")});
  CHECK(deadlines.size() == 0);
}

TEST_CASE("expiry deadlines: the latest revision wins, deletions cancel") {
  TestClock clock;
  vault::ExpiryDeadlines deadlines(0, clock.fn());
  deadlines.Track(SessionKey("s"), 5, clock.now + 100);
  deadlines.Track(SessionKey("s"), 4, clock.now + 50);     // older write, late: ignored
  deadlines.Track(SessionKey("s"), 7, clock.now + 1000);   // extended
  clock.now += 500;
  CHECK(deadlines.TakeDue(10).empty());
  clock.now += 600;
  auto due = deadlines.TakeDue(10);
  REQUIRE(due.size() == 1);
  CHECK(due[0].revision == 7);

  deadlines.Track(SessionKey("d"), 8, clock.now + 100);
  deadlines.Forget(SessionKey("d"), 6);  // older than the write: ignored
  CHECK(deadlines.size() == 1);
  deadlines.Forget(SessionKey("d"), 9);
  CHECK(deadlines.size() == 0);
  clock.now += 1000;
  CHECK(deadlines.TakeDue(10).empty());
}

TEST_CASE("expiry deadlines: checks are spread over the spread after the expiry") {
  TestClock clock;
  constexpr int64_t kSpread = 1000;
  vault::ExpiryDeadlines deadlines(kSpread, clock.fn(), 42);
  const int64_t expiry = clock.now + 10'000;
  for (int i = 0; i < 200; ++i) deadlines.Track(SessionKey("s" + std::to_string(i)), i + 1, expiry);
  clock.now = expiry - 1;
  CHECK(deadlines.TakeDue(1000).empty());  // never before the expiry
  clock.now = expiry + kSpread / 2;
  size_t first_half = deadlines.TakeDue(1000).size();
  CHECK(first_half > 50);
  CHECK(first_half < 150);
  clock.now = expiry + kSpread;
  CHECK(deadlines.TakeDue(1000).size() == 200 - first_half);  // all by expiry + spread
}

TEST_CASE("expiry deadlines: a failed check comes back at its retry time") {
  TestClock clock;
  vault::ExpiryDeadlines deadlines(0, clock.fn());
  deadlines.Track(SessionKey("s"), 3, clock.now);
  auto due = deadlines.TakeDue(10);
  REQUIRE(due.size() == 1);
  deadlines.RetryAt(due[0], clock.now + 1000);
  CHECK(deadlines.TakeDue(10).empty());
  clock.now += 1000;
  CHECK(Keys(deadlines.TakeDue(10)) == std::vector<std::string>{SessionKey("s")});

  // A retry of an older revision than one tracked meanwhile is dropped.
  deadlines.Track(SessionKey("s"), 9, clock.now + 5000);
  deadlines.RetryAt(due[0], clock.now);
  CHECK(deadlines.TakeDue(10).empty());
  CHECK(deadlines.size() == 1);
}

TEST_CASE("expiry deadlines: TakeDue hands out at most the batch size") {
  TestClock clock;
  vault::ExpiryDeadlines deadlines(0, clock.fn());
  for (int i = 0; i < 5; ++i) deadlines.Track(SessionKey("s" + std::to_string(i)), 1, clock.now);
  CHECK(deadlines.TakeDue(3).size() == 3);
  CHECK(deadlines.TakeDue(3).size() == 2);
}

TEST_CASE("expiry deadlines: a waiter wakes for an earlier deadline and on Stop") {
  vault::ExpiryDeadlines deadlines(0);
  const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  deadlines.Track(SessionKey("late"), 1, now + 600'000);
  auto waiter = std::async(std::launch::async, [&] {
    return deadlines.WaitForDue(std::chrono::seconds(60), 10);
  });
  deadlines.Track(SessionKey("soon"), 2, now + 50);
  REQUIRE(waiter.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
  CHECK(Keys(waiter.get()) == std::vector<std::string>{SessionKey("soon")});

  auto stopped = std::async(std::launch::async, [&] {
    return deadlines.WaitForDue(std::chrono::seconds(60), 10);
  });
  deadlines.Stop();
  REQUIRE(stopped.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
  CHECK(stopped.get().empty());
}

TEST_CASE("expiry deadlines: many moves of the same sessions keep one check each") {
  TestClock clock;
  vault::ExpiryDeadlines deadlines(0, clock.fn());
  // Every session extended many times: each move leaves a stale queued
  // check behind, which must never be handed out.
  for (uint64_t revision = 1; revision <= 50; ++revision) {
    for (int s = 0; s < 100; ++s) {
      deadlines.Track(SessionKey("s" + std::to_string(s)), revision,
                      clock.now + 1000 + static_cast<int64_t>(revision) * 10 + s);
    }
  }
  CHECK(deadlines.size() == 100);
  const int64_t start = clock.now;
  // Sessions s0..s49 are due at their latest deadline; s50..s99 are not yet.
  clock.now = start + 1000 + 500 + 49;
  auto due = deadlines.TakeDue(1000);
  CHECK(due.size() == 50);
  std::set<std::string> keys;
  for (const auto& check : due) {
    CHECK(check.revision == 50);
    keys.insert(check.key);
  }
  CHECK(keys.size() == 50);
  CHECK(keys.count(SessionKey("s49")) == 1);
  CHECK(deadlines.size() == 50);
  clock.now = start + 1000 + 500 + 99;
  CHECK(deadlines.TakeDue(1000).size() == 50);
  CHECK(deadlines.size() == 0);
  CHECK(deadlines.TakeDue(1000).empty());
}

TEST_CASE("expiry deadlines: keys that name no session are ignored") {
  TestClock clock;
  vault::ExpiryDeadlines deadlines(0, clock.fn());
  deadlines.Track("own.not-a-session", 1, clock.now + 10);
  deadlines.Track("", 1, clock.now + 10);
  deadlines.RetryAt({"own.s1", 1, clock.now}, clock.now);
  deadlines.Forget("own.s1", 2);
  CHECK(deadlines.size() == 0);
  clock.now += 100;
  CHECK(deadlines.TakeDue(10).empty());
}
