// Fields a JSON request must name: the Protobuf JSON mapping reads a
// missing string field as empty, so `{}` would pass for a request with an
// empty text unless someone looks at the keys.
#pragma once

#include <google/protobuf/message.h>

#include <string_view>

#include "common/status.h"

namespace privacy::wire {

// Whether JSON request `json`, already decoded into `decoded`, names the
// string field `field` at its top level with a value that is not null;
// 400 naming the field when it does not. A non-empty value in `decoded`
// answers at once; only an empty one costs a second look at `json`.
Status CheckRequiredJsonField(std::string_view json, const google::protobuf::Message& decoded,
                              const char* field);

}  // namespace privacy::wire
