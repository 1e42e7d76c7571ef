// Which message types the reflection-based JSON reader and writer handle
// themselves rather than leaving to protobuf's JSON functions.
#pragma once

#include <google/protobuf/descriptor.h>

namespace privacy::wire {

// A proto3 message type outside google.protobuf (well-known types have JSON
// forms of their own).
inline bool IsPlainProto3(const google::protobuf::Descriptor* type) {
  return type->file()->syntax() == google::protobuf::FileDescriptor::SYNTAX_PROTO3 &&
         type->file()->package() != "google.protobuf";
}

}  // namespace privacy::wire
