#pragma once
// The neighbourhood of one node, for drawing a big graph a piece at a time (`render --focus`).
// Nodes within `depth` hops of the centre along active edges of any type, in either direction.
// Each node adds at most `max_neighbors` new neighbours (the first by id, so the choice is
// stable); whatever a selected node touches but is not drawn is counted as `hidden`, and the
// diagram shows it as a placeholder ("+ 37 more"). Self-loops and parallel edges count once.

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "graph/graph_view.h"

namespace pg {

struct Neighbourhood {
  VertexId center = kNoVertex;
  std::vector<VertexId> nodes;  ///< sorted by vertex; the centre included
  /// Selected nodes with neighbours left out, and how many distinct ones; sorted by vertex.
  std::vector<std::pair<VertexId, std::uint32_t>> hidden;
};

inline constexpr std::size_t kDefaultMaxNeighbors = 25;

/// Breadth-first from `center`; `depth` 0 is the centre alone.
Neighbourhood CollectNeighbourhood(const GraphView& view, VertexId center, int depth,
                                   std::size_t max_neighbors = kDefaultMaxNeighbors);

}  // namespace pg
