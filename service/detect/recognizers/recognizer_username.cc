// USERNAME: @handles of social networks and chat ("@maria_g", "@Anna.Lee"),
// which point at one person as surely as a name, but are no name: not the
// "@" of an e-mail address, a URL or a domain ("@gmail.com"), nor a
// decorator or annotation of code ("@Override", "@app.route(...)",
// "@media").
#include <algorithm>
#include <cctype>
#include <string>

#include "detect/recognizer_registry.h"
#include "detect/scan/text_boundary.h"
#include "detect/urls/top_level_domains.h"

namespace privacy::detect {
namespace {

constexpr std::string_view kType = "USERNAME";
constexpr double kHandleScore = 0.85;

// Annotations, decorators and at-rules of common languages, which an "@"
// opens in code as it opens a handle in chat.
constexpr std::string_view kCodeWords[] = {
    "AfterEach", "AllArgsConstructor", "Autowired", "Bean", "BeforeEach", "Binding",
    "Builder", "Column", "Component", "Configuration", "Controller", "Data", "DeleteMapping",
    "Deprecated", "Entity", "FunctionalInterface", "GeneratedValue", "GetMapping", "Getter",
    "HostListener", "Id", "Inject", "Injectable", "Input", "JsonIgnore", "JsonProperty",
    "MainActor", "NgModule", "NoArgsConstructor", "Output", "Override", "PathVariable",
    "PostMapping", "Published", "PutMapping", "Repository", "RequestBody", "RequestMapping",
    "RequestParam", "RestController", "SafeVarargs", "Service", "Setter", "Slf4j", "State",
    "SuppressWarnings", "Table", "Test", "Transactional", "Value", "ViewChild", "abstractmethod",
    "apply", "author", "available", "cached_property", "charset", "classmethod", "dataclass",
    "deprecated", "discardableResult", "dynamic", "each", "else", "end", "escaping", "extend",
    "font-face", "forward", "if", "implementation", "import", "include", "interface",
    "keyframes", "layer", "link", "media", "mixin", "objc", "param", "property", "protocol",
    "return", "returns", "see", "selector", "since", "staticmethod", "supports", "synthesize",
    "tailwind", "throws", "type", "typedef", "use", "version", "wraps"};

// True when the handle `name` (without its "@") ends in ".<top-level
// domain>": a domain ("@gmail.com"), not a handle ("@Anna.Lee").
bool IsDomain(std::string_view name) {
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string label(name.substr(dot + 1));
  std::transform(label.begin(), label.end(), label.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return IsTopLevelDomain(label);
}

// Finds @handles; each Hyperscan hit is one candidate handle, checked
// against its neighbours and the code words. Immutable and safe for
// concurrent use.
class UsernameRecognizer : public Recognizer {
 public:
  std::vector<std::string> Types() const override { return {std::string(kType)}; }

  std::vector<ScanPattern> Patterns() const override {
    // A letter somewhere ("@10" is a time), dots only inside.
    return {{R"(@[0-9_]{0,15}[A-Za-z](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)", false, true}};
  }

  void Recognize(const RecognizeInput& input, std::vector<Candidate>* out) const override {
    const std::string_view text = input.text;
    for (const PatternMatch& m : input.matches) {
      if (WordCharBefore(text, m.start) || WordCharAfter(text, m.end)) continue;
      const char before = m.start > 0 ? text[m.start - 1] : ' ';
      const char after = m.end < text.size() ? text[m.end] : ' ';
      // Inside a URL, a path or an address ("x.com/@user", "a-@b"), before
      // a call ("@app.route(") or a second "@" ("@user@host", an address).
      if (before == '.' || before == '/' || before == '-' || before == '@' || after == '(' ||
          after == '@' || after == '-') {
        continue;
      }
      const std::string_view name = text.substr(m.start + 1, m.end - m.start - 1);
      const std::string_view head = name.substr(0, name.find('.'));
      if (IsDomain(name) ||
          std::find(std::begin(kCodeWords), std::end(kCodeWords), head) != std::end(kCodeWords)) {
        continue;
      }
      out->push_back({kType, m.start, m.end, kHandleScore});
    }
  }
};

}  // namespace

std::unique_ptr<Recognizer> MakeUsernameRecognizer(const DetectorConfig&) {
  return std::make_unique<UsernameRecognizer>();
}

}  // namespace privacy::detect
