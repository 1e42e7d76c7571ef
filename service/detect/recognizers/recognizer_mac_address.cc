// MAC_ADDRESS: colon, hyphen and Cisco dotted forms.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeMacAddressRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "MAC_ADDRESS";
  spec.rules = {
      {R"([0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5})", 0.85, "mac"},
      {R"([0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})", 0.6, "mac"}};
  spec.context_words = {"mac", "hardware", "ethernet", "wifi", "wlan", "device", "nic"};
  spec.context_boost = 0.15;
  spec.number_separators = ":-.";
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
