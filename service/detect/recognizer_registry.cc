#include "detect/recognizer_registry.h"

namespace privacy::detect {

std::span<const RecognizerEntry> BuiltinRecognizers() {
  static const RecognizerEntry kRecognizers[] = {
#define BUILTIN_RECOGNIZER(name, factory, database) {name, factory, ScanDatabase::database},
#include "detect/recognizers/builtin_recognizers.def"
#undef BUILTIN_RECOGNIZER
  };
  return kRecognizers;
}

}  // namespace privacy::detect
