// JSON decoding and encoding of typical requests and replies: protobuf's
// JsonStringToMessage / MessageToJsonString (with the UTF-8 check Decode
// makes) next to wire::Decode / Encode on the same messages.
#include <benchmark/benchmark.h>
#include <google/protobuf/util/json_util.h>

#include <string>

#include "privacy/v1/privacy.pb.h"
#include "wire/codec.h"
#include "wire/utf8.h"

namespace {

using google::protobuf::Message;
using privacy::wire::Encoding;
namespace v1 = privacy::v1;

const char kText[] =
    "Hi, this is Maria Gonzalez. Please move my flight to Madrid to 2024-03-15 and send the "
    "confirmation to maria.gonzalez@example.com or text me on +1 415 555 0132. Charge the "
    "change fee to my card 4111 1111 1111 1111; if that fails, debit my account "
    "DE89 3704 0044 0532 0130 00. Thanks!";
const char kSession[] = "3f9c2a7e-51b4-4d0e-9a61-0c8f5e2b7d13";

// The masked prompt as privacy.mask answers it: seven entities.
v1::MaskReply TypicalMaskReply() {
  v1::MaskReply reply;
  reply.set_masked_text(
      "Hi, this is [PERSON_7f3a]. Please move my flight to [LOC_12b4] to [DATE_9c01] and send "
      "the confirmation to [EMAIL_5e2d] or text me on [PHONE_a7c3]. Charge the change fee to my "
      "card [CARD_0b9e]; if that fails, debit my account [IBAN_44f1]. Thanks!");
  reply.set_session_id(kSession);
  const char* types[] = {"PERSON", "LOCATION", "DATE_TIME", "EMAIL_ADDRESS", "PHONE_NUMBER",
                         "CREDIT_CARD", "IBAN_CODE"};
  const char* tokens[] = {"[PERSON_7f3a]", "[LOC_12b4]", "[DATE_9c01]", "[EMAIL_5e2d]",
                          "[PHONE_a7c3]", "[CARD_0b9e]", "[IBAN_44f1]"};
  for (int i = 0; i < 7; ++i) {
    v1::Entity* entity = reply.add_entities();
    entity->set_type(types[i]);
    entity->set_start(12 + 30 * i);
    entity->set_end(26 + 30 * i);
    entity->set_token(tokens[i]);
    entity->set_score(i % 2 ? 0.85 : 1.0);
  }
  reply.set_entity_count(7);
  reply.set_expires_at(1795000000123);
  return reply;
}

v1::MaskRequest TypicalMaskRequest() {
  v1::MaskRequest request;
  request.set_text(kText);
  request.set_session_id(kSession);
  return request;
}

v1::ResolveRequest TypicalResolveRequest() {
  v1::ResolveRequest request;
  request.set_session_id(kSession);
  const v1::MaskReply masked = TypicalMaskReply();
  for (const auto& entity : masked.entities()) request.add_tokens(entity.token());
  request.set_json(R"({"to":"[EMAIL_5e2d]","subject":"Flight to [LOC_12b4]","body":"Dear )"
                   R"([PERSON_7f3a], your card [CARD_0b9e] was charged."})");
  return request;
}

v1::ResolveReply TypicalResolveReply() {
  v1::ResolveReply reply;
  const char* values[] = {"Maria Gonzalez", "Madrid", "2024-03-15", "maria.gonzalez@example.com",
                          "+1 415 555 0132", "4111 1111 1111 1111", "DE89 3704 0044 0532 0130 00"};
  const v1::MaskReply masked = TypicalMaskReply();
  int i = 0;
  for (const auto& entity : masked.entities()) {
    (*reply.mutable_resolved())[entity.token()] = values[i++];
  }
  reply.set_json(R"({"to":"maria.gonzalez@example.com","subject":"Flight to Madrid","body":)"
                 R"("Dear Maria Gonzalez, your card 4111 1111 1111 1111 was charged."})");
  return reply;
}

std::string ProtobufEncode(const Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;
  std::string out;
  (void)google::protobuf::util::MessageToJsonString(message, &out, options);
  return out;
}

bool ProtobufDecode(const std::string& json, Message* message) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  return privacy::wire::IsValidUtf8(json) &&
         google::protobuf::util::JsonStringToMessage(json, message, options).ok();
}

// One Decode of the message's JSON and one Encode of the result, as a worker
// does for a request (decode) or a reply (encode); `ours` picks the codec.
template <typename M>
void DecodeEncode(benchmark::State& state, M (*make)(), bool ours) {
  const std::string json = ProtobufEncode(make());
  M message;
  for (auto _ : state) {
    message.Clear();
    bool ok = ours ? privacy::wire::Decode(Encoding::kJson, json, &message).ok()
                   : ProtobufDecode(json, &message);
    std::string out = ours ? privacy::wire::Encode(Encoding::kJson, message)
                           : ProtobufEncode(message);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * json.size()));
}

template <typename M>
void Register(const char* name, M (*make)()) {
  for (bool ours : {false, true}) {
    const std::string full =
        std::string("BM_JsonDecodeEncode/") + name + (ours ? "/ours" : "/protobuf");
    benchmark::RegisterBenchmark(full.c_str(), [make, ours](benchmark::State& s) {
      DecodeEncode(s, make, ours);
    });
  }
}

}  // namespace

int main(int argc, char** argv) {
  Register("MaskRequest", TypicalMaskRequest);
  Register("MaskReply", TypicalMaskReply);
  Register("ResolveRequest", TypicalResolveRequest);
  Register("ResolveReply", TypicalResolveReply);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
