#include "graph/neighbourhood.h"

#include <algorithm>

namespace pg {
namespace {

// Distinct neighbours of v through active edges, either direction, self excluded.
std::vector<VertexId> Neighbours(const GraphView& view, VertexId v) {
  const PartnershipGraph& graph = view.Graph();
  std::vector<VertexId> result;
  graph.ForOutEdges(v, [&](EdgeId e) {
    if (view.Active(e) && graph.GetEdge(e).to != v) result.push_back(graph.GetEdge(e).to);
  });
  graph.ForInEdges(v, [&](EdgeId e) {
    if (view.Active(e) && graph.GetEdge(e).from != v) result.push_back(graph.GetEdge(e).from);
  });
  std::sort(result.begin(), result.end());
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

}  // namespace

Neighbourhood CollectNeighbourhood(const GraphView& view, VertexId center, int depth,
                                   std::size_t max_neighbors) {
  const PartnershipGraph& graph = view.Graph();
  std::vector<bool> selected(graph.NodeCount(), false);
  selected[center] = true;
  std::vector<VertexId> frontier{center};
  for (int hop = 0; hop < depth && !frontier.empty(); ++hop) {
    std::vector<VertexId> next;
    for (VertexId v : frontier) {
      std::vector<VertexId> fresh;
      for (VertexId n : Neighbours(view, v)) {
        if (!selected[n]) fresh.push_back(n);
      }
      std::sort(fresh.begin(), fresh.end(), [&](VertexId a, VertexId b) {
        return graph.NodeName(a) < graph.NodeName(b);
      });
      if (fresh.size() > max_neighbors) fresh.resize(max_neighbors);
      for (VertexId n : fresh) {
        selected[n] = true;
        next.push_back(n);
      }
    }
    frontier = std::move(next);
  }

  Neighbourhood result;
  result.center = center;
  for (VertexId v = 0; v < graph.NodeCount(); ++v) {
    if (!selected[v]) continue;
    result.nodes.push_back(v);
    std::uint32_t hidden = 0;
    for (VertexId n : Neighbours(view, v)) hidden += selected[n] ? 0 : 1;
    if (hidden > 0) result.hidden.emplace_back(v, hidden);
  }
  return result;
}

}  // namespace pg
