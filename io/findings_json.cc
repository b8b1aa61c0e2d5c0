#include "io/findings_json.h"

#include <charconv>
#include <cmath>
#include <iterator>

#include <fmt/format.h>

#include "io/findings_fields.h"

namespace pg {
namespace {

using nlohmann::json;

// Bytes of the well-formed UTF-8 sequence starting text[i] (Unicode table 3-7) as a positive
// count; else minus the bytes one U+FFFD replaces: the lead and the continuation bytes that fit
// it, or the stray byte alone.
int Utf8Sequence(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  int need = 0;
  unsigned char low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return -1;
  }
  for (int k = 1; k <= need; ++k) {
    if (i + static_cast<std::size_t>(k) >= text.size()) return -k;
    const auto c = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
    if (c < low || c > high) return -k;
    low = 0x80;
    high = 0xBF;
  }
  return need + 1;
}

bool IsPlain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

void AppendEscaped(std::string& out, unsigned char c) {
  switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: break;
  }
  if (c < 0x20) {
    fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
  } else {
    out.push_back(static_cast<char>(c));
  }
}

// Writes JSON as nlohmann's dump(2) does: two spaces per level, "[]" and "{}" for empty
// containers. The members arrive already in key order (FieldSink's contract).
class JsonStreamSink final : public FieldSink {
 public:
  explicit JsonStreamSink(std::ostream& out) : out_(out) { buffer_.reserve(kCapacity); }
  ~JsonStreamSink() override { Flush(); }

  void Number(std::string_view key, double value) override {
    Prefix(key);
    AppendJsonNumber(buffer_, value);
  }
  void Count(std::string_view key, std::uint64_t value) override {
    Prefix(key);
    fmt::format_to(std::back_inserter(buffer_), "{}", value);
  }
  void Text(std::string_view key, std::string_view value) override {
    Prefix(key);
    AppendJsonString(buffer_, value);
  }
  void Null(std::string_view key) override {
    Prefix(key);
    buffer_ += "null";
  }
  void BeginObject(std::string_view key) override { Open(key, '{'); }
  void BeginList(std::string_view key) override { Open(key, '['); }
  void End() override {
    const Level level = levels_.back();
    levels_.pop_back();
    if (!level.empty) {
      buffer_.push_back('\n');
      buffer_.append(levels_.size() * 2, ' ');
    }
    buffer_.push_back(level.object ? '}' : ']');
  }
  // Flushed after every element of a long list, so a finding with 20,000 evidence edges never
  // grows the buffer; the slack above the threshold takes a long message without reallocating.
  void Pause() override {
    if (buffer_.size() >= kFlushAt) Flush();
  }
  void Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  struct Level {
    bool object;
    bool empty;
  };
  static constexpr std::size_t kFlushAt = 1 << 18;
  static constexpr std::size_t kCapacity = 1 << 20;

  // The separator, indentation and key before a value.
  void Prefix(std::string_view key) {
    if (levels_.empty()) return;  // the document itself
    Level& level = levels_.back();
    buffer_ += level.empty ? "\n" : ",\n";
    level.empty = false;
    buffer_.append(levels_.size() * 2, ' ');
    if (level.object) {
      AppendJsonString(buffer_, key);
      buffer_ += ": ";
    }
  }
  void Open(std::string_view key, char bracket) {
    Prefix(key);
    buffer_.push_back(bracket);
    levels_.push_back({bracket == '{', true});
  }

  std::ostream& out_;
  std::string buffer_;
  std::vector<Level> levels_;
};

// Builds the nlohmann tree of the same fields.
class JsonTreeSink final : public FieldSink {
 public:
  json Take() { return std::move(root_); }

  void Number(std::string_view key, double value) override { Put(key, value); }
  void Count(std::string_view key, std::uint64_t value) override { Put(key, value); }
  void Text(std::string_view key, std::string_view value) override { Put(key, std::string(value)); }
  void Null(std::string_view key) override { Put(key, nullptr); }
  void BeginObject(std::string_view key) override { open_.push_back(&Put(key, json::object())); }
  void BeginList(std::string_view key) override { open_.push_back(&Put(key, json::array())); }
  void End() override { open_.pop_back(); }

 private:
  json& Put(std::string_view key, json value) {
    if (open_.empty()) return root_ = std::move(value);
    json& container = *open_.back();
    if (container.is_array()) {
      container.push_back(std::move(value));
      return container.back();
    }
    return container[std::string(key)] = std::move(value);
  }

  json root_;
  std::vector<json*> open_;  // each inside the one before; only the innermost grows
};

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
  out.push_back('"');
  std::size_t i = 0;
  while (i < text.size()) {
    // Names and keys are mostly plain ASCII: copy such a run at once.
    const std::size_t run = i;
    while (i < text.size() && IsPlain(static_cast<unsigned char>(text[i]))) ++i;
    out.append(text.data() + run, i - run);
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      AppendEscaped(out, c);
      ++i;
      continue;
    }
    const int length = Utf8Sequence(text, i);
    if (length > 0) {
      out.append(text.substr(i, static_cast<std::size_t>(length)));
    } else {
      out += "\xEF\xBF\xBD";
    }
    i += static_cast<std::size_t>(std::abs(length));
  }
  out.push_back('"');
}

void AppendJsonNumber(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  if (value != std::trunc(value) || std::abs(value) >= 0x1p53) {
    // nlohmann's Grisu2 picks other digits than the shortest and closest (std::to_chars) for
    // about one fraction in a thousand: fractions go through its public dump, so the text stays
    // identical. An integer below 2^53 is its own digits in both; amounts take this fast way.
    out += json(value).dump();
    return;
  }
  if (value == 0) {
    out += std::signbit(value) ? "-0.0" : "0.0";
    return;
  }
  // The integer's digits; nlohmann's layout (format_buffer, max_exp 15): up to 15 digits as
  // "8000000000.0", longer as "1.2345e+15" (trailing zeros dropped).
  if (value < 0) out.push_back('-');
  char digits[24];
  const auto whole = static_cast<std::uint64_t>(std::abs(value));
  const int n = static_cast<int>(std::to_chars(digits, digits + sizeof digits, whole).ptr - digits);
  if (n <= 15) {
    out.append(digits, static_cast<std::size_t>(n));
    out += ".0";
    return;
  }
  int k = n;
  while (k > 1 && digits[k - 1] == '0') --k;
  out.push_back(digits[0]);
  if (k > 1) {
    out.push_back('.');
    out.append(digits + 1, static_cast<std::size_t>(k - 1));
  }
  fmt::format_to(std::back_inserter(out), "e+{:02}", n - 1);
}

json FindingsToJson(const PartnershipGraph& graph, const Findings& findings, const std::vector<PassTally>* passes,
                    Date as_of) {
  JsonTreeSink sink;
  FindingsDocument(sink, graph, findings, passes, as_of);
  return sink.Take();
}

void WriteFindingsJson(const PartnershipGraph& graph, const Findings& findings, std::ostream& out,
                       const std::vector<PassTally>* passes, Date as_of) {
  {
    JsonStreamSink sink(out);
    FindingsDocument(sink, graph, findings, passes, as_of);
  }
  out << '\n';
}

json EdgeToJson(const PartnershipGraph& graph, EdgeId e, Date as_of) {
  JsonTreeSink sink;
  sink.BeginObject({});
  EdgeFields(sink, graph, e, as_of, /*with_id=*/false);
  sink.End();
  return sink.Take();
}

json MetricToJson(const PartnershipGraph& graph, std::uint32_t m) {
  JsonTreeSink sink;
  sink.BeginObject({});
  MetricFields(sink, graph, m);
  sink.End();
  return sink.Take();
}

json FindingToJson(const PartnershipGraph& graph, const Finding& finding, Date as_of) {
  JsonTreeSink sink;
  sink.BeginObject({});
  FindingFields(sink, graph, finding, as_of);
  sink.End();
  return sink.Take();
}

}  // namespace pg
