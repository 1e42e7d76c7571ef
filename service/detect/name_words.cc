#include "detect/name_words.h"

#include <initializer_list>
#include <unordered_set>

namespace privacy::detect {
namespace {

// An immutable set of words.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) : words_(words) {}
  bool Contains(std::string_view word) const { return words_.count(word) > 0; }

 private:
  std::unordered_set<std::string_view> words_;
};

std::string_view WithoutPeriod(std::string_view word) {
  return !word.empty() && word.back() == '.' ? word.substr(0, word.size() - 1) : word;
}

}  // namespace

bool IsHonorific(std::string_view word) {
  static const WordSet kWords = {
      "Mr", "Mrs", "Ms", "Mx", "Miss", "Mister", "Dr", "Doctor", "Prof", "Professor", "Sir",
      "Dame", "Lord", "Lady", "Herr", "Frau", "Fräulein", "Mme", "Mlle", "Madame",
      "Mademoiselle", "Monsieur", "Sr", "Sra", "Srta", "Señor", "Señora", "Señorita", "Sig",
      "Sig.ra", "Signor", "Signora", "Dott", "Dott.ssa", "Rev", "Capt", "Hon", "Dña",
  };
  return kWords.Contains(WithoutPeriod(word));
}

bool IsPlaceAbbreviation(std::string_view word) {
  static const WordSet kWords = {"St", "Mt", "Ft", "Pt", "Ste"};
  return kWords.Contains(WithoutPeriod(word));
}

bool IsNameParticle(std::string_view word) {
  static const WordSet kWords = {
      "al", "bin", "bint", "da", "das", "de", "dei", "del", "della", "delle", "den", "der",
      "di", "do", "dos", "du", "el", "ibn", "la", "le", "ten", "ter", "van", "von", "y", "zu",
  };
  return kWords.Contains(word);
}

bool TakesOf(std::string_view word) {
  static const WordSet kWords = {
      "Academy", "Association", "Bank", "Bay", "Board", "Bureau", "Cape", "Chamber",
      "City", "College", "Commonwealth", "Council", "Court", "Department", "Duchy",
      "Federation", "Gulf", "Institute", "Isle", "Isles", "Kingdom", "Ministry", "Museum",
      "Office", "Principality", "Province", "Republic", "School", "Society", "State",
      "States", "Union", "University",
  };
  return kWords.Contains(word);
}

bool IsNeverAName(std::string_view word) {
  static const WordSet kWords = {
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
      "Obrigada", "Namaste", "Salaam",
  };
  return kWords.Contains(word);
}

bool IsDemonym(std::string_view word) {
  static const WordSet kWords = {
      "African", "American", "Arabic", "Asian", "Australian", "Austrian", "Belgian",
      "Bengali", "Brazilian", "British", "Canadian", "Catalan", "Chinese", "Croatian",
      "Czech", "Danish", "Dutch", "Egyptian", "English", "European", "Filipino", "Finnish",
      "French", "German", "Greek", "Hebrew", "Hindi", "Hungarian", "Indian", "Indonesian",
      "Iranian", "Irish", "Israeli", "Italian", "Japanese", "Kenyan", "Korean", "Latin",
      "Mexican", "Nigerian", "Norwegian", "Pakistani", "Persian", "Polish", "Portuguese",
      "Romanian", "Russian", "Scottish", "Serbian", "Spanish", "Swedish", "Swiss", "Tamil",
      "Thai", "Turkish", "Ukrainian", "Urdu", "Vietnamese", "Welsh",
  };
  return kWords.Contains(word);
}

bool IsLegalForm(std::string_view word) {
  static const WordSet kWords = {
      "AB",   "AG",  "ASA", "BV",    "Co",  "Corp",  "GmbH", "Inc", "Incorporated", "KG",
      "LLC",  "LLP", "LP",  "Limited", "Ltd", "NV",  "Oy",   "PLC", "Pty", "SA", "SARL",
      "SAS",  "SE",  "SpA", "Srl",   "plc", "KK",
  };
  return kWords.Contains(WithoutPeriod(word));
}

bool IsOrganizationSuffix(std::string_view word) {
  static const WordSet kWords = {
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
  return IsLegalForm(word) || kWords.Contains(WithoutPeriod(word));
}

bool IsCommonAcronym(std::string_view word) {
  static const WordSet kWords = {
      "AM",  "API", "ASAP", "ATM", "CC",  "CEO", "CFO", "COO", "CSV", "CTO", "CV",  "DM",
      "DNS", "DOB", "EOD", "ETA", "EUR", "FAQ", "FYI", "GBP", "GPS", "HR",  "HTML", "HTTP",
      "ID",  "IP",  "IT",  "JSON", "MAC", "NB", "PDF", "PIN", "PM",  "PR",  "PS",  "QA",
      "RSVP", "SMS", "SQL", "SSH", "SSN", "TBD", "TV",  "URL", "USB", "USD", "VIP", "VPN",
      "IBAN", "BIC", "SWIFT", "VAT", "ZIP", "OTP", "KYC", "PTO", "ETF", "IPO", "SLA", "NDA",
      "AI",  "ML",  "UI",  "UX",  "OS",  "PC",  "CPU", "GPU", "RAM", "SSD", "LLM", "GDPR",
      "KPI", "ROI", "BTC", "ETH", "NFT", "FAQ", "TLDR", "AFAIK", "IMO", "BTW", "LOL", "TODO",
  };
  return kWords.Contains(word);
}

bool NamesAnIdentifierKind(std::string_view word) {
  static const WordSet kWords = {
      "Visa", "VISA", "Mastercard", "MasterCard", "MASTERCARD", "Maestro", "Amex", "AMEX",
      "JCB",  "UnionPay", "Diners", "NHS", "Aadhaar", "AADHAAR", "ITIN", "SIN", "NIF",
      "NIE",  "BSN", "PESEL", "CPF", "CNPJ", "NIR", "IBAN", "SSN", "BIC", "SWIFT",
  };
  return kWords.Contains(word);
}

}  // namespace privacy::detect
