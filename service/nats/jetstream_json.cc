#include "nats/jetstream_json.h"

#include <charconv>
#include <string>

namespace privacy::nats {

size_t JsonValueAt(std::string_view json, std::string_view name) {
  const std::string quoted = "\"" + std::string(name) + "\"";
  size_t at = json.find(quoted);
  if (at == std::string_view::npos) return at;
  at += quoted.size();
  while (at < json.size() && (json[at] == ' ' || json[at] == ':')) ++at;
  return at;
}

std::optional<int64_t> JsonNumberField(std::string_view json, std::string_view name) {
  const size_t at = JsonValueAt(json, name);
  if (at == std::string_view::npos) return std::nullopt;
  int64_t value = 0;
  auto [end, error] = std::from_chars(json.data() + at, json.data() + json.size(), value);
  if (error != std::errc()) return std::nullopt;
  return value;
}

}  // namespace privacy::nats
