#include "detect/evaluation/labelled_corpus.h"

#include <fstream>

#include "detect/scan/json_escape.h"

namespace privacy::detect {
namespace {

// A minimal JSON reader for the corpus format: objects, arrays, strings,
// numbers and literals; values the record does not use are skipped.
class JsonReader {
 public:
  explicit JsonReader(std::string_view input) : in_(input) {}

  bool ParseRecord(LabelledText* out) {
    bool have_text = false;
    if (!Object([&](const std::string& key) {
          if (key == "text") {
            have_text = true;
            return String(&out->text);
          }
          if (key == "spans") return Spans(&out->spans);
          if (key == "ignore") return Spans(&out->ignore);
          if (key == "doc") return String(&out->doc);
          return SkipValue();
        })) {
      return false;
    }
    SkipSpace();
    if (pos_ != in_.size()) return Fail("trailing characters");
    if (!have_text) return Fail("missing \"text\"");
    return true;
  }

  const std::string& error() const { return error_; }

 private:
  bool Fail(const std::string& message) {
    if (error_.empty()) error_ = message + " at byte " + std::to_string(pos_);
    return false;
  }

  void SkipSpace() {
    while (pos_ < in_.size() &&
           (in_[pos_] == ' ' || in_[pos_] == '\t' || in_[pos_] == '\r' || in_[pos_] == '\n')) {
      ++pos_;
    }
  }

  bool Expect(char c) {
    SkipSpace();
    if (pos_ >= in_.size() || in_[pos_] != c) return Fail(std::string("expected '") + c + "'");
    ++pos_;
    return true;
  }

  bool Peek(char c) {
    SkipSpace();
    return pos_ < in_.size() && in_[pos_] == c;
  }

  template <typename OnKey>
  bool Object(OnKey on_key) {
    if (!Expect('{')) return false;
    if (Peek('}')) return Expect('}');
    do {
      std::string key;
      if (!String(&key) || !Expect(':') || !on_key(key)) return false;
    } while (Peek(',') && Expect(','));
    return Expect('}');
  }

  template <typename OnItem>
  bool Array(OnItem on_item) {
    if (!Expect('[')) return false;
    if (Peek(']')) return Expect(']');
    do {
      if (!on_item()) return false;
    } while (Peek(',') && Expect(','));
    return Expect(']');
  }

  bool Spans(std::vector<LabelledSpan>* spans) {
    return Array([&] {
      LabelledSpan span;
      int64_t start = -1, end = -1;
      if (!Object([&](const std::string& key) {
            if (key == "type") return String(&span.type);
            if (key == "start") return Integer(&start);
            if (key == "end") return Integer(&end);
            return SkipValue();
          })) {
        return false;
      }
      if (span.type.empty() || start < 0 || end < start) return Fail("bad span");
      span.start = static_cast<uint32_t>(start);
      span.end = static_cast<uint32_t>(end);
      spans->push_back(span);
      return true;
    });
  }

  bool Integer(int64_t* value) {
    SkipSpace();
    size_t begin = pos_;
    if (pos_ < in_.size() && in_[pos_] == '-') ++pos_;
    int64_t v = 0;
    while (pos_ < in_.size() && in_[pos_] >= '0' && in_[pos_] <= '9') {
      v = v * 10 + (in_[pos_++] - '0');
      if (v > (int64_t{1} << 40)) return Fail("number too large");
    }
    if (pos_ == begin || (in_[begin] == '-' && pos_ == begin + 1)) return Fail("expected number");
    if (pos_ < in_.size() && (in_[pos_] == '.' || in_[pos_] == 'e' || in_[pos_] == 'E')) {
      return Fail("expected integer");
    }
    *value = in_[begin] == '-' ? -v : v;
    return true;
  }

  bool Escape(std::string* out) {
    if (const char* why = DecodeJsonEscape(in_, &pos_, out)) return Fail(why);
    return true;
  }

  bool String(std::string* out) {
    if (!Expect('"')) return false;
    out->clear();
    while (pos_ < in_.size()) {
      const char c = in_[pos_++];
      if (c == '"') return true;
      if (c == '\\') {
        if (!Escape(out)) return false;
      } else {
        out->push_back(c);
      }
    }
    return Fail("unterminated string");
  }

  bool SkipValue() {
    SkipSpace();
    if (pos_ >= in_.size()) return Fail("expected value");
    const char c = in_[pos_];
    if (c == '"') {
      std::string ignored;
      return String(&ignored);
    }
    if (c == '{') return Object([&](const std::string&) { return SkipValue(); });
    if (c == '[') return Array([&] { return SkipValue(); });
    const size_t begin = pos_;
    while (pos_ < in_.size() && std::string_view(",]} \t\r\n").find(in_[pos_]) ==
                                    std::string_view::npos) {
      ++pos_;
    }
    return pos_ > begin || Fail("expected value");
  }

  std::string_view in_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace

bool ParseLabelledLine(std::string_view line, LabelledText* out, std::string* error) {
  *out = LabelledText();
  JsonReader reader(line);
  if (!reader.ParseRecord(out)) {
    *error = reader.error();
    return false;
  }
  for (const std::vector<LabelledSpan>* spans : {&out->spans, &out->ignore}) {
    for (const LabelledSpan& span : *spans) {
      if (span.end <= out->text.size()) continue;
      *error = "span [" + std::to_string(span.start) + ", " + std::to_string(span.end) +
               ") outside text of " + std::to_string(out->text.size()) + " bytes";
      return false;
    }
  }
  return true;
}

bool ReadLabelledCorpus(const std::string& path, std::vector<LabelledText>* out,
                        std::string* error) {
  std::ifstream file(path);
  if (!file) {
    *error = "cannot open " + path;
    return false;
  }
  std::string line;
  size_t number = 0;
  while (std::getline(file, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    LabelledText record;
    std::string line_error;
    if (!ParseLabelledLine(line, &record, &line_error)) {
      *error = path + ":" + std::to_string(number) + ": " + line_error;
      return false;
    }
    out->push_back(std::move(record));
  }
  return true;
}

}  // namespace privacy::detect
