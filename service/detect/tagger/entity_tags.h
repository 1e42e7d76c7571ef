// The BILOU tag set of the entity tagger: which tags exist, which may follow
// which, and the entity type each belongs to.
#pragma once

#include <cstdint>
#include <string_view>

namespace privacy::detect {

// Entity types the tagger labels, in tag order.
inline constexpr int kTaggedTypeCount = 3;
inline constexpr std::string_view kTaggedTypes[kTaggedTypeCount] = {"PERSON", "LOCATION",
                                                                    "ORGANIZATION"};

// The index of `type` in kTaggedTypes, or -1 when the tagger does not label it.
inline constexpr int TaggedTypeIndex(std::string_view type) {
  for (int t = 0; t < kTaggedTypeCount; ++t) {
    if (kTaggedTypes[t] == type) return t;
  }
  return -1;
}

// Position of a token in an entity: Begin, Inside, Last, Unit (a one-token
// entity), or Outside of any.
enum class TagPosition : uint8_t { kOutside, kBegin, kInside, kLast, kUnit };

// Tag 0 is Outside; tag 1 + 4 * type + (position - 1) is a position of a type.
inline constexpr int kTagCount = 1 + 4 * kTaggedTypeCount;

inline constexpr int MakeTag(int type, TagPosition position) {
  return position == TagPosition::kOutside ? 0 : 1 + 4 * type + (static_cast<int>(position) - 1);
}
inline constexpr TagPosition PositionOf(int tag) {
  return tag == 0 ? TagPosition::kOutside : static_cast<TagPosition>((tag - 1) % 4 + 1);
}
// The type index of a tag other than Outside.
inline constexpr int TypeOf(int tag) { return (tag - 1) / 4; }

// True when `tag` may open a sequence (and follow an Outside, Last or Unit tag).
inline constexpr bool StartsFree(int tag) {
  const TagPosition p = PositionOf(tag);
  return p == TagPosition::kOutside || p == TagPosition::kBegin || p == TagPosition::kUnit;
}
// True when `tag` may close a sequence (and precede an Outside, Begin or Unit tag).
inline constexpr bool EndsFree(int tag) {
  const TagPosition p = PositionOf(tag);
  return p == TagPosition::kOutside || p == TagPosition::kLast || p == TagPosition::kUnit;
}
// True when `next` may follow `previous` in a well-formed BILOU sequence.
inline constexpr bool MayFollow(int previous, int next) {
  if (EndsFree(previous)) return StartsFree(next);
  const TagPosition p = PositionOf(next);
  return (p == TagPosition::kInside || p == TagPosition::kLast) && TypeOf(next) == TypeOf(previous);
}

// A set of tags, one bit per tag.
using TagMask = uint16_t;
inline constexpr TagMask kAnyTag = (1u << kTagCount) - 1;
inline constexpr TagMask kOutsideOnly = 1;

}  // namespace privacy::detect
