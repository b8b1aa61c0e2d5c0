#pragma once
// Helpers passes share to describe their evidence: one line per edge and the conflict notes.

#include <span>
#include <string>
#include <vector>

#include "analysis/finding.h"
#include "graph/graph_view.h"

namespace pg {

/// An edge's figures for people: "$8B, 10% stake, 3.5 GW" (empty when it has none).
std::string EdgeFigures(const PartnershipGraph& graph, const Edge& edge);

/// An edge's amount as stated, with its status: "$100B up to, announced", "~$10B", "$10B+",
/// "$16.2M (€15M at 1.08 USD/EUR)"; empty when it has neither amount nor status.
std::string EdgeAmountText(const PartnershipGraph& graph, const Edge& edge);

/// The sum of some edges' amounts and how firm it is: how much of it are ceilings ("up to") and
/// how much comes from deals not closed yet (status announced or signed; a deal without a status
/// is not counted as either, as most data gives none).
struct AmountSum {
  double total_usd = 0;     ///< known amounts; a ceiling counts as its figure
  double ceiling_usd = 0;   ///< of total_usd, stated as "up to"
  double unclosed_usd = 0;  ///< of total_usd, announced or signed only
  std::size_t undisclosed = 0;  ///< edges without an amount (not in the sum)
};
AmountSum SumAmounts(const PartnershipGraph& graph, std::span<const EdgeId> edges);

/// "$150B (of which $100B up to, $100B announced or signed; 1 undisclosed)"; just "$150B" when
/// the sum is all firm figures.
std::string DescribeSum(const AmountSum& sum);
/// "of which $100B up to, $100B announced or signed"; empty when the sum is all firm figures.
std::string DescribeFirmness(const AmountSum& sum);

/// "Amazon -invests-> Anthropic $8B (2026-04, marsbit …, confidence 0.9)".
std::string DescribeEdge(const PartnershipGraph& graph, EdgeId e);

/// A metric's value for people: `$30B` when its unit is usd, else `1.9 gw`, `35.2 pct`.
std::string FormatMetricValue(const PartnershipGraph& graph, const Metric& metric);

/// "Anthropic revenue_annualized_usd $30B gross, as of 2026-04 (Anthropic, as reported …;
/// confidence 0.9; metrics.csv:2)".
std::string DescribeMetric(const PartnershipGraph& graph, std::uint32_t m);

/// file:line (or file[sheet]!row) of a row.
std::string WhereOf(const PartnershipGraph& graph, const Origin& origin);

/// The conflicting claims behind some counted edges, to add to a finding: each claim not counted
/// and one note per claim saying which figure was counted and which was not.
struct ConflictNotes {
  std::vector<EdgeId> edges;
  std::vector<std::string> notes;

  /// Appends the claims to `finding->related` and the notes to `finding->notes`.
  void AppendTo(Finding* finding) &&;
};

/// The conflicts of each counted edge in `edges`. Returns what to append rather than appending
/// itself, so a caller may pass `finding.related` as the list it reads.
ConflictNotes NoteConflicts(const GraphView& view, std::span<const EdgeId> edges);
/// The same from a ClaimSet of one's own (one that settled only a neighbourhood's facts).
ConflictNotes NoteConflicts(const PartnershipGraph& graph, const ClaimSet& claims, std::span<const EdgeId> edges);

}  // namespace pg
