#include "endpoints/json_string_rewriter.h"

#include <cstdint>

#include "common/json_text.h"
#include "detect/scan/utf8_encode.h"

namespace privacy::endpoints {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// One pass over a document: a recursive-descent validator that copies the
// input to the output and splices in the edits of string values.
class Rewriter {
 public:
  Rewriter(std::string_view json, const StringValueEditor& editor) : json_(json), editor_(editor) {}

  Result<std::string> Run() {
    SkipWhitespace();
    if (Status s = Value(0); !s) return s.error();
    SkipWhitespace();
    if (pos_ != json_.size()) return Invalid("unexpected data after the document");
    out_.append(json_.substr(copied_));
    return std::move(out_);
  }

 private:
  // A decoded string: its bytes and, for each byte, where the character it
  // belongs to starts in the document; one more entry for the closing quote.
  struct DecodedString {
    std::string bytes;
    std::vector<size_t> origin;
  };

  Status Value(int depth) {
    if (pos_ >= json_.size()) return Invalid("expected a value");
    switch (json_[pos_]) {
      case '{':
        return Object(depth + 1);
      case '[':
        return Array(depth + 1);
      case '"':
        return String(/*is_value=*/true);
      case 't':
        return Literal("true");
      case 'f':
        return Literal("false");
      case 'n':
        return Literal("null");
      default:
        return Number();
    }
  }

  Status Object(int depth) {
    if (depth > kMaxJsonDepth) return Invalid("nesting too deep");
    ++pos_;
    SkipWhitespace();
    if (Consume('}')) return Status::Ok();
    for (;;) {
      if (pos_ >= json_.size() || json_[pos_] != '"') return Invalid("expected a string key");
      if (Status s = String(/*is_value=*/false); !s) return s;
      SkipWhitespace();
      if (!Consume(':')) return Invalid("expected ':'");
      SkipWhitespace();
      if (Status s = Value(depth); !s) return s;
      SkipWhitespace();
      if (Consume('}')) return Status::Ok();
      if (!Consume(',')) return Invalid("expected ',' or '}'");
      SkipWhitespace();
    }
  }

  Status Array(int depth) {
    if (depth > kMaxJsonDepth) return Invalid("nesting too deep");
    ++pos_;
    SkipWhitespace();
    if (Consume(']')) return Status::Ok();
    for (;;) {
      if (Status s = Value(depth); !s) return s;
      SkipWhitespace();
      if (Consume(']')) return Status::Ok();
      if (!Consume(',')) return Invalid("expected ',' or ']'");
      SkipWhitespace();
    }
  }

  Status String(bool is_value) {
    ++pos_;
    DecodedString decoded;
    for (;;) {
      if (pos_ >= json_.size()) return Invalid("unterminated string");
      const char c = json_[pos_];
      if (c == '"') break;
      if (static_cast<unsigned char>(c) < 0x20) return Invalid("control character in a string");
      const size_t start = pos_;
      if (c == '\\') {
        if (Status s = Escape(&decoded.bytes); !s) return s;
      } else {
        decoded.bytes.push_back(c);
        ++pos_;
      }
      decoded.origin.resize(decoded.bytes.size(), start);
    }
    decoded.origin.push_back(pos_);
    ++pos_;
    if (is_value) Splice(decoded);
    return Status::Ok();
  }

  // Decodes the escape at pos_ ('\' ...) into `out`.
  Status Escape(std::string* out) {
    ++pos_;
    if (pos_ >= json_.size()) return Invalid("unterminated string");
    const char c = json_[pos_++];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out->push_back(c);
        return Status::Ok();
      case 'b':
        out->push_back('\b');
        return Status::Ok();
      case 'f':
        out->push_back('\f');
        return Status::Ok();
      case 'n':
        out->push_back('\n');
        return Status::Ok();
      case 'r':
        out->push_back('\r');
        return Status::Ok();
      case 't':
        out->push_back('\t');
        return Status::Ok();
      case 'u':
        break;
      default:
        return Invalid("invalid escape in a string");
    }
    auto unit = CodeUnit();
    if (!unit) return unit.error();
    uint32_t cp = *unit;
    if (cp >= 0xD800 && cp <= 0xDBFF && json_.substr(pos_, 2) == "\\u") {
      const size_t high_end = pos_;
      pos_ += 2;
      auto low = CodeUnit();
      if (!low) return low.error();
      if (*low >= 0xDC00 && *low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (*low - 0xDC00);
      } else {
        pos_ = high_end;  // the next escape is decoded on its own
      }
    }
    // A lone surrogate is valid JSON but no character: it reads as U+FFFD.
    detect::AppendUtf8((cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : cp, out);
    return Status::Ok();
  }

  // The four hex digits at pos_.
  Result<uint32_t> CodeUnit() {
    uint32_t unit = 0;
    for (int i = 0; i < 4; ++i, ++pos_) {
      int digit = pos_ < json_.size() ? HexValue(json_[pos_]) : -1;
      if (digit < 0) return Invalid("invalid \\u escape in a string");
      unit = unit * 16 + static_cast<uint32_t>(digit);
    }
    return unit;
  }

  // Copies the document up to each edit of `decoded` and writes the edit's
  // replacement instead of the characters it covers.
  void Splice(const DecodedString& decoded) {
    for (const auto& edit : editor_(decoded.bytes)) {
      const size_t start = decoded.origin[edit.start];
      out_.append(json_.substr(copied_, start - copied_));
      AppendJsonEscaped(&out_, edit.replacement);
      copied_ = decoded.origin[edit.end];
    }
  }

  Status Number() {
    Consume('-');
    if (!Consume('0')) {
      if (pos_ >= json_.size() || json_[pos_] < '1' || json_[pos_] > '9') {
        return Invalid("expected a value");
      }
      SkipDigits();
    }
    if (Consume('.') && !SkipDigits()) return Invalid("expected a digit");
    if (Consume('e') || Consume('E')) {
      if (!Consume('+')) Consume('-');
      if (!SkipDigits()) return Invalid("expected a digit");
    }
    return Status::Ok();
  }

  Status Literal(std::string_view word) {
    if (json_.substr(pos_, word.size()) != word) return Invalid("expected a value");
    pos_ += word.size();
    return Status::Ok();
  }

  // Skips digits; false when there were none.
  bool SkipDigits() {
    const size_t start = pos_;
    while (pos_ < json_.size() && IsDigit(json_[pos_])) ++pos_;
    return pos_ > start;
  }

  void SkipWhitespace() {
    while (pos_ < json_.size() && (json_[pos_] == ' ' || json_[pos_] == '\t' ||
                                   json_[pos_] == '\n' || json_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool Consume(char c) {
    if (pos_ < json_.size() && json_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  Error Invalid(const char* problem) const {
    return MakeError(ErrorCode::kBadRequest, std::string("json is not valid JSON: ") + problem +
                                                 " at byte " + std::to_string(pos_));
  }

  std::string_view json_;
  const StringValueEditor& editor_;
  size_t pos_ = 0;
  std::string out_;
  size_t copied_ = 0;  // bytes of json_ already accounted for in out_
};

}  // namespace

Result<std::string> RewriteJsonStringValues(std::string_view json,
                                            const StringValueEditor& editor) {
  return Rewriter(json, editor).Run();
}

}  // namespace privacy::endpoints
