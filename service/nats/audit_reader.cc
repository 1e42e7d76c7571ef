#include "nats/audit_reader.h"

#include <vector>

#include "common/line_batcher.h"
#include "nats/nats_status.h"

namespace privacy::nats {

Result<bool> EnsureAuditConsumer(jsCtx* js, const AuditReaderOptions& options) {
  jsConsumerInfo* raw = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  natsStatus s = js_GetConsumerInfo(&raw, js, options.stream.c_str(), options.durable.c_str(),
                                    nullptr, &err);
  ConsumerInfoPtr info(raw);
  if (s == NATS_OK) return false;
  if (s != NATS_NOT_FOUND) return FromNatsStatus(s, "looking up consumer " + options.durable);
  const std::string filter = options.subject_prefix + ".>";
  jsConsumerConfig config;
  jsConsumerConfig_Init(&config);
  config.Durable = options.durable.c_str();
  config.Description = "privacy-filter audit reader";
  config.DeliverPolicy = options.from_start ? js_DeliverAll : js_DeliverNew;
  config.AckPolicy = js_AckExplicit;
  config.FilterSubject = filter.c_str();
  s = js_AddConsumer(&raw, js, options.stream.c_str(), &config, nullptr, &err);
  info.reset(raw);
  if (s != NATS_OK) {
    return FromNatsStatus(s, "creating consumer " + options.durable +
                                 " (a reader that may not create consumers needs it created "
                                 "ahead: privacy-filter audit create-consumer)");
  }
  return true;
}

Result<std::unique_ptr<AuditReader>> AuditReader::Open(natsConnection* conn,
                                                       const AuditReaderOptions& options) {
  jsOptions js_options;
  jsOptions_Init(&js_options);
  js_options.Wait = options.ack_timeout_ms;
  jsCtx* raw_js = nullptr;
  if (natsStatus s = natsConnection_JetStream(&raw_js, conn, &js_options); s != NATS_OK) {
    return FromNatsStatus(s, "opening JetStream");
  }
  std::unique_ptr<AuditReader> reader(new AuditReader(conn, JetStreamPtr(raw_js), options));
  const std::string filter = options.subject_prefix + ".>";
  auto created = EnsureAuditConsumer(reader->js_.get(), options);
  if (!created) return created.error();
  reader->created_ = *created;

  jsSubOptions sub_options;
  jsSubOptions_Init(&sub_options);
  sub_options.Stream = options.stream.c_str();
  sub_options.Consumer = options.durable.c_str();
  natsSubscription* raw_sub = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  natsStatus s = js_PullSubscribe(&raw_sub, reader->js_.get(), filter.c_str(),
                                  options.durable.c_str(), nullptr, &sub_options, &err);
  if (s != NATS_OK) return FromNatsStatus(s, "binding to consumer " + options.durable);
  reader->subscription_.reset(raw_sub);
  return reader;
}

Result<int> AuditReader::ReadBatch(int max, std::chrono::milliseconds wait,
                                   const std::function<void(std::string_view)>& handle) {
  natsMsgList list{nullptr, 0};
  jsErrCode err = static_cast<jsErrCode>(0);
  natsStatus s = natsSubscription_Fetch(&list, subscription_.get(), max, wait.count(), &err);
  if (s == NATS_TIMEOUT) {
    // A refused fetch request gets no reply either: the server reports it
    // on the connection instead.
    const char* text = nullptr;
    if (natsConnection_GetLastError(conn_, &text) == NATS_NOT_PERMITTED) {
      return MakeError(ErrorCode::kForbidden, std::string("fetching audit events: ") + text);
    }
    return 0;
  }
  if (s != NATS_OK) return FromNatsStatus(s, "fetching audit events");
  // Owned one by one, so the ones not handled yet are freed on an error.
  std::vector<MsgPtr> messages;
  for (int i = 0; i < list.Count; ++i) {
    messages.emplace_back(list.Msgs[i]);
    list.Msgs[i] = nullptr;
  }
  natsMsgList_Destroy(&list);
  jsOptions ack_options;
  jsOptions_Init(&ack_options);
  ack_options.Wait = options_.ack_timeout_ms;
  int handled = 0;
  for (MsgPtr& msg : messages) {
    std::string_view events(natsMsg_GetData(msg.get()),
                            static_cast<size_t>(natsMsg_GetDataLength(msg.get())));
    handled += ForEachLine(events, handle);
    if (natsStatus acked = natsMsg_AckSync(msg.get(), &ack_options, &err); acked != NATS_OK) {
      return FromNatsStatus(acked, "acknowledging audit events");
    }
  }
  return handled;
}

}  // namespace privacy::nats
