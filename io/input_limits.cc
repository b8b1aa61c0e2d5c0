#include "io/input_limits.h"

#include <charconv>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "graph/text.h"

namespace pg {
namespace {

constexpr InputLimitInfo kLimits[] = {
    {"cell_bytes", &InputLimits::cell_bytes, "bytes in one cell"},
    {"rows_per_table", &InputLimits::rows_per_table, "rows in one CSV file, sheet or JSON array"},
    {"columns", &InputLimits::columns, "cells in one row"},
    {"json_depth", &InputLimits::json_depth, "nesting depth of a JSON input"},
    {"sheets", &InputLimits::sheets, "worksheets in one workbook"},
};

// "4M" -> 4 MiB; plain digits as they are.
std::optional<std::uint64_t> ParseSize(std::string_view text) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [rest, status] = std::from_chars(text.data(), end, value);
  if (status != std::errc() || rest == text.data()) return std::nullopt;
  const std::string_view suffix(rest, end - rest);
  std::uint64_t scale = 1;
  if (suffix == "k" || suffix == "K") scale = 1ull << 10;
  else if (suffix == "m" || suffix == "M") scale = 1ull << 20;
  else if (suffix == "g" || suffix == "G") scale = 1ull << 30;
  else if (!suffix.empty()) return std::nullopt;
  if (value > UINT64_MAX / scale) return std::nullopt;
  return value * scale;
}

// 1048576 -> "1M", as PARTNERGRAPH_LIMITS takes it back.
std::string SizeText(std::uint64_t value) {
  if (value >= (1ull << 30) && value % (1ull << 30) == 0) return fmt::format("{}G", value >> 30);
  if (value >= (1ull << 20) && value % (1ull << 20) == 0) return fmt::format("{}M", value >> 20);
  return fmt::format("{}", value);
}

std::vector<std::string_view> SplitCommas(std::string_view text) {
  std::vector<std::string_view> items;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    if (!Trim(text.substr(0, comma)).empty()) items.push_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return items;
}

}  // namespace

const InputLimitInfo* InputLimitTable(std::size_t* count) {
  *count = std::size(kLimits);
  return kLimits;
}

std::optional<InputLimits> ParseInputLimits(std::string_view spec, std::string* error) {
  InputLimits limits;
  for (std::string_view item : SplitCommas(spec)) {
    const std::size_t equals = item.find('=');
    const std::string_view name = Trim(item.substr(0, equals));
    const InputLimitInfo* info = nullptr;
    for (const InputLimitInfo& candidate : kLimits) {
      if (candidate.name == name) info = &candidate;
    }
    if (info == nullptr) {
      std::string names;
      for (const InputLimitInfo& candidate : kLimits) names += (names.empty() ? "" : ", ") + std::string(candidate.name);
      *error = fmt::format("PARTNERGRAPH_LIMITS: unknown limit \"{}\" (expected one of: {})", name, names);
      return std::nullopt;
    }
    const std::optional<std::uint64_t> value =
        equals == std::string_view::npos ? std::nullopt : ParseSize(Trim(item.substr(equals + 1)));
    if (!value || *value == 0) {
      *error = fmt::format("PARTNERGRAPH_LIMITS: bad value in \"{}\": expected {}=NUMBER (k, M, G allowed)",
                           Trim(item), name);
      return std::nullopt;
    }
    limits.*(info->field) = *value;
  }
  return limits;
}

std::optional<InputLimits> InputLimitsFromEnvironment(std::string* error) {
  const char* spec = std::getenv("PARTNERGRAPH_LIMITS");
  if (spec == nullptr) return InputLimits{};
  return ParseInputLimits(spec, error);
}

std::string LimitAdvice(std::string_view name, std::uint64_t limit) {
  return fmt::format("the limit is {} ({}); raise it with PARTNERGRAPH_LIMITS={}={}", SizeText(limit), name,
                     name, SizeText(limit <= UINT64_MAX / 2 ? limit * 2 : limit));
}

}  // namespace pg
