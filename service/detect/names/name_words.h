// Closed word classes the name recognizers rely on: honorifics, name
// particles, organization suffixes, words that are never names.
#pragma once

#include <cstdint>
#include <string_view>

namespace privacy::detect {

// The word classes below as bits, for NameWordClasses.
enum NameWordClass : uint32_t {
  kHonorificClass = 1u << 0,
  kPlaceAbbreviationClass = 1u << 1,
  kNameParticleClass = 1u << 2,
  kTakesOfClass = 1u << 3,
  kNeverANameClass = 1u << 4,
  kDemonymClass = 1u << 5,
  kLegalFormClass = 1u << 6,
  kOrganizationSuffixClass = 1u << 7,
  kCommonAcronymClass = 1u << 8,
  kIdentifierKindClass = 1u << 9,
  kRoleClass = 1u << 10,
};

// Every class below that `word` belongs to (case-sensitive, but a word in
// capitals also has the classes of its title-case form: "DR" those of "Dr";
// a trailing period allowed where the class allows it).
uint32_t NameWordClasses(std::string_view word);

// "Mr", "Dr.", "Prof", "Herr", "Frau", "Mme", "Sra.", "Reverend", "Khun"
// (case-sensitive, a trailing period allowed; in capitals too, "MR",
// "DR.", but for those that in capitals are as often something else:
// "MS", "SR").
bool IsHonorific(std::string_view word);

// Abbreviations that keep a place name going after their period: "St.",
// "Mt.", "Ft." (case-sensitive, a trailing period allowed).
bool IsPlaceAbbreviation(std::string_view word);

// The countries whose states, provinces or territories a postal
// abbreviation names, as bits, for RegionCodeCountries.
enum RegionCountry : uint32_t {
  kUnitedStatesRegion = 1u << 0,
  kCanadaRegion = 1u << 1,
  kAustraliaRegion = 1u << 2,
};

// Which countries' states, provinces or territories `word` is the postal
// abbreviation of, in capitals ("TX", "ON", "NSW"; "WA" both Washington
// and Western Australia); 0 when none.
uint32_t RegionCodeCountries(std::string_view word);

// Lower-case particles inside names: "de", "van", "von", "bin", "al", ...
bool IsNameParticle(std::string_view word);

// Lower-case words that names are built with: "Bank of America", "Rio de
// Janeiro", "Procter and Gamble", "Newcastle upon Tyne" (the particles and
// a few more); `class_bits` are the word's NameWordClasses.
bool JoinsNames(std::string_view word, uint32_t class_bits);

// Capitalised words followed by "of" inside one name: "University of",
// "Bank of", "Republic of", "Isle of".
bool TakesOf(std::string_view word);

// Months, weekdays, holidays, greetings and function words ("The", "My",
// "I"): capitalised but never part of a name (case-sensitive).
bool IsNeverAName(std::string_view word);

// Nationalities and languages ("German", "Spanish"): capitalised, part of
// organization names ("British Airways"), never a person's name here.
bool IsDemonym(std::string_view word);

// Last words of organization names: "Inc", "GmbH", "Bank", "Clinic",
// "University", "Enterprises", ... (case-sensitive, a trailing period
// allowed).
bool IsOrganizationSuffix(std::string_view word);

// Legal-form suffixes only ("Inc", "Ltd", "GmbH"): they make an
// organization of any capitalised word before them.
bool IsLegalForm(std::string_view word);

// All-capital words that are not organizations: "OK", "ASAP", "CEO", "PDF".
bool IsCommonAcronym(std::string_view word);

// Titles, offices, jobs and roles written before a person's name
// ("President", "Contractor", "Patient", "Sgt."): not part of the name
// (case-sensitive, a trailing period allowed).
bool IsRoleWord(std::string_view word);

// Card schemes and identifier systems ("Visa", "Mastercard", "NHS",
// "Aadhaar"): organizations in a sense, but they name the kind of a number,
// not anyone's affiliation (case-sensitive).
bool NamesAnIdentifierKind(std::string_view word);

}  // namespace privacy::detect
