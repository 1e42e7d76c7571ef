#include "common/line_batcher.h"

#include <algorithm>

#include "common/clocks.h"

namespace privacy {

int ForEachLine(std::string_view payload, const std::function<void(std::string_view)>& handle) {
  int lines = 0;
  while (!payload.empty()) {
    size_t end = std::min(payload.find('\n'), payload.size());
    if (end > 0) {
      handle(payload.substr(0, end));
      ++lines;
    }
    payload.remove_prefix(std::min(end + 1, payload.size()));
  }
  return lines;
}

LineBatcher::LineBatcher(LineBatchLimits limits, std::function<int64_t()> now_ms)
    : limits_(limits), now_ms_(now_ms ? std::move(now_ms) : MonotonicNowMs) {}

std::optional<LineBatch> LineBatcher::Add(std::string_view subject, std::string_view id,
                                          std::string_view line) {
  std::optional<LineBatch> closed;
  auto it = open_.find(std::string(subject));
  if (it != open_.end() && it->second.batch.payload.size() + line.size() + 1 > limits_.max_bytes) {
    closed = std::move(it->second.batch);
    open_.erase(it);
    it = open_.end();
  }
  if (it == open_.end()) {
    Open fresh;
    fresh.batch.subject = subject;
    fresh.batch.id = id;
    fresh.opened_ms = now_ms_();
    it = open_.emplace(fresh.batch.subject, std::move(fresh)).first;
  }
  LineBatch& batch = it->second.batch;
  batch.payload.append(line).push_back('\n');
  ++batch.lines;
  // (After a close for size, `line` is alone in the next message, which is
  // not full: an open message exists only when max_lines > 1.)
  if (!closed && batch.lines >= limits_.max_lines) {
    closed = std::move(batch);
    open_.erase(it);
  }
  return closed;
}

std::vector<LineBatch> LineBatcher::TakeDue() {
  std::vector<LineBatch> due;
  const int64_t now = now_ms_();
  for (auto it = open_.begin(); it != open_.end();) {
    if (now - it->second.opened_ms >= limits_.max_delay.count()) {
      due.push_back(std::move(it->second.batch));
      it = open_.erase(it);
    } else {
      ++it;
    }
  }
  return due;
}

std::vector<LineBatch> LineBatcher::TakeAll() {
  std::vector<LineBatch> all;
  all.reserve(open_.size());
  for (auto& [subject, open] : open_) all.push_back(std::move(open.batch));
  open_.clear();
  return all;
}

std::optional<int64_t> LineBatcher::NextDueInMs() const {
  if (open_.empty()) return std::nullopt;
  int64_t oldest = INT64_MAX;
  for (const auto& [subject, open] : open_) oldest = std::min(oldest, open.opened_ms);
  return std::max<int64_t>(0, oldest + limits_.max_delay.count() - now_ms_());
}

}  // namespace privacy
