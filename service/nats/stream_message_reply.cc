#include "nats/stream_message_reply.h"

#include <openssl/evp.h>

#include <optional>

#include "common/json_text.h"
#include "nats/jetstream_json.h"

namespace privacy::nats {

namespace {

// JetStream's error code for a message get that found no message.
constexpr int64_t kNoMessageFound = 10037;

// The text of string member `name` (base64, so without escapes); empty when
// absent, as JetStream leaves out empty data and headers.
std::optional<std::string_view> Base64Field(std::string_view json, std::string_view name) {
  size_t at = JsonValueAt(json, name);
  if (at == std::string_view::npos) return std::string_view();
  if (at >= json.size() || json[at] != '"') return std::nullopt;
  size_t end = json.find('"', at + 1);
  if (end == std::string_view::npos) return std::nullopt;
  return json.substr(at + 1, end - at - 1);
}

std::optional<std::string> DecodeBase64(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out(text.size() / 4 * 3, '\0');
  int written = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  if (written < 0) return std::nullopt;
  size_t padding = 0;
  while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') {
    ++padding;
  }
  out.resize(static_cast<size_t>(written) - padding);
  return out;
}

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Adds the headers of `block` ("NATS/1.0\r\nName: value\r\n...\r\n\r\n")
// to `msg`.
natsStatus AddHeaders(natsMsg* msg, std::string_view block) {
  size_t line_end = block.find("\r\n");  // past the version line
  while (line_end != std::string_view::npos) {
    size_t start = line_end + 2;
    line_end = block.find("\r\n", start);
    std::string_view line = block.substr(start, line_end == std::string_view::npos
                                                    ? std::string_view::npos
                                                    : line_end - start);
    size_t colon = line.find(':');
    if (line.empty() || colon == std::string_view::npos) continue;
    std::string name(Trimmed(line.substr(0, colon)));
    std::string value(Trimmed(line.substr(colon + 1)));
    if (natsStatus s = natsMsgHeader_Add(msg, name.c_str(), value.c_str()); s != NATS_OK) {
      return s;
    }
  }
  return NATS_OK;
}

Error Unreadable() {
  return MakeError(ErrorCode::kInternal, "unexpected reply to a JetStream message get");
}

}  // namespace

std::string LastBySubjectRequest(std::string_view subject) {
  return JsonObject().String("last_by_subj", subject).Close();
}

Result<StreamMessage> ParseStreamMessageReply(std::string_view reply, const std::string& subject) {
  if (reply.find("\"error\"") != std::string_view::npos) {
    if (JsonNumberField(reply, "err_code") == kNoMessageFound ||
        JsonNumberField(reply, "code") == 404) {
      return MakeError(ErrorCode::kNotFound, "no message for the subject");
    }
    if (JsonNumberField(reply, "code") == 503) {
      return MakeError(ErrorCode::kUnavailable, "JetStream unavailable");
    }
    return MakeError(ErrorCode::kInternal,
                     "JetStream refused the read (code " +
                         std::to_string(JsonNumberField(reply, "err_code").value_or(0)) + ")");
  }
  auto sequence = JsonNumberField(reply, "seq");
  auto headers_text = Base64Field(reply, "hdrs");
  auto data_text = Base64Field(reply, "data");
  if (!sequence || *sequence <= 0 || !headers_text || !data_text) return Unreadable();
  auto headers = DecodeBase64(*headers_text);
  auto data = DecodeBase64(*data_text);
  if (!headers || !data) return Unreadable();
  natsMsg* raw = nullptr;
  natsStatus s = natsMsg_Create(&raw, subject.c_str(), nullptr, data->data(),
                                static_cast<int>(data->size()));
  MsgPtr msg(raw);
  if (s == NATS_OK) s = AddHeaders(msg.get(), *headers);
  if (s != NATS_OK) return Unreadable();
  return StreamMessage{std::move(msg), static_cast<uint64_t>(*sequence)};
}

}  // namespace privacy::nats
