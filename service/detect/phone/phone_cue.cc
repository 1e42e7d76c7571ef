#include "detect/phone/phone_cue.h"

#include <string>
#include <utility>
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

WordsBefore::WordsBefore(std::vector<std::string> words, size_t window)
    : words_(std::move(words)), window_(window) {}

bool WordsBefore::Before(std::string_view text, size_t start) const {
  const size_t from = start > window_ ? start - window_ : 0;
  for (size_t pos = from; pos < start; ++pos) {
    if (words_.StartsAt(text, pos)) return true;
  }
  return false;
}

WordsBefore PhoneCues() {
  constexpr size_t kCueWindow = 40;
  return WordsBefore(
      std::vector<std::string>{
          "call",          "phone",    "tel",      "mobile",         "cell",       "fax",
          "whatsapp",      "reach me", "reach us", "contact number", "contact no", "ring",
          "sms",           "text me",  "dial",     "hotline",        "telefon",    "téléphone",
          "telephone",     "teléfono", "telefono", "telefone",       "telemóvel",  "celular",
          "móvil",         "movil",    "handy",    "portable",       "appelez",    "appeler",
          "llámame",       "llamar",   "chiama",   "ligue",          "ligar",      "liga",
          "bel me",        "puhelin",  "soita",    "ring mig",       "ring meg",   "zadzwoń",
          "numer telefonu"},
      kCueWindow);
}

WordsBefore IdentifierLabels() {
  constexpr size_t kLabelWindow = 24;
  return WordsBefore(
      std::vector<std::string>{
          "invoice",    "order",   "account", "acct",         "ref",     "reference", "ticket",
          "tracking",   "policy",  "claim",   "routing",      "aba",     "vat",       "iva",
          "p.iva",      "tax",     "iban",    "bsn",          "ssn",     "pesel",     "cpf",
          "cnpj",       "steuer",  "nir",     "personnummer", "serial",  "sku",       "rechnung",
          "bestellung", "factura", "pedido",  "commande",     "facture", "fattura",   "ordine"},
      kLabelWindow);
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
