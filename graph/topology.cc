#include "graph/topology.h"

#include <vector>

namespace pg {
namespace {

/// Where each vertex's entries start, from how many each has: a running sum, one more than
/// vertices.
std::vector<EdgeId> Starts(std::vector<EdgeId> counts) {
  EdgeId sum = 0;
  for (EdgeId& count : counts) sum += std::exchange(count, sum);
  return counts;
}

}  // namespace

Topology BuildTopology(std::span<const std::pair<VertexId, VertexId>> ends, std::size_t vertices) {
  // Counting sorts, stable: out-entries by source in edge order; in-entries by target in the
  // order of the out-entries (source, then edge), as Boost built its backward arrays.
  std::vector<EdgeId> out_counts(vertices + 1, 0), in_counts(vertices + 1, 0);
  for (const auto& [from, to] : ends) ++out_counts[from], ++in_counts[to];
  std::vector<EdgeId> out_starts = Starts(std::move(out_counts)), in_starts = Starts(std::move(in_counts));
  std::vector<VertexId> targets(ends.size()), sources(ends.size());
  std::vector<EdgeId> out_edges(ends.size()), in_edges(ends.size());
  std::vector<EdgeId> next(out_starts.begin(), out_starts.end() - 1);
  for (EdgeId e = 0; e < ends.size(); ++e) {
    const EdgeId k = next[ends[e].first]++;
    targets[k] = ends[e].second;
    out_edges[k] = e;
  }
  next.assign(in_starts.begin(), in_starts.end() - 1);
  for (VertexId v = 0; v < vertices; ++v) {
    for (EdgeId k = out_starts[v]; k < out_starts[v + 1]; ++k) {
      const EdgeId at = next[targets[k]]++;
      sources[at] = v;
      in_edges[at] = out_edges[k];
    }
  }
  Topology topology;
  topology.out = {Column(std::move(out_starts)), Column(std::move(targets)), Column(std::move(out_edges))};
  topology.in = {Column(std::move(in_starts)), Column(std::move(sources)), Column(std::move(in_edges))};
  return topology;
}

}  // namespace pg
