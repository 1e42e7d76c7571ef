#include "detect/names/name_words.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace privacy::detect {
namespace {

constexpr std::string_view kHonorificWords[] = {
      "Mr", "Mrs", "Ms", "Mx", "Miss", "Mister", "Dr", "Doctor", "Prof", "Professor", "Sir",
      "Dame", "Lord", "Lady", "Herr", "Frau", "Fräulein", "Mme", "Mlle", "Madame",
      "Mademoiselle", "Monsieur", "Sr", "Sra", "Srta", "Señor", "Señora", "Señorita", "Sig",
      "Sig.ra", "Signor", "Signora", "Dott", "Dott.ssa", "Rev", "Capt", "Hon", "Dña",
      "Reverend", "Rabbi", "Imam", "Maître", "Mevrouw", "Meneer", "Sayın", "Khun", "Doña",
      "Pani", "Bapak", "Encik", "Puan", "Datuk", "Smt", "Shri",
  };

// Honorifics that, written in capitals, are as often something else: "MS"
// (Microsoft, multiple sclerosis), "SR" (senior), "REV" (revision), "HON",
// "LORD", "LADY".
constexpr std::string_view kCapitalsAmbiguousHonorifics[] = {"MS", "MX", "SR", "SIG", "HON",
                                                             "LORD", "LADY", "REV", "CAPT"};

constexpr std::string_view kPlaceAbbreviationWords[] = {"St", "Mt", "Ft", "Pt", "Ste"};

constexpr std::string_view kUnitedStatesRegionCodes[] = {
      "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
      "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
      "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
      "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI",
  };
constexpr std::string_view kCanadaRegionCodes[] = {"AB", "BC", "MB", "NB", "NL", "NS", "NT",
                                                   "NU", "ON", "PE", "QC", "SK", "YT"};
constexpr std::string_view kAustraliaRegionCodes[] = {"NSW", "VIC", "QLD", "SA",
                                                      "WA",  "TAS", "ACT", "NT"};

constexpr std::string_view kNameParticleWords[] = {
      "al", "bin", "bint", "da", "das", "de", "dei", "del", "della", "delle", "den", "der",
      "di", "do", "dos", "du", "el", "ibn", "la", "le", "ten", "ter", "van", "von", "y", "zu",
  };

constexpr std::string_view kTakesOfWords[] = {
      "Academy", "Association", "Bank", "Bay", "Board", "Bureau", "Cape", "Chamber",
      "City", "College", "Commonwealth", "Council", "Court", "Department", "Duchy",
      "Federation", "Gulf", "Institute", "Isle", "Isles", "Kingdom", "Ministry", "Museum",
      "Office", "Principality", "Province", "Republic", "School", "Society", "State",
      "States", "Union", "University",
  };

constexpr std::string_view kNeverANameWords[] = {
      "I",         "January",  "February", "March",     "April",    "June",     "July",
      "August",    "September", "October", "November",  "December", "Jan",      "Feb",
      "Mar",       "Apr",      "Jun",      "Jul",       "Aug",      "Sep",      "Sept",
      "Oct",       "Nov",      "Dec",      "Monday",    "Tuesday",  "Wednesday", "Thursday",
      "Friday",    "Saturday", "Sunday",   "Mon",       "Tue",      "Tues",     "Wed",
      "Thu",       "Thur",     "Thurs",    "Fri",       "Sat",      "Christmas", "Easter",
      "Halloween", "Thanksgiving", "Ramadan", "Eid",     "Diwali",   "Hanukkah", "Januar",
      "Februar",   "März",     "Mai",      "Juni",      "Juli",     "Oktober",  "Dezember",
      "Montag",    "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",  "Sonntag",
      "OK",        "Okay",
      // Function words: some are names somewhere, never at the head of one here.
      "A", "An", "The", "This", "That", "These", "Those", "My", "Your", "Our", "His", "Her",
      "Their", "Its", "We", "You", "He", "She", "They", "It", "Me", "Us", "Him", "Them",
      "And", "But", "Or", "Nor", "If", "So", "Yes", "No", "Not", "Hi", "Hello", "Hey",
      "Dear", "Please", "Thanks", "Thank", "Regards", "Cheers", "Best", "Sincerely", "Re",
      "Fwd", "Subject", "In", "On", "At", "For", "With", "By", "Of", "As", "Is", "Are",
      "Was", "Were", "Be", "Do", "Does", "Did", "Can", "Could", "Would", "Should", "Shall",
      "Must", "What", "Who", "Where", "Why", "How", "Which", "There", "Here", "Also", "Just",
      "Then", "Now", "Today", "Tomorrow", "Yesterday", "Ich", "Je", "Yo", "Io", "Eu", "Mi",
      // Greetings and thanks in other languages.
      "Bonjour", "Bonsoir", "Salut", "Merci", "Hola", "Buenos", "Buenas", "Gracias", "Ciao",
      "Buongiorno", "Grazie", "Hallo", "Guten", "Danke", "Hej", "Olá", "Oi", "Obrigado",
      "Obrigada", "Namaste", "Salaam", "Grüße", "Gruß", "Grüß", "Viele", "Herzliche", "Liebe",
      "Sehr", "Moin", "Servus", "Tschüss", "Saludos", "Estimado", "Estimada", "Querido",
      "Querida", "Adiós", "Hasta", "Cordialement", "Chère", "Cordiali", "Saluti", "Geachte",
      "Beste", "Groetjes", "Hälsningar", "Hilsen", "Hei", "Tack", "Cześć", "Dziękuję",
      "Pozdrawiam", "Atenciosamente", "Abraços", "Merhaba", "Teşekkürler", "Selamat",
      // Possessives that open sentences in other languages ("Mijn BSN is ...").
      "Mijn", "Mein", "Meine", "Meinen", "Mes", "Meu", "Minha", "Mio", "Mitt", "Mój", "Moja",
      "Benim", "Unser", "Unsere", "Notre", "Nuestro", "Nuestra", "Nosso", "Nossa", "Onze",
      "Votre", "Ihre", "Uw",
  };

constexpr std::string_view kDemonymWords[] = {
      "Afghan", "African", "Albanian", "Algerian", "American", "Amharic", "Angolan", "Arab",
      "Arabic", "Argentine", "Argentinian", "Armenian", "Asian", "Australian", "Austrian",
      "Azerbaijani", "Bangladeshi", "Basque", "Bavarian", "Belarusian", "Belgian", "Bengali",
      "Bolivian", "Bosnian", "Brazilian", "British", "Bulgarian", "Burmese", "Cambodian",
      "Cameroonian", "Canadian", "Cantonese", "Catalan", "Chilean", "Chinese", "Colombian",
      "Congolese", "Croatian", "Cuban", "Cypriot", "Czech", "Danish", "Dutch", "Ecuadorian",
      "Egyptian", "Emirati", "English", "Eritrean", "Estonian", "Ethiopian", "European", "Fijian",
      "Filipino", "Finnish", "Flemish", "French", "Gabonese", "German", "Ghanaian", "Greek",
      "Guatemalan", "Gujarati", "Haitian", "Hausa", "Hebrew", "Hindi", "Hispanic", "Honduran",
      "Hungarian", "Icelandic", "Igbo", "Indian", "Indonesian", "Iranian", "Iraqi", "Irish",
      "Israeli", "Italian", "Jamaican", "Japanese", "Javanese", "Jordanian", "Kazakh", "Kenyan",
      "Korean", "Kurdish", "Kuwaiti", "Latin", "Latino", "Latvian", "Lebanese", "Libyan",
      "Lithuanian", "Malagasy", "Malawian", "Malay", "Malaysian", "Maltese", "Marathi", "Mexican",
      "Mongolian", "Moroccan", "Mozambican", "Namibian", "Nepalese", "Nepali", "Nicaraguan",
      "Nigerian", "Norwegian", "Omani", "Pakistani", "Palestinian", "Panamanian", "Paraguayan",
      "Persian", "Peruvian", "Polish", "Portuguese", "Punjabi", "Qatari", "Romanian", "Russian",
      "Rwandan", "Salvadoran", "Scandinavian", "Scottish", "Senegalese", "Serbian", "Singaporean",
      "Slovak", "Slovenian", "Somali", "Spanish", "Sudanese", "Swahili", "Swedish", "Swiss",
      "Syrian", "Taiwanese", "Tamil", "Tanzanian", "Telugu", "Thai", "Tibetan", "Tunisian",
      "Turkish", "Ugandan", "Ukrainian", "Urdu", "Uruguayan", "Uzbek", "Venezuelan", "Vietnamese",
      "Welsh", "Yemeni", "Yoruba", "Zambian", "Zimbabwean", "Zulu",
  };

constexpr std::string_view kLegalFormWords[] = {
      "AB",   "AG",  "ASA", "BV",    "Co",  "Corp",  "GmbH", "Inc", "Incorporated", "KG",
      "LLC",  "LLP", "LP",  "Limited", "Ltd", "NV",  "Oy",   "PLC", "Pty", "SA", "SARL",
      "SAS",  "SE",  "SpA", "Srl",   "plc", "KK",
  };

constexpr std::string_view kOrganizationSuffixWords[] = {
      "Academy", "Aerospace", "Agency", "Airlines", "Airways", "Analytics", "Associates",
      "Association", "Assurance", "Authority", "Automotive", "Bancorp", "Bank", "Biotech",
      "Brewery", "Brewing", "Capital", "Centre", "Center", "Chemicals", "Clinic", "Clinics",
      "Club", "College", "Commission", "Committee", "Communications", "Company", "Consulting",
      "Corporation", "Council", "Diagnostics", "Dynamics", "Electronics", "Energy", "Engineering",
      "Enterprises", "Federation", "Films", "Foods", "Foundation", "Group", "Health",
      "Healthcare", "Holding", "Holdings", "Hospital", "Hospitals", "Hotels", "Industries",
      "Institute", "Insurance", "Investments", "Labs", "Laboratories", "Logistics",
      "Manufacturing", "Media", "Ministry", "Motors", "Network", "Networks", "Organisation", "Organization", "Partners",
      "Pharma", "Pharmaceuticals", "Pictures", "Press", "Publishing", "Railway", "Railways",
      "Records", "Resorts", "Robotics", "School", "Services", "Society", "Software",
      "Solutions", "Studios", "Systems", "Technologies", "Technology", "Telecom",
      "Therapeutics", "Toys", "Traders", "Trading", "Trust", "University", "Ventures",
  };

constexpr std::string_view kCommonAcronymWords[] = {
      "AM",  "API", "ASAP", "ATM", "CC",  "CEO", "CFO", "COO", "CSV", "CTO", "CV",  "DM",
      "DNS", "DOB", "EOD", "ETA", "EUR", "FAQ", "FYI", "GBP", "GPS", "HR",  "HTML", "HTTP",
      "ID",  "IP",  "IT",  "JSON", "MAC", "NB", "PDF", "PIN", "PM",  "PR",  "PS",  "QA",
      "RSVP", "SMS", "SQL", "SSH", "SSN", "TBD", "TV",  "URL", "USB", "USD", "VIP", "VPN",
      "IBAN", "BIC", "SWIFT", "VAT", "ZIP", "OTP", "KYC", "PTO", "ETF", "IPO", "SLA", "NDA",
      "AI",  "ML",  "UI",  "UX",  "OS",  "PC",  "CPU", "GPU", "RAM", "SSD", "LLM", "GDPR",
      "KPI", "ROI", "BTC", "ETH", "NFT", "FAQ", "TLDR", "AFAIK", "IMO", "BTW", "LOL", "TODO",
  };

constexpr std::string_view kNamesAnIdentifierKindWords[] = {
      "Visa", "VISA", "Mastercard", "MasterCard", "MASTERCARD", "Maestro", "Amex", "AMEX",
      "JCB",  "UnionPay", "Diners", "NHS", "Aadhaar", "AADHAAR", "ITIN", "SIN", "NIF",
      "NIE",  "BSN", "PESEL", "CPF", "CNPJ", "NIR", "IBAN", "SSN", "BIC", "SWIFT",
      "BTC",  "ETH", "Bitcoin", "Ethereum", "Steuer-ID", "Personnummer", "PIS",
      "DNI",  "NINO", "CURP", "RFC", "RUT", "CUIT", "CUIL", "TFN", "ABN", "NRIC", "EIN",
      "TIN",  "MRN", "ABA", "IFSC", "UTR", "PPSN", "AHV", "NIP", "REGON", "KRS", "OIB", "EGN",
  };

constexpr std::string_view kRoleWords[] = {
    "President", "Vice", "Minister", "Senator", "Governor", "Mayor", "King", "Queen", "Prince",
    "Princess", "Pope", "Bishop", "General", "Captain", "Coach", "Judge", "Justice",
    "Chancellor", "Secretary", "Chairman", "Chairwoman", "Chair", "Director", "Manager",
    "Officer", "Detective", "Inspector", "Sergeant", "Lieutenant", "Colonel", "Commander",
    "Agent", "Contractor", "Consultant", "Engineer", "Nurse", "Patient", "Client", "Customer",
    "Employee", "Candidate", "Applicant", "Tenant", "Landlord", "Student", "Teacher", "CEO",
    "CFO", "CTO", "COO", "Founder", "Chef", "Pastor", "Father", "Sister", "Brother", "Uncle",
    "Aunt", "Auntie", "Grandma", "Grandpa", "Mom", "Dad", "Mum", "Driver", "Pilot", "Attorney",
    "Lawyer", "Counsel", "Claimant", "Defendant", "Plaintiff", "Witness", "Beneficiary",
    "Intern", "Trainee", "Supervisor", "Receptionist", "Technician", "Analyst", "Developer",
    "Designer", "Architect", "Recruiter", "Physician", "Surgeon", "Dentist", "Pharmacist",
    "Therapist", "Caregiver", "Guest", "Passenger", "Member", "Volunteer", "Author", "Rep",
    "Sen", "Gov", "Gen", "Capt", "Sgt", "Lt", "Col", "Det", "Insp", "Supt", "Councillor",
    "Councilman", "Councilwoman", "Alderman", "Sheriff", "Constable", "Dean", "Rector",
    "Chaplain", "Midwife", "Paramedic",
};

// An immutable set of words.
class WordSet {
 public:
  template <size_t N>
  explicit WordSet(const std::string_view (&words)[N]) : words_(std::begin(words), std::end(words)) {}
  bool Contains(std::string_view word) const { return words_.count(word) > 0; }

 private:
  std::unordered_set<std::string_view> words_;
};

std::string_view WithoutPeriod(std::string_view word) {
  return !word.empty() && word.back() == '.' ? word.substr(0, word.size() - 1) : word;
}

// "Dr" for "DR", "Mrs." for "MRS.": the title-case form of a word of two
// or more ASCII capitals (a trailing period kept); empty for other words.
std::string TitleCaseOfCapitals(std::string_view word) {
  const std::string_view bare = WithoutPeriod(word);
  if (bare.size() < 2 ||
      !std::all_of(bare.begin(), bare.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return {};
  }
  std::string title(word);
  for (size_t i = 1; i < bare.size(); ++i) title[i] = static_cast<char>(title[i] + ('a' - 'A'));
  return title;
}

// Each word of the lists above with the classes it belongs to.
class WordClassTable {
 public:
  WordClassTable() {
    Add(kHonorificWords, kHonorificClass);
    Add(kPlaceAbbreviationWords, kPlaceAbbreviationClass);
    Add(kNameParticleWords, kNameParticleClass);
    Add(kTakesOfWords, kTakesOfClass);
    Add(kNeverANameWords, kNeverANameClass);
    Add(kDemonymWords, kDemonymClass);
    Add(kLegalFormWords, kLegalFormClass | kOrganizationSuffixClass);
    Add(kOrganizationSuffixWords, kOrganizationSuffixClass);
    Add(kCommonAcronymWords, kCommonAcronymClass);
    Add(kNamesAnIdentifierKindWords, kIdentifierKindClass);
    Add(kRoleWords, kRoleClass);
  }

  uint32_t Of(std::string_view word) const {
    const auto it = classes_.find(word);
    return it == classes_.end() ? 0 : it->second;
  }

 private:
  template <size_t N>
  void Add(const std::string_view (&words)[N], uint32_t classes) {
    for (std::string_view word : words) classes_[word] |= classes;
  }

  std::unordered_map<std::string_view, uint32_t> classes_;
};

}  // namespace

uint32_t NameWordClasses(std::string_view word) {
  static const WordClassTable kTable;
  // Classes whose words may carry a trailing period ("Dr.", "Inc.").
  constexpr uint32_t kPeriodAllowed = kHonorificClass | kPlaceAbbreviationClass |
                                      kLegalFormClass | kOrganizationSuffixClass | kRoleClass;
  const auto classes_of = [&](std::string_view form) {
    const std::string_view bare = WithoutPeriod(form);
    uint32_t classes = kTable.Of(form) & ~(bare.size() < form.size() ? kPeriodAllowed : 0);
    if (bare.size() < form.size()) classes |= kTable.Of(bare) & kPeriodAllowed;
    return classes;
  };
  const std::string title = TitleCaseOfCapitals(word);
  return classes_of(word) | (title.empty() ? 0 : classes_of(title));
}

bool IsRoleWord(std::string_view word) { return NameWordClasses(word) & kRoleClass; }

bool IsHonorific(std::string_view word) {
  // Every honorific opens with an ASCII capital and is short: most words
  // of a text are decided without hashing them.
  constexpr size_t kLongestHonorific = 13;  // "Mademoiselle."
  if (word.empty() || word[0] < 'A' || word[0] > 'Z' || word.size() > kLongestHonorific) {
    return false;
  }
  if ((NameWordClasses(word) & kHonorificClass) == 0) return false;
  static const WordSet kAmbiguousInCapitals(kCapitalsAmbiguousHonorifics);
  return TitleCaseOfCapitals(word).empty() || !kAmbiguousInCapitals.Contains(WithoutPeriod(word));
}

bool IsPlaceAbbreviation(std::string_view word) {
  static const WordSet kWords(kPlaceAbbreviationWords);
  return kWords.Contains(WithoutPeriod(word));
}

uint32_t RegionCodeCountries(std::string_view word) {
  static const WordSet kUnitedStates(kUnitedStatesRegionCodes);
  static const WordSet kCanada(kCanadaRegionCodes);
  static const WordSet kAustralia(kAustraliaRegionCodes);
  if (word.size() < 2 || word.size() > 3) return 0;
  uint32_t countries = 0;
  if (kUnitedStates.Contains(word)) countries |= kUnitedStatesRegion;
  if (kCanada.Contains(word)) countries |= kCanadaRegion;
  if (kAustralia.Contains(word)) countries |= kAustraliaRegion;
  return countries;
}

bool IsNameParticle(std::string_view word) {
  static const WordSet kWords(kNameParticleWords);
  return kWords.Contains(word);
}

bool JoinsNames(std::string_view word, uint32_t class_bits) {
  if (class_bits & kNameParticleClass) return true;
  static constexpr std::string_view kWords[] = {"of", "and", "the", "for", "upon", "on",
                                                "in", "at", "du", "des", "et", "y"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

bool TakesOf(std::string_view word) {
  static const WordSet kWords(kTakesOfWords);
  return kWords.Contains(word);
}

bool IsNeverAName(std::string_view word) {
  static const WordSet kWords(kNeverANameWords);
  return kWords.Contains(word);
}

bool IsDemonym(std::string_view word) {
  static const WordSet kWords(kDemonymWords);
  return kWords.Contains(word);
}

bool IsLegalForm(std::string_view word) {
  static const WordSet kWords(kLegalFormWords);
  return kWords.Contains(WithoutPeriod(word));
}

bool IsOrganizationSuffix(std::string_view word) {
  static const WordSet kWords(kOrganizationSuffixWords);
  return IsLegalForm(word) || kWords.Contains(WithoutPeriod(word));
}

bool IsCommonAcronym(std::string_view word) {
  static const WordSet kWords(kCommonAcronymWords);
  return kWords.Contains(word);
}

bool NamesAnIdentifierKind(std::string_view word) {
  static const WordSet kWords(kNamesAnIdentifierKindWords);
  return kWords.Contains(word);
}

}  // namespace privacy::detect
