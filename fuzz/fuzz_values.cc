// libFuzzer target: the cell value parsers (graph/value_parser.h, graph/types.h) on any text.
// Beyond not crashing, each checks what its header promises; a broken promise traps:
//   an accepted amount is finite and >= 0; a percentage or confidence is a fraction in 0..1;
//   an accepted number is not NaN (NaN means "missing"); a parsed date prints back as text that
//   parses to the same date; a parsed node or edge type's canonical name parses to that type.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "graph/types.h"
#include "graph/value_parser.h"

namespace {

void Check(bool promise) {
  if (!promise) __builtin_trap();
}

bool Fraction(double value) { return std::isfinite(value) && value >= 0 && value <= 1; }

void CheckValues(std::string_view text) {
  std::string error;
  if (const auto amount = pg::ParseAmount(text, &error)) {
    Check(std::isfinite(*amount) && *amount >= 0 && *amount <= pg::kMaxAmountUsd);
    pg::FormatUsd(*amount);
  }
  if (const auto percent = pg::ParsePercent(text, &error)) {
    Check(Fraction(*percent));
    pg::FormatPercent(*percent);
  }
  if (const auto confidence = pg::ParseConfidence(text, &error)) Check(Fraction(*confidence));
  if (const auto number = pg::ParseNumber(text, &error)) Check(!std::isnan(*number));
  if (const auto date = pg::ParseDate(text, &error)) {
    const std::string printed = date->ToString();
    const auto again = pg::ParseDate(printed, &error);
    Check(again && *again == *date);
    date->FirstDay();
    date->LastDay();
    date->MonthIndex();
  }
  if (const auto type = pg::ParseNodeType(text)) Check(pg::ParseNodeType(pg::NodeTypeName(*type)) == type);
  if (const auto type = pg::ParseEdgeType(text)) Check(pg::ParseEdgeType(pg::EdgeTypeName(*type)) == type);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The text exactly as given (no terminating NUL: the parsers take views into cells).
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckValues(text);
  return 0;
}
