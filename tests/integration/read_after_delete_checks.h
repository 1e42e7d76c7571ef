// Checks of read-after-delete shared by the integration tests: sessions
// masked and read on every worker, then deleted and read again.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "integration/test_values.h"
#include "support/nats_client.h"

namespace privacy::testing {

// A session of the service's own account holding kEmail, and its token.
struct MaskedSession {
  std::string id;
  std::string token;
};

inline MaskedSession MaskEmail(NatsClient& client) {
  auto m = Call<v1::MaskReply>(client, kMask, MaskReq("mail " + kEmail.value));
  REQUIRE(m.entities_size() == 1);
  return {m.session_id(), m.entities(0).token()};
}

// Resolves `session` `times` times; every answer must hold the value (so
// that every worker has read, and cached, the session).
inline void ResolveEverywhere(NatsClient& client, const MaskedSession& session, int times) {
  for (int i = 0; i < times; ++i) {
    auto r = Call<v1::ResolveReply>(client, kResolve, ResolveReq(session.id, {session.token}));
    REQUIRE(r.resolved().at(session.token) == kEmail.value);
  }
}

// What the workers answered about a deleted session.
struct AfterDelete {
  int values_served = 0;  // replies carrying the session's value
  int not_found = 0;      // 404s
  int other = 0;          // anything else

  // Counts `reply`, which must have arrived.
  void Count(const Reply& reply) {
    REQUIRE(reply.ok());
    auto code = reply.Header("Nats-Service-Error-Code");
    if (!code) {
      ++values_served;
    } else if (*code == "404") {
      ++not_found;
    } else {
      ++other;
    }
  }
  AfterDelete& operator+=(const AfterDelete& more) {
    values_served += more.values_served;
    not_found += more.not_found;
    other += more.other;
    return *this;
  }
};

// Asks `resolves` resolves of the deleted `session`, one after the other.
inline AfterDelete ResolveDeleted(NatsClient& client, const MaskedSession& session, int resolves) {
  AfterDelete seen;
  for (int i = 0; i < resolves; ++i) {
    seen.Count(Send(client, kResolve, ResolveReq(session.id, {session.token})));
  }
  return seen;
}

// Deletes `session`, then asks `resolves` resolves, a demask and a mask into
// it, one after the other.
inline AfterDelete DeleteThenRead(NatsClient& client, const MaskedSession& session, int resolves) {
  REQUIRE(Call<v1::DeleteReply>(client, kDelete, DeleteReq(session.id)).deleted());
  AfterDelete seen = ResolveDeleted(client, session, resolves);
  seen.Count(Send(client, kDemask, DemaskReq(session.id, "to " + session.token)));
  seen.Count(Send(client, kMask, MaskReq("mail " + kPhone.value, session.id)));
  return seen;
}

// The lines of `log` that report a request to `endpoint` answered `code`.
inline int LoggedReplies(const std::string& log, const std::string& endpoint, int code) {
  const std::string mark = "\"endpoint\":\"" + endpoint + "\"";
  const std::string code_mark = "\"code\":" + std::to_string(code);
  int count = 0;
  size_t line_start = 0;
  while (line_start < log.size()) {
    size_t line_end = log.find('\n', line_start);
    if (line_end == std::string::npos) line_end = log.size();
    std::string_view line(log.data() + line_start, line_end - line_start);
    if (line.find(mark) != std::string_view::npos &&
        line.find(code_mark) != std::string_view::npos) {
      ++count;
    }
    line_start = line_end + 1;
  }
  return count;
}

}  // namespace privacy::testing
