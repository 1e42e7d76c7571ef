// The JSON codec against google::protobuf::util's JSON functions: randomized
// messages of every type of proto/privacy/v1, a table of odd and invalid
// input, and mutated documents.
#include <doctest/doctest.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/field_comparator.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/message_differencer.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "detect/scan/utf8_encode.h"
#include "privacy/v1/audit.pb.h"
#include "privacy/v1/ner.pb.h"
#include "privacy/v1/privacy.pb.h"
#include "privacy/v1/session.pb.h"
#include "wire/codec.h"
#include "wire/json_message_reader.h"
#include "wire/json_message_writer.h"
#include "wire/utf8.h"

using namespace privacy;
using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

namespace {

std::vector<std::unique_ptr<Message>> AllMessageTypes() {
  std::vector<std::unique_ptr<Message>> types;
  types.push_back(std::make_unique<v1::MaskRequest>());
  types.push_back(std::make_unique<v1::MaskReply>());
  types.push_back(std::make_unique<v1::DetectRequest>());
  types.push_back(std::make_unique<v1::DetectReply>());
  types.push_back(std::make_unique<v1::ResolveRequest>());
  types.push_back(std::make_unique<v1::ResolveReply>());
  types.push_back(std::make_unique<v1::DemaskRequest>());
  types.push_back(std::make_unique<v1::DemaskReply>());
  types.push_back(std::make_unique<v1::DeleteRequest>());
  types.push_back(std::make_unique<v1::DeleteReply>());
  types.push_back(std::make_unique<v1::ErrorReply>());
  types.push_back(std::make_unique<v1::NerRequest>());
  types.push_back(std::make_unique<v1::NerReply>());
  types.push_back(std::make_unique<v1::AuditEvent>());
  types.push_back(std::make_unique<v1::SessionRecord>());
  return types;
}

std::string ProtobufJson(const Message& message, bool proto_names = true) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = proto_names;
  options.always_print_primitive_fields = true;
  std::string out;
  REQUIRE(google::protobuf::util::MessageToJsonString(message, &out, options).ok());
  return out;
}

bool ProtobufParse(const std::string& json, Message* message) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  return google::protobuf::util::JsonStringToMessage(json, message, options).ok();
}

// Equal field by field, NaN equal to NaN, and the same bytes once
// serialized (so +0 and -0 differ).
bool SameMessage(const Message& a, const Message& b) {
  google::protobuf::util::DefaultFieldComparator comparator;
  comparator.set_treat_nan_as_equal(true);
  google::protobuf::util::MessageDifferencer differencer;
  differencer.set_field_comparator(&comparator);
  if (!differencer.Compare(a, b)) return false;
  std::string x, y;
  google::protobuf::io::StringOutputStream xs(&x), ys(&y);
  {
    google::protobuf::io::CodedOutputStream xc(&xs), yc(&ys);
    xc.SetSerializationDeterministic(true);
    yc.SetSerializationDeterministic(true);
    a.SerializeToCodedStream(&xc);
    b.SerializeToCodedStream(&yc);
  }
  return x == y;
}

// Random field values, biased towards what breaks JSON writers.
class RandomFiller {
 public:
  explicit RandomFiller(uint32_t seed) : rng_(seed) {}

  void Fill(Message* message, int depth) {
    const Descriptor* type = message->GetDescriptor();
    const Reflection* reflection = message->GetReflection();
    for (int i = 0; i < type->field_count(); ++i) {
      const FieldDescriptor* field = type->field(i);
      if (Below(3) == 0) continue;
      if (field->is_repeated()) {
        int count = static_cast<int>(Below(5));
        for (int n = 0; n < count; ++n) {
          if (field->is_map()) {
            Message* entry = reflection->AddMessage(message, field);
            Fill(entry, depth + 1);
          } else {
            Add(message, reflection, field, depth);
          }
        }
      } else {
        Set(message, reflection, field, depth);
      }
    }
  }

  std::string String() {
    static const char* const kPieces[] = {
        "a", "Z", " ", "\"", "\\", "/", "<", ">", "&", "'", "\n", "\r", "\t", "\b", "\f",
        "\x01", "\x1f", "\x7f", "é", "ß", "東京", "😀", "👩‍💻",
        "\xc2\x80", "\xc2\xad", "\xe2\x80\x8b", "\xe2\x80\xa8", "\xef\xbb\xbf", "\xef\xbf\xbd",
        "\xf0\x9d\x85\xb3", "\xf3\xa0\x80\x81", "\xf4\x8f\xbf\xbf", "<PERSON_1>", "\\u0041", "{}"};
    std::string s;
    int count = static_cast<int>(Below(8));
    for (int n = 0; n < count; ++n) {
      uint32_t pick = Below(std::size(kPieces) + 3);
      if (pick == std::size(kPieces)) {
        s.push_back('\0');
      } else if (pick > std::size(kPieces)) {
        uint32_t code = Below(0x110000);
        if (code >= 0xD800 && code <= 0xDFFF) code = 0xFFFD;
        detect::AppendUtf8(code, &s);
      } else {
        s += kPieces[pick];
      }
    }
    return s;
  }

  double Double() {
    switch (Below(12)) {
      case 0: return 0.0;
      case 1: return -0.0;
      case 2: return std::numeric_limits<double>::quiet_NaN();
      case 3: return Below(2) ? std::numeric_limits<double>::infinity()
                              : -std::numeric_limits<double>::infinity();
      case 4: return std::numeric_limits<double>::denorm_min();
      case 5: return std::numeric_limits<double>::max();
      case 6: return static_cast<double>(Below(100)) / 100;
      case 7: return static_cast<double>(rng_()) * 1e10;
      case 8: return 1e-7 * Below(1000);
      case 9: return std::ldexp(static_cast<double>(rng_()), static_cast<int>(Below(200)) - 100);
      default: {
        uint64_t bits = static_cast<uint64_t>(rng_()) << 32 | rng_();
        double d;
        std::memcpy(&d, &bits, sizeof d);
        return std::isnan(d) ? 0.5 : d;
      }
    }
  }

  template <typename T>
  T Integer() {
    switch (Below(5)) {
      case 0: return std::numeric_limits<T>::min();
      case 1: return std::numeric_limits<T>::max();
      case 2: return 0;
      case 3: return static_cast<T>(Below(100));
      default: return static_cast<T>(static_cast<uint64_t>(rng_()) << 32 | rng_());
    }
  }

  uint32_t Below(size_t bound) { return static_cast<uint32_t>(rng_() % bound); }

 private:
  void Set(Message* m, const Reflection* r, const FieldDescriptor* f, int depth) {
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_MESSAGE:
        if (depth < 4) Fill(r->MutableMessage(m, f), depth + 1);
        break;
      case FieldDescriptor::CPPTYPE_STRING: r->SetString(m, f, String()); break;
      case FieldDescriptor::CPPTYPE_BOOL: r->SetBool(m, f, Below(2) == 1); break;
      case FieldDescriptor::CPPTYPE_DOUBLE: r->SetDouble(m, f, Double()); break;
      case FieldDescriptor::CPPTYPE_INT32: r->SetInt32(m, f, Integer<int32_t>()); break;
      case FieldDescriptor::CPPTYPE_INT64: r->SetInt64(m, f, Integer<int64_t>()); break;
      case FieldDescriptor::CPPTYPE_UINT32: r->SetUInt32(m, f, Integer<uint32_t>()); break;
      case FieldDescriptor::CPPTYPE_UINT64: r->SetUInt64(m, f, Integer<uint64_t>()); break;
      default: FAIL("field type not covered: " << f->full_name());
    }
  }

  void Add(Message* m, const Reflection* r, const FieldDescriptor* f, int depth) {
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_MESSAGE: Fill(r->AddMessage(m, f), depth + 1); break;
      case FieldDescriptor::CPPTYPE_STRING: r->AddString(m, f, String()); break;
      case FieldDescriptor::CPPTYPE_BOOL: r->AddBool(m, f, Below(2) == 1); break;
      case FieldDescriptor::CPPTYPE_DOUBLE: r->AddDouble(m, f, Double()); break;
      case FieldDescriptor::CPPTYPE_INT32: r->AddInt32(m, f, Integer<int32_t>()); break;
      case FieldDescriptor::CPPTYPE_INT64: r->AddInt64(m, f, Integer<int64_t>()); break;
      case FieldDescriptor::CPPTYPE_UINT32: r->AddUInt32(m, f, Integer<uint32_t>()); break;
      case FieldDescriptor::CPPTYPE_UINT64: r->AddUInt64(m, f, Integer<uint64_t>()); break;
      default: FAIL("field type not covered: " << f->full_name());
    }
  }

  std::mt19937 rng_;
};

// Decode's verdict and message against JsonStringToMessage's for `json`.
void CheckSameVerdict(const Message& prototype, const std::string& json) {
  std::unique_ptr<Message> ours(prototype.New());
  std::unique_ptr<Message> theirs(prototype.New());
  const bool ours_ok = wire::Decode(wire::Encoding::kJson, json, ours.get()).ok();
  const bool theirs_ok = wire::IsValidUtf8(json) && ProtobufParse(json, theirs.get());
  INFO(prototype.GetDescriptor()->name() << " " << json);
  REQUIRE(ours_ok == theirs_ok);
  if (ours_ok) CHECK(SameMessage(*ours, *theirs));
}

}  // namespace

TEST_CASE("JSON codec: randomized messages of every type match protobuf's JSON") {
  RandomFiller random(20261124);
  for (const auto& prototype : AllMessageTypes()) {
    for (int round = 0; round < 400; ++round) {
      std::unique_ptr<Message> message(prototype->New());
      random.Fill(message.get(), 0);
      // Map entries added through reflection may repeat a key until the map
      // is rebuilt.
      REQUIRE(message->ParseFromString(message->SerializeAsString()));
      const std::string theirs = ProtobufJson(*message);
      INFO(prototype->GetDescriptor()->name() << " " << message->ShortDebugString());

      std::string ours;
      REQUIRE(wire::WriteJsonMessage(*message, &ours));
      CHECK(ours == theirs);
      CHECK(wire::Encode(wire::Encoding::kJson, *message) == theirs);

      std::unique_ptr<Message> from_theirs(prototype->New());
      std::unique_ptr<Message> protobuf_read(prototype->New());
      REQUIRE(wire::ReadJsonMessage(theirs, from_theirs.get()));
      REQUIRE(ProtobufParse(theirs, protobuf_read.get()));
      CHECK(SameMessage(*from_theirs, *protobuf_read));

      std::unique_ptr<Message> from_ours(prototype->New());
      REQUIRE(wire::ReadJsonMessage(ours, from_ours.get()));
      CHECK(SameMessage(*from_ours, *protobuf_read));

      // lowerCamelCase names, as protobuf prints them by default.
      std::unique_ptr<Message> from_camel(prototype->New());
      REQUIRE(wire::ReadJsonMessage(ProtobufJson(*message, false), from_camel.get()));
      CHECK(SameMessage(*from_camel, *protobuf_read));
    }
  }
}

TEST_CASE("JSON codec: printed field order, optional presence and doubles") {
  v1::MaskRequest request;
  CHECK(wire::Encode(wire::Encoding::kJson, request) ==
        R"({"text":"","session_id":"","entities_to_mask":[],"allow_values":[],"deny_values":[]})");
  request.set_ttl_seconds(0);
  request.set_text("<a href=\"x\">\u2028");
  CHECK(wire::Encode(wire::Encoding::kJson, request) == ProtobufJson(request));
  v1::DetectReply reply;
  for (double score : {0.85, 1.0, 1e-07, 0.1 + 0.2, -0.0, 1e21, 1.0 / 3, 5e-324}) {
    reply.add_entities()->set_score(score);
  }
  CHECK(wire::Encode(wire::Encoding::kJson, reply) == ProtobufJson(reply));
  CHECK(wire::Encode(wire::Encoding::kJson, reply).find(R"("score":0.85})") != std::string::npos);
  CHECK(wire::Encode(wire::Encoding::kJson, reply).find(R"("score":1e-07})") != std::string::npos);
}

TEST_CASE("JSON codec: odd and invalid input is accepted or rejected as protobuf does") {
  const char* mask[] = {
      // Plain input.
      R"({"text":"a","session_id":"s","entities_to_mask":["EMAIL"],"ttl_seconds":5})",
      R"({"text":"a","sessionId":"s","entitiesToMask":["EMAIL"],"ttlSeconds":"5"})",
      " \t\r\n{ \"text\" : \"a\" , \"allow_values\" : [ \"x\" , \"y\" ] } \n",
      R"({})", R"({"text":null,"entities_to_mask":null,"ttl_seconds":null,"deny_values":null})",
      R"({"deny_values":[{},{"value":"v","type":"T"}]})",
      R"({"text":"\ud83d\ude00 \u00e9\u00E9 \u0000 \/\b\f\n\r\t\"\\"})",
      R"({"te\u0078t":"a"})", R"({"ttl_seconds":4294967295})", R"({"ttl_seconds":"00012"})",
      R"({"ttl_seconds":0})",
      // Malformed or wrong.
      "", " ", "null", "[]", R"("x")", "{", "}", R"({"text":"a")", R"({"text":"a"} x)",
      R"({"text":"a"}{})", R"({"text"})", R"({"text":})", R"({,})", R"({"text":"a" "session_id":"b"})",
      R"({"txt":"a"})", R"({"Text":"a"})", R"({"":"a"})", R"({"text":5})", R"({"text":true})",
      R"({"text":["a"]})", R"({"text":{}})", R"({"entities_to_mask":[1]})",
      R"({"ttl_seconds":4294967296})", R"({"ttl_seconds":"4294967296"})", R"({"ttl_seconds":-1})",
      R"({"ttl_seconds":1.5})", R"({"ttl_seconds":01})", R"({"ttl_seconds":.5})",
      R"({"ttl_seconds":true})", R"({"ttl_seconds":" 7"})", R"({"ttl_seconds":"7.0"})",
      R"({"ttl_seconds":"1e2"})", R"({"ttl_seconds":"0x10"})", R"({"ttl_seconds":"-0"})",
      R"({"text":"\ud83d"})", R"({"text":"\ude00"})", R"({"text":"\ud83dx"})",
      R"({"text":"\ud83d\u0041"})", R"({"text":"\u00g0"})", R"({"text":"\u00"})",
      R"({"deny_values":[{"value":1}]})", R"({"deny_values":[{"nope":"x"}]})",
      R"({"ttl_seconds":1,"ttl_seconds":2})", R"({"ttl_seconds":1,"ttlSeconds":2})",
      R"({"text":"a"})"
      "\xef\xbb\xbf",
      "\xef\xbb\xbf{}",
      // Accepted by protobuf's lenient parser, left to it.
      R"({"text":"a","text":"b"})", R"({"entities_to_mask":["a"],"entities_to_mask":["b"]})",
      R"({'text':'a'})", R"({text:"a"})", R"({"text":"a",})", R"({"entities_to_mask":["a",]})",
      R"({"entities_to_mask":"a"})", R"({"entities_to_mask":[null]})",
      R"({"entities_to_mask":[["a"]]})", R"({"deny_values":{"value":"x"}})",
      R"({"deny_values":[null]})", "{\"text\":\"a\tb\"}", R"({"text":"\x"})",
      R"({"ttl_seconds":1e2})", R"({"ttl_seconds":1.0})", R"({"ttl_seconds":-0})",
      R"({"ttl_seconds":"+7"})", "{\"text\":\"a\"}\f", "{\v\"text\":\"a\"}",
  };
  for (const char* json : mask) CheckSameVerdict(v1::MaskRequest(), json);

  const char* others[] = {
      R"({"final":true})", R"({"final":false})", R"({"final":"true"})", R"({"final":1})",
      R"({"final":True})", R"({"final":null})"};
  for (const char* json : others) CheckSameVerdict(v1::DemaskRequest(), json);

  const char* maps[] = {
      R"({"resolved":{"a":"b","c":"d"}})", R"({"resolved":{"a":"b","a":"c"}})",
      R"({"resolved":{"a":"b"},"resolved":{"c":"d"}})", R"({"resolved":{"a":null}})",
      R"({"resolved":null})", R"({"resolved":{"a":1}})", R"({"resolved":[]})",
      R"({"resolved":{}})", R"({"resolved":{a:"b"}})"};
  for (const char* json : maps) CheckSameVerdict(v1::ResolveReply(), json);

  const char* numbers[] = {
      R"({"expires_at":"9223372036854775807"})", R"({"expires_at":9223372036854775807})",
      R"({"expires_at":9223372036854775808})", R"({"expires_at":-9223372036854775808})",
      R"({"expires_at":"-9223372036854775809"})", R"({"expires_at":1e18})",
      R"({"expires_at":"1e18"})", R"({"expires_at":9.223372036854775807e18})",
      R"({"expires_at":"-0"})", R"({"expires_at":-0})",
      R"({"entities":[{"score":1}]})", R"({"entities":[{"score":-0}]})",
      R"({"entities":[{"score":-0.0}]})", R"({"entities":[{"score":"1.5"}]})",
      R"({"entities":[{"score":"NaN"}]})", R"({"entities":[{"score":"-Infinity"}]})",
      R"({"entities":[{"score":NaN}]})", R"({"entities":[{"score":1e400}]})",
      R"({"entities":[{"score":1e-400}]})", R"({"entities":[{"score":-1.5E+3}]})",
      R"({"entities":[{"score":18446744073709551616}]})", R"({"entities":[{"score":1e}]})",
      R"({"entities":[{"score":"0x10"}]})", R"({"entities":[{"start":"+4"}]})",
      R"({"entities":[{"start":4294967295.0}]})", R"({"entities":[null]})"};
  for (const char* json : numbers) CheckSameVerdict(v1::MaskReply(), json);

  // Deep nesting is refused without exhausting the stack.
  const std::string deep = R"({"text":)" + std::string(100000, '[') + std::string(100000, ']') + "}";
  CheckSameVerdict(v1::MaskRequest(), deep);
  const std::string deep_objects = R"({"text":)" + std::string(100000, '{');
  CheckSameVerdict(v1::MaskRequest(), deep_objects);
}

TEST_CASE("JSON codec: mutated documents get protobuf's verdict") {
  RandomFiller random(7);
  const char kBytes[] = "{}[]:,\" \\0123456789-+.eEtrunlfas\\u\n";
  for (const auto& prototype : AllMessageTypes()) {
    for (int round = 0; round < 300; ++round) {
      std::unique_ptr<Message> message(prototype->New());
      random.Fill(message.get(), 0);
      std::string json = ProtobufJson(*message, random.Below(2) == 0);
      const int edits = 1 + static_cast<int>(random.Below(3));
      for (int e = 0; e < edits && !json.empty(); ++e) {
        const size_t at = random.Below(json.size());
        switch (random.Below(3)) {
          case 0: json.erase(at, 1); break;
          case 1: json.insert(at, 1, kBytes[random.Below(sizeof kBytes - 1)]); break;
          default: json[at] = kBytes[random.Below(sizeof kBytes - 1)];
        }
      }
      CheckSameVerdict(*prototype, json);
    }
  }
}
