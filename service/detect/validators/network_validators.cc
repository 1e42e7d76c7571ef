#include "detect/validators/network_validators.h"

#include <arpa/inet.h>

#include <algorithm>
#include <string>

#include "detect/scan/text_boundary.h"

namespace privacy::detect {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// The length in bytes of the quotation mark or sentence punctuation outside
// ASCII that `text` ends with (” ’ » 」 。 …), else 0.
size_t NonAsciiPunctuationLength(std::string_view text) {
  size_t start = text.size();
  while (start > 0 && (static_cast<unsigned char>(text[start - 1]) & 0xC0) == 0x80) --start;
  if (start == 0 || start == text.size()) return 0;
  --start;
  const uint32_t cp = CodePointAt(text, start);
  const bool punctuation = (cp >= 0x2018 && cp <= 0x201F) || cp == 0xAB || cp == 0xBB ||
                           cp == 0x2026 || (cp >= 0x3001 && cp <= 0x3002) ||
                           (cp >= 0x300C && cp <= 0x300F) || cp == 0xFF09 || cp == 0xFF0C;
  return punctuation ? text.size() - start : 0;
}

bool IsValidDomain(std::string_view domain) {
  if (domain.empty() || domain.size() > 253) return false;
  size_t labels = 0;
  std::string_view last;
  size_t pos = 0;
  while (pos <= domain.size()) {
    size_t dot = domain.find('.', pos);
    if (dot == std::string_view::npos) dot = domain.size();
    std::string_view label = domain.substr(pos, dot - pos);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    ++labels;
    last = label;
    pos = dot + 1;
  }
  return labels >= 2 && last.size() >= 2 && std::all_of(last.begin(), last.end(), IsAlpha);
}

}  // namespace

bool IsValidIpv4(std::string_view value) {
  int octets = 0;
  size_t pos = 0;
  while (pos <= value.size()) {
    size_t dot = value.find('.', pos);
    if (dot == std::string_view::npos) dot = value.size();
    std::string_view part = value.substr(pos, dot - pos);
    if (part.empty() || part.size() > 3 || !std::all_of(part.begin(), part.end(), IsDigit)) {
      return false;
    }
    if (part.size() > 1 && part[0] == '0') return false;
    if (std::stoi(std::string(part)) > 255) return false;
    ++octets;
    pos = dot + 1;
  }
  return octets == 4;
}

bool IsValidIpv6(std::string_view value) {
  if (value.size() < 3 || value.size() > 45) return false;
  const bool compressed = value.find("::") != std::string_view::npos;
  if (!compressed && std::count(value.begin(), value.end(), ':') < 7) return false;
  if (std::count_if(value.begin(), value.end(), IsHex) < 2) return false;
  in6_addr address;
  return inet_pton(AF_INET6, std::string(value).c_str(), &address) == 1;
}

bool IsValidMac(std::string_view value) {
  if (value.size() == 17) {
    const char separator = value[2];
    if (separator != ':' && separator != '-') return false;
    for (size_t i = 0; i < 17; ++i) {
      if (i % 3 == 2 ? value[i] != separator : !IsHex(value[i])) return false;
    }
    return true;
  }
  if (value.size() == 14) {
    for (size_t i = 0; i < 14; ++i) {
      if (i % 5 == 4 ? value[i] != '.' : !IsHex(value[i])) return false;
    }
    return true;
  }
  return false;
}

std::string_view TrimmedEmail(std::string_view candidate) {
  std::string_view rest = candidate.substr(LeadingPunctuationLength(candidate, "'."));
  return IsValidEmail(rest) ? rest : std::string_view();
}

bool IsValidEmail(std::string_view value) {
  const size_t at = value.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  std::string_view local = value.substr(0, at);
  std::string_view domain = value.substr(at + 1);
  if (local.size() > 64 || local.front() == '.' || local.back() == '.') return false;
  if (local.find("..") != std::string_view::npos) return false;
  return IsValidDomain(domain);
}

size_t UrlLength(std::string_view value) {
  size_t end = value.size();
  while (end > 0) {
    const size_t quote = NonAsciiPunctuationLength(value.substr(0, end));
    if (quote > 0) {
      end -= quote;
      continue;
    }
    const char c = value[end - 1];
    if (std::string_view(".,;:!?'\"*").find(c) != std::string_view::npos) {
      --end;
      continue;
    }
    if (c == ')' || c == ']' || c == '}') {
      const char open = c == ')' ? '(' : c == ']' ? '[' : '{';
      std::string_view body = value.substr(0, end);
      if (std::count(body.begin(), body.end(), open) < std::count(body.begin(), body.end(), c)) {
        --end;
        continue;
      }
    }
    break;
  }
  std::string_view url = value.substr(0, end);
  size_t host_start = url.find("://");
  host_start = host_start == std::string_view::npos ? 0 : host_start + 3;
  size_t host_end = url.find_first_of("/?#:", host_start);
  if (host_end == std::string_view::npos) host_end = url.size();
  std::string_view host = url.substr(host_start, host_end - host_start);
  if (host.empty()) return 0;
  if (host.find('.') == std::string_view::npos && host != "localhost") return 0;
  return end;
}

}  // namespace privacy::detect
