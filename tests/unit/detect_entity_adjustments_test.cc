// Unit tests of the rules applied after the tagger's model
// (detect/tagger/entity_adjustments), on entities given by hand.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "detect/tagger/entity_adjustments.h"
#include "detect/tagger/entity_tagger.h"
#include "detect/tagger/entity_tags.h"
#include "detect/tagger/word_tokens.h"

namespace privacy::detect {
namespace {

const int kPerson = TaggedTypeIndex("PERSON");
const int kOrganization = TaggedTypeIndex("ORGANIZATION");
const int kLocation = TaggedTypeIndex("LOCATION");

// An entity of `type` over the first occurrence of `value` in `text`.
TaggedEntity EntityOver(std::string_view text, std::string_view value, int type) {
  const size_t at = text.find(value);
  REQUIRE(at != std::string_view::npos);
  TaggedEntity entity;
  entity.type = type;
  entity.start = static_cast<uint32_t>(at);
  entity.end = static_cast<uint32_t>(at + value.size());
  entity.probability = 0.6;
  return entity;
}

// The entities after AddNamesAfterHonorifics, as "TYPE:value".
std::vector<std::string> AfterHonorifics(std::string_view text,
                                         std::vector<TaggedEntity> entities) {
  std::vector<WordToken> tokens;
  TokenizeWords(text, &tokens);
  AddNamesAfterHonorifics(text, tokens, &entities, 0);
  std::vector<std::string> out;
  for (const TaggedEntity& e : entities) {
    out.push_back(std::string(kTaggedTypes[e.type]) + ":" +
                  std::string(text.substr(e.start, e.end - e.start)));
    CHECK(e.probability >= (e.type == kPerson ? kCuedNameProbability : 0.6));
  }
  return out;
}

TEST_CASE("entity adjustments: a place or firm the model found right after an honorific is a "
          "person") {
  constexpr std::string_view text = "Prof. Sakura Berg of UNICEF approved the grant.";
  CHECK(AfterHonorifics(text, {EntityOver(text, "Sakura Berg", kOrganization),
                               EntityOver(text, "UNICEF", kOrganization)}) ==
        std::vector<std::string>{"PERSON:Sakura Berg", "ORGANIZATION:UNICEF"});
  constexpr std::string_view place = "We asked Dr. Florence about the results.";
  CHECK(AfterHonorifics(place, {EntityOver(place, "Florence", kLocation)}) ==
        std::vector<std::string>{"PERSON:Florence"});
}

TEST_CASE("entity adjustments: a firm that reaches past the name after an honorific stays") {
  constexpr std::string_view text = "We buy from Mr. Price Group every spring.";
  CHECK(AfterHonorifics(text, {EntityOver(text, "Mr. Price Group", kOrganization)}) ==
        std::vector<std::string>{"ORGANIZATION:Mr. Price Group"});
  // A firm after the honorific that ends as firms do stays too.
  constexpr std::string_view clinic = "Book me in at Dr. Smith Clinic tomorrow.";
  CHECK(AfterHonorifics(clinic, {EntityOver(clinic, "Smith Clinic", kOrganization)}) ==
        std::vector<std::string>{"ORGANIZATION:Smith Clinic"});
}

TEST_CASE("entity adjustments: a name after an honorific the model missed is added") {
  constexpr std::string_view text = "Please call Mr. Le tomorrow.";
  CHECK(AfterHonorifics(text, {}) == std::vector<std::string>{"PERSON:Le"});
}

TEST_CASE("entity adjustments: an honorific in capitals vouches for a name in capitals") {
  constexpr std::string_view text = "THIS BAY BELONGS TO DR OYEBANJI";
  CHECK(AfterHonorifics(text, {}) == std::vector<std::string>{"PERSON:OYEBANJI"});
  // "MR AND MRS": the function word is no name, whatever its case.
  constexpr std::string_view couple = "MR AND MRS TANAKA, ROOM 12";
  CHECK(AfterHonorifics(couple, {}) == std::vector<std::string>{"PERSON:TANAKA"});
  // Not a word in title case after it, nor "MS" (Microsoft).
  constexpr std::string_view country = "Flights to DR Congo are delayed.";
  CHECK(AfterHonorifics(country, {}).empty());
  constexpr std::string_view product = "OPEN MS TEAMS NOW";
  CHECK(AfterHonorifics(product, {}).empty());
}

}  // namespace
}  // namespace privacy::detect
