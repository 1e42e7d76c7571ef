// Read-only access to JetStream streams and KV buckets for assertions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "support/nats_client.h"

namespace privacy::testing {

// One message stored in a stream.
struct StoredMessage {
  uint64_t seq = 0;
  std::string subject;
  std::string data;
  Headers headers;
};

// Summary of a stream: name, subjects, message counters and replicas.
struct StreamSummary {
  std::string name;
  std::vector<std::string> subjects;
  uint64_t messages = 0;
  uint64_t first_seq = 0;
  uint64_t last_seq = 0;
  int replicas = 0;
};

// One consumer of a stream: where it started and how far it delivered.
struct ConsumerSummary {
  std::string name;
  std::string description;
  jsDeliverPolicy deliver_policy = js_DeliverAll;
  uint64_t opt_start_seq = 0;        // for js_DeliverByStartSequence
  uint64_t delivered_messages = 0;   // messages delivered (consumer sequence)
  uint64_t delivered_stream_seq = 0;  // stream sequence of the last one
};

// Every consumer of `stream`.
std::vector<ConsumerSummary> Consumers(NatsClient& client, const std::string& stream);

// Deletes consumer `name` of `stream`; throws when it cannot.
void DeleteConsumer(NatsClient& client, const std::string& stream, const std::string& name);

// The stream's summary, or nullopt if the stream does not exist.
std::optional<StreamSummary> GetStream(NatsClient& client, const std::string& stream);

// Names of every stream of the account.
std::vector<std::string> StreamNames(NatsClient& client);

// Every message currently in `stream` (by sequence, via js_GetMsg).
std::vector<StoredMessage> ReadStream(NatsClient& client, const std::string& stream);

// Value of `key` in KV bucket `bucket`, or nullopt if absent/deleted. Throws
// if the bucket does not exist.
std::optional<std::string> KvGet(NatsClient& client, const std::string& bucket,
                                 const std::string& key);

// Keys currently in KV bucket `bucket` (deleted keys excluded).
std::vector<std::string> KvKeys(NatsClient& client, const std::string& bucket);

// True if KV bucket `bucket` exists.
bool KvBucketExists(NatsClient& client, const std::string& bucket);

}  // namespace privacy::testing
