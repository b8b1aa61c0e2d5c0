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

std::vector<VertexId> LocalityOrder(const UndirectedGraph& graph) {
  const std::size_t n = graph.VertexCount();
  // Vertices by degree, highest first, ties by id (a counting sort).
  std::uint32_t max_degree = 0;
  for (VertexId v = 0; v < n; ++v) max_degree = std::max(max_degree, graph.Degree(v));
  std::vector<std::uint32_t> start(max_degree + 2, 0);
  for (VertexId v = 0; v < n; ++v) ++start[max_degree - graph.Degree(v) + 1];
  for (std::size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
  std::vector<VertexId> by_degree(n);
  for (VertexId v = 0; v < n; ++v) by_degree[start[max_degree - graph.Degree(v)]++] = v;
  // Every list reordered hubs first: hand each vertex, in that order, to its neighbours' lists.
  std::vector<VertexId> hubs_first(graph.targets.size());
  std::vector<std::uint32_t> fill(graph.offsets.begin(), graph.offsets.end() - (n ? 1 : 0));
  for (VertexId w : by_degree) {
    for (std::uint32_t i = graph.offsets[w]; i < graph.offsets[w + 1]; ++i) hubs_first[fill[graph.targets[i]]++] = w;
  }
  std::vector<VertexId> order;
  order.reserve(n);
  std::vector<bool> seen(n);
  for (VertexId root : by_degree) {
    if (seen[root]) continue;
    seen[root] = true;
    order.push_back(root);
    for (std::size_t head = order.size() - 1; head < order.size(); ++head) {
      const VertexId v = order[head];
      for (std::uint32_t i = graph.offsets[v]; i < graph.offsets[v + 1]; ++i) {
        if (!seen[hubs_first[i]]) {
          seen[hubs_first[i]] = true;
          order.push_back(hubs_first[i]);
        }
      }
    }
  }
  std::vector<VertexId> new_id(n);
  for (VertexId i = 0; i < n; ++i) new_id[order[i]] = i;
  return new_id;
}

UndirectedGraph Renumbered(const UndirectedGraph& graph, const std::vector<VertexId>& new_id) {
  const std::size_t n = graph.VertexCount();
  std::vector<VertexId> old_id(n);
  for (VertexId v = 0; v < n; ++v) old_id[new_id[v]] = v;
  UndirectedGraph out;
  out.offsets.assign(n + 1, 0);
  for (VertexId i = 0; i < n; ++i) out.offsets[i + 1] = out.offsets[i] + graph.Degree(old_id[i]);
  out.targets.resize(graph.targets.size());
  out.weights.resize(graph.weights.size());
  // Walking the new ids upwards and appending each to its neighbours' lists leaves them sorted.
  std::vector<std::uint32_t> fill(out.offsets.begin(), out.offsets.end() - (n ? 1 : 0));
  for (VertexId i = 0; i < n; ++i) {
    const VertexId v = old_id[i];
    for (std::uint32_t k = graph.offsets[v]; k < graph.offsets[v + 1]; ++k) {
      const std::uint32_t at = fill[new_id[graph.targets[k]]]++;
      out.targets[at] = i;
      if (!graph.weights.empty()) out.weights[at] = graph.weights[k];
    }
  }
  return out;
}

}  // namespace pg
