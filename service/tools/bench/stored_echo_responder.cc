#include "tools/bench/stored_echo_responder.h"

#include <chrono>

#include "nats/nats_status.h"
#include "nats/request_server.h"
#include "vault/random.h"

namespace privacy::tools {

namespace {

// Long enough for a bench run's writes to outlive their requests, short
// enough that a killed bench leaves nothing behind for long.
constexpr int64_t kScratchMaxAgeNs = 60'000'000'000;
constexpr std::chrono::milliseconds kPublishTimeout{5000};
constexpr std::chrono::milliseconds kStopTimeout{5000};

}  // namespace

Result<std::unique_ptr<StoredEchoResponder>> StoredEchoResponder::Start(
    const nats::ConnectOptions& options, std::string subject, Logger* logger) {
  std::unique_ptr<StoredEchoResponder> responder(new StoredEchoResponder());
  responder->subject_ = std::move(subject);
  const std::string scratch_id = vault::RandomHex(8);
  responder->stream_ = "BENCH_STORE_" + scratch_id;
  responder->stored_subject_prefix_ = "_bench.store." + scratch_id + ".";
  auto connection = nats::Connect(options, logger);
  if (!connection) return connection.error();
  responder->connection_ = std::move(*connection);
  natsConnection* conn = responder->connection_->get();
  jsCtx* js = nullptr;
  if (natsStatus s = natsConnection_JetStream(&js, conn, nullptr); s != NATS_OK) {
    return nats::FromNatsStatus(s, "opening JetStream for the stored echo");
  }
  responder->js_.reset(js);
  if (auto created = responder->CreateStream(); !created) return created.error();
  nats::JetStreamPublisherOptions publisher_options;
  publisher_options.timeout = kPublishTimeout;
  auto publisher = nats::JetStreamPublisher::Start(conn, publisher_options, logger);
  if (!publisher) return publisher.error();
  responder->publisher_ = std::move(*publisher);
  natsSubscription* raw = nullptr;
  if (natsStatus s = natsConnection_Subscribe(&raw, conn, responder->subject_.c_str(), &OnRequest,
                                              responder.get());
      s != NATS_OK) {
    return nats::FromNatsStatus(s, "subscribing the stored echo responder");
  }
  responder->subscription_.reset(raw);
  natsSubscription_SetPendingLimits(raw, -1, -1);
  if (natsStatus s = natsConnection_Flush(conn); s != NATS_OK) {
    return nats::FromNatsStatus(s, "registering the stored echo responder");
  }
  return responder;
}

Status StoredEchoResponder::CreateStream() {
  const std::string subjects = stored_subject_prefix_ + ">";
  const char* subject_list[] = {subjects.c_str()};
  jsStreamConfig config;
  jsStreamConfig_Init(&config);
  config.Name = stream_.c_str();
  config.Subjects = subject_list;
  config.SubjectsLen = 1;
  config.Storage = js_FileStorage;
  config.MaxMsgsPerSubject = 1;
  config.MaxAge = kScratchMaxAgeNs;
  jsErrCode code = static_cast<jsErrCode>(0);
  if (natsStatus s = js_AddStream(nullptr, js_.get(), &config, nullptr, &code); s != NATS_OK) {
    return nats::FromNatsStatus(s, "creating the stored echo's scratch stream");
  }
  return Status::Ok();
}

StoredEchoResponder::~StoredEchoResponder() {
  if (subscription_) {
    natsSubscription_Drain(subscription_.get());
    natsSubscription_WaitForDrainCompletion(subscription_.get(), 1000);
  }
  if (publisher_) publisher_->Flush(kStopTimeout);
  if (js_) {
    jsErrCode code = static_cast<jsErrCode>(0);
    js_DeleteStream(js_.get(), stream_.c_str(), nullptr, &code);
  }
}

void StoredEchoResponder::OnRequest(natsConnection* conn, natsSubscription*, natsMsg* msg,
                                    void* self) {
  auto* responder = static_cast<StoredEchoResponder*>(self);
  nats::ReleasedMsgPtr request(msg, nats::ReleaseTo{&responder->released_});
  const char* reply = natsMsg_GetReply(request.get());
  if (reply == nullptr || *reply == '\0') return;
  std::string_view payload(natsMsg_GetData(request.get()),
                           static_cast<size_t>(natsMsg_GetDataLength(request.get())));
  const uint64_t key = responder->next_key_.fetch_add(1, std::memory_order_relaxed);
  // As many bytes as the request, not the request itself: a --text with
  // personal data is never stored in clear (a mask stores it encrypted).
  std::string& filler = responder->filler_;
  if (filler.size() < payload.size()) filler.resize(payload.size(), 'x');
  // Expected last sequence 0 for the subject: a new key, as a session create.
  responder->publisher_->Publish(
      responder->stored_subject_prefix_ + std::to_string(key),
      std::string_view(filler).substr(0, payload.size()),
      {{"Nats-Expected-Last-Subject-Sequence", "0"}},
      [conn, inbox = std::string(reply), body = std::string(payload)](Result<uint64_t> stored) {
        // Like a worker whose session write failed: the error reply (503),
        // so the bench counts the error at once.
        nats::PublishReply(conn, inbox,
                           stored ? nats::OutgoingReply{body, std::nullopt}
                                  : nats::OutgoingReply{"", stored.error()});
      });
}

}  // namespace privacy::tools
