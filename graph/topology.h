#pragma once
// The graph's topology in compressed-sparse-row form, out-edges and in-edges, each array a
// Column so that a snapshot's arrays serve where they lie in the mapping (Boost's
// compressed_sparse_row_graph, used before, keeps std::vectors that cannot view a file).
// Order, as Boost's was: a vertex's out-edges in edge-id order; its in-edges by source vertex,
// then edge id.

#include <cstdint>
#include <limits>
#include <span>
#include <utility>

#include "graph/column.h"

namespace pg {

using VertexId = std::uint32_t;
using EdgeId = std::uint32_t;
inline constexpr VertexId kNoVertex = std::numeric_limits<VertexId>::max();

/// One direction: the entries of vertex v are [starts[v], starts[v + 1]); each names the vertex
/// at the other end and the edge.
struct Adjacency {
  Column<EdgeId> starts;  ///< one a vertex, plus one
  Column<VertexId> ends;
  Column<EdgeId> edges;

  std::span<const VertexId> Ends(VertexId v) const { return ends.Span().subspan(starts[v], starts[v + 1] - starts[v]); }
  std::span<const EdgeId> Edges(VertexId v) const { return edges.Span().subspan(starts[v], starts[v + 1] - starts[v]); }
};

struct Topology {
  Adjacency out;  ///< ends are targets
  Adjacency in;   ///< ends are sources
};

/// The topology of edges given as (from, to) in edge-id order, over `vertices` vertices.
Topology BuildTopology(std::span<const std::pair<VertexId, VertexId>> ends, std::size_t vertices);

}  // namespace pg
