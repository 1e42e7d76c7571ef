#include "common/progress_line.h"

#include <unistd.h>

#include <iostream>

namespace privacy {

namespace {
// Back to the line's start, and erase to its end.
constexpr std::string_view kEraseLine = "\r\033[K";
}  // namespace

ProgressLine::ProgressLine(std::ostream* out, bool enabled, Clock now)
    : out_(out), enabled_(enabled), now_(std::move(now)) {}

ProgressLine::~ProgressLine() { Finish(); }

ProgressLine ProgressLine::OnTerminal() { return ProgressLine(&std::cerr, isatty(STDERR_FILENO)); }

bool ProgressLine::Due() const { return enabled_ && (!shown_ || now_() - last_ >= kInterval); }

void ProgressLine::Show(std::string_view text) {
  if (!Due()) return;
  *out_ << kEraseLine << text << std::flush;
  shown_ = true;
  last_ = now_();
}

void ProgressLine::Finish() {
  if (!shown_) return;
  *out_ << kEraseLine << std::flush;
  shown_ = false;
}

}  // namespace privacy
