#include "cli/nats_context.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace privacy::cli {

namespace {

constexpr std::array<const char*, 10> kKeys = {"url",  "user", "password", "token", "creds",
                                               "nkey", "cert", "key",      "ca",    "inbox_prefix"};
// Keys holding a file path.
constexpr std::array<const char*, 5> kPathKeys = {"creds", "nkey", "cert", "key", "ca"};

std::string HomeDir() {
  const char* home = std::getenv("HOME");
  return home != nullptr ? home : "";
}

std::string ExpandHome(const std::string& path) {
  if (!path.starts_with("~/")) return path;
  return HomeDir() + path.substr(1);
}

bool IsPathKey(const std::string& key) {
  for (const char* path_key : kPathKeys) {
    if (key == path_key) return true;
  }
  return false;
}

// A context name the nats CLI would accept: no directory parts.
bool IsPlainName(const std::string& name) {
  return !name.empty() && name != "." && name != ".." &&
         name.find_first_of("/\\") == std::string::npos;
}

std::optional<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

std::filesystem::path NatsConfigDir() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  std::filesystem::path base =
      xdg != nullptr && *xdg != '\0' ? std::filesystem::path(xdg)
                                     : std::filesystem::path(HomeDir()) / ".config";
  return base / "nats";
}

Result<NatsContext> LoadNatsContext(const std::string& name) {
  if (!IsPlainName(name)) {
    return MakeError(ErrorCode::kBadRequest,
                     "nats context name must be a plain name, without '/': " + name);
  }
  NatsContext context;
  context.file = NatsConfigDir() / "context" / (name + ".json");
  const std::string file = context.file.string();
  auto text = ReadFile(context.file);
  if (!text) {
    return MakeError(ErrorCode::kNotFound, "nats context " + name + ": cannot read " + file);
  }
  google::protobuf::Struct parsed;
  google::protobuf::util::JsonParseOptions options;
  if (!google::protobuf::util::JsonStringToMessage(*text, &parsed, options).ok()) {
    return MakeError(ErrorCode::kBadRequest,
                     "nats context " + name + ": " + file + " is not a JSON object");
  }
  for (const char* key : kKeys) {
    auto it = parsed.fields().find(key);
    if (it == parsed.fields().end() || it->second.has_null_value()) continue;
    if (!it->second.has_string_value()) {
      return MakeError(ErrorCode::kBadRequest, "nats context " + name + ": " + file + ": \"" +
                                                   key + "\" is not a string");
    }
    const std::string& value = it->second.string_value();
    if (value.empty()) continue;
    context.settings[key] = IsPathKey(key) ? ExpandHome(value) : value;
  }
  return context;
}

std::optional<std::string> SelectedNatsContext() {
  auto text = ReadFile(NatsConfigDir() / "context.txt");
  if (!text) return std::nullopt;
  const size_t end = text->find_last_not_of(" \t\r\n");
  if (end == std::string::npos) return std::nullopt;
  const size_t begin = text->find_first_not_of(" \t\r\n");
  return text->substr(begin, end - begin + 1);
}

}  // namespace privacy::cli
