// An endpoint's queue of admitted requests and the threads that work them
// off: the subscription's delivery thread admits and queues (working on a
// request itself only while few wait behind it), so it keeps up with any
// flood, and each request's wait can be measured.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "nats/message_releaser.h"

namespace privacy::nats {

// A request admitted and not yet worked on, or the rest of one begun on a
// delivery thread.
struct QueuedRequest {
  ReleasedMsgPtr msg;
  size_t bytes = 0;  // what it holds of the byte budget
  std::chrono::steady_clock::time_point arrived;
  // Set for the rest of a request begun elsewhere (`msg` is null then): its
  // Responder, kept by `rest`, holds its bytes.
  std::function<void()> rest;
};

// RequestQueue is safe for concurrent use. `threads` threads take requests
// in arrival order and hand each to `work`. Destroying it stops the
// threads after the requests they are working on; requests still queued
// are dropped.
class RequestQueue {
 public:
  using Work = std::function<void(QueuedRequest)>;

  RequestQueue(int threads, Work work);
  ~RequestQueue();
  RequestQueue(const RequestQueue&) = delete;
  RequestQueue& operator=(const RequestQueue&) = delete;

  void Push(QueuedRequest request);

 private:
  void Run();

  Work work_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<QueuedRequest> queued_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace privacy::nats
