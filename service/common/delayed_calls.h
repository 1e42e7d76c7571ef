// Runs functions a given time from now, on a thread of its own, so that
// code which must not block (a JetStream acknowledgement) can hand over
// what is to happen later.
#pragma once

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <functional>
#include <thread>

namespace privacy {

// DelayedCalls is safe for concurrent use. Calls run one at a time, each
// no earlier than its delay, in due order; they must not block for long.
// Destroying it drops the calls not yet due (their functions are destroyed
// without running) and waits for the one running.
class DelayedCalls {
 public:
  DelayedCalls();
  ~DelayedCalls();
  DelayedCalls(const DelayedCalls&) = delete;
  DelayedCalls& operator=(const DelayedCalls&) = delete;

  // Runs `call` `delay` from now.
  void After(std::chrono::microseconds delay, std::function<void()> call);

 private:
  boost::asio::io_context context_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::thread runner_;
};

}  // namespace privacy
