// Writing the Protobuf JSON mapping of a message through reflection, without
// google::protobuf::util::MessageToJsonString for the replies we send.
#pragma once

#include <google/protobuf/message.h>

#include <string>
#include <string_view>

namespace privacy::wire {

// Whether fields holding their default value are printed
// (always_print_primitive_fields) or left out.
enum class JsonDefaults { kPrint, kOmit };

// Appends to `out` the text MessageToJsonString gives for `message` with
// preserve_proto_field_names (and always_print_primitive_fields for
// JsonDefaults::kPrint), byte for byte: fields outside any oneof in
// declaration order (unset message fields left out; with kPrint empty
// repeated fields as [], empty maps as {} and scalars at their default
// printed, with kOmit all of them left out), then the set
// fields of oneofs and proto3 `optional` in field number order; 64-bit
// integers quoted, doubles as protobuf's SimpleDtoa, non-finite doubles as
// "NaN"/"Infinity"/"-Infinity", strings escaped as protobuf escapes them.
// Map entries come in the map's iteration order, as protobuf prints them.
// Returns false, with `out` in an unspecified state, for what it does not
// reproduce (enums, bytes, floats, well-known types, proto2, invalid UTF-8
// in a string); the caller then asks MessageToJsonString. Thread-safe.
bool WriteJsonMessage(const google::protobuf::Message& message, std::string* out,
                      JsonDefaults defaults = JsonDefaults::kPrint);

// Appends `s` to `out` quoted and escaped as MessageToJsonString writes a
// string; false on invalid UTF-8 (`out` then holds part of it).
bool AppendProtobufJsonString(std::string* out, std::string_view s);

}  // namespace privacy::wire
