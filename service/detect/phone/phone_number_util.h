// Access to libphonenumber's shared PhoneNumberUtil with its logging muted.
#pragma once

#include <phonenumbers/phonenumberutil.h>

namespace privacy::detect {

// The process-wide PhoneNumberUtil (a libphonenumber singleton). Its logger
// is replaced once by a null logger: libphonenumber would otherwise print
// parse failures, and the service must never print personal values.
// Thread-safe.
const i18n::phonenumbers::PhoneNumberUtil& QuietPhoneNumberUtil();

}  // namespace privacy::detect
