// Messages waiting for another publish attempt after the server did not
// acknowledge them: bounded, each due at its own time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace privacy {

// The pause before the next attempt after `failures` failed attempts in a
// row: 250 ms doubling up to 8 s, less a random part of up to half of it
// (from `random`), so that many publishers do not retry in step.
int64_t BackoffDelayMs(int failures, uint32_t random);

// A message to publish again, with the id the server deduplicates it by.
struct RetryItem {
  std::string id;
  std::string subject;
  std::string payload;
  size_t events = 1;  // how many events the payload carries
};

// RetryQueue is safe for concurrent use. It holds items carrying at most
// `capacity` events; an item that does not fit is dropped and its events
// counted.
class RetryQueue {
 public:
  // `now_ms` gives a monotonic clock in milliseconds (replaceable in tests).
  explicit RetryQueue(size_t capacity, std::function<int64_t()> now_ms = {});

  // Queues `item` for another attempt `delay_ms` from now; false (and the
  // item is dropped) when its events do not fit.
  bool Add(RetryItem item, int64_t delay_ms);
  // Removes and returns up to `max` items that are due, earliest first.
  std::vector<RetryItem> TakeDue(size_t max);
  // Removes and returns every item, due or not.
  std::vector<RetryItem> TakeAll();

  // Events held.
  size_t size() const;
  // Events dropped so far.
  uint64_t dropped() const;

 private:
  const size_t capacity_;
  std::function<int64_t()> now_ms_;
  mutable std::mutex mutex_;
  std::multimap<int64_t, RetryItem> by_due_time_;
  size_t events_ = 0;
  uint64_t dropped_ = 0;
};

}  // namespace privacy
