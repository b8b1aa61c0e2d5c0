#include "graph/value_parser.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

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

std::optional<double> ParseAmount(std::string_view text, std::string* error, std::string_view as_written) {
  const std::string_view trimmed = Trim(text);
  const std::string_view quoted = as_written.empty() ? trimmed : Trim(as_written);
  if (LooksNegative(trimmed)) {
    *error = fmt::format("negative amount \"{}\"", quoted);
    return std::nullopt;
  }
  std::string_view rest = trimmed;
  StripPrefixIgnoreCase(rest, "usd");
  rest = Trim(rest);
  if (!rest.empty() && rest.front() == '$') rest.remove_prefix(1);
  if (SpellsNonFinite(rest)) {
    *error = fmt::format("bad amount \"{}\": not a finite number", quoted);
    return std::nullopt;
  }
  std::optional<double> value = ParseScaled(rest, "an amount such as 50B, $8 bn, 1.9e9 or 350M", error);
  if (!value) {
    *error = fmt::format("bad amount \"{}\": expected a number such as 50B, $8 bn, 1.9e9 or 350M", quoted);
  } else if (!(*value <= kMaxAmountUsd)) {
    *error = fmt::format("bad amount \"{}\": larger than 1e15 USD (a thousand trillion); check the unit", quoted);
    value.reset();
  }
  return value;
}

std::optional<double> ParseNumber(std::string_view text, std::string* error) {
  if (SpellsNonFinite(text)) {
    *error = fmt::format("bad number \"{}\": not a finite number", Trim(text));
    return std::nullopt;
  }
  std::string_view rest = Trim(text);
  if (!StripPrefixIgnoreCase(rest, "us$") && !StripPrefixIgnoreCase(rest, "$")) StripPrefixIgnoreCase(rest, "usd ");
  std::optional<double> value = ParseScaled(rest, "a number", error);
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

namespace {

constexpr std::string_view kIsoHint = "expected YYYY, YYYY-MM or YYYY-MM-DD";

std::optional<Date> DateError(std::string_view text, std::string_view why, std::string* error) {
  *error = fmt::format("bad date \"{}\": {}", text, why);
  return std::nullopt;
}

// A checked date from its parts (month, day 0 when not given).
std::optional<Date> CheckedDate(std::string_view text, int year, int month, int day, std::string* error) {
  if (year < 1000 || year > 9999) return DateError(text, "year out of range", error);
  if (month < 0 || month > 12 || (month == 0 && day != 0)) return DateError(text, "month must be 01..12", error);
  if (day != 0 && (day < 1 || day > DaysInMonth(year, month))) return DateError(text, "no such day in that month", error);
  return Date::FromParts(year, month, day);
}

// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (or with `/`).
std::optional<Date> ParseIsoDate(std::string_view trimmed, std::string* error) {
  int parts[3] = {0, 0, 0};
  int count = 0;
  std::size_t i = 0;
  while (i <= trimmed.size() && count < 3) {
    std::size_t j = i;
    while (j < trimmed.size() && std::isdigit(static_cast<unsigned char>(trimmed[j]))) ++j;
    const std::size_t width = j - i;
    if (width == 0 || (count == 0 && width != 4) || (count > 0 && width > 2)) {
      return DateError(trimmed, kIsoHint, error);
    }
    std::from_chars(trimmed.data() + i, trimmed.data() + j, parts[count++]);
    if (j == trimmed.size()) break;
    if (trimmed[j] != '-' && trimmed[j] != '/') return DateError(trimmed, kIsoHint, error);
    i = j + 1;
    if (count == 3) return DateError(trimmed, kIsoHint, error);
  }
  // A month or day written as 0 (`2025-00`, `2025/0/2`) is not "not given": refuse it.
  if (count >= 2 && parts[1] == 0) return DateError(trimmed, "month must be 01..12", error);
  if (count == 3 && parts[2] == 0) return DateError(trimmed, "no such day in that month", error);
  return CheckedDate(trimmed, parts[0], parts[1], parts[2], error);
}

// Runs of digits and runs of letters; spaces and `-/.,'` separate them. Nullopt on any other
// character.
std::optional<std::vector<std::string_view>> DateTokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::string_view(" -/.,'").find(text[i]) != std::string_view::npos) {
      ++i;
      continue;
    }
    const bool digit = std::isdigit(c) != 0;
    if (!digit && !std::isalpha(c)) return std::nullopt;
    std::size_t j = i;
    while (j < text.size() && (digit ? std::isdigit(static_cast<unsigned char>(text[j])) != 0
                                     : std::isalpha(static_cast<unsigned char>(text[j])) != 0)) {
      ++j;
    }
    tokens.push_back(text.substr(i, j - i));
    i = j;
  }
  return tokens;
}

bool IsNumber(std::string_view token) { return !token.empty() && std::isdigit(static_cast<unsigned char>(token[0])); }

int ToInt(std::string_view token) {
  int value = 0;
  std::from_chars(token.data(), token.data() + token.size(), value);
  return value;
}

// 1..12 for `Sep`, `Sept`, `September` (any case), 0 otherwise.
int MonthNumber(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"january", "february", "march", "april", "may", "june", "july",
                                                 "august", "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    const std::string_view name = kMonths[m];
    if (EqualsIgnoreCase(word, name) || EqualsIgnoreCase(word, name.substr(0, 3)) ||
        (m == 8 && EqualsIgnoreCase(word, "sept"))) {
      return m + 1;
    }
  }
  return 0;
}

// `Q3 2025`, `2025 Q3`, `H2 2026`, `FY2025`: the span's first or last month (a year for FY).
std::optional<Date> ParseSpan(std::string_view text, const std::vector<std::string_view>& tokens, DateRole role,
                              std::string* error, bool* matched) {
  std::string_view word, number, year;
  if (tokens.size() == 3 && !IsNumber(tokens[0]) && IsNumber(tokens[1]) && IsNumber(tokens[2])) {
    word = tokens[0], number = tokens[1], year = tokens[2];
  } else if (tokens.size() == 3 && IsNumber(tokens[0]) && !IsNumber(tokens[1]) && IsNumber(tokens[2])) {
    year = tokens[0], word = tokens[1], number = tokens[2];
  } else if (tokens.size() == 2 && EqualsIgnoreCase(tokens[0], "fy") && IsNumber(tokens[1])) {
    *matched = true;
    if (tokens[1].size() != 4) return DateError(text, "write the year with four digits, as FY2025", error);
    return CheckedDate(text, ToInt(tokens[1]), 0, 0, error);
  } else {
    return std::nullopt;
  }
  const bool quarter = EqualsIgnoreCase(word, "q");
  if (!quarter && !EqualsIgnoreCase(word, "h")) return std::nullopt;
  *matched = true;
  const int part = ToInt(number);
  const int months = quarter ? 3 : 6;
  if (part < 1 || part > 12 / months || number.size() != 1) {
    return DateError(text, quarter ? "quarters are Q1..Q4" : "halves are H1 and H2", error);
  }
  if (year.size() != 4) return DateError(text, "write the year with four digits", error);
  const int month = role == DateRole::kStart ? (part - 1) * months + 1 : part * months;
  return CheckedDate(text, ToInt(year), month, 0, error);
}

// `Sept 2025`, `22 Sep 2025`, `Sep 22, 2025`.
std::optional<Date> ParseMonthName(std::string_view text, const std::vector<std::string_view>& tokens,
                                   std::string* error, bool* matched) {
  int month = 0, day = 0;
  std::string_view year;
  if (tokens.size() == 2 && !IsNumber(tokens[0]) && IsNumber(tokens[1])) {
    month = MonthNumber(tokens[0]), year = tokens[1];
  } else if (tokens.size() == 3 && IsNumber(tokens[0]) && !IsNumber(tokens[1]) && IsNumber(tokens[2])) {
    day = ToInt(tokens[0]), month = MonthNumber(tokens[1]), year = tokens[2];
  } else if (tokens.size() == 3 && !IsNumber(tokens[0]) && IsNumber(tokens[1]) && IsNumber(tokens[2])) {
    month = MonthNumber(tokens[0]), day = ToInt(tokens[1]), year = tokens[2];
  }
  if (month == 0) return std::nullopt;
  *matched = true;
  if (year.size() != 4) return DateError(text, "write the year with four digits", error);
  if (day == 0 && tokens.size() == 3) return DateError(text, "no such day in that month", error);
  return CheckedDate(text, ToInt(year), month, day, error);
}

// `22/09/2025`, `09/22/2025`, `22.09.2025`: only when day and month cannot be mixed up.
std::optional<Date> ParseDayMonthYear(std::string_view text, const std::vector<std::string_view>& tokens,
                                      std::string* error, bool* matched) {
  if (tokens.size() != 3 || !IsNumber(tokens[0]) || !IsNumber(tokens[1]) || !IsNumber(tokens[2]) ||
      tokens[0].size() > 2 || tokens[1].size() > 2) {
    return std::nullopt;
  }
  *matched = true;
  if (tokens[2].size() != 4) return DateError(text, "write the year with four digits", error);
  const int a = ToInt(tokens[0]), b = ToInt(tokens[1]), year = ToInt(tokens[2]);
  if (a > 12 && b <= 12) return CheckedDate(text, year, b, a, error);
  if (b > 12 && a <= 12) return CheckedDate(text, year, a, b, error);
  if (a == b) return CheckedDate(text, year, a, b, error);
  if (a > 12) return DateError(text, "neither of the first two numbers is a month", error);
  return DateError(text, fmt::format("day and month could be either way round; write {:04d}-{:02d}-{:02d} or "
                                     "{:04d}-{:02d}-{:02d} (ISO)", year, b, a, year, a, b), error);
}

}  // namespace

bool IsDateSpan(std::string_view text) {
  const std::optional<std::vector<std::string_view>> tokens = DateTokens(Trim(text));
  if (!tokens) return false;
  for (std::string_view token : *tokens) {
    if (EqualsIgnoreCase(token, "q") || EqualsIgnoreCase(token, "h") || EqualsIgnoreCase(token, "fy")) return true;
  }
  return false;
}

std::optional<Date> ParseDate(std::string_view text, std::string* error, DateRole role) {
  std::string_view trimmed = Trim(text);
  // A time of day (`2026-02-14T09:30:00`, as spreadsheets export date-times) is dropped.
  if (const auto t = trimmed.find_first_of("T "); t == 10) trimmed = trimmed.substr(0, 10);
  const bool iso = trimmed.size() >= 4 && std::all_of(trimmed.begin(), trimmed.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '/';
  }) && std::all_of(trimmed.begin(), trimmed.begin() + 4, [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  if (iso) return ParseIsoDate(trimmed, error);
  const std::optional<std::vector<std::string_view>> tokens = DateTokens(trimmed);
  bool matched = false;
  if (tokens) {
    std::optional<Date> date = ParseSpan(trimmed, *tokens, role, error, &matched);
    if (!matched) date = ParseMonthName(trimmed, *tokens, error, &matched);
    if (!matched) date = ParseDayMonthYear(trimmed, *tokens, error, &matched);
    if (matched) return date;
  }
  return DateError(trimmed, kIsoHint, error);
}

std::string FormatUsd(double amount) {
  if (std::isnan(amount)) return "";
  struct Unit { double factor; const char* suffix; };
  static constexpr Unit kUnits[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}};
  for (const Unit& unit : kUnits) {
    if (std::fabs(amount) >= unit.factor) {
      const double scaled = amount / unit.factor;
      std::string text = fmt::format("{:.3f}", scaled);
      while (text.back() == '0') text.pop_back();
      if (text.back() == '.') text.pop_back();
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
