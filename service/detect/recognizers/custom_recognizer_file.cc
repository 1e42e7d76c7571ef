#include "detect/recognizers/custom_recognizer_file.h"

#include <charconv>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>

#include "detect/scan/literal_pattern.h"
#include "detect/scan/pattern_scanner.h"
#include "detect/validators/validator_table.h"

namespace privacy::detect {
namespace {

constexpr double kDefaultScore = 0.6;
constexpr double kDefaultContextBoost = 0.35;

std::string_view Trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string> SplitList(std::string_view list) {
  std::vector<std::string> items;
  while (!list.empty()) {
    const size_t comma = list.find(',');
    const std::string_view item = Trim(list.substr(0, comma));
    if (!item.empty()) items.emplace_back(item);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return items;
}

bool IsTypeName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// Reports errors as "origin:line: message".
class ErrorSink {
 public:
  explicit ErrorSink(const std::string& origin) : origin_(origin) {}
  [[noreturn]] void Fail(size_t line, const std::string& message) const {
    throw std::runtime_error(origin_ + ":" + std::to_string(line) + ": " + message);
  }

 private:
  const std::string& origin_;
};

// A section being read, with the line of each pattern for error messages.
struct Section {
  size_t line = 0;
  std::string type;
  std::vector<std::pair<std::string, size_t>> patterns;
  std::vector<std::string> words;
  std::string validator;
  bool ignore_case = false;
  std::vector<std::string> context;
  double score = kDefaultScore;
  double context_boost = kDefaultContextBoost;
};

double ParseUnitNumber(std::string_view value, size_t line, const ErrorSink& errors) {
  double number = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (ec != std::errc() || end != value.data() + value.size() || number < 0 || number > 1) {
    errors.Fail(line, "'" + std::string(value) + "' is not a number between 0 and 1");
  }
  return number;
}

std::vector<std::string> ReadWordsFile(const std::string& path, size_t line,
                                       const ErrorSink& errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) errors.Fail(line, "cannot read words file '" + path + "'");
  std::vector<std::string> words;
  std::string text;
  while (std::getline(in, text)) {
    const std::string_view word = Trim(text);
    if (!word.empty() && word.front() != '#') words.emplace_back(word);
  }
  return words;
}

PatternSpec Finish(const Section& section, const ErrorSink& errors) {
  if (section.patterns.empty() && section.words.empty()) {
    errors.Fail(section.line, "recognizer " + section.type + " has no pattern, words or words_file");
  }
  PatternSpec spec;
  spec.type = section.type;
  for (const auto& [expression, line] : section.patterns) {
    const std::string error = PatternError({expression, section.ignore_case, true});
    if (!error.empty()) {
      errors.Fail(line, "pattern rejected by Hyperscan (" + error + "): " + expression);
    }
    spec.rules.emplace_back(expression, section.score, section.validator, section.ignore_case);
  }
  for (const std::string& word : section.words) {
    spec.rules.emplace_back(LiteralExpression(word), section.score, "", section.ignore_case);
  }
  for (const std::string& word : section.context) spec.context_words.push_back(AsciiLower(word));
  spec.context_boost = section.context_boost;
  return spec;
}

std::string UnknownValidatorMessage(std::string_view name) {
  std::string message = "unknown validator '" + std::string(name) + "' (known:";
  for (std::string_view known : ValidatorNames()) message += " " + std::string(known);
  return message + ")";
}

}  // namespace

std::vector<PatternSpec> ParseCustomRecognizers(std::string_view content,
                                                const std::string& origin,
                                                const std::string& base_dir) {
  const ErrorSink errors(origin);
  std::vector<PatternSpec> specs;
  std::set<std::string> seen;
  std::optional<Section> section;
  size_t line_number = 0;
  while (!content.empty()) {
    ++line_number;
    const size_t newline = content.find('\n');
    const std::string_view line = Trim(content.substr(0, newline));
    content.remove_prefix(newline == std::string_view::npos ? content.size() : newline + 1);
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;

    if (line.front() == '[') {
      if (section) specs.push_back(Finish(*section, errors));
      section.reset();
      if (line.back() != ']' || !line.starts_with("[recognizer ")) {
        errors.Fail(line_number, "expected a section header like [recognizer TYPE_NAME]");
      }
      const std::string_view type = Trim(line.substr(12, line.size() - 13));
      if (!IsTypeName(type)) {
        errors.Fail(line_number, "type name '" + std::string(type) +
                                     "' must be upper-case letters, digits and '_'");
      }
      if (!seen.insert(std::string(type)).second) {
        errors.Fail(line_number, "recognizer " + std::string(type) + " is defined twice");
      }
      section.emplace();
      section->line = line_number;
      section->type = type;
      continue;
    }

    const size_t equals = line.find('=');
    if (equals == std::string_view::npos) errors.Fail(line_number, "expected 'key = value'");
    const std::string_view key = Trim(line.substr(0, equals));
    const std::string_view value = Trim(line.substr(equals + 1));
    if (!section) errors.Fail(line_number, "'" + std::string(key) + "' outside a [recognizer] section");
    if (value.empty()) errors.Fail(line_number, "'" + std::string(key) + "' has no value");

    if (key == "pattern") {
      section->patterns.emplace_back(std::string(value), line_number);
    } else if (key == "validator") {
      if (FindValidator(value) == nullptr) errors.Fail(line_number, UnknownValidatorMessage(value));
      section->validator = value;
    } else if (key == "words") {
      for (std::string& w : SplitList(value)) section->words.push_back(std::move(w));
    } else if (key == "words_file") {
      std::string path(value);
      if (path.front() != '/' && !base_dir.empty()) path = base_dir + "/" + path;
      for (std::string& w : ReadWordsFile(path, line_number, errors)) {
        section->words.push_back(std::move(w));
      }
    } else if (key == "ignore_case") {
      if (value != "true" && value != "false") {
        errors.Fail(line_number, "ignore_case must be true or false");
      }
      section->ignore_case = value == "true";
    } else if (key == "context") {
      section->context = SplitList(value);
    } else if (key == "score") {
      section->score = ParseUnitNumber(value, line_number, errors);
    } else if (key == "context_boost") {
      section->context_boost = ParseUnitNumber(value, line_number, errors);
    } else {
      errors.Fail(line_number, "unknown key '" + std::string(key) + "'");
    }
  }
  if (section) specs.push_back(Finish(*section, errors));
  return specs;
}

std::vector<PatternSpec> LoadCustomRecognizers(const std::string& path) {
  const std::optional<std::string> content = ReadFile(path);
  if (!content) throw std::runtime_error(path + ": cannot read custom recognizers file");
  const size_t slash = path.rfind('/');
  const std::string base_dir = slash == std::string::npos ? "." : path.substr(0, slash);
  return ParseCustomRecognizers(*content, path, base_dir);
}

}  // namespace privacy::detect
