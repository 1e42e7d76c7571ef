// A line of progress for long work (eval on a big corpus, bench), shown on
// a terminal only: rewritten in place at most every 200 ms and erased when
// the work is done, so redirected output never carries it.
#pragma once

#include <chrono>
#include <functional>
#include <ostream>
#include <string_view>

namespace privacy {

// Not thread-safe: one thread reports. The line is erased by Finish() or
// the destructor, whichever comes first.
class ProgressLine {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  static constexpr std::chrono::milliseconds kInterval{200};

  // Writes to `out` when `enabled`, else nothing; `now` tells the time.
  ProgressLine(std::ostream* out, bool enabled, Clock now = std::chrono::steady_clock::now);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // On standard error when it is a terminal, else silent.
  static ProgressLine OnTerminal();

  // Whether Show() would write now: enabled, and the first call or
  // kInterval after the last line written. Lets callers skip formatting.
  bool Due() const;
  // Replaces the line by `text` when Due().
  void Show(std::string_view text);
  // Erases the line, if one was written.
  void Finish();

 private:
  std::ostream* out_;
  bool enabled_;
  Clock now_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace privacy
