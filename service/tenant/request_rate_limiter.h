// Token buckets that cap each account's request rate within one worker.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace privacy::tenant {

// Safe for concurrent use. A bucket holds up to one second of requests
// (at least one), refilled continuously at the account's rate.
class RequestRateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // True when `account` may make one more request now at `rate` requests
  // per second (0: unlimited); takes the request from its bucket.
  bool TryAcquire(std::string_view account, double rate, Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point refilled;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace privacy::tenant
