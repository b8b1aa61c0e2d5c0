#include "analysis/undirected_graph.h"

#include <algorithm>

namespace pg {

UndirectedGraph BuildUndirectedGraph(const PartnershipGraph& graph, const std::vector<bool>* active) {
  const std::size_t n = graph.NodeCount();
  const auto& edges = graph.Edges();
  // Each unordered pair as one 64-bit key (low vertex high bits), sorted to count duplicates.
  std::vector<std::uint64_t> pairs;
  pairs.reserve(edges.size());
  for (EdgeId e = 0; e < edges.size(); ++e) {
    if (active && !(*active)[e]) continue;
    VertexId a = edges[e].from, b = edges[e].to;
    if (a == b || a == kNoVertex || b == kNoVertex) continue;
    if (a > b) std::swap(a, b);
    pairs.push_back((std::uint64_t{a} << 32) | b);
  }
  std::sort(pairs.begin(), pairs.end());

  UndirectedGraph out;
  out.offsets.assign(n + 1, 0);
  std::vector<std::uint64_t> unique;
  std::vector<std::uint32_t> counts;
  unique.reserve(pairs.size());
  for (std::size_t i = 0; i < pairs.size();) {
    std::size_t j = i + 1;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    unique.push_back(pairs[i]);
    counts.push_back(static_cast<std::uint32_t>(j - i));
    ++out.offsets[(pairs[i] >> 32) + 1];
    ++out.offsets[(pairs[i] & 0xffffffffu) + 1];
    i = j;
  }
  pairs.clear();
  pairs.shrink_to_fit();
  for (std::size_t v = 0; v < n; ++v) out.offsets[v + 1] += out.offsets[v];
  out.targets.resize(out.offsets[n]);
  out.weights.resize(out.offsets[n]);
  std::vector<std::uint32_t> fill(out.offsets.begin(), out.offsets.end() - 1);
  // Pairs are sorted by (low, high): appending high to low keeps low's list sorted; appending
  // low to high also arrives in ascending low order, so every list ends up sorted.
  for (std::size_t i = 0; i < unique.size(); ++i) {
    const VertexId a = static_cast<VertexId>(unique[i] >> 32), b = static_cast<VertexId>(unique[i] & 0xffffffffu);
    out.targets[fill[a]] = b;
    out.weights[fill[a]++] = counts[i];
    out.targets[fill[b]] = a;
    out.weights[fill[b]++] = counts[i];
  }
  return out;
}

}  // namespace pg
