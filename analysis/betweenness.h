#pragma once
// Betweenness centrality on the undirected simple graph of every edge (parallel edges and
// directions collapsed, self-loops dropped), unnormalised, as NetworkX and igraph report it for
// undirected graphs (each unordered pair of endpoints counted once). Brandes' algorithm with the
// sources split across threads; with `samples` > 0, K sources drawn with a fixed seed and the
// result scaled by n/K (an unbiased estimate).

#include <cstdint>
#include <vector>

#include "analysis/undirected_graph.h"
#include "graph/partnership_graph.h"

namespace pg {

struct BetweennessOptions {
  std::uint32_t samples = 0;  ///< 0: exact (every vertex a source)
  std::uint64_t seed = 1;
  unsigned threads = 0;       ///< 0: hardware concurrency
  const std::vector<bool>* active = nullptr;  ///< edges to use (null: all)
};

/// One score per vertex.
std::vector<double> BetweennessCentrality(const PartnershipGraph& graph, const BetweennessOptions& options);

/// The same on an already collapsed graph (`options.active` is ignored: the graph is given).
std::vector<double> BetweennessCentrality(const UndirectedGraph& graph, const BetweennessOptions& options);

/// The `top` vertices with a positive score, best first; scores equal to 10 significant digits
/// tie and go by node id (so float noise between implementations does not reorder them).
std::vector<VertexId> TopScores(const PartnershipGraph& graph, const std::vector<double>& scores, std::size_t top);

/// True when `options` asks for fewer sources than the graph has vertices (an estimate).
bool BetweennessSampled(std::size_t vertex_count, const BetweennessOptions& options);

}  // namespace pg
