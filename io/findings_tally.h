#pragma once
// How many findings one pass reported and how many of them a listing left out.

#include <cstddef>
#include <string>

#include "analysis/finding.h"

namespace pg {

/// One pass's tally (`analyze` fills it; the findings JSON writes it under "passes").
struct PassTally {
  std::string pass;
  std::size_t found = 0;           ///< everything the pass reported
  std::size_t below_severity = 0;  ///< left out by --min-severity
  std::size_t cut = 0;             ///< left out by --top
  std::size_t shown = 0;
  FindingSeverity worst = FindingSeverity::kInfo;  ///< the most severe found (for --fail-on)
};

}  // namespace pg
