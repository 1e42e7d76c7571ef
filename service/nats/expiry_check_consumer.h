// Takes due expiry checks from the shared expiry queue: once a slot of the
// queue has ended, every check filed under it is due, and the workers
// share them through one durable pull consumer per slot (a work queue hands
// each check to one of them). Each check goes to a handler (the
// ExpiryWatcher), whose verdict acknowledges it or has it delivered again
// later.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <atomic>
#include <thread>

#include "common/logger.h"
#include "common/status.h"
#include "nats/expiry_queue.h"
#include "nats/handles.h"
#include "vault/expiry_watcher.h"

namespace privacy::nats {

// How an ExpiryCheckConsumer works.
struct ExpiryConsumerOptions {
  // Checks asked for at a time.
  int batch = 256;
  // A check not acknowledged this long after delivery (its worker died) is
  // delivered again.
  std::chrono::milliseconds ack_wait{30000};
  // How often the ended slots are looked at, and how often the queue's
  // subjects are listed to find older slots still holding checks (a slot
  // ended while no worker ran, a check given back for later).
  std::chrono::milliseconds poll{250};
  std::chrono::milliseconds sweep{10000};
  // Unix milliseconds; replaceable in tests.
  std::function<int64_t()> now_ms;
};

// Started once per worker; stops when destroyed or on Stop(). Checks are
// taken and handed to the handler on the consumer's own thread (the
// handler reads the session bucket there); verdicts arrive on any thread
// and are sent as acknowledgements (or delayed negative ones) without
// waiting.
class ExpiryCheckConsumer {
 public:
  // Checks session `key`; `done` runs once with the verdict.
  using Handler =
      std::function<void(const std::string& key, std::function<void(vault::ExpiryVerdict)> done)>;

  static Result<std::unique_ptr<ExpiryCheckConsumer>> Start(
      natsConnection* conn, jsCtx* js, std::shared_ptr<const ExpiryQueue> queue, Handler handler,
      ExpiryConsumerOptions options, Logger* logger);
  ~ExpiryCheckConsumer();
  ExpiryCheckConsumer(const ExpiryCheckConsumer&) = delete;
  ExpiryCheckConsumer& operator=(const ExpiryCheckConsumer&) = delete;

  // Takes no more checks; those handed out complete on their own.
  // Idempotent.
  void Stop();

  uint64_t checks_taken() const { return checks_taken_.load(); }

 private:
  ExpiryCheckConsumer(natsConnection* conn, jsCtx* js, std::shared_ptr<const ExpiryQueue> queue,
                      Handler handler, ExpiryConsumerOptions options, Logger* logger);
  void Loop();
  // Adds every slot that ended since the last look to due_.
  void AddEndedSlots(int64_t now);
  // Adds the ended slots the queue's subjects show still holding checks.
  void Sweep(int64_t now);
  // Takes the checks of the slot ending at `slot_end`; returns how many.
  size_t Drain(int64_t slot_end);
  // One pull request on `consumer`; returns how many checks it brought.
  size_t Fetch(const std::string& consumer, bool* consumer_gone);
  Status BindSlot(int64_t slot_end, const std::string& consumer);
  // Deletes the slot's consumer when none of its checks waits or is being
  // worked on.
  void ForgetSlot(int64_t slot_end, const std::string& consumer);
  void Take(natsMsg* msg);
  bool stopping();

  natsConnection* conn_;
  jsCtx* js_;
  std::shared_ptr<const ExpiryQueue> queue_;
  Handler handler_;
  ExpiryConsumerOptions options_;
  Logger* logger_;
  std::string inbox_;
  SubscriptionPtr answers_;
  uint64_t next_request_ = 0;
  int64_t next_slot_end_ = 0;       // the first slot end not yet added to due_
  std::set<int64_t> due_;           // ended slots that may hold checks
  std::set<int64_t> bound_;         // slots whose consumer this worker made or found
  bool bind_failing_ = false;       // the latest slot could not be bound
  std::atomic<uint64_t> checks_taken_{0};

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace privacy::nats
