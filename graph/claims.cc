#include "graph/claims.h"

#include <algorithm>
#include <tuple>

namespace pg {
namespace {

bool SameFigure(double a, double b) {
  if (!Known(a) || !Known(b)) return Known(a) == Known(b);
  return a == b;
}

double Rank(const Edge& edge) { return Known(edge.confidence) ? edge.confidence : -1.0; }

}  // namespace

bool FiguresDiffer(const PartnershipGraph& graph, const Edge& a, const Edge& b) {
  const EdgeDetails& more_a = graph.Details(a);
  const EdgeDetails& more_b = graph.Details(b);
  return !SameFigure(a.amount_usd, b.amount_usd) || !SameFigure(more_a.stake_pct, more_b.stake_pct) ||
         !SameFigure(more_a.share_pct, more_b.share_pct) || !SameFigure(more_a.revenue_usd, more_b.revenue_usd) ||
         !SameFigure(more_a.capacity_gw, more_b.capacity_gw) || a.end != b.end;
}

ClaimSet::ClaimSet(const PartnershipGraph& graph, const std::vector<bool>* active)
    : counted_(graph.EdgeCount(), false) {
  const auto& edges = graph.Edges();
  const auto& topo = graph.Topo();
  // Two claims of one fact share from and to. Out-edges of a vertex are contiguous in the CSR
  // with their targets beside them, so a vertex whose targets are all distinct (nearly every
  // vertex) has one claim per fact and is settled without reading a single edge record.
  std::vector<VertexId> last_source(graph.NodeCount(), kNoVertex);
  std::vector<EdgeId> group;
  for (VertexId v = 0; v < graph.NodeCount(); ++v) {
    const auto [begin, end] = boost::out_edges(v, topo);
    bool repeated = false;
    for (auto it = begin; it != end; ++it) {
      VertexId& seen = last_source[boost::target(*it, topo)];
      if (seen == v) {
        repeated = true;
        break;
      }
      seen = v;
    }
    if (!repeated) {
      for (auto it = begin; it != end; ++it) {
        const EdgeId e = topo[*it];
        if (!active || (*active)[e]) counted_[e] = true;
      }
      continue;
    }
    group.clear();
    for (auto it = begin; it != end; ++it) {
      const EdgeId e = topo[*it];
      if (!active || (*active)[e]) group.push_back(e);
    }
    auto key = [&](EdgeId e) {
      const Edge& edge = edges[e];
      return std::make_tuple(edge.to, edge.type, edge.start.Packed(), e);
    };
    std::sort(group.begin(), group.end(), [&](EdgeId a, EdgeId b) { return key(a) < key(b); });
    for (std::size_t i = 0; i < group.size();) {
      std::size_t j = i + 1;
      const Edge& first = edges[group[i]];
      while (j < group.size() && edges[group[j]].to == first.to && edges[group[j]].type == first.type &&
             edges[group[j]].start == first.start) {
        ++j;
      }
      // Within [i, j) ids are ascending (input order); pick the highest confidence, first wins.
      EdgeId chosen = group[i];
      for (std::size_t k = i + 1; k < j; ++k) {
        if (Rank(edges[group[k]]) > Rank(edges[chosen])) chosen = group[k];
      }
      counted_[chosen] = true;
      for (std::size_t k = i; k < j; ++k) {
        if (group[k] != chosen && FiguresDiffer(graph, edges[group[k]], edges[chosen])) {
          conflicts_[chosen].push_back(group[k]);
        }
      }
      i = j;
    }
  }
}

const std::vector<EdgeId>& ClaimSet::ConflictsOf(EdgeId e) const {
  static const std::vector<EdgeId> kNone;
  auto found = conflicts_.find(e);
  return found == conflicts_.end() ? kNone : found->second;
}

std::vector<EdgeId> ClaimSet::ConflictedFacts() const {
  std::vector<EdgeId> out;
  out.reserve(conflicts_.size());
  for (const auto& [e, others] : conflicts_) out.push_back(e);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace pg
