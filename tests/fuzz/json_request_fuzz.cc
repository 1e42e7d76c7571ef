// libFuzzer target: the hand-written JSON reader of requests against
// Protobuf's own JsonStringToMessage. Whenever ReadJsonMessage accepts a
// text, JsonStringToMessage must accept it too and give an equal message;
// and wire::Decode must never fail on what either accepts.
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/message_differencer.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "privacy/v1/privacy.pb.h"
#include "wire/codec.h"
#include "wire/json_message_reader.h"
#include "wire/utf8.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

// Reads `json` as a `Request` both ways and compares.
template <typename Request>
void Compare(std::string_view json) {
  Request ours;
  const bool read = privacy::wire::ReadJsonMessage(json, &ours);
  Request theirs;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const bool parsed = google::protobuf::util::JsonStringToMessage(
                          google::protobuf::StringPiece(json.data(), json.size()), &theirs,
                          options)
                          .ok();
  if (read) {
    Check(parsed);
    Check(google::protobuf::util::MessageDifferencer::Equals(ours, theirs));
  }
  Request decoded;
  const bool accepted =
      privacy::wire::Decode(privacy::wire::Encoding::kJson, json, &decoded).ok();
  Check(accepted == parsed);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return -1;
  const std::string_view json(reinterpret_cast<const char*>(data + 1), size - 1);
  // ReadJsonMessage takes valid UTF-8 (the service checks it first).
  if (!privacy::wire::IsValidUtf8(json)) return -1;
  // The first byte picks the request type.
  switch (data[0] % 5) {
    case 0: Compare<privacy::v1::MaskRequest>(json); break;
    case 1: Compare<privacy::v1::DetectRequest>(json); break;
    case 2: Compare<privacy::v1::ResolveRequest>(json); break;
    case 3: Compare<privacy::v1::DemaskRequest>(json); break;
    default: Compare<privacy::v1::DeleteRequest>(json); break;
  }
  return 0;
}
