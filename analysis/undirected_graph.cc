#include "analysis/undirected_graph.h"

#include <algorithm>

namespace pg {

UndirectedGraph BuildUndirectedGraph(const PartnershipGraph& graph, const std::vector<bool>* active) {
  const std::size_t n = graph.NodeCount();
  const auto& edges = graph.Edges();
  auto kept = [&](EdgeId e) {
    const VertexId a = edges[e].from, b = edges[e].to;
    return (!active || (*active)[e]) && a != b && a != kNoVertex && b != kNoVertex;
  };
  // Linear, no comparison sort: every kept edge in both directions, bucketed by one end; then
  // each vertex y, in ascending order, appended to its neighbours' lists, which leaves every list
  // sorted with parallel edges side by side, to be merged into one entry and a count.
  std::vector<std::uint32_t> start(n + 1, 0);
  for (EdgeId e = 0; e < edges.size(); ++e) {
    if (!kept(e)) continue;
    ++start[edges[e].from + 1];
    ++start[edges[e].to + 1];
  }
  for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
  std::vector<VertexId> bucketed(start[n]);
  std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
  for (EdgeId e = 0; e < edges.size(); ++e) {
    if (!kept(e)) continue;
    bucketed[fill[edges[e].from]++] = edges[e].to;
    bucketed[fill[edges[e].to]++] = edges[e].from;
  }
  UndirectedGraph out;
  out.targets.resize(start[n]);
  std::copy(start.begin(), start.end() - 1, fill.begin());
  for (VertexId y = 0; y < n; ++y) {
    for (std::uint32_t i = start[y]; i < start[y + 1]; ++i) out.targets[fill[bucketed[i]]++] = y;
  }
  bucketed.clear();
  bucketed.shrink_to_fit();

  // Merged in place: the write position never passes the read position.
  out.offsets.assign(n + 1, 0);
  out.weights.resize(start[n]);
  std::uint32_t write = 0;
  for (VertexId v = 0; v < n; ++v) {
    out.offsets[v] = write;
    for (std::uint32_t i = start[v]; i < start[v + 1]; ++i) {
      const VertexId w = out.targets[i];
      if (write > out.offsets[v] && out.targets[write - 1] == w) {
        ++out.weights[write - 1];
      } else {
        out.targets[write] = w;
        out.weights[write++] = 1;
      }
    }
  }
  out.offsets[n] = write;
  out.targets.resize(write);
  out.weights.resize(write);
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
