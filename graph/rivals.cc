#include "graph/rivals.h"

#include <algorithm>
#include <unordered_map>

namespace pg {
namespace {

std::vector<std::pair<VertexId, VertexId>> Competing(const PartnershipGraph& graph, const std::vector<bool>* active) {
  std::vector<std::pair<VertexId, VertexId>> out;
  const auto& edges = graph.Edges();
  for (EdgeId e = 0; e < edges.size(); ++e) {
    const Edge& edge = edges[e];
    if (edge.type == EdgeType::kCompetes && edge.from != edge.to && (!active || (*active)[e])) {
      out.emplace_back(edge.from, edge.to);
    }
  }
  return out;
}

}  // namespace

RivalIndex::RivalIndex(const PartnershipGraph& graph, const std::vector<bool>* active)
    : RivalIndex(graph, Competing(graph, active)) {}

RivalIndex::RivalIndex(const PartnershipGraph& graph, std::span<const std::pair<VertexId, VertexId>> competing)
    : offsets_(graph.NodeCount() + 1, 0), market_offsets_(graph.NodeCount() + 1, 0) {
  for (const auto& [from, to] : competing) {
    ++offsets_[from + 1];
    ++offsets_[to + 1];
  }
  for (std::size_t v = 0; v < graph.NodeCount(); ++v) offsets_[v + 1] += offsets_[v];
  competes_.resize(offsets_.back());
  std::vector<std::uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
  for (const auto& [from, to] : competing) {
    competes_[fill[from]++] = to;
    competes_[fill[to]++] = from;
  }
  for (std::size_t v = 0; v < graph.NodeCount(); ++v) {
    auto begin = competes_.begin() + offsets_[v], end = competes_.begin() + offsets_[v + 1];
    std::sort(begin, end);
    // Parallel competes rows would list a rival twice; keep it once.
    const auto last = std::unique(begin, end);
    std::fill(last, end, kNoVertex);
  }
  std::unordered_map<StrId, std::uint32_t> dense;
  for (VertexId v = 0; v < graph.NodeCount(); ++v) {
    for (StrId market : graph.Markets(graph.GetNode(v))) {
      const auto [at, added] = dense.try_emplace(market, static_cast<std::uint32_t>(market_members_.size()));
      if (added) market_members_.emplace_back();
      market_members_[at->second].push_back(v);
      markets_.push_back(at->second);
    }
    market_offsets_[v + 1] = static_cast<std::uint32_t>(markets_.size());
  }
  may_have_rival_.resize(graph.NodeCount());
  for (VertexId v = 0; v < graph.NodeCount(); ++v) {
    may_have_rival_[v] = offsets_[v + 1] > offsets_[v] || market_offsets_[v + 1] > market_offsets_[v];
  }
}

bool RivalIndex::AreRivals(VertexId a, VertexId b) const {
  if (a == b) return false;
  const auto rivals = CompetesWith(a);
  if (std::binary_search(rivals.begin(), rivals.end(), b)) return true;
  const auto others = MarketsOf(b);
  for (std::uint32_t market : MarketsOf(a)) {
    if (std::find(others.begin(), others.end(), market) != others.end()) return true;
  }
  return false;
}

std::vector<VertexId> RivalIndex::RivalsOf(VertexId v) const {
  std::vector<VertexId> out;
  for (VertexId r : CompetesWith(v)) {
    if (r != kNoVertex) out.push_back(r);
  }
  for (std::uint32_t market : MarketsOf(v)) {
    const auto& members = market_members_[market];
    out.insert(out.end(), members.begin(), members.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  out.erase(std::remove(out.begin(), out.end(), v), out.end());
  return out;
}

RivalFinder::RivalFinder(const RivalIndex& index)
    : index_(index),
      stamp_(index.offsets_.size(), 0),
      market_stamp_(index.MarketCount(), 0),
      market_count_(index.MarketCount(), 0) {}

std::vector<VertexId> RivalFinder::MembersWithRival(std::span<const VertexId> set) {
  std::vector<VertexId> found;
  if (set.size() < 2) return found;
  if (++token_ == 0) {  // wrapped: clear old stamps
    std::fill(stamp_.begin(), stamp_.end(), 0);
    std::fill(market_stamp_.begin(), market_stamp_.end(), 0);
    token_ = 1;
  }
  for (VertexId v : set) stamp_[v] = token_;
  bool any_market = false;
  // Without markets in the graph, skip the per-member reads of the market offsets.
  for (VertexId v : index_.MarketCount() == 0 ? std::span<const VertexId>() : set) {
    for (std::uint32_t market : index_.MarketsOf(v)) {
      if (market_stamp_[market] != token_) {
        market_stamp_[market] = token_;
        market_count_[market] = 0;
      }
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
      for (std::uint32_t market : index_.MarketsOf(v)) {
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
