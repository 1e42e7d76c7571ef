#include <doctest/doctest.h>

#include <future>
#include <set>

#include "vault/expiry_deadlines.h"

using namespace privacy;

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
  deadlines.Track("own.b", 2, clock.now + 200);
  deadlines.Track("own.a", 1, clock.now + 100);
  deadlines.Track("own.c", 3, clock.now + 300);
  CHECK(deadlines.size() == 3);
  CHECK(deadlines.TakeDue(10).empty());

  clock.now += 250;
  auto due = deadlines.TakeDue(10);
  CHECK(Keys(due) == std::vector<std::string>{"own.a", "own.b"});
  CHECK(due[0].revision == 1);
  CHECK(due[0].expires_at_ms == clock.now - 150);
  CHECK(deadlines.TakeDue(10).empty());  // handed out once
  CHECK(deadlines.size() == 1);

  clock.now += 1000;
  CHECK(Keys(deadlines.TakeDue(10)) == std::vector<std::string>{"own.c"});
  CHECK(deadlines.size() == 0);
}

TEST_CASE("expiry deadlines: the latest revision wins, deletions cancel") {
  TestClock clock;
  vault::ExpiryDeadlines deadlines(0, clock.fn());
  deadlines.Track("own.s", 5, clock.now + 100);
  deadlines.Track("own.s", 4, clock.now + 50);     // older write, late: ignored
  deadlines.Track("own.s", 7, clock.now + 1000);   // extended
  clock.now += 500;
  CHECK(deadlines.TakeDue(10).empty());
  clock.now += 600;
  auto due = deadlines.TakeDue(10);
  REQUIRE(due.size() == 1);
  CHECK(due[0].revision == 7);

  deadlines.Track("own.d", 8, clock.now + 100);
  deadlines.Forget("own.d", 6);  // older than the write: ignored
  CHECK(deadlines.size() == 1);
  deadlines.Forget("own.d", 9);
  CHECK(deadlines.size() == 0);
  clock.now += 1000;
  CHECK(deadlines.TakeDue(10).empty());
}

TEST_CASE("expiry deadlines: checks are spread over the spread after the expiry") {
  TestClock clock;
  constexpr int64_t kSpread = 1000;
  vault::ExpiryDeadlines deadlines(kSpread, clock.fn(), 42);
  const int64_t expiry = clock.now + 10'000;
  for (int i = 0; i < 200; ++i) deadlines.Track("own.s" + std::to_string(i), i + 1, expiry);
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
  deadlines.Track("own.s", 3, clock.now);
  auto due = deadlines.TakeDue(10);
  REQUIRE(due.size() == 1);
  deadlines.RetryAt(due[0], clock.now + 1000);
  CHECK(deadlines.TakeDue(10).empty());
  clock.now += 1000;
  CHECK(Keys(deadlines.TakeDue(10)) == std::vector<std::string>{"own.s"});

  // A retry of an older revision than one tracked meanwhile is dropped.
  deadlines.Track("own.s", 9, clock.now + 5000);
  deadlines.RetryAt(due[0], clock.now);
  CHECK(deadlines.TakeDue(10).empty());
  CHECK(deadlines.size() == 1);
}

TEST_CASE("expiry deadlines: TakeDue hands out at most the batch size") {
  TestClock clock;
  vault::ExpiryDeadlines deadlines(0, clock.fn());
  for (int i = 0; i < 5; ++i) deadlines.Track("own.s" + std::to_string(i), 1, clock.now);
  CHECK(deadlines.TakeDue(3).size() == 3);
  CHECK(deadlines.TakeDue(3).size() == 2);
}

TEST_CASE("expiry deadlines: a waiter wakes for an earlier deadline and on Stop") {
  vault::ExpiryDeadlines deadlines(0);
  const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  deadlines.Track("own.late", 1, now + 600'000);
  auto waiter = std::async(std::launch::async, [&] {
    return deadlines.WaitForDue(std::chrono::seconds(60), 10);
  });
  deadlines.Track("own.soon", 2, now + 50);
  REQUIRE(waiter.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
  CHECK(Keys(waiter.get()) == std::vector<std::string>{"own.soon"});

  auto stopped = std::async(std::launch::async, [&] {
    return deadlines.WaitForDue(std::chrono::seconds(60), 10);
  });
  deadlines.Stop();
  REQUIRE(stopped.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
  CHECK(stopped.get().empty());
}
