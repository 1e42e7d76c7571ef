// A pool of reusable objects (buffers a call fills and clears), so that
// concurrent calls do not allocate their buffers anew each time.
#pragma once

#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace privacy::detect {

// Hands out one T per concurrent user, made on demand and kept for reuse:
// the pool grows to the most users there ever were at once. Thread-safe.
template <typename T>
class ObjectPool {
 public:
  // An object borrowed for the lifetime of the lease.
  class Lease {
   public:
    Lease(ObjectPool* pool, std::unique_ptr<T> object)
        : pool_(pool), object_(std::move(object)) {}
    ~Lease() { pool_->Release(std::move(object_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    T& operator*() const { return *object_; }
    T* operator->() const { return object_.get(); }

   private:
    ObjectPool* pool_;
    std::unique_ptr<T> object_;
  };

  Lease Acquire() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        std::unique_ptr<T> object = std::move(free_.back());
        free_.pop_back();
        return Lease(this, std::move(object));
      }
    }
    return Lease(this, std::make_unique<T>());
  }

 private:
  void Release(std::unique_ptr<T> object) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(object));
  }

  std::mutex mu_;
  std::vector<std::unique_ptr<T>> free_;
};

}  // namespace privacy::detect
