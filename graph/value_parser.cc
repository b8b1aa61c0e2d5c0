#include "graph/value_parser.h"

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

// Reads a decimal number (with optional exponent and thousands commas) from the front of
// `text`, advancing it. Returns nullopt if no number starts there.
std::optional<double> TakeNumber(std::string_view& text) {
  std::string digits;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) digits.push_back(text[i++]);
  bool seen_digit = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      seen_digit = true;
    } else if (c == '.') {
      digits.push_back(c);
    } else if (c == ',' && seen_digit && i + 3 < text.size() + 1 && i + 1 < text.size() &&
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
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  text.remove_prefix(i);
  return value;
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
  const double value = *number * factor;
  if (!std::isfinite(value)) {
    *error = fmt::format("{} out of range: \"{}\"", what, Trim(text));
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<double> ParseAmount(std::string_view text, std::string* error) {
  std::string_view rest = Trim(text);
  StripPrefixIgnoreCase(rest, "usd");
  rest = Trim(rest);
  if (!rest.empty() && rest.front() == '$') rest.remove_prefix(1);
  if (!rest.empty() && rest.front() == '-') {
    *error = fmt::format("negative amount \"{}\"", Trim(text));
    return std::nullopt;
  }
  std::optional<double> value = ParseScaled(rest, "an amount such as 50B, $8 bn, 1.9e9 or 350M", error);
  if (!value) {
    *error = fmt::format("bad amount \"{}\": expected a number such as 50B, $8 bn, 1.9e9 or 350M",
                         Trim(text));
  }
  return value;
}

std::optional<double> ParseNumber(std::string_view text, std::string* error) {
  std::optional<double> value = ParseScaled(text, "a number", error);
  if (!value) *error = fmt::format("bad number \"{}\"", Trim(text));
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
  std::string_view number_text = rest;
  std::optional<double> number = TakeNumber(number_text);
  if (!number || !Trim(number_text).empty()) {
    *error = fmt::format("bad percentage \"{}\": expected e.g. 26.7% or 0.267", Trim(text));
    return std::nullopt;
  }
  double fraction = percent_sign || *number > 1.0 ? *number / 100.0 : *number;
  if (fraction < 0 || fraction > 1.0 + 1e-12) {
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
