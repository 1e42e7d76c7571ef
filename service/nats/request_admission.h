// Admission of requests before any work, so that a flood cannot take a
// worker's memory or keep callers waiting long after they gave up: a byte
// budget for the requests a worker holds and has not answered, and a bound
// on how long an admitted request may wait for a thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>

namespace privacy::nats {

// The limits; each refused request is answered 503 at once, with the reason.
struct AdmissionLimits {
  // Bytes of requests held (queued or being worked on) and not answered.
  size_t max_held_bytes = size_t{64} << 20;
  // Longest wait between a request's arrival and the start of its work.
  std::chrono::milliseconds max_queue_wait{2000};
};

// Why a request was refused, as $SRV.STATS names it.
enum class Refusal { kByteBudget, kQueueWait };
inline constexpr const char* kByteBudgetExhausted = "overloaded: request byte budget exhausted";
inline constexpr const char* kQueueWaitExceeded = "overloaded: waited too long for a thread";

// The byte budget, shared by every endpoint of a server. Lock-free.
class HeldBytes {
 public:
  explicit HeldBytes(size_t budget) : budget_(budget) {}

  // Takes `bytes` from the budget; false (and nothing taken) when they do
  // not fit.
  bool TryHold(size_t bytes) {
    size_t held = held_.load(std::memory_order_relaxed);
    do {
      if (held + bytes > budget_) return false;
    } while (!held_.compare_exchange_weak(held, held + bytes, std::memory_order_relaxed));
    return true;
  }
  void Release(size_t bytes) { held_.fetch_sub(bytes, std::memory_order_relaxed); }
  size_t held() const { return held_.load(std::memory_order_relaxed); }

 private:
  const size_t budget_;
  std::atomic<size_t> held_{0};
};

}  // namespace privacy::nats
