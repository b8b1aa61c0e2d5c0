#include "graph/rivals.h"

#include <algorithm>

namespace pg {

RivalIndex::RivalIndex(const PartnershipGraph& graph, const std::vector<bool>* active)
    : graph_(graph), offsets_(graph.NodeCount() + 1, 0) {
  const auto& edges = graph.Edges();
  auto counts = [&](EdgeId e) {
    const Edge& edge = edges[e];
    return edge.type == EdgeType::kCompetes && edge.from != edge.to && (!active || (*active)[e]);
  };
  for (EdgeId e = 0; e < edges.size(); ++e) {
    if (!counts(e)) continue;
    ++offsets_[edges[e].from + 1];
    ++offsets_[edges[e].to + 1];
  }
  for (std::size_t v = 0; v < graph.NodeCount(); ++v) offsets_[v + 1] += offsets_[v];
  competes_.resize(offsets_.back());
  std::vector<std::uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
  for (EdgeId e = 0; e < edges.size(); ++e) {
    if (!counts(e)) continue;
    competes_[fill[edges[e].from]++] = edges[e].to;
    competes_[fill[edges[e].to]++] = edges[e].from;
  }
  for (std::size_t v = 0; v < graph.NodeCount(); ++v) {
    auto begin = competes_.begin() + offsets_[v], end = competes_.begin() + offsets_[v + 1];
    std::sort(begin, end);
    // Parallel competes rows would list a rival twice; keep it once.
    const auto last = std::unique(begin, end);
    std::fill(last, end, kNoVertex);
  }
  for (VertexId v = 0; v < graph.NodeCount(); ++v) {
    for (StrId market : graph.GetNode(v).markets) market_members_[market].push_back(v);
  }
}

std::span<const StrId> RivalIndex::MarketsOf(VertexId v) const { return graph_.GetNode(v).markets; }

bool RivalIndex::AreRivals(VertexId a, VertexId b) const {
  if (a == b) return false;
  const auto rivals = CompetesWith(a);
  if (std::binary_search(rivals.begin(), rivals.end(), b)) return true;
  for (StrId market : MarketsOf(a)) {
    const auto& others = graph_.GetNode(b).markets;
    if (std::find(others.begin(), others.end(), market) != others.end()) return true;
  }
  return false;
}

std::vector<VertexId> RivalIndex::RivalsOf(VertexId v) const {
  std::vector<VertexId> out;
  for (VertexId r : CompetesWith(v)) {
    if (r != kNoVertex) out.push_back(r);
  }
  for (StrId market : MarketsOf(v)) {
    const auto& members = market_members_.at(market);
    out.insert(out.end(), members.begin(), members.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  out.erase(std::remove(out.begin(), out.end(), v), out.end());
  return out;
}

RivalFinder::RivalFinder(const RivalIndex& index) : index_(index), stamp_(index.offsets_.size(), 0) {}

std::vector<VertexId> RivalFinder::MembersWithRival(std::span<const VertexId> set) {
  std::vector<VertexId> found;
  if (set.size() < 2) return found;
  if (++token_ == 0) {  // wrapped: clear old stamps
    std::fill(stamp_.begin(), stamp_.end(), 0);
    token_ = 1;
  }
  for (VertexId v : set) stamp_[v] = token_;
  market_count_.clear();
  bool any_market = false;
  for (VertexId v : set) {
    for (StrId market : index_.MarketsOf(v)) {
      ++market_count_[market];
      any_market = true;
    }
  }
  for (VertexId v : set) {
    bool has_rival = false;
    for (VertexId r : index_.CompetesWith(v)) {
      if (r != kNoVertex && r != v && stamp_[r] == token_) {
        has_rival = true;
        break;
      }
    }
    if (!has_rival && any_market) {
      for (StrId market : index_.MarketsOf(v)) {
        if (market_count_[market] >= 2) {
          has_rival = true;
          break;
        }
      }
    }
    if (has_rival) found.push_back(v);
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace pg
