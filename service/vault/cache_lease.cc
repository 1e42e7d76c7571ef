#include "vault/cache_lease.h"

#include <limits>

namespace privacy::vault {

namespace {

int64_t Nanoseconds(CacheLease::Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

}  // namespace

CacheLease::CacheLease(std::chrono::milliseconds lease)
    : lease_(lease), confirmed_ns_(std::numeric_limits<int64_t>::min()) {}

void CacheLease::Confirm(Clock::time_point as_of) {
  const int64_t ns = Nanoseconds(as_of);
  int64_t seen = confirmed_ns_.load(std::memory_order_relaxed);
  while (seen < ns && !confirmed_ns_.compare_exchange_weak(seen, ns, std::memory_order_release,
                                                           std::memory_order_relaxed)) {
  }
}

bool CacheLease::Current(Clock::time_point now) const {
  const int64_t confirmed = confirmed_ns_.load(std::memory_order_acquire);
  if (confirmed == std::numeric_limits<int64_t>::min()) return false;
  return Nanoseconds(now) - confirmed <=
         std::chrono::duration_cast<std::chrono::nanoseconds>(lease_).count();
}

std::chrono::milliseconds CacheLease::HoldOff() const {
  return lease_ + lease_ / 100 + std::chrono::milliseconds(5);
}

}  // namespace privacy::vault
