// Reading the Protobuf JSON mapping of a message through reflection, without
// google::protobuf::util::JsonStringToMessage for the input clients send.
#pragma once

#include <google/protobuf/message.h>

#include <string_view>

namespace privacy::wire {

// Parses `json` (valid UTF-8) into `message`, which is cleared first, and
// returns true when the result is the message JsonStringToMessage would give
// (unknown fields rejected). Covers plain RFC 8259 objects of proto3
// messages: fields by proto or JSON name, null as absent, numbers or numeric
// strings for integers, strings, bools, doubles, nested, repeated and map
// fields. Returns false, with `message` in an unspecified state, for anything
// else: input that is malformed or outside that subset (a repeated key,
// single quotes, a null inside an array, a float for an integer field,
// enums, bytes, floats, oneofs, well-known types, proto2, more than 64
// fields, nesting deeper than 100, ...). The caller then asks
// JsonStringToMessage, whose verdict stands. Thread-safe.
bool ReadJsonMessage(std::string_view json, google::protobuf::Message* message);

}  // namespace privacy::wire
