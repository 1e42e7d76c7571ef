#include "detect/dates/month_names.h"

#include <array>

namespace privacy::detect {
namespace {

enum Flags : unsigned { kFull = 0, kAbbreviation = 1, kLowerCaseIsWord = 2, kAlsoAName = 4 };

struct Entry {
  std::string_view word;  // lower case
  int month;
  unsigned flags;
};

// Each word once; the languages that use it are noted where it is not
// obvious.
constexpr Entry kMonths[] = {
    // January
    {"january", 1, kFull}, {"janvier", 1, kFull}, {"januar", 1, kFull}, {"jänner", 1, kFull},
    {"enero", 1, kFull}, {"gennaio", 1, kFull}, {"janeiro", 1, kFull}, {"januari", 1, kFull},
    {"jan", 1, kAbbreviation}, {"janv", 1, kAbbreviation}, {"ene", 1, kAbbreviation},
    // February
    {"february", 2, kFull}, {"février", 2, kFull}, {"fevrier", 2, kFull}, {"februar", 2, kFull},
    {"febrero", 2, kFull}, {"febbraio", 2, kFull}, {"fevereiro", 2, kFull},
    {"februari", 2, kFull}, {"feb", 2, kAbbreviation}, {"févr", 2, kAbbreviation},
    {"fevr", 2, kAbbreviation}, {"fév", 2, kAbbreviation}, {"fev", 2, kAbbreviation},
    // March
    {"march", 3, kFull}, {"mars", 3, kAlsoAName}, {"märz", 3, kFull}, {"maerz", 3, kFull},
    {"marzo", 3, kFull}, {"março", 3, kFull}, {"marco", 3, kAlsoAName}, {"maart", 3, kFull},
    {"mar", 3, kAbbreviation}, {"mär", 3, kAbbreviation}, {"mrz", 3, kAbbreviation},
    {"mrt", 3, kAbbreviation},
    // April
    {"april", 4, kFull}, {"avril", 4, kFull}, {"abril", 4, kFull}, {"aprile", 4, kFull},
    {"apr", 4, kAbbreviation}, {"avr", 4, kAbbreviation}, {"abr", 4, kAbbreviation},
    // May ("may" is also the Spanish abbreviation)
    {"may", 5, kLowerCaseIsWord}, {"mai", 5, kFull}, {"mayo", 5, kFull}, {"maggio", 5, kFull},
    {"maio", 5, kFull}, {"mei", 5, kFull},
    // June
    {"june", 6, kFull}, {"juin", 6, kFull}, {"juni", 6, kFull}, {"junio", 6, kFull},
    {"giugno", 6, kFull}, {"junho", 6, kFull}, {"jun", 6, kAbbreviation},
    {"giu", 6, kAbbreviation},
    // July
    {"july", 7, kFull}, {"juillet", 7, kFull}, {"juli", 7, kFull}, {"julio", 7, kFull},
    {"luglio", 7, kFull}, {"julho", 7, kFull}, {"jul", 7, kAbbreviation},
    {"juil", 7, kAbbreviation},
    // August
    {"august", 8, kFull}, {"août", 8, kFull}, {"aout", 8, kFull}, {"agosto", 8, kFull},
    {"augustus", 8, kFull}, {"aug", 8, kAbbreviation},
    // September
    {"september", 9, kFull}, {"septembre", 9, kFull}, {"septiembre", 9, kFull},
    {"setiembre", 9, kFull}, {"settembre", 9, kFull}, {"setembro", 9, kFull},
    {"sep", 9, kAbbreviation}, {"sept", 9, kAbbreviation},
    // October
    {"october", 10, kFull}, {"octobre", 10, kFull}, {"oktober", 10, kFull},
    {"octubre", 10, kFull}, {"ottobre", 10, kFull}, {"outubro", 10, kFull},
    {"oct", 10, kAbbreviation}, {"okt", 10, kAbbreviation}, {"ott", 10, kAbbreviation},
    // November
    {"november", 11, kFull}, {"novembre", 11, kFull}, {"noviembre", 11, kFull},
    {"novembro", 11, kFull}, {"nov", 11, kAbbreviation},
    // December
    {"december", 12, kFull}, {"décembre", 12, kFull}, {"decembre", 12, kFull},
    {"dezember", 12, kFull}, {"diciembre", 12, kFull}, {"dicembre", 12, kFull},
    {"dezembro", 12, kFull}, {"dec", 12, kAbbreviation}, {"déc", 12, kAbbreviation},
    {"dez", 12, kAbbreviation}, {"dic", 12, kAbbreviation},
};

// Longest word of the table, in bytes.
constexpr size_t kMaxWordBytes = 12;

// Lower-cases ASCII and Latin-1 letters (UTF-8 "Ä" -> "ä") into `out`;
// returns the folded length, or 0 when `word` is too long to be a month.
size_t Fold(std::string_view word, std::array<char, kMaxWordBytes>* out) {
  if (word.size() > out->size()) return 0;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const unsigned char u = static_cast<unsigned char>(c);
    if (i > 0 && word[i - 1] == '\xC3' && u >= 0x80 && u <= 0x9E && u != 0x97) {
      c = static_cast<char>(u + 0x20);
    }
    (*out)[i] = c;
  }
  return word.size();
}

}  // namespace

MonthName LookUpMonth(std::string_view word) {
  std::array<char, kMaxWordBytes> folded;
  const size_t length = Fold(word, &folded);
  if (length == 0) return {};
  const std::string_view key(folded.data(), length);
  for (const Entry& e : kMonths) {
    if (e.word == key) {
      return {e.month, (e.flags & kAbbreviation) != 0, (e.flags & kLowerCaseIsWord) != 0,
              (e.flags & kAlsoAName) != 0};
    }
  }
  return {};
}

}  // namespace privacy::detect
