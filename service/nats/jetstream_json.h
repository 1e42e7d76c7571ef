// Reading members of JetStream API replies (publish acknowledgements,
// message gets, stream info) without a JSON parser: the replies are flat
// enough that a member is found by its quoted name.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace privacy::nats {

// Where the value of member `name` starts in `json` (after `"name":` and
// optional spaces), or npos. The first member of that name counts; the
// caller makes sure no string before it can hold the quoted name.
size_t JsonValueAt(std::string_view json, std::string_view name);

// The integer value of member `name`, if present and an integer.
std::optional<int64_t> JsonNumberField(std::string_view json, std::string_view name);

}  // namespace privacy::nats
