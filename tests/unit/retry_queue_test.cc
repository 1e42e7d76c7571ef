#include <doctest/doctest.h>

#include "common/retry_queue.h"

using namespace privacy;

namespace {

RetryItem Item(const std::string& id) { return {id, "privacy.events.mask", "{}"}; }

std::vector<std::string> Ids(const std::vector<RetryItem>& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

}  // namespace

TEST_CASE("retry queue: items come back when due, earliest first") {
  int64_t now = 0;
  RetryQueue queue(10, [&] { return now; });
  CHECK(queue.Add(Item("late"), 500));
  CHECK(queue.Add(Item("soon"), 100));
  CHECK(queue.size() == 2);
  CHECK(queue.TakeDue(10).empty());
  now = 100;
  CHECK(Ids(queue.TakeDue(10)) == std::vector<std::string>{"soon"});
  now = 1000;
  auto due = queue.TakeDue(10);
  REQUIRE(due.size() == 1);
  CHECK(due[0].id == "late");
  CHECK(due[0].subject == "privacy.events.mask");
  CHECK(due[0].payload == "{}");
  CHECK(queue.size() == 0);
}

TEST_CASE("retry queue: bounded, drops and counts beyond its capacity") {
  int64_t now = 0;
  RetryQueue queue(2, [&] { return now; });
  CHECK(queue.Add(Item("a"), 0));
  CHECK(queue.Add(Item("b"), 0));
  CHECK_FALSE(queue.Add(Item("c"), 0));
  CHECK_FALSE(queue.Add(Item("d"), 0));
  CHECK(queue.dropped() == 2);
  CHECK(Ids(queue.TakeDue(1)) == std::vector<std::string>{"a"});
  CHECK(queue.Add(Item("e"), 1000));  // room again
  CHECK(Ids(queue.TakeAll()) == std::vector<std::string>{"b", "e"});  // due or not
  CHECK(queue.size() == 0);
}

TEST_CASE("retry backoff doubles from 250 ms to 8 s, less up to half at random") {
  CHECK(BackoffDelayMs(1, 0) == 250);
  CHECK(BackoffDelayMs(2, 0) == 500);
  CHECK(BackoffDelayMs(6, 0) == 8000);
  CHECK(BackoffDelayMs(50, 0) == 8000);
  CHECK(BackoffDelayMs(0, 0) == 250);
  for (uint32_t r : {1u, 77u, 125u, 4000u, 0xffffffffu}) {
    CAPTURE(r);
    CHECK(BackoffDelayMs(1, r) >= 125);
    CHECK(BackoffDelayMs(1, r) <= 250);
    CHECK(BackoffDelayMs(9, r) >= 4000);
    CHECK(BackoffDelayMs(9, r) <= 8000);
  }
}

TEST_CASE("retry queue: capacity counts events, a batch of events takes room for all") {
  int64_t now = 0;
  RetryQueue queue(10, [&] { return now; });
  RetryItem batch = Item("batch");
  batch.events = 8;
  CHECK(queue.Add(batch, 0));
  CHECK(queue.size() == 8);
  RetryItem too_big = Item("too-big");
  too_big.events = 3;
  CHECK_FALSE(queue.Add(too_big, 0));
  CHECK(queue.dropped() == 3);
  CHECK(queue.Add(Item("one"), 0));
  CHECK(queue.Add(Item("two"), 0));
  CHECK(queue.size() == 10);
  CHECK(queue.TakeDue(1).front().events == 8);
  CHECK(queue.size() == 2);
  queue.TakeAll();
  CHECK(queue.size() == 0);
}
