#include "common/delayed_calls.h"

#include <boost/asio/steady_timer.hpp>

#include <memory>

namespace privacy {

DelayedCalls::DelayedCalls()
    : work_(boost::asio::make_work_guard(context_)), runner_([this] { context_.run(); }) {}

DelayedCalls::~DelayedCalls() {
  context_.stop();
  runner_.join();
}

void DelayedCalls::After(std::chrono::microseconds delay, std::function<void()> call) {
  auto timer = std::make_shared<boost::asio::steady_timer>(context_, delay);
  timer->async_wait([timer, call = std::move(call)](const boost::system::error_code& error) {
    if (!error) call();
  });
}

}  // namespace privacy
