#pragma once
// What the user says about how to read the inputs, beyond the files themselves: input limits,
// currency rates and a map of free-form types. One struct from the command line to the loader.

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "io/input_limits.h"

namespace pg {

struct LoadOptions {
  InputLimits limits;
  /// `--fx EUR=1.08,GBP=1.27`: USD per unit of each currency, as the user wrote the items; the
  /// loader parses them and reports a bad one as an error.
  std::vector<std::string> fx;
  /// `--type-map FILE`: a table mapping free-form node and edge types to canonical ones; empty
  /// when not given.
  std::string type_map;
  /// Counts input bytes as they are read (CSV as it streams; a workbook or JSON document when
  /// done), so a progress line can say how far a long load is. May be null.
  std::atomic<std::uint64_t>* bytes_read = nullptr;
};

}  // namespace pg
