// libFuzzer target: the detector, with every built-in recognizer and the
// entity tagger, on arbitrary UTF-8 text. Checks what Detector promises of
// its findings: inside the text, non-empty, sorted, non-overlapping, of a
// known type, with a score in [0, 1].
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "detect/detector.h"
#include "wire/utf8.h"

namespace {

const privacy::detect::Detector& SharedDetector() {
  static const std::unique_ptr<privacy::detect::Detector> detector =
      privacy::detect::CreateDetector(privacy::detect::DetectorConfig{});
  return *detector;
}

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // The service refuses invalid UTF-8 at its edge; the detector assumes it.
  if (!privacy::wire::IsValidUtf8(text)) return -1;
  const privacy::detect::Detector& detector = SharedDetector();
  const auto findings = detector.Detect(text, {});
  uint32_t previous_end = 0;
  for (const auto& finding : findings) {
    Check(finding.start < finding.end && finding.end <= text.size());
    Check(finding.start >= previous_end);
    Check(finding.score >= 0.0 && finding.score <= 1.0);
    Check(detector.IsKnownType(finding.type));
    previous_end = finding.end;
  }
  return 0;
}
