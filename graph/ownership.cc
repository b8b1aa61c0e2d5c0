#include "graph/ownership.h"

#include <algorithm>
#include <cstdint>

#include <boost/iterator/counting_iterator.hpp>
#include <boost/range/iterator_range.hpp>

namespace pg {
namespace {

// Parent edge per vertex (kNoEdge for none).
constexpr EdgeId kNoEdge = kNoVertex;

// Ties go to the first row: `ids` ascend and only a strictly larger stake replaces.
template <typename Ids>
std::vector<EdgeId> ControllingEdges(const PartnershipGraph& graph, const std::vector<bool>* active, const Ids& ids) {
  std::vector<EdgeId> parent_edge(graph.NodeCount(), kNoEdge);
  std::vector<double> best_stake(graph.NodeCount(), 0.0);
  const auto& edges = graph.Edges();
  for (EdgeId e : ids) {
    const Edge& edge = edges[e];
    if (edge.type != EdgeType::kOwns || edge.from == edge.to) continue;
    if (active && !(*active)[e]) continue;
    const EdgeDetails& details = graph.Details(edge);
    const double stake = Known(details.stake_pct) ? details.stake_pct : 1.0;
    if (stake <= 0.5 || stake <= best_stake[edge.to]) continue;
    best_stake[edge.to] = stake;
    parent_edge[edge.to] = e;
  }
  return parent_edge;
}

std::vector<EdgeId> ControllingEdges(const PartnershipGraph& graph, const std::vector<bool>* active) {
  return ControllingEdges(graph, active,
                          boost::make_iterator_range(boost::counting_iterator<EdgeId>(0),
                                                     boost::counting_iterator<EdgeId>(graph.EdgeCount())));
}

std::vector<VertexId> ParentsFrom(const PartnershipGraph& graph, const std::vector<EdgeId>& parent_edge) {
  std::vector<VertexId> parents(parent_edge.size(), kNoVertex);
  for (std::size_t v = 0; v < parents.size(); ++v) {
    if (parent_edge[v] != kNoEdge) parents[v] = graph.GetEdge(parent_edge[v]).from;
  }
  return parents;
}

}  // namespace

std::vector<VertexId> ControllingParents(const PartnershipGraph& graph, const std::vector<bool>* active) {
  return ParentsFrom(graph, ControllingEdges(graph, active));
}

std::vector<VertexId> ControllingParents(const PartnershipGraph& graph, const std::vector<bool>* active,
                                         std::span<const EdgeId> owns_edges) {
  return ParentsFrom(graph, ControllingEdges(graph, active, owns_edges));
}

std::vector<VertexId> UltimateParents(const std::vector<VertexId>& parents) {
  const std::size_t n = parents.size();
  std::vector<VertexId> top(n, kNoVertex);
  std::vector<std::uint8_t> state(n, 0);  // 0 new, 1 on the current walk, 2 done
  std::vector<VertexId> walk;
  for (VertexId start = 0; start < n; ++start) {
    if (state[start] == 2) continue;
    walk.clear();
    VertexId v = start;
    while (v != kNoVertex && state[v] == 0) {
      state[v] = 1;
      walk.push_back(v);
      v = parents[v];
    }
    // Either we fell off the top, met a finished vertex, or closed a cycle (state 1).
    VertexId root;
    if (v == kNoVertex) {
      root = walk.back();
    } else if (state[v] == 2) {
      root = top[v];
    } else {
      root = kNoVertex;  // cycle: members map to themselves below
    }
    for (VertexId w : walk) {
      top[w] = root == kNoVertex ? w : root;
      state[w] = 2;
    }
  }
  return top;
}

std::vector<EdgeId> FindOwnershipCycle(const PartnershipGraph& graph) {
  const std::vector<EdgeId> parent_edge = ControllingEdges(graph, nullptr);
  const std::size_t n = parent_edge.size();
  std::vector<std::uint8_t> state(n, 0);
  std::vector<VertexId> walk;
  for (VertexId start = 0; start < n; ++start) {
    if (state[start] != 0) continue;
    walk.clear();
    VertexId v = start;
    while (v != kNoVertex && state[v] == 0) {
      state[v] = 1;
      walk.push_back(v);
      v = parent_edge[v] == kNoEdge ? kNoVertex : graph.GetEdge(parent_edge[v]).from;
    }
    if (v != kNoVertex && state[v] == 1) {
      // The cycle is the tail of the walk from v; report it parent-first (owner -> owned).
      std::vector<EdgeId> cycle;
      auto at = std::find(walk.begin(), walk.end(), v);
      for (auto it = walk.end(); it != at;) cycle.push_back(parent_edge[*--it]);
      return cycle;
    }
    for (VertexId w : walk) state[w] = 2;
  }
  return {};
}

}  // namespace pg
