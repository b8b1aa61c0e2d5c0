#pragma once
// Claims and tranches: which edge rows count towards a fact, and which disagree.
//
// A fact is what (from, to, type, start) names: "Amazon invested in Anthropic in 2025". Its rows
// are read by source (the `source` cell, compared case-insensitively):
// - Rows of one source, and rows without a source, are tranches: every one counts and their
//   amounts add up. Crunchbase lists an investor's follow-on rounds without dates as separate
//   rows of one source; counting one of them would undercount the company's funding.
// - Rows whose sources are both given and differ are claims of one fact. Each source's rows
//   are its account; one account counts: the one holding the highest-confidence row (missing
//   confidence ranks lowest), ties to the account whose first row comes first in the input.
//   Another account corroborates when it states the same figures (the same number of rows,
//   matching one to one on amount, stake, share, revenue, capacity and end) and conflicts
//   otherwise; either way it is not counted.
// - Rows without a source stand beside whichever account counts: they are tranches too.
// - A different start is another fact, so dated tranches never meet here.
// Exact repeats: a row of one fact whose source (or lack of one) and figures equal an earlier
// row's is still a tranche (a list of rounds repeats amounts more often than it pastes a row
// twice, and dropping it would guess), but it is counted in ExactRepeats() so that a command
// can warn once per load; FirstRepeat() is the first such row, for the warning's place.
// Only active edges take part (`active` may be null for all).

#include <cstddef>
#include <span>
#include <unordered_map>
#include <vector>

#include "graph/partnership_graph.h"

namespace pg {

class ClaimSet {
 public:
  /// Groups the active edges (`active` may be null for all).
  ClaimSet(const PartnershipGraph& graph, const std::vector<bool>* active);
  /// Only the facts into `targets` (distinct vertices), grouped from their in-edges current as of
  /// `as_of` (unknown: all); every other edge reads as not counted. For a query that reads one
  /// node's neighbourhood (`exposure NODE`): it costs the targets' in-edges, not the graph.
  ClaimSet(const PartnershipGraph& graph, std::span<const VertexId> targets, Date as_of);

  /// True for every row that counts (inactive edges never do).
  bool Counted(EdgeId e) const { return counted_[e]; }
  /// For the first row of a fact's counted account: the rows of other accounts that disagree
  /// with it (empty for every other edge, and for most facts).
  const std::vector<EdgeId>& ConflictsOf(EdgeId e) const;
  /// For a row ConflictsOf lists conflicts under: the accounts of the fact, each its rows in
  /// input order, the counted account first, then the conflicting ones (corroborating accounts
  /// are left out). Empty for any other edge.
  const std::vector<std::vector<EdgeId>>& AccountsOf(EdgeId e) const;
  /// The first row of the counted account of every fact with conflicts, in input order.
  std::vector<EdgeId> ConflictedFacts() const;
  /// Rows that repeat an earlier row of their fact exactly (same source, same figures).
  std::size_t ExactRepeats() const { return repeats_; }
  /// The first of them in input order (kNoEdge when there is none).
  EdgeId FirstRepeat() const { return first_repeat_; }

  static constexpr EdgeId kNoEdge = static_cast<EdgeId>(-1);

 private:
  struct Dispute {
    std::vector<std::vector<EdgeId>> accounts;
    std::vector<EdgeId> conflicting;
  };
  /// Decides one fact: `rows` are its active rows in input order (at least two).
  void Settle(const PartnershipGraph& graph, std::span<const EdgeId> rows);
  void NoteRepeats(const PartnershipGraph& graph, std::span<const EdgeId> rows);
  /// `rows` hold each fact's rows side by side, in input order: a fact of one row counts, the
  /// others go to Settle.
  void SettleAdjacent(const PartnershipGraph& graph, std::span<const EdgeId> rows);

  std::vector<bool> counted_;
  std::unordered_map<EdgeId, Dispute> disputes_;
  std::size_t repeats_ = 0;
  EdgeId first_repeat_ = kNoEdge;
};

/// True when two claims of a fact state different figures (amount, stake, share, revenue,
/// capacity or end date).
bool FiguresDiffer(const PartnershipGraph& graph, const Edge& a, const Edge& b);

}  // namespace pg
