#include "support/jetstream_reader.h"

#include <stdexcept>

#include "nats/handles.h"
#include "nats/request_client.h"

namespace privacy::testing {
std::optional<StreamSummary> GetStream(NatsClient& client, const std::string& stream) {
  jsStreamInfo* raw = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&raw, client.jetstream(), stream.c_str(), nullptr, &jerr);
  nats::StreamInfoPtr info(raw);
  if (s == NATS_NOT_FOUND) return std::nullopt;
  ThrowIfNotOk(s, "js_GetStreamInfo(" + stream + ")");
  StreamSummary out;
  out.name = stream;
  if (info->Config != nullptr) {
    for (int i = 0; i < info->Config->SubjectsLen; ++i) out.subjects.emplace_back(info->Config->Subjects[i]);
    out.replicas = static_cast<int>(info->Config->Replicas);
  }
  out.messages = info->State.Msgs;
  out.first_seq = info->State.FirstSeq;
  out.last_seq = info->State.LastSeq;
  return out;
}

std::vector<ConsumerSummary> Consumers(NatsClient& client, const std::string& stream) {
  jsConsumerInfoList* raw = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_Consumers(&raw, client.jetstream(), stream.c_str(), nullptr, &jerr);
  nats::ConsumerInfoListPtr list(raw);
  if (s == NATS_NOT_FOUND) return {};  // the stream has no consumer
  ThrowIfNotOk(s, "js_Consumers(" + stream + ")");
  std::vector<ConsumerSummary> out;
  for (int i = 0; i < list->Count; ++i) {
    const jsConsumerInfo* info = list->List[i];
    ConsumerSummary summary;
    summary.name = info->Name != nullptr ? info->Name : "";
    if (info->Config != nullptr) {
      if (info->Config->Description != nullptr) summary.description = info->Config->Description;
      summary.deliver_policy = info->Config->DeliverPolicy;
      summary.opt_start_seq = info->Config->OptStartSeq;
    }
    summary.delivered_messages = info->Delivered.Consumer;
    summary.delivered_stream_seq = info->Delivered.Stream;
    out.push_back(std::move(summary));
  }
  return out;
}

void DeleteConsumer(NatsClient& client, const std::string& stream, const std::string& name) {
  jsErrCode jerr = static_cast<jsErrCode>(0);
  ThrowIfNotOk(js_DeleteConsumer(client.jetstream(), stream.c_str(), name.c_str(), nullptr, &jerr),
               "js_DeleteConsumer(" + stream + ", " + name + ")");
}

std::vector<std::string> StreamNames(NatsClient& client) {
  jsStreamNamesList* raw = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_StreamNames(&raw, client.jetstream(), nullptr, &jerr);
  nats::StreamNamesPtr list(raw);
  if (s == NATS_NOT_FOUND) return {};  // the account has no stream
  ThrowIfNotOk(s, "js_StreamNames");
  return {list->List, list->List + list->Count};
}

std::vector<StoredMessage> ReadStream(NatsClient& client, const std::string& stream) {
  auto summary = GetStream(client, stream);
  if (!summary) throw std::runtime_error("stream " + stream + " does not exist");
  std::vector<StoredMessage> out;
  if (summary->messages == 0) return out;
  for (uint64_t seq = summary->first_seq; seq <= summary->last_seq; ++seq) {
    natsMsg* raw = nullptr;
    natsStatus s = js_GetMsg(&raw, client.jetstream(), stream.c_str(), seq, nullptr, nullptr);
    nats::MsgPtr msg(raw);
    if (s == NATS_NOT_FOUND) continue;  // deleted in between
    ThrowIfNotOk(s, "js_GetMsg(" + stream + ", " + std::to_string(seq) + ")");
    StoredMessage m;
    m.seq = seq;
    m.subject = natsMsg_GetSubject(msg.get());
    const char* data = natsMsg_GetData(msg.get());
    m.data.assign(data == nullptr ? "" : data, static_cast<size_t>(natsMsg_GetDataLength(msg.get())));
    m.headers = nats::HeadersOf(msg.get());
    out.push_back(std::move(m));
  }
  return out;
}

std::optional<std::string> KvGet(NatsClient& client, const std::string& bucket,
                                 const std::string& key) {
  kvStore* raw_kv = nullptr;
  ThrowIfNotOk(js_KeyValue(&raw_kv, client.jetstream(), bucket.c_str()), "js_KeyValue(" + bucket + ")");
  nats::KvStorePtr kv(raw_kv);
  kvEntry* raw_entry = nullptr;
  natsStatus s = kvStore_Get(&raw_entry, kv.get(), key.c_str());
  nats::KvEntryPtr entry(raw_entry);
  if (s == NATS_NOT_FOUND) return std::nullopt;
  ThrowIfNotOk(s, "kvStore_Get(" + bucket + ", " + key + ")");
  const void* value = kvEntry_Value(entry.get());
  return std::string(static_cast<const char*>(value), static_cast<size_t>(kvEntry_ValueLen(entry.get())));
}

std::vector<std::string> KvKeys(NatsClient& client, const std::string& bucket) {
  kvStore* raw_kv = nullptr;
  ThrowIfNotOk(js_KeyValue(&raw_kv, client.jetstream(), bucket.c_str()), "js_KeyValue(" + bucket + ")");
  nats::KvStorePtr kv(raw_kv);
  kvKeysList list{};
  natsStatus s = kvStore_Keys(&list, kv.get(), nullptr);
  // kvKeysList_Destroy frees the keys, not the (stack) list itself.
  std::unique_ptr<kvKeysList, nats::NatsDeleter<kvKeysList, kvKeysList_Destroy>> keys_owner(&list);
  std::vector<std::string> out;
  if (s == NATS_NOT_FOUND) return out;  // empty bucket
  ThrowIfNotOk(s, "kvStore_Keys(" + bucket + ")");
  for (int i = 0; i < list.Count; ++i) out.emplace_back(list.Keys[i]);
  return out;
}

bool KvBucketExists(NatsClient& client, const std::string& bucket) {
  kvStore* raw_kv = nullptr;
  natsStatus s = js_KeyValue(&raw_kv, client.jetstream(), bucket.c_str());
  nats::KvStorePtr kv(raw_kv);
  if (s == NATS_NOT_FOUND) return false;
  ThrowIfNotOk(s, "js_KeyValue(" + bucket + ")");
  return true;
}

}  // namespace privacy::testing
