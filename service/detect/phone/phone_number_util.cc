#include "detect/phone/phone_number_util.h"

#include <phonenumbers/logger.h>

namespace privacy::detect {

const i18n::phonenumbers::PhoneNumberUtil& QuietPhoneNumberUtil() {
  static i18n::phonenumbers::PhoneNumberUtil* const util = [] {
    auto* u = i18n::phonenumbers::PhoneNumberUtil::GetInstance();
    u->SetLogger(new i18n::phonenumbers::NullLogger());
    return u;
  }();
  return *util;
}

}  // namespace privacy::detect
