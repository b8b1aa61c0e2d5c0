#include "graph/value_parser.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "graph/text.h"

namespace pg {
namespace {

struct Scale {
  std::string_view word;
  double factor;
};
constexpr Scale kScales[] = {
    {"k", 1e3},  {"thousand", 1e3}, {"m", 1e6},  {"mn", 1e6}, {"mm", 1e6}, {"mil", 1e6},
    {"million", 1e6}, {"b", 1e9}, {"bn", 1e9}, {"bil", 1e9}, {"billion", 1e9}, {"t", 1e12},
    {"tn", 1e12}, {"trillion", 1e12},
};

// The value of a decimal number that from_chars found out of range (it leaves the value
// alone): +-infinity when the magnitude is too large, 0 when too small, as strtod rounds.
double OutOfRange(std::string_view digits) {
  const bool negative = !digits.empty() && digits.front() == '-';
  if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) digits.remove_prefix(1);
  const std::size_t e = digits.find_first_of("eE");
  const std::string_view mantissa = digits.substr(0, e);
  long long exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view text = digits.substr(e + 1);
    const bool exponent_negative = !text.empty() && text.front() == '-';
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
    // Clamped past any mantissa's length, so that adding the position cannot overflow.
    constexpr long long kFar = 1'000'000'000'000;
    if (std::from_chars(text.data(), text.data() + text.size(), exponent).ec != std::errc() || exponent > kFar) {
      exponent = kFar;
    }
    if (exponent_negative) exponent = -exponent;
  }
  // The decimal position of the first significant digit, plus the exponent.
  const std::size_t first = mantissa.find_first_of("123456789");
  const std::size_t point = std::min(mantissa.find('.'), mantissa.size());
  const long long position = first == std::string_view::npos ? -1
                             : first < point ? static_cast<long long>(point - first)
                                             : -static_cast<long long>(first - point - 1);
  const double magnitude = position + exponent > 0 ? HUGE_VAL : 0.0;
  return negative ? -magnitude : magnitude;
}

// Reads a decimal number (with optional sign, exponent and thousands commas) from the front of
// `text`, advancing it. Returns nullopt if no number starts there; a number past the range of
// double is +-infinity (callers refuse it), one too small for it is 0.
std::optional<double> TakeNumber(std::string_view& text) {
  std::string digits;
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') digits.push_back(text[i++]);
  else if (i < text.size() && text[i] == '+') ++i;  // from_chars takes no plus sign
  bool seen_digit = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      seen_digit = true;
    } else if (c == '.') {
      digits.push_back(c);
    } else if (c == ',' && seen_digit && i + 1 < text.size() &&
               std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      // thousands separator: skip
    } else if ((c == 'e' || c == 'E') && seen_digit && i + 1 < text.size() &&
               (std::isdigit(static_cast<unsigned char>(text[i + 1])) ||
                ((text[i + 1] == '-' || text[i + 1] == '+') && i + 2 < text.size() &&
                 std::isdigit(static_cast<unsigned char>(text[i + 2]))))) {
      digits.push_back(c);
      digits.push_back(text[++i]);
    } else {
      break;
    }
  }
  if (!seen_digit) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec == std::errc::result_out_of_range && end == digits.data() + digits.size()) {
    value = OutOfRange(digits);
  } else if (ec != std::errc() || end != digits.data() + digits.size()) {
    return std::nullopt;
  }
  text.remove_prefix(i);
  return value;
}

// `inf`, `-Infinity`, `NaN`...: spellings from_chars would take for a non-finite double.
bool SpellsNonFinite(std::string_view text) {
  text = Trim(text);
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  for (std::string_view word : {"inf", "infinity", "nan"}) {
    if (EqualsIgnoreCase(text, word)) return true;
  }
  return text.size() > 3 && EqualsIgnoreCase(text.substr(0, 4), "nan(");
}

// A minus sign anywhere before the first digit (`-5B`, `$ -5B`, `- $5B`, `USD -5B`, a Unicode
// minus `−5B`), or accounting style: in parentheses `(5B)` or with a trailing minus `5B-`.
bool LooksNegative(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return false;
  if ((text.front() == '(' && text.back() == ')') || text.back() == '-') return true;
  const std::string_view before = text.substr(0, std::min(text.find_first_of("0123456789"), text.size()));
  constexpr std::string_view kMinus = "\xe2\x88\x92";  // U+2212 MINUS SIGN
  constexpr std::string_view kEnDash = "\xe2\x80\x93";  // U+2013, how word processors print it
  return before.find('-') != std::string_view::npos || before.find(kMinus) != std::string_view::npos ||
         before.find(kEnDash) != std::string_view::npos;
}

bool StripPrefixIgnoreCase(std::string_view& text, std::string_view prefix) {
  if (text.size() >= prefix.size() && EqualsIgnoreCase(text.substr(0, prefix.size()), prefix)) {
    text.remove_prefix(prefix.size());
    return true;
  }
  return false;
}

// Number followed by an optional scale word; shared by amounts and plain numbers.
std::optional<double> ParseScaled(std::string_view text, std::string_view what, std::string* error) {
  std::string_view rest = Trim(text);
  const std::optional<double> number = TakeNumber(rest);
  if (!number) {
    *error = fmt::format("expected {}, got \"{}\"", what, Trim(text));
    return std::nullopt;
  }
  rest = Trim(rest);
  StripPrefixIgnoreCase(rest, "usd");
  rest = Trim(rest);
  double factor = 1;
  if (!rest.empty()) {
    bool matched = false;
    for (const Scale& scale : kScales) {
      if (EqualsIgnoreCase(rest, scale.word)) {
        factor = scale.factor;
        matched = true;
        break;
      }
    }
    if (!matched) {
      *error = fmt::format("expected {}, got \"{}\" (unknown unit \"{}\")", what, Trim(text), rest);
      return std::nullopt;
    }
  }
  return *number * factor;
}

}  // namespace

std::optional<double> ParseAmount(std::string_view text, std::string* error) {
  const std::string_view trimmed = Trim(text);
  if (LooksNegative(trimmed)) {
    *error = fmt::format("negative amount \"{}\"", trimmed);
    return std::nullopt;
  }
  std::string_view rest = trimmed;
  StripPrefixIgnoreCase(rest, "usd");
  rest = Trim(rest);
  if (!rest.empty() && rest.front() == '$') rest.remove_prefix(1);
  if (SpellsNonFinite(rest)) {
    *error = fmt::format("bad amount \"{}\": not a finite number", trimmed);
    return std::nullopt;
  }
  std::optional<double> value = ParseScaled(rest, "an amount such as 50B, $8 bn, 1.9e9 or 350M", error);
  if (!value) {
    *error = fmt::format("bad amount \"{}\": expected a number such as 50B, $8 bn, 1.9e9 or 350M", trimmed);
  } else if (!(*value <= kMaxAmountUsd)) {
    *error = fmt::format("bad amount \"{}\": larger than 1e15 USD (a thousand trillion); check the unit", trimmed);
    value.reset();
  }
  return value;
}

std::optional<double> ParseNumber(std::string_view text, std::string* error) {
  if (SpellsNonFinite(text)) {
    *error = fmt::format("bad number \"{}\": not a finite number", Trim(text));
    return std::nullopt;
  }
  std::optional<double> value = ParseScaled(text, "a number", error);
  if (!value) {
    *error = fmt::format("bad number \"{}\"", Trim(text));
  } else if (!std::isfinite(*value)) {
    *error = fmt::format("bad number \"{}\": not a finite number (beyond 1.8e308)", Trim(text));
    value.reset();
  }
  return value;
}

std::optional<double> ParsePercent(std::string_view text, std::string* error) {
  std::string_view rest = Trim(text);
  bool percent_sign = false;
  if (!rest.empty() && rest.back() == '%') {
    percent_sign = true;
    rest.remove_suffix(1);
    rest = Trim(rest);
  }
  if (SpellsNonFinite(rest)) {
    *error = fmt::format("bad percentage \"{}\": not a finite number", Trim(text));
    return std::nullopt;
  }
  std::string_view number_text = rest;
  std::optional<double> number = TakeNumber(number_text);
  if (!number || !Trim(number_text).empty()) {
    *error = fmt::format("bad percentage \"{}\": expected e.g. 26.7% or 0.267", Trim(text));
    return std::nullopt;
  }
  double fraction = percent_sign || *number > 1.0 ? *number / 100.0 : *number;
  if (std::signbit(fraction) || !(fraction <= 1.0 + 1e-12)) {  // -0 too
    *error = fmt::format("percentage \"{}\" is outside 0..100%", Trim(text));
    return std::nullopt;
  }
  return fraction;
}

std::optional<double> ParseConfidence(std::string_view text, std::string* error) {
  const std::string_view word = Trim(text);
  if (EqualsIgnoreCase(word, "high")) return 0.9;
  if (EqualsIgnoreCase(word, "medium")) return 0.6;
  if (EqualsIgnoreCase(word, "low")) return 0.3;
  std::optional<double> value = ParsePercent(word, error);
  if (!value) *error = fmt::format("bad confidence \"{}\": expected high, medium, low or 0..1", word);
  return value;
}

std::optional<Date> ParseDate(std::string_view text, std::string* error) {
  std::string_view trimmed = Trim(text);
  // A time of day (`2026-02-14T09:30:00`, as spreadsheets export date-times) is dropped.
  if (const auto t = trimmed.find_first_of("T "); t == 10) trimmed = trimmed.substr(0, 10);
  int parts[3] = {0, 0, 0};
  int count = 0;
  std::size_t i = 0;
  auto bad = [&](std::string_view why) {
    *error = fmt::format("bad date \"{}\": {}", trimmed, why);
    return std::nullopt;
  };
  while (i <= trimmed.size() && count < 3) {
    std::size_t j = i;
    while (j < trimmed.size() && std::isdigit(static_cast<unsigned char>(trimmed[j]))) ++j;
    const std::size_t width = j - i;
    if (width == 0 || (count == 0 && width != 4) || (count > 0 && width > 2)) {
      return bad("expected YYYY, YYYY-MM or YYYY-MM-DD");
    }
    std::from_chars(trimmed.data() + i, trimmed.data() + j, parts[count++]);
    if (j == trimmed.size()) break;
    if (trimmed[j] != '-' && trimmed[j] != '/') return bad("expected YYYY, YYYY-MM or YYYY-MM-DD");
    i = j + 1;
    if (count == 3) return bad("expected YYYY, YYYY-MM or YYYY-MM-DD");
  }
  if (parts[0] < 1000) return bad("year out of range");
  if (count >= 2 && (parts[1] < 1 || parts[1] > 12)) return bad("month must be 01..12");
  if (count == 3 && (parts[2] < 1 || parts[2] > DaysInMonth(parts[0], parts[1]))) {
    return bad("no such day in that month");
  }
  return Date::FromParts(parts[0], parts[1], parts[2]);
}

std::string FormatUsd(double amount) {
  if (std::isnan(amount)) return "";
  struct Unit { double factor; const char* suffix; };
  static constexpr Unit kUnits[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}};
  for (const Unit& unit : kUnits) {
    if (std::fabs(amount) >= unit.factor) {
      const double scaled = amount / unit.factor;
      std::string text = fmt::format("{:.1f}", scaled);
      if (text.size() > 2 && text.substr(text.size() - 2) == ".0") text.resize(text.size() - 2);
      return fmt::format("${}{}", text, unit.suffix);
    }
  }
  return fmt::format("${:.0f}", amount);
}

std::string FormatPercent(double fraction) {
  std::string text = fmt::format("{:.1f}", fraction * 100.0);
  if (text.size() > 2 && text.substr(text.size() - 2) == ".0") text.resize(text.size() - 2);
  return text + "%";
}

}  // namespace pg
