#pragma once
// Rival groups: two nodes are rivals when a `competes` edge joins them or they share a market.
// Markets are never expanded into all pairs: membership is looked up per market, so a market of
// 5,000 companies costs 5,000, not 12.5 million pairs.

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "graph/partnership_graph.h"

namespace pg {

class RivalIndex {
 public:
  /// `active` (may be null) says which edges count, for as-of views.
  RivalIndex(const PartnershipGraph& graph, const std::vector<bool>* active);
  /// The same from the ends (from, to) of the active `competes` edges that are not self-loops,
  /// in input order, for a caller that already has them (GraphView): no edge record is read.
  RivalIndex(const PartnershipGraph& graph, std::span<const std::pair<VertexId, VertexId>> competing);

  bool AreRivals(VertexId a, VertexId b) const;
  /// Every rival of v, sorted (expands v's markets: meant for one node, not for all).
  std::vector<VertexId> RivalsOf(VertexId v) const;
  /// Rivals through competes edges, sorted; a repeated rival is listed once, the freed slots at
  /// the end hold kNoVertex.
  std::span<const VertexId> CompetesWith(VertexId v) const {
    return {competes_.data() + offsets_[v], competes_.data() + offsets_[v + 1]};
  }
  /// v's markets as dense numbers 0..MarketCount()-1 (the same market, the same number).
  std::span<const std::uint32_t> MarketsOf(VertexId v) const {
    return {markets_.data() + market_offsets_[v], markets_.data() + market_offsets_[v + 1]};
  }
  std::size_t MarketCount() const { return market_members_.size(); }
  /// False when v has no competes edge and no market, so it is nobody's rival: a bit per vertex,
  /// for passes that prune a large set before RivalFinder looks at it.
  bool MayHaveRival(VertexId v) const { return may_have_rival_[v]; }

 private:
  friend class RivalFinder;
  // Per-vertex arrays rather than reads of each Node: RivalFinder asks about every member of
  // every set, and the node records do not fit in cache on a large graph.
  std::vector<std::uint32_t> offsets_;
  std::vector<VertexId> competes_;
  std::vector<std::uint32_t> market_offsets_;
  std::vector<std::uint32_t> markets_;
  std::vector<std::vector<VertexId>> market_members_;  ///< by dense market number
  std::vector<bool> may_have_rival_;
};

/// Finds, within a set of nodes, those that have a rival in the same set. Holds scratch space
/// sized to the graph; make one per thread and reuse it across calls.
class RivalFinder {
 public:
  explicit RivalFinder(const RivalIndex& index);
  /// The members of `set` (unique vertices) that have at least one rival in `set`, sorted.
  std::vector<VertexId> MembersWithRival(std::span<const VertexId> set);

 private:
  const RivalIndex& index_;
  std::vector<std::uint32_t> stamp_;  ///< per vertex: token_ when in the current set
  std::uint32_t token_ = 0;
  std::vector<std::uint32_t> market_stamp_;  ///< per market: token_ when counted for this set
  std::vector<std::uint32_t> market_count_;
};

}  // namespace pg
