#pragma once
// What `analyze` shows of each pass's findings: those at or above --min-severity, the first
// --top of them by severity (ties in the pass's own order), printed in the pass's own order;
// the rest are counted per pass so the table can say "+N more" and the JSON how many were cut.

#include <cstddef>
#include <string>
#include <vector>

#include "analysis/finding.h"
#include "io/findings_tally.h"  // PassTally

namespace pg {

struct CutOptions {
  std::size_t top = 20;  ///< findings kept per pass (0: all)
  FindingSeverity min_severity = FindingSeverity::kInfo;
};

/// The findings shown and the tally per pass, filled one pass at a time.
struct CutFindings {
  Findings shown;
  std::vector<PassTally> passes;

  /// Adds one pass's findings (all of one pass, in its order), keeping what `options` allow.
  void Add(std::string_view pass, Findings found, const CutOptions& options);
  /// The tally of `pass`, or null.
  const PassTally* Tally(std::string_view pass) const;
  std::size_t Found() const;
  /// True when a finding of `threshold` or worse was found (shown or not).
  bool AnyAtLeast(FindingSeverity threshold) const;
};

}  // namespace pg
