#pragma once
// The undirected simple graph of a partnership graph, in compressed-sparse-row arrays: every
// active edge joins its two endpoints once (directions and parallel edges collapsed, self-loops
// dropped); `weights` counts the collapsed edges, for measures weighted by tie strength.

#include <cstdint>
#include <vector>

#include "graph/partnership_graph.h"

namespace pg {

struct UndirectedGraph {
  std::vector<std::uint32_t> offsets;  ///< n + 1 entries; neighbours of v are [offsets[v], offsets[v+1])
  std::vector<VertexId> targets;       ///< sorted within each vertex
  std::vector<std::uint32_t> weights;  ///< parallel edges (either direction) behind each entry

  std::size_t VertexCount() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  std::size_t EdgeCount() const { return targets.size() / 2; }
  std::uint32_t Degree(VertexId v) const { return offsets[v + 1] - offsets[v]; }
};

/// Collapses the edges of `graph` (only those with `(*active)[e]` when `active` is not null).
UndirectedGraph BuildUndirectedGraph(const PartnershipGraph& graph, const std::vector<bool>* active = nullptr);

/// A new id for every vertex such that a breadth-first search touches nearby memory: vertices
/// numbered in breadth-first order from the highest-degree vertex, hubs first among each
/// vertex's neighbours, then the same from the highest-degree vertex not yet numbered (ties by id).
std::vector<VertexId> LocalityOrder(const UndirectedGraph& graph);

/// The same graph with vertex v called `new_id[v]` (a permutation); lists stay sorted.
UndirectedGraph Renumbered(const UndirectedGraph& graph, const std::vector<VertexId>& new_id);

}  // namespace pg
