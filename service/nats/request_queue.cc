#include "nats/request_queue.h"

#include <algorithm>

namespace privacy::nats {

RequestQueue::RequestQueue(int threads, Work work) : work_(std::move(work)) {
  for (int i = 0; i < std::max(1, threads); ++i) threads_.emplace_back([this] { Run(); });
}

RequestQueue::~RequestQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

void RequestQueue::Push(QueuedRequest request) {
  {
    std::lock_guard lock(mutex_);
    queued_.push_back(std::move(request));
  }
  ready_.notify_one();
}

void RequestQueue::Run() {
  std::unique_lock lock(mutex_);
  while (true) {
    ready_.wait(lock, [this] { return stopping_ || !queued_.empty(); });
    if (stopping_) return;
    QueuedRequest request = std::move(queued_.front());
    queued_.pop_front();
    lock.unlock();
    work_(std::move(request));
    lock.lock();
  }
}

}  // namespace privacy::nats
