// Personal values and assertion helpers shared by the integration tests.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "support/nats_client.h"
#include "support/privacy_format.h"
#include "support/privacy_wire.h"

namespace privacy::testing {

// An unambiguous personal value, the entity type it must be detected as and
// the prefix of its token.
struct KnownValue {
  std::string value;
  std::string type;
  std::string prefix;
};

inline const KnownValue kEmail{"maria.gonzalez@example.com", "EMAIL", "EMAIL"};
inline const KnownValue kPhone{"+1 415 555 0132", "PHONE", "PHONE"};
inline const KnownValue kCard{"4111 1111 1111 1111", "CREDIT_CARD", "CARD"};
inline const KnownValue kIp{"192.168.10.42", "IP_ADDRESS", "IP"};
inline const KnownValue kUrl{"https://example.org/profile/42", "URL", "URL"};

// A text holding exactly the five values above and no other personal data.
inline const std::string kFiveValueText =
    "Please contact maria.gonzalez@example.com or call +1 415 555 0132 today. "
    "The card 4111 1111 1111 1111 was used from 192.168.10.42 and the profile "
    "is at https://example.org/profile/42 now.";
inline const std::vector<KnownValue> kFiveValues = {kEmail, kPhone, kCard, kIp, kUrl};

// Checks that `reply` is an error reply with `code` in headers and body (body
// decoded in `body_encoding`), and that neither mentions any of `secrets`.
inline void CheckErrorReply(const Reply& reply, Encoding body_encoding, int code,
                            std::initializer_list<std::string_view> secrets = {}) {
  REQUIRE_MESSAGE(reply.ok(), "no reply: ", reply.Describe());
  ServiceError err = ReadError(reply, body_encoding);
  INFO("reply: ", err.raw);
  CHECK(err.header_code == code);
  CHECK_FALSE(err.header_text.empty());
  CHECK_MESSAGE(err.body_decoded, "ErrorReply body in ", EncodingName(body_encoding), ": ",
                err.body_error);
  CHECK(err.body.code() == static_cast<uint32_t>(code));
  CHECK_FALSE(err.body.message().empty());
  for (std::string_view secret : secrets) {
    CHECK_MESSAGE(err.header_text.find(secret) == std::string::npos, "header leaks ", secret);
    CHECK_MESSAGE(reply.data.find(secret) == std::string::npos, "body leaks ", secret);
  }
}

// Checks that a normal mask request still succeeds (the worker survived).
inline void CheckStillServing(NatsClient& client) {
  auto reply = Call<v1::MaskReply>(client, kMask, MaskReq("still alive? " + kEmail.value));
  REQUIRE(reply.entities_size() == 1);
  CHECK(reply.masked_text() == "still alive? " + reply.entities(0).token());
}

// The entity of `reply` whose span is exactly `value` in `text`, or nullptr.
template <class Reply>
auto FindEntity(const Reply& reply, const std::string& text, const std::string& value)
    -> decltype(&reply.entities(0)) {
  for (const auto& e : reply.entities()) {
    if (e.end() > e.start() && e.end() <= text.size() &&
        text.compare(e.start(), e.end() - e.start(), value) == 0) {
      return &e;
    }
  }
  return nullptr;
}

// `text` with each entity span replaced by its token (entities may be in any
// order; they must not overlap).
inline std::string ApplyTokens(const std::string& text, const v1::MaskReply& reply) {
  std::vector<v1::Entity> sorted(reply.entities().begin(), reply.entities().end());
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.start() > b.start(); });
  std::string out = text;
  for (const auto& e : sorted) {
    if (e.end() > out.size() || e.start() > e.end()) return "<bad span>";
    out.replace(e.start(), e.end() - e.start(), e.token());
  }
  return out;
}

}  // namespace privacy::testing
