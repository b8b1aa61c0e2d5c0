#pragma once
// Rival groups: two nodes are rivals when a `competes` edge joins them or they share a market.
// Markets are never expanded into all pairs: membership is looked up per market, so a market of
// 5,000 companies costs 5,000, not 12.5 million pairs.

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "graph/partnership_graph.h"

namespace pg {

class RivalIndex {
 public:
  /// `active` (may be null) says which edges count, for as-of views.
  RivalIndex(const PartnershipGraph& graph, const std::vector<bool>* active);

  bool AreRivals(VertexId a, VertexId b) const;
  /// Every rival of v, sorted (expands v's markets: meant for one node, not for all).
  std::vector<VertexId> RivalsOf(VertexId v) const;
  /// Rivals through competes edges, sorted.
  std::span<const VertexId> CompetesWith(VertexId v) const {
    return {competes_.data() + offsets_[v], competes_.data() + offsets_[v + 1]};
  }
  std::span<const StrId> MarketsOf(VertexId v) const;

 private:
  friend class RivalFinder;
  const PartnershipGraph& graph_;
  std::vector<std::uint32_t> offsets_;
  std::vector<VertexId> competes_;
  std::unordered_map<StrId, std::vector<VertexId>> market_members_;
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
  std::vector<std::uint32_t> stamp_;
  std::uint32_t token_ = 0;
  std::unordered_map<StrId, std::uint32_t> market_count_;
};

}  // namespace pg
