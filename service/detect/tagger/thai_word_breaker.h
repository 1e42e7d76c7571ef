// Splitting Thai, written without spaces between words, into words.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "detect/tagger/word_tokens.h"

typedef struct _ThBrk ThBrk;

namespace privacy::detect {

// Whether a Thai letter starts at `pos` of `text` (its UTF-8 starts E0 B8
// or E0 B9).
inline bool ThaiLetterAt(std::string_view text, size_t pos) {
  return pos + 2 < text.size() && text[pos] == '\xE0' &&
         (text[pos + 1] == '\xB8' || text[pos + 1] == '\xB9');
}

// Splits the word tokens that hold Thai letters at the word breaks of
// libthai's dictionary (Debian's libthai-data), so that a Thai name is a
// run of words and not the whole sentence it is written in. Safe for
// concurrent use: libthai's breaker is called under a lock.
class ThaiWordBreaker {
 public:
  // Loads libthai's default dictionary. Without it (libthai-data not
  // installed) Thai runs stay whole words: available() is false.
  ThaiWordBreaker();
  ~ThaiWordBreaker();
  ThaiWordBreaker(const ThaiWordBreaker&) = delete;
  ThaiWordBreaker& operator=(const ThaiWordBreaker&) = delete;

  bool available() const { return breaker_ != nullptr; }

  // Replaces each word token of `text` that holds Thai letters by its
  // words, in order; other tokens are left as they are. Linear in the
  // size of the text.
  void Split(std::string_view text, std::vector<WordToken>* tokens) const;

 private:
  // The byte offsets inside [start, end) where a Thai word begins.
  void Breaks(std::string_view text, uint32_t start, uint32_t end,
              std::vector<uint32_t>* breaks) const;

  struct BreakerDeleter {
    void operator()(ThBrk* breaker) const;
  };
  std::unique_ptr<ThBrk, BreakerDeleter> breaker_;
  mutable std::mutex mutex_;
};

}  // namespace privacy::detect
