#include "detect/phone/phone_validity.h"

#include <phonenumbers/phonemetadata.pb.h>

#include <bitset>
#include <list>
#include <map>
#include <set>
#include <string>

#include "detect/phone/phone_number_util.h"

namespace i18n::phonenumbers {

// Exported by libphonenumber, declared in a header it does not install
// (phonenumbers/metadata.h): the serialized PhoneMetadataCollection that
// PhoneNumberUtil loads at start-up.
int metadata_size();
const void* metadata_get();

}  // namespace i18n::phonenumbers

namespace privacy::detect {
namespace {

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneNumberDesc;

// The number descriptions PhoneNumberUtil::GetNumberTypeHelper consults.
enum Desc : uint32_t {
  kGeneral,
  kPremiumRate,
  kTollFree,
  kSharedCost,
  kVoip,
  kPersonalNumber,
  kPager,
  kUan,
  kVoicemail,
  kFixedLine,
  kMobile,
  kDescCount
};
// The prefix patterns of a region follow its descriptions; a pattern's id
// is its region's index times kPatternsPerRegion plus its kind.
enum : uint32_t { kLeadingDigits = kDescCount, kNationalPrefix, kPatternsPerRegion };

// Regions sharing one calling code (NANPA has the most).
constexpr size_t kMaxRegions = 32;
// PhoneNumberUtil's bounds on national significant numbers.
constexpr size_t kMinNationalLength = 2;
constexpr size_t kMaxNationalLength = 17;
constexpr size_t kMaxCallingCodeLength = 3;

const PhoneNumberDesc& DescOf(const PhoneMetadata& m, uint32_t desc) {
  switch (desc) {
    case kGeneral: return m.general_desc();
    case kPremiumRate: return m.premium_rate();
    case kTollFree: return m.toll_free();
    case kSharedCost: return m.shared_cost();
    case kVoip: return m.voip();
    case kPersonalNumber: return m.personal_number();
    case kPager: return m.pager();
    case kUan: return m.uan();
    case kVoicemail: return m.voicemail();
    case kFixedLine: return m.fixed_line();
    default: return m.mobile();
  }
}

// What IsValidNumber needs of one region besides its patterns.
struct RegionRules {
  // Per description, bit n set when a national number of n digits may match
  // it; all bits when the description lists no lengths.
  std::array<uint32_t, kDescCount> lengths{};
  bool has_leading_digits = false;
  bool same_mobile_and_fixed_line = false;
};

// Matched pattern kinds, one bit set per region.
using Matched = std::array<uint32_t, kMaxRegions>;

int OnMatch(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* ctx) {
  (*static_cast<Matched*>(ctx))[id / kPatternsPerRegion] |= 1U << (id % kPatternsPerRegion);
  return 0;
}

// PhoneNumberUtil::GetNumberTypeHelper(...) != UNKNOWN for a national number
// of `length` digits that matched the patterns in `matched`.
bool HasType(const RegionRules& rules, uint32_t matched, size_t length) {
  const auto matches = [&](uint32_t desc) {
    return (matched >> desc & 1U) != 0 && (rules.lengths[desc] >> length & 1U) != 0;
  };
  if (!matches(kGeneral)) return false;
  for (uint32_t desc = kPremiumRate; desc <= kFixedLine; ++desc) {
    if (matches(desc)) return true;
  }
  return !rules.same_mobile_and_fixed_line && matches(kMobile);
}

}  // namespace

struct PhoneValidity::Metadata {
  i18n::phonenumbers::PhoneMetadataCollection collection;
  std::map<std::string, const PhoneMetadata*> by_region;
  std::map<int, const PhoneMetadata*> non_geographic;  // region "001", by calling code
  std::bitset<kMaxCallingCode + 1> calling_codes;
};

// The compiled patterns of the regions of one calling code, in the order
// PhoneNumberUtil tries them.
struct PhoneValidity::CallingCode {
  ~CallingCode() {
    scratch.reset();
    hs_free_database(db);
  }

  hs_database_t* db = nullptr;
  std::unique_ptr<ScratchPool> scratch;
  std::vector<RegionRules> regions;
};

PhoneValidity::PhoneValidity() : calling_codes_(kMaxCallingCode + 1) {
  auto metadata = std::make_unique<Metadata>();
  if (!metadata->collection.ParseFromArray(i18n::phonenumbers::metadata_get(),
                                           i18n::phonenumbers::metadata_size())) {
    return;
  }
  for (const PhoneMetadata& m : metadata->collection.metadata()) {
    if (m.id() == "001") {
      metadata->non_geographic[m.country_code()] = &m;
    } else {
      metadata->by_region[m.id()] = &m;
    }
  }
  std::set<int> codes;
  QuietPhoneNumberUtil().GetSupportedCallingCodes(&codes);
  for (int code : codes) {
    if (code > 0 && code <= kMaxCallingCode) metadata->calling_codes.set(static_cast<size_t>(code));
  }
  metadata_ = std::move(metadata);
}

PhoneValidity::~PhoneValidity() = default;

const PhoneValidity::CallingCode* PhoneValidity::Compiled(int code) const {
  std::call_once(compiled_once_[static_cast<size_t>(code)], [&] {
    std::list<std::string> region_codes;
    QuietPhoneNumberUtil().GetRegionCodesForCountryCallingCode(code, &region_codes);
    if (region_codes.empty() || region_codes.size() > kMaxRegions) return;
    auto compiled = std::make_unique<CallingCode>();
    std::vector<std::string> expressions;
    std::vector<unsigned int> ids;
    for (const std::string& region : region_codes) {
      const PhoneMetadata* m = nullptr;
      const auto& table = metadata_->by_region;
      if (region == "001") {
        const auto it = metadata_->non_geographic.find(code);
        if (it != metadata_->non_geographic.end()) m = it->second;
      } else if (const auto it = table.find(region); it != table.end()) {
        m = it->second;
      }
      if (m == nullptr) return;
      const uint32_t first_id =
          static_cast<uint32_t>(compiled->regions.size()) * kPatternsPerRegion;
      RegionRules rules;
      for (uint32_t desc = 0; desc < kDescCount; ++desc) {
        const PhoneNumberDesc& d = DescOf(*m, desc);
        rules.lengths[desc] = d.possible_length_size() > 0 ? 0 : ~0U;
        for (int length : d.possible_length()) {
          if (length > 0 && length < 32) rules.lengths[desc] |= 1U << length;
        }
        if (!d.national_number_pattern().empty()) {
          expressions.push_back("^(?:" + d.national_number_pattern() + ")$");
          ids.push_back(first_id + desc);
        }
      }
      rules.has_leading_digits = m->has_leading_digits();
      rules.same_mobile_and_fixed_line = m->same_mobile_and_fixed_line_pattern();
      if (rules.has_leading_digits) {
        expressions.push_back("^(?:" + m->leading_digits() + ")");
        ids.push_back(first_id + kLeadingDigits);
      }
      // Parse strips the national prefix of the calling code's main region.
      if (compiled->regions.empty() && !m->national_prefix_for_parsing().empty()) {
        expressions.push_back("^(?:" + m->national_prefix_for_parsing() + ")");
        ids.push_back(first_id + kNationalPrefix);
      }
      compiled->regions.push_back(rules);
    }
    std::vector<const char*> pointers;
    for (const std::string& e : expressions) pointers.push_back(e.c_str());
    const std::vector<unsigned int> flags(expressions.size(),
                                          HS_FLAG_ALLOWEMPTY | HS_FLAG_SINGLEMATCH);
    hs_compile_error_t* error = nullptr;
    if (hs_compile_multi(pointers.data(), flags.data(), ids.data(),
                         static_cast<unsigned int>(pointers.size()), HS_MODE_BLOCK, nullptr,
                         &compiled->db, &error) != HS_SUCCESS) {
      hs_free_compile_error(error);
      return;
    }
    compiled->scratch = std::make_unique<ScratchPool>(compiled->db);
    calling_codes_[static_cast<size_t>(code)] = std::move(compiled);
  });
  return calling_codes_[static_cast<size_t>(code)].get();
}

void PhoneValidity::Prepare(int code) const {
  if (metadata_ != nullptr && code > 0 && code <= kMaxCallingCode &&
      metadata_->calling_codes.test(static_cast<size_t>(code))) {
    Compiled(code);
  }
}

PhoneValidity::Verdict PhoneValidity::Check(std::string_view digits) const {
  if (metadata_ == nullptr) return Verdict::kUnknown;
  // Parse: the calling code is the shortest known prefix, never one
  // starting with 0, and at least kMinNationalLength + 1 digits follow '+'.
  if (digits.size() <= kMinNationalLength || digits[0] == '0') return Verdict::kInvalid;
  int code = 0;
  size_t code_length = 0;
  for (size_t i = 0; i < kMaxCallingCodeLength && code_length == 0; ++i) {
    code = code * 10 + (digits[i] - '0');
    if (metadata_->calling_codes.test(static_cast<size_t>(code))) code_length = i + 1;
  }
  if (code_length == 0) return Verdict::kInvalid;
  const std::string_view national = digits.substr(code_length);
  if (national.size() < kMinNationalLength) return Verdict::kInvalid;

  const CallingCode* compiled = Compiled(code);
  if (compiled == nullptr) return Verdict::kUnknown;
  Matched matched{};
  ScratchPool::Lease scratch = compiled->scratch->Acquire();
  if (hs_scan(compiled->db, national.data(), static_cast<unsigned int>(national.size()), 0,
              scratch.get(), OnMatch, &matched) != HS_SUCCESS) {
    return Verdict::kUnknown;
  }
  if ((matched[0] >> kNationalPrefix & 1U) != 0) return Verdict::kUnknown;
  if (national.size() > kMaxNationalLength) return Verdict::kInvalid;

  // PhoneNumberUtil::GetRegionCodeForNumber, then IsValidNumberForRegion.
  const std::vector<RegionRules>& regions = compiled->regions;
  if (regions.size() == 1) {
    return HasType(regions[0], matched[0], national.size()) ? Verdict::kValid : Verdict::kInvalid;
  }
  for (size_t i = 0; i < regions.size(); ++i) {
    if (regions[i].has_leading_digits) {
      if ((matched[i] >> kLeadingDigits & 1U) == 0) continue;
      return HasType(regions[i], matched[i], national.size()) ? Verdict::kValid
                                                               : Verdict::kInvalid;
    }
    if (HasType(regions[i], matched[i], national.size())) return Verdict::kValid;
  }
  return Verdict::kInvalid;
}

}  // namespace privacy::detect
