// PHONE: the libphonenumber-backed recognizer, for the configured regions.
#include "detect/phone/phone_recognizer.h"
#include "detect/recognizer_registry.h"

namespace privacy::detect {

std::unique_ptr<Recognizer> MakePhoneRecognizer(const DetectorConfig& config) {
  return std::make_unique<PhoneRecognizer>(config.phone_regions);
}

}  // namespace privacy::detect
