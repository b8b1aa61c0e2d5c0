#pragma once
// Claims of one fact: edges with the same from, to, type and start are reports of one fact
// (e.g. "Amazon invested in Anthropic"), not separate tranches. Exactly one claim per fact is
// counted: the highest confidence (missing confidence ranks lowest), ties to the first row.
// Claims whose figures differ from the counted one are conflicts; equal ones corroborate.
// Different starts are separate tranches and all count.

#include <unordered_map>
#include <vector>

#include "graph/partnership_graph.h"

namespace pg {

class ClaimSet {
 public:
  /// Groups the active edges (`active` may be null for all).
  ClaimSet(const PartnershipGraph& graph, const std::vector<bool>* active);

  /// True for the one counted claim of each fact (inactive edges are never counted).
  bool Counted(EdgeId e) const { return counted_[e]; }
  /// The claims that disagree with counted claim `e` (empty for most edges).
  const std::vector<EdgeId>& ConflictsOf(EdgeId e) const;
  /// Every counted claim that has conflicts, in input order.
  std::vector<EdgeId> ConflictedFacts() const;

 private:
  std::vector<bool> counted_;
  std::unordered_map<EdgeId, std::vector<EdgeId>> conflicts_;
};

/// True when two claims of a fact state different figures (amount, stake, share, revenue,
/// capacity or end date).
bool FiguresDiffer(const PartnershipGraph& graph, const Edge& a, const Edge& b);

}  // namespace pg
