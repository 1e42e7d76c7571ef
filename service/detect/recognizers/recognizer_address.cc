// ADDRESS: street addresses and post-office boxes with the lines that complete them.
#include "detect/address/address_recognizer.h"
#include "detect/recognizer_registry.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakeAddressRecognizer(const DetectorConfig&) {
  return std::make_unique<AddressRecognizer>();
}

}  // namespace privacy::detect
