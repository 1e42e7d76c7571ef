// The entity tagger's BILOU tags and decoding: tag helpers, DecodeBest, EntityMargins and EntitiesFromMargins on hand-made scores.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "detect/tagger/entity_tagger.h"
#include "detect/tagger/entity_tags.h"
#include "detect/tagger/sequence_decoder.h"
#include "detect/tagger/tagger_model.h"

using namespace privacy::detect;

namespace {

constexpr int O = 0;
constexpr int kPer = 0, kLoc = 1, kOrg = 2;
constexpr int B(int type) { return MakeTag(type, TagPosition::kBegin); }
constexpr int I(int type) { return MakeTag(type, TagPosition::kInside); }
constexpr int L(int type) { return MakeTag(type, TagPosition::kLast); }
constexpr int U(int type) { return MakeTag(type, TagPosition::kUnit); }

constexpr float kLow = -20.0f;

// Emissions of `n` tokens, every tag at `kLow`; set entries with At().
struct Emissions {
  explicit Emissions(size_t n) : n(n), scores(n * kTagCount, kLow) {}
  float& At(size_t i, int tag) { return scores[i * kTagCount + tag]; }
  size_t n;
  std::vector<float> scores;
};

// True when `tags` is a well-formed BILOU sequence.
bool WellFormed(const std::vector<uint8_t>& tags) {
  if (tags.empty()) return true;
  if (!StartsFree(tags.front()) || !EndsFree(tags.back())) return false;
  for (size_t i = 1; i < tags.size(); ++i) {
    if (!MayFollow(tags[i - 1], tags[i])) return false;
  }
  return true;
}

// The score of `tags` under `emissions` and `transitions`.
double Score(const std::vector<float>& emissions, const TagTransitions& t,
             const std::vector<uint8_t>& tags) {
  double score = t.first[tags.front()] + t.last[tags.back()];
  for (size_t i = 0; i < tags.size(); ++i) {
    score += emissions[i * kTagCount + tags[i]];
    if (i > 0) score += t.between[tags[i - 1]][tags[i]];
  }
  return score;
}

// A deterministic generator of scores in [-2, 2), fine-grained enough
// that different sequences practically never tie.
struct Numbers {
  uint64_t state;
  float Next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<float>((state >> 32) % 4000000) / 1000000.0f - 2.0f;
  }
};

TagTransitions RandomTransitions(Numbers* numbers) {
  TagTransitions t;
  for (auto& row : t.between) {
    for (float& v : row) v = numbers->Next();
  }
  for (float& v : t.first) v = numbers->Next();
  for (float& v : t.last) v = numbers->Next();
  return t;
}

// Every well-formed sequence of `n` tags (n small), each with its score.
struct Enumerated {
  std::vector<std::vector<uint8_t>> sequences;
  std::vector<double> scores;
};

Enumerated EnumerateAll(const std::vector<float>& emissions, size_t n, const TagTransitions& t) {
  Enumerated all;
  std::vector<uint8_t> tags(n, 0);
  while (true) {
    if (WellFormed(tags)) {
      all.sequences.push_back(tags);
      all.scores.push_back(Score(emissions, t, tags));
    }
    size_t i = 0;
    while (i < n && ++tags[i] == kTagCount) tags[i++] = 0;
    if (i == n) break;
  }
  return all;
}

struct Decoded {
  float score = 0.0f;
  std::vector<uint8_t> tags;
  std::vector<float> margins;
  std::vector<uint8_t> entity_tags;
};

Decoded Decode(const Emissions& e, const TagTransitions& t, const TagMask* allowed = nullptr) {
  Decoded d;
  DecoderScratch scratch;
  d.score = DecodeBest(e.scores.data(), e.n, t, allowed, &scratch, &d.tags);
  EntityMargins(e.scores.data(), e.n, t, allowed, &scratch, &d.margins, &d.entity_tags);
  return d;
}

std::vector<WordToken> TokensOf(size_t n) {
  std::vector<WordToken> tokens(n);
  for (size_t i = 0; i < n; ++i) {
    tokens[i].start = static_cast<uint32_t>(10 * i);
    tokens[i].end = static_cast<uint32_t>(10 * i + 5);
  }
  return tokens;
}

std::vector<TaggedEntity> Entities(const std::vector<float>& margins,
                                   const std::vector<uint8_t>& tags,
                                   std::array<float, kTaggedTypeCount> floors = {0, 0, 0}) {
  std::vector<TaggedEntity> out;
  EntitiesFromMargins(TokensOf(margins.size()), margins, tags, floors, &out);
  return out;
}

}  // namespace

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect tagger: tag numbering, positions and types") {
  CHECK(kTagCount == 13);
  CHECK(MakeTag(kPer, TagPosition::kOutside) == 0);
  CHECK(MakeTag(kLoc, TagPosition::kOutside) == 0);
  CHECK(PositionOf(0) == TagPosition::kOutside);
  const TagPosition positions[] = {TagPosition::kBegin, TagPosition::kInside, TagPosition::kLast,
                                   TagPosition::kUnit};
  std::vector<int> seen;
  for (int type = 0; type < kTaggedTypeCount; ++type) {
    for (TagPosition position : positions) {
      const int tag = MakeTag(type, position);
      CAPTURE(tag);
      CHECK(tag >= 1);
      CHECK(tag < kTagCount);
      CHECK(PositionOf(tag) == position);
      CHECK(TypeOf(tag) == type);
      seen.push_back(tag);
    }
  }
  std::sort(seen.begin(), seen.end());
  CHECK(std::adjacent_find(seen.begin(), seen.end()) == seen.end());
  CHECK(seen.size() == 12);
  CHECK(B(kPer) == 1);
  CHECK(U(kOrg) == 12);
  CHECK(kTaggedTypes[kPer] == "PERSON");
  CHECK(kTaggedTypes[kLoc] == "LOCATION");
  CHECK(kTaggedTypes[kOrg] == "ORGANIZATION");
  CHECK(kAnyTag == 0x1FFF);
  CHECK(kOutsideOnly == 1);
}

TEST_CASE("detect tagger: which tags open, close and follow which") {
  for (int tag = 0; tag < kTagCount; ++tag) {
    CAPTURE(tag);
    const TagPosition p = PositionOf(tag);
    const bool opens = p == TagPosition::kOutside || p == TagPosition::kBegin || p == TagPosition::kUnit;
    const bool closes = p == TagPosition::kOutside || p == TagPosition::kLast || p == TagPosition::kUnit;
    CHECK(StartsFree(tag) == opens);
    CHECK(EndsFree(tag) == closes);
  }
  int allowed_pairs = 0;
  for (int previous = 0; previous < kTagCount; ++previous) {
    for (int next = 0; next < kTagCount; ++next) {
      CAPTURE(previous);
      CAPTURE(next);
      const TagPosition p = PositionOf(previous), q = PositionOf(next);
      const bool previous_open = p == TagPosition::kBegin || p == TagPosition::kInside;
      const bool expected =
          previous_open ? (q == TagPosition::kInside || q == TagPosition::kLast) &&
                              TypeOf(previous) == TypeOf(next)
                        : q == TagPosition::kOutside || q == TagPosition::kBegin ||
                              q == TagPosition::kUnit;
      CHECK(MayFollow(previous, next) == expected);
      allowed_pairs += MayFollow(previous, next);
    }
  }
  CHECK(allowed_pairs == 7 * 7 + 6 * 2);
  CHECK(MayFollow(O, B(kPer)));
  CHECK(MayFollow(B(kPer), L(kPer)));
  CHECK(MayFollow(I(kLoc), I(kLoc)));
  CHECK(MayFollow(U(kOrg), U(kPer)));
  CHECK(MayFollow(L(kPer), B(kLoc)));
  CHECK_FALSE(MayFollow(O, I(kPer)));
  CHECK_FALSE(MayFollow(O, L(kPer)));
  CHECK_FALSE(MayFollow(B(kPer), O));
  CHECK_FALSE(MayFollow(B(kPer), L(kLoc)));
  CHECK_FALSE(MayFollow(I(kPer), B(kPer)));
  CHECK_FALSE(MayFollow(L(kPer), L(kPer)));
  CHECK_FALSE(MayFollow(U(kPer), I(kPer)));
}

TEST_CASE("detect tagger: DecodeBest of no tokens") {
  const TagTransitions t;
  DecoderScratch scratch;
  std::vector<uint8_t> tags = {1, 2, 3};
  CHECK(DecodeBest(nullptr, 0, t, nullptr, &scratch, &tags) == 0.0f);
  CHECK(tags.empty());
  std::vector<float> margins = {1.0f};
  std::vector<uint8_t> entity_tags = {1};
  EntityMargins(nullptr, 0, t, nullptr, &scratch, &margins, &entity_tags);
  CHECK(margins.empty());
  CHECK(entity_tags.empty());
}

TEST_CASE("detect tagger: DecodeBest takes each token's best tag when that is well formed") {
  const TagTransitions t;
  Emissions e(5);
  e.At(0, O) = 1.0f;
  e.At(1, B(kPer)) = 2.0f;
  e.At(2, L(kPer)) = 3.0f;
  e.At(3, O) = 0.5f;
  e.At(4, U(kLoc)) = 4.0f;
  const Decoded d = Decode(e, t);
  CHECK(d.tags == std::vector<uint8_t>{O, B(kPer), L(kPer), O, U(kLoc)});
  CHECK(d.score == doctest::Approx(10.5));
}

TEST_CASE("detect tagger: DecodeBest never returns an ill-formed sequence") {
  const TagTransitions t;
  SUBCASE("a lone Inside") {
    Emissions e(1);
    e.At(0, I(kPer)) = 10.0f;
    e.At(0, O) = 1.0f;
    e.At(0, U(kPer)) = 0.5f;
    const Decoded d = Decode(e, t);
    CHECK(d.tags == std::vector<uint8_t>{O});
    CHECK(d.score == doctest::Approx(1.0));
  }
  SUBCASE("a Begin without its Last") {
    Emissions e(2);
    e.At(0, B(kPer)) = 5.0f;
    e.At(0, U(kPer)) = 1.0f;
    e.At(1, O) = 5.0f;
    e.At(1, L(kPer)) = 0.0f;
    const Decoded d = Decode(e, t);
    CHECK(WellFormed(d.tags));
    // B,L scores 5 + 0; U,O scores 1 + 5: the latter wins.
    CHECK(d.tags == std::vector<uint8_t>{U(kPer), O});
  }
  SUBCASE("a type change inside an entity") {
    Emissions e(2);
    e.At(0, B(kPer)) = 5.0f;
    e.At(0, B(kLoc)) = 1.0f;
    e.At(1, L(kLoc)) = 5.0f;
    e.At(1, L(kPer)) = 2.0f;
    const Decoded d = Decode(e, t);
    CHECK(d.tags == std::vector<uint8_t>{B(kPer), L(kPer)});
  }
  SUBCASE("forbidden pairs with huge transition scores") {
    TagTransitions tempting;
    for (int p = 0; p < kTagCount; ++p) {
      for (int y = 0; y < kTagCount; ++y) tempting.between[p][y] = MayFollow(p, y) ? 0.0f : 1000.0f;
      tempting.first[p] = StartsFree(p) ? 0.0f : 1000.0f;
      tempting.last[p] = EndsFree(p) ? 0.0f : 1000.0f;
    }
    Numbers numbers{7};
    for (int round = 0; round < 50; ++round) {
      Emissions e(6);
      for (float& v : e.scores) v = numbers.Next();
      const Decoded d = Decode(e, tempting);
      CAPTURE(round);
      CHECK(WellFormed(d.tags));
      CHECK(d.score < 100.0f);
    }
  }
}

TEST_CASE("detect tagger: DecodeBest finds the best of all well-formed sequences") {
  Numbers numbers{42};
  for (int round = 0; round < 20; ++round) {
    CAPTURE(round);
    const TagTransitions t = RandomTransitions(&numbers);
    const size_t n = 1 + round % 4;
    Emissions e(n);
    for (float& v : e.scores) v = numbers.Next();
    const Enumerated all = EnumerateAll(e.scores, n, t);
    size_t best = 0;
    for (size_t k = 1; k < all.scores.size(); ++k) {
      if (all.scores[k] > all.scores[best]) best = k;
    }
    const Decoded d = Decode(e, t);
    CHECK(d.tags == all.sequences[best]);
    CHECK(d.score == doctest::Approx(all.scores[best]).epsilon(1e-5));
  }
}

TEST_CASE("detect tagger: DecodeBest keeps to the allowed tags") {
  const TagTransitions t;
  Emissions e(3);
  e.At(0, U(kPer)) = 3.0f;
  e.At(1, O) = 1.0f;
  e.At(2, U(kOrg)) = 3.0f;
  e.At(2, U(kLoc)) = 1.0f;
  CHECK(Decode(e, t).tags == std::vector<uint8_t>{U(kPer), O, U(kOrg)});

  SUBCASE("outside only") {
    const std::vector<TagMask> allowed(3, kOutsideOnly);
    const Decoded d = Decode(e, t, allowed.data());
    CHECK(d.tags == std::vector<uint8_t>{O, O, O});
    CHECK(d.score == doctest::Approx(2 * kLow + 1.0f));
  }
  SUBCASE("one token forced to another type") {
    const std::vector<TagMask> allowed = {kAnyTag, kAnyTag,
                                          static_cast<TagMask>(1u << U(kLoc))};
    CHECK(Decode(e, t, allowed.data()).tags ==
          std::vector<uint8_t>{U(kPer), O, U(kLoc)});
  }
  SUBCASE("one entity over all three tokens") {
    const std::vector<TagMask> allowed = {static_cast<TagMask>(1u << B(kPer)),
                                          static_cast<TagMask>(1u << I(kPer)),
                                          static_cast<TagMask>(1u << L(kPer))};
    CHECK(Decode(e, t, allowed.data()).tags ==
          std::vector<uint8_t>{B(kPer), I(kPer), L(kPer)});
  }
  SUBCASE("nothing allowed") {
    const float minus_infinity = -std::numeric_limits<float>::infinity();
    const std::vector<TagMask> none(3, 0);
    CHECK(Decode(e, t, none.data()).score == minus_infinity);
    const std::vector<TagMask> lone_inside = {static_cast<TagMask>(1u << I(kPer)), kAnyTag,
                                              kAnyTag};
    CHECK(Decode(e, t, lone_inside.data()).score == minus_infinity);
    const std::vector<TagMask> open_begin = {kAnyTag, kAnyTag,
                                             static_cast<TagMask>(1u << B(kPer))};
    CHECK(Decode(e, t, open_begin.data()).score == minus_infinity);
    const std::vector<TagMask> broken = {static_cast<TagMask>(1u << B(kPer)), kOutsideOnly,
                                         kAnyTag};
    CHECK(Decode(e, t, broken.data()).score == minus_infinity);
  }
}

TEST_CASE("detect tagger: DecodeBest and EntityMargins stay exact over long texts") {
  // Blocks of "B-PER L-PER O", the O forced: each block's best tagging and
  // margins are the same wherever it stands in a text of 9,000 tokens.
  const TagTransitions t;
  constexpr size_t kBlocks = 3000;
  Emissions e(3 * kBlocks);
  std::vector<TagMask> allowed(3 * kBlocks, kAnyTag);
  for (size_t b = 0; b < kBlocks; ++b) {
    e.At(3 * b, B(kPer)) = 2.5f;
    e.At(3 * b, U(kPer)) = 1.25f;
    e.At(3 * b, O) = 0.75f;
    e.At(3 * b + 1, L(kPer)) = 1.5f;
    e.At(3 * b + 1, O) = 2.0f;
    e.At(3 * b + 2, O) = 3.0f;
    allowed[3 * b + 2] = kOutsideOnly;
  }
  const Decoded d = Decode(e, t, allowed.data());
  REQUIRE(d.tags.size() == 3 * kBlocks);
  REQUIRE(d.margins.size() == 3 * kBlocks);
  // Token 0: B,L = 4.0 beats U,O = 3.25 and O,O = 2.75: margin 4.0 - 2.75.
  // Token 1: B,L = 4.0 against the best with O there (U,O = 3.25).
  bool same = true;
  for (size_t b = 0; b < kBlocks; ++b) {
    same = same && d.tags[3 * b] == B(kPer) && d.tags[3 * b + 1] == L(kPer) &&
           d.tags[3 * b + 2] == O;
    same = same && std::fabs(d.margins[3 * b] - 1.25f) < 1e-3f &&
           std::fabs(d.margins[3 * b + 1] - 0.75f) < 1e-3f &&
           d.margins[3 * b + 2] == -kMarginCap;
    same = same && d.entity_tags[3 * b] == B(kPer) && d.entity_tags[3 * b + 1] == L(kPer);
    if (!same) {
      CAPTURE(b);
      CHECK(d.margins[3 * b] == doctest::Approx(1.25));
      CHECK(d.margins[3 * b + 1] == doctest::Approx(0.75));
      break;
    }
  }
  CHECK(same);
}

TEST_CASE("detect tagger: EntityMargins by hand") {
  const TagTransitions t;
  SUBCASE("one token: entity against outside") {
    Emissions e(1);
    e.At(0, O) = 0.0f;
    e.At(0, U(kPer)) = 2.0f;
    e.At(0, U(kLoc)) = 1.0f;
    Decoded d = Decode(e, t);
    CHECK(d.margins[0] == doctest::Approx(2.0));
    CHECK(d.entity_tags[0] == U(kPer));
    e.At(0, O) = 3.0f;
    d = Decode(e, t);
    CHECK(d.margins[0] == doctest::Approx(-1.0));
    CHECK(d.entity_tags[0] == U(kPer));
  }
  SUBCASE("two tokens with a transition") {
    // Token 0: B-PER 1, U-PER 0, O 0. Token 1: L-PER 1, U-PER 0, O 0.
    Emissions e(2);
    e.At(0, B(kPer)) = 1.0f;
    e.At(0, U(kPer)) = 0.0f;
    e.At(0, O) = 0.0f;
    e.At(1, L(kPer)) = 1.0f;
    e.At(1, U(kPer)) = 0.0f;
    e.At(1, O) = 0.0f;
    TagTransitions costly = t;
    costly.between[B(kPer)][L(kPer)] = -0.5f;
    costly.first[O] = 0.25f;
    // Best with an entity at either token: B,L = 1 + 1 - 0.5 = 1.5.
    // Best with O at token 0: O then U-PER or O = 0.25. With O at token 1:
    // U-PER then O = 0, or O,O = 0.25.
    const Decoded d = Decode(e, costly);
    CHECK(d.tags == std::vector<uint8_t>{B(kPer), L(kPer)});
    CHECK(d.margins[0] == doctest::Approx(1.25));
    CHECK(d.margins[1] == doctest::Approx(1.25));
    CHECK(d.entity_tags[0] == B(kPer));
    CHECK(d.entity_tags[1] == L(kPer));
  }
  SUBCASE("positive where an entity wins, negative where outside wins") {
    Emissions e(4);
    for (size_t i = 0; i < 4; ++i) e.At(i, O) = 1.0f;
    e.At(1, U(kLoc)) = 4.0f;
    e.At(3, U(kOrg)) = 0.25f;
    const Decoded d = Decode(e, t);
    CHECK(d.tags == std::vector<uint8_t>{O, U(kLoc), O, O});
    CHECK(d.margins[0] < 0.0f);
    CHECK(d.margins[1] == doctest::Approx(3.0));
    CHECK(d.margins[2] < 0.0f);
    CHECK(d.margins[3] == doctest::Approx(-0.75));
    CHECK(d.entity_tags[1] == U(kLoc));
    CHECK(d.entity_tags[3] == U(kOrg));
  }
  SUBCASE("tags ruled out by the mask give the capped margin") {
    Emissions e(2);
    e.At(0, U(kPer)) = 1.0f;
    e.At(1, U(kPer)) = 1.0f;
    const std::vector<TagMask> allowed = {kOutsideOnly,
                                          static_cast<TagMask>(kAnyTag & ~kOutsideOnly)};
    const Decoded d = Decode(e, t, allowed.data());
    CHECK(d.margins[0] == -kMarginCap);
    CHECK(d.margins[1] == kMarginCap);
  }
}

TEST_CASE("detect tagger: EntityMargins agrees with every well-formed sequence") {
  Numbers numbers{2026};
  for (int round = 0; round < 20; ++round) {
    CAPTURE(round);
    const TagTransitions t = RandomTransitions(&numbers);
    const size_t n = 1 + round % 4;
    Emissions e(n);
    for (float& v : e.scores) v = numbers.Next();
    const Enumerated all = EnumerateAll(e.scores, n, t);
    const Decoded d = Decode(e, t);
    for (size_t i = 0; i < n; ++i) {
      CAPTURE(i);
      double best_entity = -1e30, best_outside = -1e30;
      int entity_tag = -1;
      for (size_t k = 0; k < all.sequences.size(); ++k) {
        const int tag = all.sequences[k][i];
        if (tag == O) {
          best_outside = std::max(best_outside, all.scores[k]);
        } else if (all.scores[k] > best_entity) {
          best_entity = all.scores[k];
          entity_tag = tag;
        }
      }
      CHECK(d.margins[i] == doctest::Approx(best_entity - best_outside).epsilon(1e-4));
      CHECK(d.entity_tags[i] == entity_tag);
    }
  }
}

TEST_CASE("detect tagger: EntityMargins agrees with DecodeBest under masks") {
  // For up to eight tokens DecodeBest's score is the sequence's own; the
  // margin at i is the best score with an entity tag there minus the best
  // with Outside there.
  Numbers numbers{99};
  const TagMask entity_only = static_cast<TagMask>(kAnyTag & ~kOutsideOnly);
  for (int round = 0; round < 10; ++round) {
    CAPTURE(round);
    const TagTransitions t = RandomTransitions(&numbers);
    constexpr size_t n = 8;
    Emissions e(n);
    for (float& v : e.scores) v = numbers.Next();
    const Decoded d = Decode(e, t);
    for (size_t i = 0; i < n; ++i) {
      CAPTURE(i);
      std::vector<TagMask> allowed(n, kAnyTag);
      allowed[i] = entity_only;
      const float entity = Decode(e, t, allowed.data()).score;
      allowed[i] = kOutsideOnly;
      const float outside = Decode(e, t, allowed.data()).score;
      CHECK(d.margins[i] == doctest::Approx(entity - outside).epsilon(1e-4));
    }
  }
}

TEST_CASE("detect tagger: EntitiesFromMargins reads runs above the floor") {
  const std::vector<float> margins = {-5.0f, 3.0f, 2.0f, -1.0f, 4.0f};
  const std::vector<uint8_t> tags = {U(kPer), B(kPer), L(kPer), U(kLoc),
                                     U(kLoc)};
  const std::vector<TaggedEntity> out = Entities(margins, tags);
  REQUIRE(out.size() == 2);
  CHECK(out[0].type == kPer);
  CHECK(out[0].start == 10);
  CHECK(out[0].end == 25);
  CHECK(out[0].margin == 2.0f);
  CHECK(out[0].probability == 0.0);
  CHECK(out[1].type == kLoc);
  CHECK(out[1].start == 40);
  CHECK(out[1].end == 45);
  CHECK(out[1].margin == 4.0f);
}

TEST_CASE("detect tagger: EntitiesFromMargins cuts at Begin, Unit, Last and type changes") {
  const std::vector<float> up(4, 1.0f);
  SUBCASE("Begin opens a new entity") {
    const auto out = Entities(up, {B(kPer), I(kPer), B(kPer), L(kPer)});
    REQUIRE(out.size() == 2);
    CHECK(out[0].start == 0);
    CHECK(out[0].end == 15);
    CHECK(out[1].start == 20);
    CHECK(out[1].end == 35);
  }
  SUBCASE("Unit is an entity of its own") {
    const auto out = Entities(up, {U(kPer), U(kPer), I(kPer), L(kPer)});
    REQUIRE(out.size() == 3);
    CHECK(out[0].end == 5);
    CHECK(out[1].start == 10);
    CHECK(out[1].end == 15);
    CHECK(out[2].start == 20);
    CHECK(out[2].end == 35);
  }
  SUBCASE("Last closes the entity") {
    const auto out = Entities(up, {B(kPer), L(kPer), I(kPer), L(kPer)});
    REQUIRE(out.size() == 2);
    CHECK(out[0].end == 15);
    CHECK(out[1].start == 20);
  }
  SUBCASE("a type change") {
    const auto out = Entities(up, {I(kPer), I(kPer), I(kLoc), I(kOrg)});
    REQUIRE(out.size() == 3);
    CHECK(out[0].type == kPer);
    CHECK(out[0].end == 15);
    CHECK(out[1].type == kLoc);
    CHECK(out[2].type == kOrg);
  }
  SUBCASE("the weakest token gives the margin") {
    const auto out = Entities({3.0f, 0.5f, 2.0f, 7.0f}, {B(kPer), I(kPer), I(kPer),
                                                         L(kPer)});
    REQUIRE(out.size() == 1);
    CHECK(out[0].margin == 0.5f);
    CHECK(out[0].end == 35);
  }
  SUBCASE("appends to what is there") {
    std::vector<TaggedEntity> out(1);
    EntitiesFromMargins(TokensOf(1), {1.0f}, {U(kPer)}, {0, 0, 0}, &out);
    CHECK(out.size() == 2);
  }
}

TEST_CASE("detect tagger: EntitiesFromMargins starts no entity at punctuation") {
  // "G. Hatzikosta" with the initial under the floor: the run above it
  // starts at the name, not at the period.
  std::vector<WordToken> tokens = TokensOf(3);
  tokens[1].kind = TokenKind::kPunctuation;
  std::vector<TaggedEntity> out;
  EntitiesFromMargins(tokens, {0.5f, 2.0f, 3.0f}, {B(kPer), I(kPer), L(kPer)}, {1.0f, 1.0f, 1.0f},
                      &out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].start == 20);
  CHECK(out[0].end == 25);
  // Inside an entity, punctuation stays ("J. R. Tolkien").
  out.clear();
  EntitiesFromMargins(tokens, {2.0f, 2.0f, 3.0f}, {B(kPer), I(kPer), L(kPer)}, {1.0f, 1.0f, 1.0f},
                      &out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].start == 0);
  CHECK(out[0].end == 25);
}

TEST_CASE("detect tagger: EntitiesFromMargins applies each type's floor") {
  const std::vector<float> margins = {3.0f, 3.0f, 3.0f, 5.0f};
  const std::vector<uint8_t> tags = {U(kPer), U(kLoc), U(kOrg), U(kPer)};
  const auto out = Entities(margins, tags, {4.0f, 0.0f, 3.0f});
  REQUIRE(out.size() == 2);
  CHECK(out[0].type == kLoc);
  CHECK(out[1].type == kPer);
  CHECK(out[1].start == 30);
  // A token under the floor splits a run.
  const auto split = Entities({2.0f, 0.5f, 2.0f}, {I(kPer), I(kPer), I(kPer)},
                              {1.0f, 1.0f, 1.0f});
  REQUIRE(split.size() == 2);
  CHECK(split[0].end == 5);
  CHECK(split[1].start == 20);
  CHECK(Entities({-1.0f, -2.0f}, {U(kPer), U(kPer)}).empty());
}

TEST_SUITE_END();
