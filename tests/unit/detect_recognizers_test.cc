#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <string_view>

#include "detect_test_util.h"

using namespace privacy::detect::testing;

TEST_SUITE_BEGIN("detect");

TEST_CASE("detect EMAIL: boundaries, punctuation and non-ASCII") {
  CHECK(Found("mail felix.wong@fastmail.fm.") == Strings{"EMAIL:felix.wong@fastmail.fm"});
  CHECK(Found("邮件：wang.lei@example.cn，谢谢") == Strings{"EMAIL:wang.lei@example.cn"});
  CHECK(Found("<grace.schäfer@example.org>") == Strings{"EMAIL:grace.schäfer@example.org"});
  CHECK(Found("user=gberg79@uni-heidelberg.de ok") == Strings{"EMAIL:gberg79@uni-heidelberg.de"});
  CHECK(Found("not an address: a..b@example.com or x@localhost").empty());
}

TEST_CASE("detect PHONE: international, national and lookalikes") {
  CHECK(Found("call +44 20 7946 0286 now", {"PHONE"}) == Strings{"PHONE:+44 20 7946 0286"});
  CHECK(Found("or (415) 555-0144.", {"PHONE"}) == Strings{"PHONE:(415) 555-0144"});
  CHECK(Found("Tel. 020 7946 0537", {"PHONE"}) == Strings{"PHONE:020 7946 0537"});
  CHECK(Found("erreichbar unter +49 30 85551200!", {"PHONE"}) == Strings{"PHONE:+49 30 85551200"});
  CHECK(Found("build 4411 and tracking 9400 1000 0000 0000 0000 00", {"PHONE"}).empty());
  CHECK(Found("Never issued: 666-45-1234.").empty());
}

TEST_CASE("detect CREDIT_CARD: Luhn, issuer, separators") {
  CHECK(Found("card=5137 4847 7718 3410") == Strings{"CREDIT_CARD:5137 4847 7718 3410"});
  CHECK(Found("Amex 3790 830166 13183, thanks") == Strings{"CREDIT_CARD:3790 830166 13183"});
  CHECK(Found("(5561-6751-3613-4128)") == Strings{"CREDIT_CARD:5561-6751-3613-4128"});
  CHECK(Found("neither is 4729-0222-7918-0587 nor 340486844318027").empty());
  CHECK(Found("id 41111111111111112345").empty());  // part of a longer number
}

TEST_CASE("detect CREDIT_CARD: any Luhn-valid number right after a card cue") {
  const Strings types = {"CREDIT_CARD"};
  CHECK(Found("card number: 180023456789019", types) == Strings{"CREDIT_CARD:180023456789019"});
  CHECK(Found("Credit card 2131 0987 6543 218 exp 12/27", types) ==
        Strings{"CREDIT_CARD:2131 0987 6543 218"});
  CHECK(Found("Maestro 6759 0123 4566 please", types) == Strings{"CREDIT_CARD:6759 0123 4566"});
  CHECK(Found("my debit card is 12345678901234569.", types) ==
        Strings{"CREDIT_CARD:12345678901234569"});
  CHECK(Found("CC#: 501234567890123451", types) == Strings{"CREDIT_CARD:501234567890123451"});
  // Luhn-invalid after a cue, and unusual prefixes without a cue.
  CHECK(Found("card number: 180023456789018", types).empty());
  CHECK(Found("order 180023456789019 shipped", types).empty());
  CHECK(Found("card 1234 5678", types).empty());
}

TEST_CASE("detect IBAN: grouped, compact, invalid") {
  CHECK(Found("to GB90 HUUS 0996 0308 2462 81 (Ethan)") ==
        Strings{"IBAN:GB90 HUUS 0996 0308 2462 81", "PERSON:Ethan"});
  CHECK(Found("\"iban\": \"CH392997598106Z8TCD1G\"") == Strings{"IBAN:CH392997598106Z8TCD1G"});
  CHECK(Found("Konto: DE89370400440532013000。") == Strings{"IBAN:DE89370400440532013000"});
  CHECK(Found("not: CH6818033H26YU14ULYYC, BE96 4041 0423 4685, NL09CLQF7940199530").empty());
  // A number just before the IBAN does not hide it.
  CHECK(Found("Ref 12 DE89 3704 0044 0532 0130 00", {"IBAN"}) ==
        Strings{"IBAN:DE89 3704 0044 0532 0130 00"});
  CHECK(Found("xDE89370400440532013000 and DE893704004405320130001").empty());
}

TEST_CASE("detect US_SSN: formats and context") {
  CHECK(Found("SSN 295-78-1200,") == Strings{"US_SSN:295-78-1200"});
  CHECK(Found("SSN: 536 22 8726") == Strings{"US_SSN:536 22 8726"});
  CHECK(Found("ssn 536228727") == Strings{"US_SSN:536228727"});
  CHECK(Found("ticket 536228727").empty());
  CHECK(Found("000-12-3456 666-45-1234 219-09-0000").empty());
}

TEST_CASE("detect IP_ADDRESS and MAC_ADDRESS") {
  CHECK(Found("from 43.194.88.39.") == Strings{"IP_ADDRESS:43.194.88.39"});
  CHECK(Found("ip=2001:db8:1605::333 up") == Strings{"IP_ADDRESS:2001:db8:1605::333"});
  CHECK(Found("host 192.168.1.254:8080") == Strings{"IP_ADDRESS:192.168.1.254"});
  CHECK(Found("version 10.0.19045.3693 and 999.1.1.1").empty());
  CHECK(Found("MAC 7E:CB:C8:FE:29:55 ok") == Strings{"MAC_ADDRESS:7E:CB:C8:FE:29:55"});
  CHECK(Found("(MAC BF-A9-E2-56-37-01)") == Strings{"MAC_ADDRESS:BF-A9-E2-56-37-01"});
  CHECK(Found("at 10:30:45 or 16:9").empty());
}

TEST_CASE("detect USERNAME: @handles, not addresses, domains, times or code") {
  CHECK(Found("thanks @maria_g, and cc @Anna.Lee: see below") ==
        Strings{"USERNAME:@maria_g", "USERNAME:@Anna.Lee"});
  CHECK(Found("@maria can you check?", {"USERNAME"}) == Strings{"USERNAME:@maria"});
  CHECK(Found("write to jo@example.com, not @gmail.com", {"USERNAME"}).empty());
  CHECK(Found("meet @10 at x.com/@user or @user@mastodon.social", {"USERNAME"}).empty());
  for (const char* code : {"@Override\npublic void run() {}", "@app.route('/x')\ndef f(): pass",
                           "@media (max-width: 600px) {}", "@dataclass\nclass A: pass",
                           "/** @param id the id */"}) {
    CAPTURE(code);
    CHECK(Found(code, {"USERNAME", "PERSON", "LOCATION", "ORGANIZATION"}).empty());
  }
}

TEST_CASE("detect URL: trailing punctuation and brackets") {
  CHECK(Found("see https://portal.contoso.com/users/55433/profile.") ==
        Strings{"URL:https://portal.contoso.com/users/55433/profile"});
  CHECK(Found("(http://intranet.local/tickets?id=5740)") ==
        Strings{"URL:http://intranet.local/tickets?id=5740"});
  CHECK(Found("visit www.example-shop.de/angebote, now") ==
        Strings{"URL:www.example-shop.de/angebote"});
}

TEST_CASE("detect CRYPTO_WALLET") {
  CHECK(Found("wallet 1FecQH6z5sq3KjgVFK8whR1LmzoyfnoAUz, thanks") ==
        Strings{"CRYPTO_WALLET:1FecQH6z5sq3KjgVFK8whR1LmzoyfnoAUz"});
  CHECK(Found("to 0x6941fa1c257c6f561c5cb347611a3ce9d97dcbee.") ==
        Strings{"CRYPTO_WALLET:0x6941fa1c257c6f561c5cb347611a3ce9d97dcbee"});
  CHECK(Found("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq") ==
        Strings{"CRYPTO_WALLET:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"});
  CHECK(Found("wallet 1FecQH6z5sq3KjgVFK8whR1LmzoyfnoAUx").empty());
}

TEST_CASE("detect DATE: words and numbers, with and without year") {
  CHECK(Found("on 27 February 1956 at 8pm") == Strings{"DATE:27 February 1956"});
  CHECK(Found("born Aug 11, 2017, SSN") == Strings{"DATE:Aug 11, 2017"});
  CHECK(Found("Meet Feb 3rd at 10:30") == Strings{"DATE:Feb 3rd"});
  CHECK(Found("due 2025-02-03.") == Strings{"DATE:2025-02-03"});
  CHECK(Found("by 02/03/2025, or 03.02.2025") == Strings{"DATE:02/03/2025", "DATE:03.02.2025"});
  CHECK(Found("the 21st of March") == Strings{"DATE:21st of March"});
  CHECK(Found("Geburtsdatum: 13.07.2021 in Köln") == Strings{"DATE:13.07.2021", "LOCATION:Köln"});
  CHECK(Found("Bump 2.9.10 to 2.10.1, build 4411, at 8pm or 10:30, 3/4 cup, $12.50").empty());
  CHECK(Found("ISBN 978-3-16-148410-0, order 2023-11-0042").empty());
  CHECK(Found("March sales rose 8% while April was flat; you may 5x it").empty());
  CHECK(Found("Feb 30, 2024 and 2023-02-29").empty());
}

TEST_CASE("detect national identifiers need context or strong shape") {
  CHECK(Found("NHS number 943 476 5919") == Strings{"UK_NHS:943 476 5919"});
  CHECK(Found("SIN: 130 692 544") == Strings{"CA_SIN:130 692 544"});
  CHECK(Found("DNI 12345678Z") == Strings{"ES_NIF:12345678Z"});
  CHECK(Found("NIE X1234567L") == Strings{"ES_NIE:X1234567L"});
  CHECK(Found("Aadhaar 2341 2341 2346") == Strings{"IN_AADHAAR:2341 2341 2346"});
  CHECK(Found("ITIN 912-70-1234") == Strings{"US_ITIN:912-70-1234"});
  CHECK(Found("room 130 692 544 and 2341 2341 2346").empty());
}

TEST_CASE("detect checksummed national identifiers of more countries") {
  CHECK(Found("Mijn BSN is 111222333.") == Strings{"NL_BSN:111222333"});
  CHECK(Found("Steuer-ID: 86095742719") == Strings{"DE_TAX_ID:86095742719"});
  CHECK(Found("IdNr. 40 976 228 156 laut Bescheid") == Strings{"DE_TAX_ID:40 976 228 156"});
  CHECK(Found("n° 2 55 08 14 168 025 38") == Strings{"FR_NIR:2 55 08 14 168 025 38"});
  CHECK(Found("NIR 1 97 12 2A 632 044 25") == Strings{"FR_NIR:1 97 12 2A 632 044 25"});
  CHECK(Found("Intestato a RSSMRA85T10A562S.", {"IT_FISCAL_CODE"}) ==
        Strings{"IT_FISCAL_CODE:RSSMRA85T10A562S"});
  CHECK(Found("cf: rssmra85t1lamqnz") == Strings{"IT_FISCAL_CODE:rssmra85t1lamqnz"});
  CHECK(Found("documento 529.982.247-25") == Strings{"BR_CPF:529.982.247-25"});
  CHECK(Found("CPF 52998224725") == Strings{"BR_CPF:52998224725"});
  CHECK(Found("faturar 11.222.333/0001-81") == Strings{"BR_CNPJ:11.222.333/0001-81"});
  CHECK(Found("CNPJ 11222333000181") == Strings{"BR_CNPJ:11222333000181"});
  CHECK(Found("PESEL: 44051401359") == Strings{"PL_PESEL:44051401359"});
  CHECK(Found("personnummer 811218-9876") == Strings{"SE_PERSONNUMMER:811218-9876"});
  CHECK(Found("Personnummer: 19811218-9876") == Strings{"SE_PERSONNUMMER:19811218-9876"});
  CHECK(Found("routing number 021000021") == Strings{"US_ABA_ROUTING:021000021"});
}

TEST_CASE("detect checksummed national identifiers: lookalikes and missing context") {
  const Strings ids = {"NL_BSN",  "DE_TAX_ID", "FR_NIR",          "IT_FISCAL_CODE", "BR_CPF",
                       "BR_CNPJ", "PL_PESEL",  "SE_PERSONNUMMER", "US_ABA_ROUTING"};
  // Checksum-broken, with context.
  CHECK(Found("Mijn BSN is 111222334.", ids).empty());
  CHECK(Found("Steuer-ID: 86095742718", ids).empty());
  CHECK(Found("NIR 2 55 08 14 168 025 39", ids).empty());
  CHECK(Found("codice fiscale RSSMRA85T10A562T", ids).empty());
  CHECK(Found("CPF 529.982.247-24, CNPJ 11.222.333/0001-82", ids).empty());
  CHECK(Found("PESEL: 44051401358", ids).empty());
  CHECK(Found("personnummer 811218-9875", ids).empty());
  CHECK(Found("routing number 021000022", ids).empty());
  // Valid checksums, but weak shapes without context: order numbers, amounts.
  CHECK(Found("Order 111222333 shipped, invoice 86095742719", ids).empty());
  CHECK(Found("ref 52998224725 and 44051401359, batch 811218-9876", ids).empty());
  CHECK(Found("total 021000021 cents", ids).empty());
}

TEST_CASE("detect checksummed national identifiers: adversarial input takes linear time") {
  constexpr size_t kSize = 256 * 1024;
  const auto repeated = [](std::string_view unit) {
    std::string text;
    while (text.size() < kSize) text += unit;
    return text;
  };
  for (const std::string& text :
       {repeated("BSN 111222333 "), repeated("PESEL 44051401359 CPF "), repeated("12.345."),
        repeated("1 85 05 "), repeated("AAAAAAAAAAAAAAAAAAAA85T10A562S"), repeated("85T10A562S"),
        repeated("811218-9876+"), repeated("11.222.333/0001-81/")}) {
    const auto start = std::chrono::steady_clock::now();
    Found(text);
    const std::chrono::duration<double, std::milli> elapsed =
        std::chrono::steady_clock::now() - start;
    CHECK(elapsed.count() < 2000.0);
  }
}

TEST_CASE("detect checksummed national identifiers keep their digits from PHONE") {
  CHECK(Found("call me, my PESEL is 44051401359") == Strings{"PL_PESEL:44051401359"});
  CHECK(Found("ABA routing 021000021, phone +1 415 555 0144") ==
        Strings{"US_ABA_ROUTING:021000021", "PHONE:+1 415 555 0144"});
}

TEST_SUITE_END();
