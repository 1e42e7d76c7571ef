// IP_ADDRESS: IPv4 dotted quads and IPv6 addresses.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeIpAddressRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "IP_ADDRESS";
  spec.rules = {
      {R"(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})", 0.9, "ipv4"},
      {R"([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?::\d{1,3}(?:\.\d{1,3}){3})?)", 0.9, "ipv6"}};
  spec.context_words = {"ip", "ipv4", "ipv6", "address", "host", "server", "gateway"};
  spec.context_boost = 0.1;
  spec.number_separators = ".";
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
