#include <doctest/doctest.h>

#include "common/line_batcher.h"

using namespace privacy;

namespace {

LineBatchLimits Limits(size_t lines, size_t bytes, int64_t delay_ms) {
  return {lines, bytes, std::chrono::milliseconds(delay_ms)};
}

}  // namespace

TEST_CASE("line batcher: a message closes when it holds max_lines, with the first line's id") {
  LineBatcher batcher(Limits(3, 1 << 20, 1000), [] { return int64_t{0}; });
  CHECK_FALSE(batcher.Add("s", "id-1", "a").has_value());
  CHECK_FALSE(batcher.Add("s", "id-2", "b").has_value());
  auto full = batcher.Add("s", "id-3", "c");
  REQUIRE(full.has_value());
  CHECK(full->subject == "s");
  CHECK(full->id == "id-1");
  CHECK(full->payload == "a\nb\nc\n");
  CHECK(full->lines == 3);
  CHECK(batcher.empty());
  CHECK_FALSE(batcher.NextDueInMs().has_value());
}

TEST_CASE("line batcher: one open message per subject") {
  LineBatcher batcher(Limits(2, 1 << 20, 1000), [] { return int64_t{0}; });
  CHECK_FALSE(batcher.Add("mask", "m1", "x").has_value());
  CHECK_FALSE(batcher.Add("resolve", "r1", "y").has_value());
  auto mask = batcher.Add("mask", "m2", "z");
  REQUIRE(mask.has_value());
  CHECK(mask->payload == "x\nz\n");
  auto rest = batcher.TakeAll();
  REQUIRE(rest.size() == 1);
  CHECK(rest[0].subject == "resolve");
  CHECK(rest[0].id == "r1");
  CHECK(rest[0].payload == "y\n");
}

TEST_CASE("line batcher: max_lines 1 gives one message per line") {
  LineBatcher batcher(Limits(1, 1 << 20, 1000), [] { return int64_t{0}; });
  for (const char* line : {"a", "b"}) {
    auto one = batcher.Add("s", line, line);
    REQUIRE(one.has_value());
    CHECK(one->payload == std::string(line) + "\n");
    CHECK(one->id == line);
  }
  CHECK(batcher.empty());
}

TEST_CASE("line batcher: a line that would pass max_bytes closes the open message first") {
  LineBatcher batcher(Limits(100, 8, 1000), [] { return int64_t{0}; });
  CHECK_FALSE(batcher.Add("s", "1", "abc").has_value());  // 4 bytes
  CHECK_FALSE(batcher.Add("s", "2", "de").has_value());   // 7 bytes
  auto closed = batcher.Add("s", "3", "fg");              // would be 10
  REQUIRE(closed.has_value());
  CHECK(closed->payload == "abc\nde\n");
  CHECK(closed->id == "1");
  auto rest = batcher.TakeAll();
  REQUIRE(rest.size() == 1);
  CHECK(rest[0].payload == "fg\n");
  CHECK(rest[0].id == "3");
  // A line larger than max_bytes on its own still goes out, alone.
  CHECK_FALSE(batcher.Add("s", "4", "0123456789").has_value());
  auto alone = batcher.TakeAll();
  REQUIRE(alone.size() == 1);
  CHECK(alone[0].payload == "0123456789\n");
}

TEST_CASE("line batcher: messages are due max_delay after their first line") {
  int64_t now = 1000;
  LineBatcher batcher(Limits(100, 1 << 20, 10), [&] { return now; });
  batcher.Add("a", "a1", "x");
  now = 1004;
  batcher.Add("b", "b1", "y");
  batcher.Add("a", "a2", "z");  // does not move a's deadline
  CHECK(batcher.NextDueInMs() == 6);
  CHECK(batcher.TakeDue().empty());
  now = 1010;
  auto due = batcher.TakeDue();
  REQUIRE(due.size() == 1);
  CHECK(due[0].subject == "a");
  CHECK(due[0].payload == "x\nz\n");
  CHECK(batcher.NextDueInMs() == 4);
  now = 1100;
  CHECK(batcher.NextDueInMs() == 0);  // overdue
  CHECK(batcher.TakeDue().size() == 1);
  CHECK(batcher.empty());
}

TEST_CASE("line batcher: ForEachLine gives a payload's non-empty lines, in order") {
  std::vector<std::string> events;
  auto collect = [&](std::string_view event) { events.emplace_back(event); };
  CHECK(ForEachLine("{\"a\":1}\n{\"b\":2}\n", collect) == 2);
  CHECK(events == std::vector<std::string>{"{\"a\":1}", "{\"b\":2}"});
  events.clear();
  CHECK(ForEachLine("{\"c\":3}", collect) == 1);  // no final newline
  CHECK(ForEachLine("\n\n", collect) == 0);
  CHECK(ForEachLine("", collect) == 0);
  CHECK(events == std::vector<std::string>{"{\"c\":3}"});
}
