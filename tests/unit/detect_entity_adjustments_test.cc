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
#include "detect_test_util.h"

namespace privacy::detect {
namespace {

const int kPerson = TaggedTypeIndex("PERSON");
const int kOrganization = TaggedTypeIndex("ORGANIZATION");
const int kLocation = TaggedTypeIndex("LOCATION");

using testing::EntityOver;

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

TEST_CASE("entity adjustments: lower-case words right before an opening parenthesis are code") {
  const auto kept = [](std::string_view text, std::string_view value) {
    std::vector<TaggedEntity> entities = {EntityOver(text, value, kPerson)};
    DropNoNames(text, &entities, 0);
    return !entities.empty();
  };
  CHECK_FALSE(kept("def f(): pass", "def f"));
  CHECK_FALSE(kept("x = print(value)", "print"));
  // Capitalised, spaced, or at the end of the text: names stay.
  CHECK(kept("Smith(2019) found", "Smith"));
  CHECK(kept("as smith (2019) found", "smith"));
  CHECK(kept("ask maria", "maria"));
  CHECK(kept("Zoë(", "Zoë"));
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

// The entities after AddRegionCodesAfterPlaces, as "TYPE:value", with the
// probability of the codes.
std::vector<std::string> AfterRegionCodes(std::string_view text,
                                          std::vector<TaggedEntity> entities) {
  std::vector<WordToken> tokens;
  TokenizeWords(text, &tokens);
  SortEntitiesByStart(&entities, 0);
  AddRegionCodesAfterPlaces(text, tokens, &entities, 0);
  std::vector<std::string> out;
  for (const TaggedEntity& e : entities) {
    const std::string_view value = text.substr(e.start, e.end - e.start);
    out.push_back(std::string(kTaggedTypes[e.type]) + ":" + std::string(value));
    if (e.type == kLocation && value.size() <= 3) CHECK(e.probability >= kCuedNameProbability);
  }
  return out;
}

TEST_CASE("entity adjustments: a state's or province's code after a place is a place") {
  constexpr std::string_view text = "She left Gary, IN for Halifax, NS and Perth, WA.";
  CHECK(AfterRegionCodes(text, {EntityOver(text, "Gary", kPerson),
                                EntityOver(text, "Halifax", kLocation),
                                EntityOver(text, "NS", kOrganization),
                                EntityOver(text, "Perth", kLocation)}) ==
        std::vector<std::string>{"LOCATION:Gary", "LOCATION:IN", "LOCATION:Halifax",
                                 "LOCATION:NS", "LOCATION:Perth", "LOCATION:WA"});
  // A firm that ends as firms do stays a firm; its state is a place.
  constexpr std::string_view firm = "Acme Holdings Inc, DE is the borrower.";
  CHECK(AfterRegionCodes(firm, {EntityOver(firm, "Acme Holdings Inc", kOrganization)}) ==
        std::vector<std::string>{"ORGANIZATION:Acme Holdings Inc", "LOCATION:DE"});
}

TEST_CASE("entity adjustments: no region code without a name before it, after a person's "
          "degree or before capitals") {
  constexpr std::string_view nothing = "Sales grew, OK? Then fell, IN part.";
  CHECK(AfterRegionCodes(nothing, {}).empty());
  // A degree after a person's name: what the model made of it is dropped.
  constexpr std::string_view degree = "Signed, Jane Roe, MD and Sam Lee, PA today.";
  CHECK(AfterRegionCodes(degree, {EntityOver(degree, "Jane Roe", kPerson),
                                  EntityOver(degree, "MD", kLocation),
                                  EntityOver(degree, "Sam Lee", kPerson)}) ==
        std::vector<std::string>{"PERSON:Jane Roe", "PERSON:Sam Lee"});
  constexpr std::string_view shouting = "CALL BOB, OR CALL ME";
  CHECK(AfterRegionCodes(shouting, {EntityOver(shouting, "BOB", kPerson)}) ==
        std::vector<std::string>{"PERSON:BOB"});
  // A number after the code must be its country's postcode: "NM 1341" is a
  // flight, "IL 62704" and "NSW 2000" are places.
  constexpr std::string_view flight = "Outbound: Melbourne, NM 1341 via Sydney, NSW 2000.";
  CHECK(AfterRegionCodes(flight, {EntityOver(flight, "Melbourne", kLocation),
                                  EntityOver(flight, "Sydney", kLocation)}) ==
        std::vector<std::string>{"LOCATION:Melbourne", "LOCATION:Sydney", "LOCATION:NSW"});
  // No space, or more than one, after the comma: a list, not a place's region.
  constexpr std::string_view list = "Raleigh,NC";
  CHECK(AfterRegionCodes(list, {EntityOver(list, "Raleigh", kLocation)}) ==
        std::vector<std::string>{"LOCATION:Raleigh"});
}

}  // namespace
}  // namespace privacy::detect
