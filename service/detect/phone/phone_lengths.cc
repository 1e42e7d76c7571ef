#include "detect/phone/phone_lengths.h"

#include <phonenumbers/phonenumber.pb.h>

#include <set>

#include "detect/phone/phone_number_util.h"

namespace privacy::detect {
namespace {

constexpr int kMaxCallingCode = 999;

}  // namespace

PhoneLengths::PhoneLengths() : lengths_(kMaxCallingCode + 1, 0) {
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil& util = QuietPhoneNumberUtil();
  std::set<int> codes;
  util.GetSupportedCallingCodes(&codes);
  for (int code : codes) {
    if (code <= 0 || code > kMaxCallingCode) continue;
    uint64_t national = 1;
    for (size_t length = 1; length <= kMaxLength; ++length, national *= 10) {
      i18n::phonenumbers::PhoneNumber number;
      number.set_country_code(code);
      number.set_national_number(national);
      if (util.IsPossibleNumberWithReason(number) == PhoneNumberUtil::IS_POSSIBLE) {
        lengths_[static_cast<size_t>(code)] |= uint32_t{1} << length;
      }
    }
  }
}

bool PhoneLengths::IsCallingCode(int code) const {
  return code > 0 && code <= kMaxCallingCode && lengths_[static_cast<size_t>(code)] != 0;
}

bool PhoneLengths::IsPossible(int code, size_t length) const {
  return IsCallingCode(code) && length <= kMaxLength &&
         (lengths_[static_cast<size_t>(code)] >> length & 1U) != 0;
}

PhoneLengths::Prefix PhoneLengths::CallingCodePrefix(std::string_view digits) const {
  int code = 0;
  for (size_t i = 0; i < 3 && i < digits.size(); ++i) {
    code = code * 10 + (digits[i] - '0');
    if (IsCallingCode(code)) return {code, i + 1};
  }
  return {};
}

}  // namespace privacy::detect
