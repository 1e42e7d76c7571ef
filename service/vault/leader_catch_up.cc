#include "vault/leader_catch_up.h"

#include <algorithm>

namespace privacy::vault {

std::optional<LeaderCatchUp::Clock::time_point> LeaderCatchUp::Answered(
    Clock::time_point asked_at, uint64_t last_sequence, bool empty, uint64_t applied) {
  if (empty || last_sequence <= applied) {
    // Answers asked earlier confirm nothing more than this one.
    while (!waiting_.empty() && waiting_.front().asked_at <= asked_at) waiting_.pop_front();
    return asked_at;
  }
  // Answers arrive in the order asked, on one subscription; one that comes
  // late is inserted in order all the same.
  const auto later = std::find_if(waiting_.begin(), waiting_.end(),
                                  [&](const Answer& a) { return a.asked_at > asked_at; });
  waiting_.insert(later, Answer{asked_at, last_sequence});
  if (waiting_.size() > kMaxWaiting) waiting_.pop_front();
  return std::nullopt;
}

std::optional<LeaderCatchUp::Clock::time_point> LeaderCatchUp::Applied(uint64_t applied) {
  // The leader's last sequence only grows, so the answers are caught up
  // with in the order asked: the latest one caught up with is confirmed.
  std::optional<Clock::time_point> confirmed;
  while (!waiting_.empty() && waiting_.front().last_sequence <= applied) {
    confirmed = waiting_.front().asked_at;
    waiting_.pop_front();
  }
  return confirmed;
}

}  // namespace privacy::vault
