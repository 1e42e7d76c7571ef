#include <doctest/doctest.h>

#include "privacy/v1/privacy.pb.h"
#include "wire/codec.h"
#include "wire/utf8.h"

using namespace privacy;
using wire::Encoding;

TEST_CASE("encoding is JSON by header or by a leading brace") {
  CHECK(wire::DetectEncoding("application/json", "\x0a\x01x") == Encoding::kJson);
  CHECK(wire::DetectEncoding("", "{\"text\":\"x\"}") == Encoding::kJson);
  // A Protobuf MaskRequest whose text is 123 bytes long starts "\n{".
  CHECK(wire::DetectEncoding("", "\n{" + std::string(123, 'a')) == Encoding::kProtobuf);
  CHECK(wire::DetectEncoding("", "\x0a\x01x") == Encoding::kProtobuf);
  CHECK(wire::DetectEncoding("", "") == Encoding::kProtobuf);
}

TEST_CASE("JSON requests use proto field names; replies print defaults") {
  v1::MaskRequest request;
  REQUIRE(wire::Decode(Encoding::kJson,
                       R"({"text":"hi","session_id":"s","entities_to_mask":["EMAIL"],"ttl_seconds":5})",
                       &request)
              .ok());
  CHECK(request.text() == "hi");
  CHECK(request.session_id() == "s");
  CHECK(request.entities_to_mask(0) == "EMAIL");
  CHECK(request.ttl_seconds() == 5);

  v1::DeleteReply reply;
  CHECK(wire::Encode(Encoding::kJson, reply) == R"({"deleted":false})");
  v1::MaskReply mask;
  mask.set_masked_text("x");
  mask.set_expires_at(12);
  std::string json = wire::Encode(Encoding::kJson, mask);
  CHECK(json.find("\"masked_text\":\"x\"") != std::string::npos);
  CHECK(json.find("\"entity_count\":0") != std::string::npos);
}

TEST_CASE("bad requests are 400 and the error never echoes the payload") {
  v1::MaskRequest request;
  const char* bad[] = {R"({"text":"secret-value-1")", R"({"text":5})", R"({"txt":"secret-value-1"})",
                       R"({"text":"a\ud800"})", "{\"text\":\"\xff\xfe\"}"};
  for (const char* payload : bad) {
    auto status = wire::Decode(Encoding::kJson, payload, &request);
    REQUIRE_FALSE(status.ok());
    CHECK(status.error().code == ErrorCode::kBadRequest);
    CHECK(status.error().message.find("secret-value") == std::string::npos);
  }
  auto garbage = wire::Decode(Encoding::kProtobuf, std::string("\xff\xff\xff\xff\x0f", 5), &request);
  CHECK_FALSE(garbage.ok());
  std::string invalid_utf8_text = std::string("\x0a\x02\xc3\x28", 4);
  CHECK_FALSE(wire::Decode(Encoding::kProtobuf, invalid_utf8_text, &request).ok());
}

TEST_CASE("UTF-8 validation") {
  CHECK(wire::IsValidUtf8("plain"));
  CHECK(wire::IsValidUtf8("São Paulo — Zürich 東京 😀"));
  CHECK_FALSE(wire::IsValidUtf8("\xc3\x28"));
  CHECK_FALSE(wire::IsValidUtf8("\xe2\x82"));          // truncated
  CHECK_FALSE(wire::IsValidUtf8("\xc0\xaf"));          // overlong
  CHECK_FALSE(wire::IsValidUtf8("\xed\xa0\x80"));      // surrogate
  CHECK_FALSE(wire::IsValidUtf8("\xf4\x90\x80\x80"));  // above U+10FFFF
}
