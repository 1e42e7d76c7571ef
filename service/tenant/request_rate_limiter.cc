#include "tenant/request_rate_limiter.h"

#include <algorithm>

namespace privacy::tenant {

bool RequestRateLimiter::TryAcquire(std::string_view account, double rate, Clock::time_point now) {
  if (rate <= 0) return true;
  const double capacity = std::max(1.0, rate);
  std::lock_guard lock(mutex_);
  auto [it, inserted] = buckets_.try_emplace(std::string(account));
  Bucket& bucket = it->second;
  if (inserted) {
    bucket.tokens = capacity;
  } else {
    double elapsed = std::chrono::duration<double>(now - bucket.refilled).count();
    bucket.tokens = std::min(capacity, bucket.tokens + std::max(0.0, elapsed) * rate);
  }
  bucket.refilled = now;
  if (bucket.tokens < 1.0) return false;
  bucket.tokens -= 1.0;
  return true;
}

}  // namespace privacy::tenant
