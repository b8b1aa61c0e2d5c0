#pragma once
// Betweenness centrality on the undirected simple graph of every edge (parallel edges and
// directions collapsed, self-loops dropped), unnormalised, as NetworkX and igraph report it for
// undirected graphs (each unordered pair of endpoints counted once). Brandes' algorithm with the
// sources split across threads; with `samples` > 0, K sources drawn with a fixed seed and the
// result scaled by n/K (an unbiased estimate).

#include <cstdint>
#include <vector>

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

}  // namespace pg
