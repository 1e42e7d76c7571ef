// Gathering lines into messages, one open message per subject, each closed
// when it holds enough lines, would grow past a size, or its first line has
// waited long enough.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace privacy {

// A closed message: its lines, each ending in '\n'.
struct LineBatch {
  std::string subject;
  std::string id;  // the id its first line was added with
  std::string payload;
  size_t lines = 0;
};

// Calls `handle` with each non-empty line of `payload` (a LineBatch's, or
// any text of '\n'-terminated lines), in order; returns how many there were.
int ForEachLine(std::string_view payload, const std::function<void(std::string_view)>& handle);

// When an open message is closed.
struct LineBatchLimits {
  size_t max_lines = 256;
  size_t max_bytes = 256 * 1024;
  std::chrono::milliseconds max_delay{10};
};

// Not thread-safe.
class LineBatcher {
 public:
  // `now_ms` gives a monotonic clock in milliseconds (replaceable in tests).
  explicit LineBatcher(LineBatchLimits limits, std::function<int64_t()> now_ms = {});

  // Adds `line` (without its newline) to the open message of `subject`, or
  // opens one whose id is `id`. Returns the message this closed: the open
  // one when `line` would make it too large (and `line` opens the next), or
  // the one `line` filled up.
  std::optional<LineBatch> Add(std::string_view subject, std::string_view id,
                               std::string_view line);
  // Removes and returns the open messages whose first line has waited
  // max_delay.
  std::vector<LineBatch> TakeDue();
  // Removes and returns every open message.
  std::vector<LineBatch> TakeAll();
  // Milliseconds until the oldest open message is due (0 when overdue);
  // nothing when none is open.
  std::optional<int64_t> NextDueInMs() const;
  bool empty() const { return open_.empty(); }

 private:
  // An open message and when its first line came.
  struct Open {
    LineBatch batch;
    int64_t opened_ms = 0;
  };

  const LineBatchLimits limits_;
  std::function<int64_t()> now_ms_;
  std::unordered_map<std::string, Open> open_;  // by subject
};

}  // namespace privacy
