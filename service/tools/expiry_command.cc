#include "tools/expiry_command.h"

#include <atomic>
#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "cli/connect_flags.h"
#include "nats/connection.h"
#include "nats/expiry_queue.h"
#include "nats/handles.h"
#include "nats/jetstream_publisher.h"
#include "nats/nats_status.h"
#include "nats/session_message.h"

namespace privacy::tools {

namespace {

// Changes asked for at a time, and checks in flight at most.
constexpr int kBatch = 512;
constexpr uint64_t kMaxInFlight = 2048;

// Settings of one `expiry requeue` run.
struct RequeueOptions {
  std::shared_ptr<const cli::ConnectFlags> connect_flags;
  std::string bucket = "privacy_sessions";
  nats::ExpiryQueueOptions queue;
};

// What a requeue run counted; safe for concurrent use.
struct Counts {
  std::atomic<uint64_t> in_flight{0};
  std::atomic<uint64_t> queued{0};
  std::atomic<uint64_t> failed{0};
};

// The latest message of every session of `bucket`, headers only, through
// an ephemeral pull consumer the server forgets after a minute unused.
Result<std::string> CreateReader(jsCtx* js, const std::string& bucket) {
  const std::string filter = "$KV." + bucket + ".>";
  jsConsumerConfig config;
  jsConsumerConfig_Init(&config);
  config.Description = "privacy-filter expiry requeue";
  config.DeliverPolicy = js_DeliverLastPerSubject;
  config.FilterSubject = filter.c_str();
  config.HeadersOnly = true;
  config.AckPolicy = js_AckNone;
  config.InactiveThreshold = std::chrono::nanoseconds(std::chrono::minutes(1)).count();
  jsConsumerInfo* raw = nullptr;
  jsErrCode error = static_cast<jsErrCode>(0);
  const std::string stream = "KV_" + bucket;
  natsStatus s = js_AddConsumer(&raw, js, stream.c_str(), &config, nullptr, &error);
  nats::ConsumerInfoPtr info(raw);
  if (s != NATS_OK) return nats::FromNatsStatus(s, "reading the session bucket");
  return std::string(info->Name);
}

// Queues the check of the session in `msg`, if it is live; waits while too
// many are in flight.
void Requeue(natsMsg* msg, std::string_view prefix, nats::ExpiryQueue* queue, Counts* counts) {
  std::string_view subject = natsMsg_GetSubject(msg);
  if (subject.substr(0, prefix.size()) != prefix) return;
  auto message = nats::ReadSessionMessage(msg);
  if (!message || message->removed) return;
  while (counts->in_flight.load() >= kMaxInFlight) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  counts->in_flight++;
  // An id of its own: a check a worker queued is not mistaken for this one
  // (and both are harmless: see subjects.md).
  const std::string key(subject.substr(prefix.size()));
  queue->PublishCheck(key, message->expires_at_ms,
                      "requeue." + nats::ExpiryCheckId(key, message->expires_at_ms),
                      [counts](Status queued) {
                        (queued ? counts->queued : counts->failed)++;
                        counts->in_flight--;
                      });
}

int RunRequeue(const RequeueOptions& options) {
  Logger logger(LogLevel::kError);
  auto connect = options.connect_flags->Resolve();
  if (!connect) {
    std::cerr << connect.error().message << "\n";
    return 1;
  }
  connect->name = "privacy-filter-expiry-requeue";
  auto conn = nats::Connect(*connect, &logger);
  if (!conn) {
    std::cerr << conn.error().message << "\n";
    return 1;
  }
  natsConnection* nc = (*conn)->get();
  jsCtx* raw_js = nullptr;
  if (natsStatus s = natsConnection_JetStream(&raw_js, nc, nullptr); s != NATS_OK) {
    std::cerr << nats::FromNatsStatus(s, "opening JetStream").message << "\n";
    return 1;
  }
  nats::JetStreamPtr js(raw_js);
  auto publisher = nats::JetStreamPublisher::Start(nc, {}, &logger);
  if (!publisher) {
    std::cerr << publisher.error().message << "\n";
    return 1;
  }
  auto queue = nats::ExpiryQueue::Open(js.get(), options.queue,
                                       std::shared_ptr<nats::JetStreamPublisher>(
                                           std::move(*publisher)),
                                       &logger);
  if (!queue) {
    std::cerr << queue.error().message << "\n";
    return 1;
  }
  auto reader = CreateReader(js.get(), options.bucket);
  if (!reader) {
    std::cerr << reader.error().message << "\n";
    return 1;
  }
  nats::InboxPtr inbox;
  natsInbox* raw_inbox = nullptr;
  natsInbox_Create(&raw_inbox);
  inbox.reset(raw_inbox);
  natsSubscription* raw_sub = nullptr;
  if (natsStatus s = natsConnection_SubscribeSync(&raw_sub, nc, raw_inbox); s != NATS_OK) {
    std::cerr << nats::FromNatsStatus(s, "subscribing").message << "\n";
    return 1;
  }
  nats::SubscriptionPtr answers(raw_sub);
  natsSubscription_SetPendingLimits(raw_sub, -1, -1);
  const std::string next = "$JS.API.CONSUMER.MSG.NEXT.KV_" + options.bucket + "." + *reader;
  const std::string request = "{\"batch\":" + std::to_string(kBatch) + ",\"no_wait\":true}";
  const std::string prefix = "$KV." + options.bucket + ".";
  Counts counts;
  uint64_t read = 0;
  for (bool more = true; more;) {
    natsConnection_PublishRequestString(nc, next.c_str(), raw_inbox, request.c_str());
    int in_batch = 0;
    while (true) {
      natsMsg* raw = nullptr;
      if (natsSubscription_NextMsg(&raw, raw_sub, 5000) != NATS_OK) {
        more = false;
        break;
      }
      nats::MsgPtr msg(raw);
      const char* status = nullptr;
      if (natsMsg_GetDataLength(msg.get()) == 0 &&
          natsMsgHeader_Get(msg.get(), "Status", &status) == NATS_OK) {
        more = in_batch == kBatch;  // 404/408: the end of the bucket
        break;
      }
      ++read;
      Requeue(msg.get(), prefix, queue->get(), &counts);
      if (++in_batch == kBatch) break;
    }
  }
  js_DeleteConsumer(js.get(), ("KV_" + options.bucket).c_str(), reader->c_str(), nullptr,
                    nullptr);
  while (counts.in_flight.load() > 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  std::cout << "{\"sessions_read\":" << read << ",\"checks_queued\":" << counts.queued.load()
            << ",\"failed\":" << counts.failed.load() << "}\n";
  return counts.failed.load() == 0 ? 0 : 1;
}

}  // namespace

void AddExpiryCommand(CLI::App* app, std::function<int()>* run) {
  auto* expiry = app->add_subcommand("expiry", "the queue of session expiry checks");
  expiry->require_subcommand(1);
  auto options = std::make_shared<RequeueOptions>();
  auto* requeue = expiry->add_subcommand(
      "requeue",
      "queue an expiry check for every live session of the bucket (once, after upgrading from "
      "a build without the expiry queue; checks queued twice are harmless)");
  options->connect_flags = std::make_shared<cli::ConnectFlags>(requeue);
  requeue->add_option("--bucket", options->bucket, "KV bucket of the sessions")
      ->envname("NATS_BUCKET_NAME")
      ->capture_default_str();
  requeue->add_option("--expiry-stream", options->queue.stream,
                      "JetStream work-queue stream of session expiry checks")
      ->envname("EXPIRY_STREAM_NAME")
      ->capture_default_str();
  requeue->callback([=] { *run = [=] { return RunRequeue(*options); }; });
}

}  // namespace privacy::tools
