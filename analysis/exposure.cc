#include "analysis/exposure.h"

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/display_name.h"

namespace pg {
namespace {

struct DimensionSpec {
  ExposureDimensionKind kind;
  std::string_view name;
  EdgeType type;
  std::string_view weight_field;
};

constexpr DimensionSpec kDimensions[kExposureDimensionCount] = {
    {ExposureDimensionKind::kFunding, "funding", EdgeType::kInvests, "amount_usd"},
    {ExposureDimensionKind::kDistribution, "distribution", EdgeType::kDistributes, "revenue_usd"},
    {ExposureDimensionKind::kCompute, "compute", EdgeType::kSuppliesCompute, "amount_usd"},
};

/// The edge types that tie a party to a company: the three dimensions and exclusivity.
bool IsTieType(EdgeType type) {
  return type == EdgeType::kInvests || type == EdgeType::kDistributes || type == EdgeType::kSuppliesCompute ||
         type == EdgeType::kExclusive;
}

int DimensionOf(EdgeType type) {
  for (int d = 0; d < kExposureDimensionCount; ++d) {
    if (kDimensions[d].type == type) return d;
  }
  return -1;
}

double WeightOf(const PartnershipGraph& graph, const Edge& edge, EdgeType type) {
  return type == EdgeType::kDistributes ? graph.Details(edge).revenue_usd : edge.amount_usd;
}

/// The first node on v's chain of controlling parents (v included) that is marked, or kNoVertex.
VertexId MarkedOnChain(const GraphView& view, VertexId v, const std::vector<bool>& marked) {
  const std::size_t limit = view.Graph().NodeCount();
  for (std::size_t step = 0; v != kNoVertex && step <= limit; ++step, v = view.Parent(v)) {
    if (marked[v]) return v;
  }
  return kNoVertex;
}

/// Every node whose ultimate parent is `party` (the party included), in vertex order.
std::vector<std::vector<VertexId>> GroupsByUltimate(const GraphView& view) {
  std::vector<std::vector<VertexId>> groups(view.Graph().NodeCount());
  for (VertexId v = 0; v < groups.size(); ++v) groups[view.Ultimate(v)].push_back(v);
  return groups;
}

/// `node` and everything it controls (children through controlling parents), in vertex order.
std::vector<VertexId> ControlledSet(const GraphView& view, VertexId node) {
  std::vector<VertexId> out;
  for (VertexId v = 0; v < view.Graph().NodeCount(); ++v) {
    if (ControlledBy(view, v, node)) out.push_back(v);
  }
  return out;
}

void AddRivalTies(const GraphView& view, VertexId node, const std::vector<bool>& is_rival,
                  const std::vector<VertexId>& group, ExposureParty* party) {
  const PartnershipGraph& graph = view.Graph();
  const VertexId p = party->party;
  if (is_rival[p]) {
    RivalTie tie{RivalTieKind::kIsRival, p, p};
    graph.ForOutEdges(p, [&](EdgeId e) {
      const Edge& edge = graph.GetEdge(e);
      if (tie.edge == kNoEdge && edge.type == EdgeType::kCompetes && edge.to == node && view.Active(e)) tie.edge = e;
    });
    graph.ForInEdges(p, [&](EdgeId e) {
      const Edge& edge = graph.GetEdge(e);
      if (tie.edge == kNoEdge && edge.type == EdgeType::kCompetes && edge.from == node && view.Active(e)) tie.edge = e;
    });
    if (tie.edge == kNoEdge) {
      const auto mine = graph.Markets(graph.GetNode(node));
      for (StrId market : graph.Markets(graph.GetNode(p))) {
        if (std::find(mine.begin(), mine.end(), market) != mine.end()) {
          tie.market = market;
          break;
        }
      }
    }
    party->ties_to_rivals.push_back(tie);
  }
  for (VertexId member : group) {
    if (member != p && is_rival[member]) party->ties_to_rivals.push_back({RivalTieKind::kOwnsRival, member, member});
  }
  for (VertexId member : group) {
    std::vector<EdgeId> out;
    graph.ForOutEdges(member, [&](EdgeId e) { out.push_back(e); });
    std::sort(out.begin(), out.end());
    for (EdgeId e : out) {
      const Edge& edge = graph.GetEdge(e);
      if (!IsTieType(edge.type) || !view.Counted(e) || edge.to == edge.from) continue;
      const VertexId rival = MarkedOnChain(view, edge.to, is_rival);
      if (rival != kNoVertex) party->ties_to_rivals.push_back({RivalTieKind::kEdge, rival, member, e});
    }
  }
  party->rival_tied = !party->ties_to_rivals.empty();
}

/// One note per funding, distribution or compute edge into `node` that is not current as of the
/// view's date (ended, or planned: Broadcom's compute from 2027), so it is seen to be left out.
std::vector<std::string> NotCurrentNotes(const GraphView& view, VertexId node) {
  const PartnershipGraph& graph = view.Graph();
  std::vector<EdgeId> in;
  graph.ForInEdges(node, [&](EdgeId e) { in.push_back(e); });
  std::sort(in.begin(), in.end());
  std::vector<std::string> notes;
  for (EdgeId e : in) {
    const Edge& edge = graph.GetEdge(e);
    const int d = DimensionOf(edge.type);
    if (d < 0 || edge.from == edge.to || view.TimeOf(e) == EdgeTime::kCurrent) continue;
    const std::string figures = EdgeFigures(graph, edge);
    notes.push_back(fmt::format("{} -{}-> {}{} is {}: {} counts current edges only (as of {})",
                                DisplayName(graph, edge.from), EdgeTypeName(edge.type), DisplayName(graph, edge.to),
                                figures.empty() ? "" : " " + figures, EdgeTimeLabel(edge, view.Options().as_of),
                                kDimensions[d].name, view.Options().as_of.ToString()));
  }
  return notes;
}

}  // namespace

std::string_view WeightBasisName(WeightBasis basis) {
  switch (basis) {
    case WeightBasis::kAmount: return "amount";
    case WeightBasis::kCount: return "count";
    case WeightBasis::kNone: break;
  }
  return "none";
}

bool ControlledBy(const GraphView& view, VertexId v, VertexId ancestor) {
  const std::size_t limit = view.Graph().NodeCount();
  for (std::size_t step = 0; v != kNoVertex && step <= limit; ++step, v = view.Parent(v)) {
    if (v == ancestor) return true;
  }
  return false;
}

Exposure ComputeExposure(const GraphView& view, VertexId node) {
  const PartnershipGraph& graph = view.Graph();
  Exposure result;
  result.node = node;
  result.rivals = view.Rivals().RivalsOf(node);
  std::vector<bool> is_rival(graph.NodeCount(), false);
  for (VertexId r : result.rivals) is_rival[r] = true;
  const VertexId own_group = view.Ultimate(node);

  for (int d = 0; d < kExposureDimensionCount; ++d) {
    ExposureDimension& dimension = result.dimensions[d];
    dimension.kind = kDimensions[d].kind;
    dimension.name = kDimensions[d].name;
    dimension.edge_type = kDimensions[d].type;
    dimension.weight_field = kDimensions[d].weight_field;
  }

  // Parties: edges into the node and into what it controls.
  std::unordered_map<VertexId, std::size_t> party_index;
  for (VertexId target : ControlledSet(view, node)) {
    std::vector<EdgeId> in;
    graph.ForInEdges(target, [&](EdgeId e) { in.push_back(e); });
    std::sort(in.begin(), in.end());
    for (EdgeId e : in) {
      const Edge& edge = graph.GetEdge(e);
      if (!IsTieType(edge.type) || !view.Counted(e) || edge.from == edge.to) continue;
      const VertexId party = view.Ultimate(edge.from);
      if (party == own_group) continue;  // internal
      auto [it, added] = party_index.emplace(party, result.parties.size());
      if (added) result.parties.push_back(ExposureParty{party});
      result.parties[it->second].ties_to_node.push_back(e);
      const int d = DimensionOf(edge.type);
      if (target == node && d >= 0) result.dimensions[d].edges.push_back(e);
    }
  }

  const std::vector<std::vector<VertexId>> groups = GroupsByUltimate(view);
  for (ExposureParty& party : result.parties) {
    std::sort(party.ties_to_node.begin(), party.ties_to_node.end());
    AddRivalTies(view, node, is_rival, groups[party.party], &party);
  }

  // Shares per dimension.
  double score_sum = 0;
  for (ExposureDimension& dimension : result.dimensions) {
    std::sort(dimension.edges.begin(), dimension.edges.end());
    dimension.edge_count = dimension.edges.size();
    for (EdgeId e : dimension.edges) {
      const double w = WeightOf(graph, graph.GetEdge(e), dimension.edge_type);
      if (Known(w)) {
        ++dimension.edges_with_weight;
        dimension.known_weight += w;
      }
    }
    if (dimension.edges.empty()) continue;
    dimension.basis =
        dimension.edges_with_weight == dimension.edge_count ? WeightBasis::kAmount : WeightBasis::kCount;
    for (EdgeId e : dimension.edges) {
      const Edge& edge = graph.GetEdge(e);
      const double w = dimension.basis == WeightBasis::kAmount ? WeightOf(graph, edge, dimension.edge_type) : 1.0;
      ExposureParty& party = result.parties[party_index.at(view.Ultimate(edge.from))];
      double& party_weight = party.weight[static_cast<int>(dimension.kind)];
      party_weight = Known(party_weight) ? party_weight + w : w;
      dimension.total += w;
      if (party.rival_tied) dimension.rival_tied += w;
    }
    // All amounts zero: nothing to divide; fall back to counting so the share stays defined.
    if (dimension.total <= 0) {
      dimension.basis = WeightBasis::kCount;
      dimension.total = static_cast<double>(dimension.edge_count);
      dimension.rival_tied = 0;
      for (ExposureParty& party : result.parties) party.weight[static_cast<int>(dimension.kind)] = kMissing;
      for (EdgeId e : dimension.edges) {
        ExposureParty& party = result.parties[party_index.at(view.Ultimate(graph.GetEdge(e).from))];
        double& party_weight = party.weight[static_cast<int>(dimension.kind)];
        party_weight = Known(party_weight) ? party_weight + 1 : 1;
        if (party.rival_tied) dimension.rival_tied += 1;
      }
    }
    dimension.share = dimension.rival_tied / dimension.total;
    score_sum += dimension.share;
    ++result.scored_dimensions;
  }
  if (result.scored_dimensions > 0) result.score = score_sum / result.scored_dimensions;

  std::stable_sort(result.parties.begin(), result.parties.end(), [&](const ExposureParty& a, const ExposureParty& b) {
    if (a.rival_tied != b.rival_tied) return a.rival_tied;
    return graph.NodeName(a.party) < graph.NodeName(b.party);
  });

  result.notes = NotCurrentNotes(view, node);
  for (const ExposureParty& party : result.parties) {
    std::vector<std::string> notes = NoteConflicts(view, party.ties_to_node).notes;
    result.notes.insert(result.notes.end(), std::make_move_iterator(notes.begin()),
                        std::make_move_iterator(notes.end()));
  }
  return result;
}

}  // namespace pg
