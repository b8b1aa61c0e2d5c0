#pragma once
// The bounds every reader enforces on what it is given, so that a hostile or broken file (a
// 50 MB cell, /dev/zero, JSON nested 30,000 deep, a workbook declaring 100,000 sheets) gets a
// clear error instead of a crash, a hang or all the memory. Each limit has a name; an error
// that hits one names it and says how to raise it (PARTNERGRAPH_LIMITS="cell_bytes=4M,...").
// docs/robustness.md lists them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pg {

struct InputLimits {
  std::uint64_t cell_bytes = 1u << 20;          ///< one cell (a JSON string, a shared string)
  std::uint64_t rows_per_table = 20'000'000;    ///< rows of one CSV file, sheet or JSON array
  std::uint64_t columns = 1024;                 ///< cells in one row
  std::uint64_t json_depth = 64;                ///< nesting of arrays and objects in a JSON input
  std::uint64_t sheets = 1024;                  ///< worksheets in one workbook
};

/// The names of the limits, in the order above, with their meaning for people (for docs and
/// for the error when PARTNERGRAPH_LIMITS names an unknown one).
struct InputLimitInfo {
  std::string_view name;
  std::uint64_t InputLimits::*field;
  std::string_view meaning;
};
const InputLimitInfo* InputLimitTable(std::size_t* count);

/// Defaults with the overrides of `spec` ("cell_bytes=4M,json_depth=200"; values take k, M, G
/// as powers of 1024). Nullopt with `*error` set when the text does not parse.
std::optional<InputLimits> ParseInputLimits(std::string_view spec, std::string* error);

/// Defaults with the overrides in the environment variable PARTNERGRAPH_LIMITS. An unreadable
/// value is an error for the caller to report (nullopt, `*error` set).
std::optional<InputLimits> InputLimitsFromEnvironment(std::string* error);

/// The tail every limit error ends with: "the limit is 1 MiB (cell_bytes); raise it with
/// PARTNERGRAPH_LIMITS=cell_bytes=2M".
std::string LimitAdvice(std::string_view name, std::uint64_t limit);

}  // namespace pg
