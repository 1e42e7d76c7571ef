// The privacy.* endpoints on NATS: decodes each request in its encoding,
// runs the endpoint logic, encodes the reply or a typed error, and records
// an audit event for every mask, resolve, demask and delete.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <string_view>

#include "common/logger.h"
#include "endpoints/outcome_counts.h"
#include "endpoints/privacy_endpoints.h"
#include "nats/audit_log.h"
#include "nats/request_server.h"

namespace privacy::worker {

// Safe for concurrent use: requests on all endpoints run in parallel.
class PrivacyService {
 public:
  PrivacyService(std::shared_ptr<const endpoints::PrivacyEndpoints> endpoints,
                 nats::AuditLog* audit, Logger* logger, std::string worker_id);

  // The body of an error reply to `request`: an ErrorReply in the
  // request's encoding.
  static std::string ErrorBody(const nats::IncomingRequest& request, const Error& error);

  // Registers privacy.mask, .detect, .resolve, .demask and .delete on
  // `server` in `queue_group`, each with `subscriptions` subscriptions. The
  // endpoints taking whole texts (mask, detect) subscribe on
  // `text_connection`, so that a flood of large texts does not queue ahead
  // of resolves, demasks and deletes in nats-server; the others on the
  // server's connection.
  Status Register(nats::RequestServer* server, const std::string& queue_group,
                  int subscriptions, natsConnection* text_connection);

  // The counts of endpoint `endpoint` since start, as members of its
  // $SRV.STATS `data` (see OutcomeCounts::DataJson).
  std::string StatsData(std::string_view endpoint) const { return counts_.DataJson(endpoint); }

 private:
  // Decodes, calls `call` (which completes now or later with the
  // endpoint's outcome), then builds the reply and the audit event from
  // that outcome, sends the one and publishes the other when `audited`
  // (detect is stateless and has none).
  template <typename Request, typename Outcome, typename Call>
  void Handle(const nats::IncomingRequest& in, nats::Responder responder, const char* kind,
              bool audited, Call call);

  std::shared_ptr<const endpoints::PrivacyEndpoints> endpoints_;
  nats::AuditLog* audit_;
  Logger* logger_;
  std::string worker_id_;
  std::atomic<uint64_t> next_request_{1};
  endpoints::OutcomeCounts counts_;
};

}  // namespace privacy::worker
