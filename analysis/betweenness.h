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

/// Scores and, when sampled, each vertex's standard error: the sources are a simple random sample
/// of K of the n vertices, so SE(v) = (n / 2) sqrt((1 - K/n) s_v^2 / K), s_v^2 the sample variance
/// of v's dependency over the sampled sources. Empty `standard_error` when exact.
struct BetweennessEstimate {
  std::vector<double> score;
  std::vector<double> standard_error;
};
BetweennessEstimate EstimateBetweenness(const UndirectedGraph& graph, const BetweennessOptions& options);

/// 0 (exact) when n x edges is within `exact_work`; else the sources to sample so that a run
/// costs about `sample_work` edge visits (K x edges), at least `minimum` (0 when that is all).
std::uint32_t SourcesWithin(std::size_t vertex_count, std::size_t edge_count, double exact_work, double sample_work,
                            std::uint32_t minimum);

/// The `top` vertices with a positive score, best first; scores equal to 10 significant digits
/// tie and go by node id (so float noise between implementations does not reorder them).
std::vector<VertexId> TopScores(const PartnershipGraph& graph, const std::vector<double>& scores, std::size_t top);

/// True when `options` asks for fewer sources than the graph has vertices (an estimate).
bool BetweennessSampled(std::size_t vertex_count, const BetweennessOptions& options);

}  // namespace pg
