#include "tenant/tenant_limits.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace privacy::tenant {

namespace {

bool IsUnlimited(const TenantLimits& limits) {
  return limits.max_sessions == 0 && limits.max_tokens_per_session == 0 &&
         limits.requests_per_second == 0;
}

template <typename Number>
bool ParseNumber(std::string_view text, Number* out) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return error == std::errc() && end == text.data() + text.size() && *out >= 0;
}

// Applies one `name=value` setting; false when it is not one.
bool ApplySetting(std::string_view setting, TenantLimits* limits) {
  size_t equals = setting.find('=');
  if (equals == std::string_view::npos) return false;
  std::string_view name = setting.substr(0, equals);
  std::string_view value = setting.substr(equals + 1);
  if (name == "max_sessions") return ParseNumber(value, &limits->max_sessions);
  if (name == "max_tokens_per_session") return ParseNumber(value, &limits->max_tokens_per_session);
  if (name == "requests_per_second") return ParseNumber(value, &limits->requests_per_second);
  return false;
}

}  // namespace

Result<TenantPolicy> TenantPolicy::FromFile(const std::string& path, TenantLimits defaults) {
  std::ifstream in(path);
  if (!in) return MakeError(ErrorCode::kBadRequest, "cannot read tenant limits file " + path);
  TenantPolicy policy(defaults);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (size_t hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::istringstream words(line);
    std::string account;
    if (!(words >> account)) continue;
    TenantLimits limits = defaults;
    for (std::string setting; words >> setting;) {
      if (!ApplySetting(setting, &limits)) {
        return MakeError(ErrorCode::kBadRequest,
                         path + ":" + std::to_string(number) + ": bad setting '" + setting +
                             "' (expected max_sessions=N, max_tokens_per_session=N or "
                             "requests_per_second=R)");
      }
    }
    if (!policy.overrides_.emplace(account, limits).second) {
      return MakeError(ErrorCode::kBadRequest, path + ":" + std::to_string(number) +
                                                   ": account " + account + " listed twice");
    }
  }
  return policy;
}

const TenantLimits& TenantPolicy::For(std::string_view account) const {
  auto it = overrides_.find(account);
  return it == overrides_.end() ? defaults_ : it->second;
}

bool TenantPolicy::Unlimited() const {
  if (!IsUnlimited(defaults_)) return false;
  for (const auto& [account, limits] : overrides_) {
    if (!IsUnlimited(limits)) return false;
  }
  return true;
}

}  // namespace privacy::tenant
