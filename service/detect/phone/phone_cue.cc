#include "detect/phone/phone_cue.h"

#include <string>
#include <vector>

namespace privacy::detect {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// True when text[pos...] starts with `word` (lower case), ASCII case ignored.
bool StartsWithWord(std::string_view text, size_t pos, std::string_view word) {
  if (pos + word.size() > text.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (Lower(text[pos + i]) != word[i]) return false;
  }
  return true;
}

constexpr size_t kMaxExtensionDigits = 6;

}  // namespace

PhoneCues::PhoneCues()
    : words_(std::vector<std::string>{
          "call",          "phone",    "tel",      "mobile",         "cell",       "fax",
          "whatsapp",      "reach me", "reach us", "contact number", "contact no", "ring",
          "sms",           "text me",  "dial",     "hotline",        "telefon",    "téléphone",
          "telephone",     "teléfono", "telefono", "telefone",       "telemóvel",  "celular",
          "móvil",         "movil",    "handy",    "portable",       "appelez",    "appeler",
          "llámame",       "llamar",   "chiama",   "ligue",          "ligar",      "liga",
          "bel me",        "puhelin",  "soita",    "ring mig",       "ring meg",   "zadzwoń",
          "numer telefonu"}) {}

bool PhoneCues::Before(std::string_view text, size_t start) const {
  const size_t from = start > kCueWindow ? start - kCueWindow : 0;
  for (size_t pos = from; pos < start; ++pos) {
    if (words_.StartsAt(text, pos)) return true;
  }
  return false;
}

size_t PhoneExtensionEnd(std::string_view text, size_t end) {
  size_t pos = end;
  while (pos < text.size() && pos - end < 2 && text[pos] == ' ') ++pos;
  size_t marker = 0;
  for (std::string_view m : {"extension", "ext.", "ext", "x", "#"}) {
    if (StartsWithWord(text, pos, m)) {
      marker = m.size();
      break;
    }
  }
  if (marker == 0) return end;
  pos += marker;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  size_t digits = 0;
  while (pos + digits < text.size() && IsDigit(text[pos + digits])) ++digits;
  if (digits == 0 || digits > kMaxExtensionDigits) return end;
  return pos + digits;
}

}  // namespace privacy::detect
