#include "graph/local_view.h"

#include <algorithm>
#include <unordered_set>

#include "graph/graph_view.h"

namespace pg {

bool LocalView::Active(EdgeId e) const { return ActiveAsOf(graph_.GetEdge(e), as_of_); }

VertexId LocalView::Parent(VertexId v) {
  if (const auto known = parents_.find(v); known != parents_.end()) return known->second;
  // The rule of ControllingParents (ownership.h), over v's in-edges in input order.
  std::vector<EdgeId> owns;
  graph_.ForInEdges(v, [&](EdgeId e) {
    const Edge& edge = graph_.GetEdge(e);
    if (edge.type == EdgeType::kOwns && edge.from != edge.to && Active(e)) owns.push_back(e);
  });
  std::sort(owns.begin(), owns.end());
  VertexId parent = kNoVertex;
  double best_stake = 0.0;
  for (EdgeId e : owns) {
    const Edge& edge = graph_.GetEdge(e);
    const double stake_pct = graph_.Details(edge).stake_pct;
    const double stake = Known(stake_pct) ? stake_pct : 1.0;
    if (stake <= 0.5 || stake <= best_stake) continue;
    best_stake = stake;
    parent = edge.from;
  }
  parents_.emplace(v, parent);
  return parent;
}

VertexId LocalView::Ultimate(VertexId v) {
  VertexId up = Parent(v);
  if (up == kNoVertex) return v;  // most vertices: no owner, no set to build
  std::unordered_set<VertexId> seen{v};
  for (; up != kNoVertex; up = Parent(v)) {
    if (!seen.insert(up).second) return kNoVertex;
    v = up;
  }
  return v;
}

std::vector<VertexId> LocalView::Controlled(VertexId v) {
  std::vector<VertexId> out{v};
  std::unordered_set<VertexId> seen{v};
  for (std::size_t next = 0; next < out.size(); ++next) {
    const VertexId owner = out[next];
    std::vector<VertexId> owned;
    graph_.ForOutEdges(owner, [&](EdgeId e) {
      const Edge& edge = graph_.GetEdge(e);
      if (edge.type == EdgeType::kOwns && edge.from != edge.to && Active(e)) owned.push_back(edge.to);
    });
    for (VertexId child : owned) {
      if (!seen.contains(child) && Parent(child) == owner) {
        seen.insert(child);
        out.push_back(child);
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<VertexId> LocalView::RivalsOf(VertexId v) const {
  std::vector<VertexId> out;
  auto competes = [&](EdgeId e, VertexId other) {
    const Edge& edge = graph_.GetEdge(e);
    if (edge.type == EdgeType::kCompetes && edge.from != edge.to && Active(e)) out.push_back(other);
  };
  graph_.ForOutEdges(v, [&](EdgeId e) { competes(e, graph_.GetEdge(e).to); });
  graph_.ForInEdges(v, [&](EdgeId e) { competes(e, graph_.GetEdge(e).from); });
  const std::span<const StrId> mine = graph_.Markets(graph_.GetNode(v));
  if (!mine.empty()) {
    for (VertexId w = 0; w < graph_.NodeCount(); ++w) {
      const std::span<const StrId> theirs = graph_.Markets(graph_.GetNode(w));
      if (std::any_of(theirs.begin(), theirs.end(),
                      [&](StrId market) { return std::find(mine.begin(), mine.end(), market) != mine.end(); })) {
        out.push_back(w);
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  out.erase(std::remove(out.begin(), out.end(), v), out.end());
  return out;
}

}  // namespace pg
