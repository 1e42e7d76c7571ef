#include "detect/recognizer_registry.h"

namespace privacy::detect {

std::span<const RecognizerEntry> BuiltinRecognizers() {
  static const RecognizerEntry kRecognizers[] = {
      {"EMAIL", MakeEmailRecognizer},
      {"URL", MakeUrlRecognizer},
      {"IP_ADDRESS", MakeIpAddressRecognizer},
      {"MAC_ADDRESS", MakeMacAddressRecognizer},
      {"CREDIT_CARD", MakeCreditCardRecognizer},
      {"IBAN", MakeIbanRecognizer},
      {"CRYPTO_WALLET", MakeCryptoWalletRecognizer},
      {"DATE", MakeDateRecognizer},
      {"US_SSN", MakeUsSsnRecognizer},
      {"US_ITIN", MakeUsItinRecognizer},
      {"UK_NHS", MakeUkNhsRecognizer},
      {"CA_SIN", MakeCaSinRecognizer},
      {"ES_NIF", MakeEsNifRecognizer},
      {"ES_NIE", MakeEsNieRecognizer},
      {"IN_AADHAAR", MakeInAadhaarRecognizer},
      {"NL_BSN", MakeNlBsnRecognizer},
      {"DE_TAX_ID", MakeDeTaxIdRecognizer},
      {"FR_NIR", MakeFrNirRecognizer},
      {"IT_FISCAL_CODE", MakeItFiscalCodeRecognizer},
      {"BR_CPF", MakeBrCpfRecognizer},
      {"BR_CNPJ", MakeBrCnpjRecognizer},
      {"PL_PESEL", MakePlPeselRecognizer},
      {"SE_PERSONNUMMER", MakeSePersonnummerRecognizer},
      {"US_ABA_ROUTING", MakeUsAbaRoutingRecognizer},
      // Before PHONE: house numbers and postcodes it claims are not phones.
      // Its own database: its digit pattern would slow the shared scan of prose.
      {"ADDRESS", MakeAddressRecognizer, ScanDatabase::kOwn},
      // Last: it skips digits already claimed by the recognizers above.
      {"PHONE", MakePhoneRecognizer},
      // After the structured types: names are not looked for inside their spans.
      {"PERSON_LOCATION_ORGANIZATION", MakeNameRecognizer, ScanDatabase::kOwn},
  };
  return kRecognizers;
}

}  // namespace privacy::detect
