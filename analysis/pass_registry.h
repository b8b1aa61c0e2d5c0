#pragma once
// The table of analysis passes: name, the question it answers, and the function. The CLI's
// `passes` command lists it; `analyze --pass` picks from it.

#include <span>
#include <string_view>

#include "analysis/finding.h"
#include "graph/graph_view.h"

namespace pg {

struct PassOptions {
  double min_amount_usd = 0;  ///< dual-backing, concentration: ignore investments below this (0: all)
  /// exclusivity: every blocked channel as a part with its evidence (default: the top 5 by what
  /// they carry, and the count of the rest).
  bool full_detail = false;
  /// brokerage: exact betweenness however long it takes (default: sampled sources past about a
  /// second of work, saying so with the sample size and an error estimate).
  bool exact = false;

  /// True when the edge's amount is known and below min_amount_usd. A deal without a figure is
  /// kept: "undisclosed" is not "small".
  bool BelowMinAmount(const Edge& edge) const {
    return min_amount_usd > 0 && Known(edge.amount_usd) && edge.amount_usd < min_amount_usd;
  }
};

using PassFunction = Findings (*)(const GraphView& view, const PassOptions& options);

struct PassInfo {
  std::string_view name;
  std::string_view question;
  PassFunction run;
};

std::span<const PassInfo> AllPasses();
const PassInfo* FindPass(std::string_view name);

}  // namespace pg
