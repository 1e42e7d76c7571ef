// CRYPTO_WALLET: Bitcoin (Base58Check, Bech32) and Ethereum addresses.
#include "detect/recognizer_registry.h"
#include "detect/recognizers/pattern_recognizer.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeCryptoWalletRecognizer(const DetectorConfig&) {
  PatternSpec spec;
  spec.type = "CRYPTO_WALLET";
  spec.rules = {
      {R"([13][1-9A-HJ-NP-Za-km-z]{25,34})", 0.95, "base58check"},
      {R"((?:bc|tb)1[02-9ac-hj-np-z]{11,71})", 0.95, "bech32", true},
      {R"(0x[0-9A-Fa-f]{40})", 0.85, "ethereum"}};
  spec.context_words = {"wallet", "bitcoin", "btc", "eth", "ethereum", "crypto", "address"};
  spec.context_boost = 0.1;
  return std::make_unique<PatternRecognizer>(std::move(spec));
}

}  // namespace privacy::detect
