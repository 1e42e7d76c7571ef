#include "detect/urls/schemeless_url.h"

#include "detect/scan/text_boundary.h"
#include "detect/urls/top_level_domains.h"
#include "detect/validators/network_validators.h"

namespace privacy::detect {
namespace {

constexpr size_t kMaxHostLength = 253;

bool IsLowerAlpha(char c) { return c >= 'a' && c <= 'z'; }

bool IsLabelChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// True for a host of two or more labels whose last label is a lower-case
// top-level domain.
bool IsPublicHost(std::string_view host) {
  const size_t last_dot = host.rfind('.');
  if (last_dot == std::string_view::npos || last_dot == 0) return false;
  const std::string_view tld = host.substr(last_dot + 1);
  for (char c : tld) {
    if (!IsLowerAlpha(c) && c != '-' && !(c >= '0' && c <= '9')) return false;
  }
  if (!IsTopLevelDomain(tld)) return false;
  size_t label_start = 0;
  for (size_t i = 0; i <= last_dot; ++i) {
    if (i < last_dot && host[i] != '.') {
      if (!IsLabelChar(host[i])) return false;
      continue;
    }
    const std::string_view label = host.substr(label_start, i - label_start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    label_start = i + 1;
  }
  return true;
}

}  // namespace

std::string_view SchemelessUrl(std::string_view candidate) {
  // Dots, hyphens, quotes and dashes cannot start a host.
  const std::string_view trimmed = candidate.substr(LeadingPunctuationLength(candidate, ".-"));
  // A host followed by a path is judged before UrlLength reads the whole
  // candidate, which may be long.
  const size_t delimiter = trimmed.find_first_of("/?#:");
  if (delimiter != std::string_view::npos &&
      (delimiter > kMaxHostLength || !IsPublicHost(trimmed.substr(0, delimiter)))) {
    return {};
  }
  const std::string_view url = trimmed.substr(0, UrlLength(trimmed));
  const std::string_view host = url.substr(0, url.find_first_of("/?#:"));
  if (host.size() > kMaxHostLength || !IsPublicHost(host)) return {};
  return url;
}

}  // namespace privacy::detect
