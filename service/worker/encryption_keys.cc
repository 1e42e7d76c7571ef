#include "worker/encryption_keys.h"

#include <cstdlib>
#include <optional>

namespace privacy::worker {

namespace {

// A key from a file when `file` is set, else from the environment variable;
// nullopt when neither is set.
Result<std::optional<crypto::MasterKey>> ReadKey(const std::string& file, const char* variable) {
  if (!file.empty()) {
    auto key = crypto::MasterKey::FromFile(file);
    if (!key) return key.error();
    return std::optional<crypto::MasterKey>(std::move(*key));
  }
  const char* text = std::getenv(variable);
  if (text == nullptr || *text == '\0') return std::optional<crypto::MasterKey>();
  auto key = crypto::MasterKey::FromBase64(text);
  if (!key) return MakeError(ErrorCode::kBadRequest, std::string(variable) + ": " + key.error().message);
  return std::optional<crypto::MasterKey>(std::move(*key));
}

}  // namespace

Result<std::shared_ptr<const crypto::SessionCipher>> LoadSessionCipher(
    const EncryptionSettings& settings) {
  auto current = ReadKey(settings.key_file, "ENCRYPTION_MASTER_KEY");
  if (!current) return current.error();
  if (!*current) {
    return MakeError(ErrorCode::kBadRequest,
                     "no encryption master key: set ENCRYPTION_MASTER_KEY (base64 of 32 bytes, "
                     "from `privacy-filter keygen`) or --encryption-key-file");
  }
  auto previous = ReadKey(settings.previous_key_file, "ENCRYPTION_MASTER_KEY_PREVIOUS");
  if (!previous) return previous.error();
  if (*previous && (*previous)->id() == (**current).id()) {
    return MakeError(ErrorCode::kBadRequest,
                     "the previous encryption key is the same as the current one");
  }
  crypto::CipherOptions options;
  options.period = settings.period;
  return std::shared_ptr<const crypto::SessionCipher>(std::make_shared<crypto::SessionCipher>(
      std::move(**current), std::move(*previous), std::move(options)));
}

}  // namespace privacy::worker
