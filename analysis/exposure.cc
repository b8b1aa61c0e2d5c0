#include "analysis/exposure.h"

#include <algorithm>
#include <functional>
#include <iterator>
#include <span>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/display_name.h"
#include "graph/local_view.h"

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

/// Where each party (by vertex) sits in Exposure::parties.
using PartyIndex = std::unordered_map<VertexId, std::size_t>;

/// The first node on v's chain of controlling parents (v included) that `marked` says yes to,
/// or kNoVertex; a cycle ends the walk.
VertexId MarkedOnChain(LocalView& local, VertexId v, const std::function<bool(VertexId)>& marked) {
  std::unordered_set<VertexId> seen;
  for (; v != kNoVertex && seen.insert(v).second; v = local.Parent(v)) {
    if (marked(v)) return v;
  }
  return kNoVertex;
}

/// For each party that is itself a rival, its kIsRival tie: the first current `competes` edge
/// from it to `node`, else from `node` to it, else the first of its markets `node` is in too.
/// Found from node's edges, so a rival with 50,000 edges of its own is not read.
void AddIsRivalTies(const LocalView& local, VertexId node, const std::function<bool(VertexId)>& is_rival,
                    Exposure* result) {
  const PartnershipGraph& graph = local.Graph();
  std::unordered_map<VertexId, EdgeId> to_node, from_node;  // the other end -> first edge
  auto note = [&](EdgeId e, VertexId other, std::unordered_map<VertexId, EdgeId>& first) {
    const Edge& edge = graph.GetEdge(e);
    if (edge.type != EdgeType::kCompetes || !local.Active(e)) return;
    auto [at, added] = first.emplace(other, e);
    if (!added) at->second = std::min(at->second, e);
  };
  graph.ForInEdges(node, [&](EdgeId e) { note(e, graph.GetEdge(e).from, to_node); });
  graph.ForOutEdges(node, [&](EdgeId e) { note(e, graph.GetEdge(e).to, from_node); });
  for (ExposureParty& party : result->parties) {
    const VertexId p = party.party;
    if (!is_rival(p)) continue;
    RivalTie tie{RivalTieKind::kIsRival, p, p};
    if (const auto at = to_node.find(p); at != to_node.end()) {
      tie.edge = at->second;
    } else if (const auto back = from_node.find(p); back != from_node.end()) {
      tie.edge = back->second;
    } else {
      const std::span<const StrId> mine = graph.Markets(graph.GetNode(node));
      for (StrId market : graph.Markets(graph.GetNode(p))) {
        if (std::find(mine.begin(), mine.end(), market) != mine.end()) {
          tie.market = market;
          break;
        }
      }
    }
    party.ties_to_rivals.push_back(tie);
  }
}

/// AddRivalTies' answer for every party at once, found from the rivals' side: a party is a
/// rival, owns one, or a member of its group has a counted tie edge into `rival_controlled`
/// (the rivals and what they control). Reads those nodes' in-edges instead of every group
/// member's out-edges: a party that invests in 50,000 companies costs nothing here.
void AddRivalTiesFromRivals(LocalView& local, const ClaimSet& claims, std::span<const VertexId> rival_controlled,
                            const PartyIndex& party_index, Exposure* result) {
  const PartnershipGraph& graph = local.Graph();
  const std::vector<VertexId>& rivals = result->rivals;
  const std::function<bool(VertexId)> is_rival = [&](VertexId v) {
    return std::binary_search(rivals.begin(), rivals.end(), v);
  };
  AddIsRivalTies(local, result->node, is_rival, result);
  for (VertexId r : rivals) {
    const VertexId owner = local.Ultimate(r);
    const auto at = party_index.find(owner);
    if (owner != r && at != party_index.end()) {
      result->parties[at->second].ties_to_rivals.push_back({RivalTieKind::kOwnsRival, r, r});
    }
  }
  std::vector<std::tuple<std::size_t, VertexId, EdgeId, VertexId>> edge_ties;  // party, member, edge, target
  for (VertexId target : rival_controlled) {
    graph.ForInEdges(target, [&](EdgeId e) {
      const Edge& edge = graph.GetEdge(e);
      if (!IsTieType(edge.type) || !claims.Counted(e) || edge.from == edge.to) return;
      const auto at = party_index.find(local.Ultimate(edge.from));
      if (at != party_index.end()) edge_ties.emplace_back(at->second, edge.from, e, target);
    });
  }
  std::sort(edge_ties.begin(), edge_ties.end());
  for (const auto& [index, member, e, target] : edge_ties) {
    result->parties[index].ties_to_rivals.push_back(
        {RivalTieKind::kEdge, MarkedOnChain(local, target, is_rival), member, e});
  }
  for (ExposureParty& party : result->parties) party.rival_tied = !party.ties_to_rivals.empty();
}

/// One note per funding, distribution or compute edge into `node` that is not current as of
/// `as_of` (ended, or planned: Broadcom's compute from 2027), so it is seen to be left out.
std::vector<std::string> NotCurrentNotes(const PartnershipGraph& graph, Date as_of, VertexId node) {
  std::vector<EdgeId> in;
  graph.ForInEdges(node, [&](EdgeId e) { in.push_back(e); });
  std::sort(in.begin(), in.end());
  std::vector<std::string> notes;
  for (EdgeId e : in) {
    const Edge& edge = graph.GetEdge(e);
    const int d = DimensionOf(edge.type);
    if (d < 0 || edge.from == edge.to || EdgeTimeAsOf(edge, as_of) == EdgeTime::kCurrent) continue;
    const std::string figures = EdgeFigures(graph, edge);
    notes.push_back(fmt::format("{} -{}-> {}{} is {}: {} counts current edges only (as of {})",
                                DisplayName(graph, edge.from), EdgeTypeName(edge.type), DisplayName(graph, edge.to),
                                figures.empty() ? "" : " " + figures, EdgeTimeLabel(edge, as_of), kDimensions[d].name,
                                as_of.ToString()));
  }
  return notes;
}

/// An empty result for `node`: the dimensions named, nothing counted yet.
Exposure StartExposure(VertexId node, Date as_of, std::vector<VertexId> rivals) {
  Exposure result;
  result.node = node;
  result.as_of = as_of;
  result.rivals = std::move(rivals);
  for (int d = 0; d < kExposureDimensionCount; ++d) {
    ExposureDimension& dimension = result.dimensions[d];
    dimension.kind = kDimensions[d].kind;
    dimension.name = kDimensions[d].name;
    dimension.edge_type = kDimensions[d].type;
    dimension.weight_field = kDimensions[d].weight_field;
  }
  return result;
}

/// The parties: ultimate parents of the sources of counted tie edges into `controlled` (the node
/// and what it controls, sorted), each with those edges; the node's own group is internal.
/// False when `ultimate` cannot name a source's party (kNoVertex).
bool CollectParties(const PartnershipGraph& graph, std::span<const VertexId> controlled, VertexId own_group,
                    const std::function<bool(EdgeId)>& counted, const std::function<VertexId(VertexId)>& ultimate,
                    Exposure* result, PartyIndex* party_index) {
  for (VertexId target : controlled) {
    std::vector<EdgeId> in;
    graph.ForInEdges(target, [&](EdgeId e) { in.push_back(e); });
    std::sort(in.begin(), in.end());
    for (EdgeId e : in) {
      const Edge& edge = graph.GetEdge(e);
      if (!IsTieType(edge.type) || !counted(e) || edge.from == edge.to) continue;
      const VertexId party = ultimate(edge.from);
      if (party == kNoVertex) return false;
      if (party == own_group) continue;  // internal
      auto [it, added] = party_index->emplace(party, result->parties.size());
      if (added) result->parties.push_back(ExposureParty{party});
      result->parties[it->second].ties_to_node.push_back(e);
      const int d = DimensionOf(edge.type);
      if (target == result->node && d >= 0) result->dimensions[d].edges.push_back(e);
    }
  }
  for (ExposureParty& party : result->parties) std::sort(party.ties_to_node.begin(), party.ties_to_node.end());
  return true;
}

/// Shares per dimension, the score, the parties' order and the notes, once every party's ties
/// are known.
void Conclude(const PartnershipGraph& graph, const ClaimSet& claims, const PartyIndex& party_index,
              const std::function<VertexId(VertexId)>& ultimate, Exposure* result) {
  auto party_of = [&](EdgeId e) -> ExposureParty& {
    return result->parties[party_index.at(ultimate(graph.GetEdge(e).from))];
  };
  double score_sum = 0;
  for (ExposureDimension& dimension : result->dimensions) {
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
      const double w = dimension.basis == WeightBasis::kAmount ? WeightOf(graph, graph.GetEdge(e), dimension.edge_type) : 1.0;
      ExposureParty& party = party_of(e);
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
      for (ExposureParty& party : result->parties) party.weight[static_cast<int>(dimension.kind)] = kMissing;
      for (EdgeId e : dimension.edges) {
        ExposureParty& party = party_of(e);
        double& party_weight = party.weight[static_cast<int>(dimension.kind)];
        party_weight = Known(party_weight) ? party_weight + 1 : 1;
        if (party.rival_tied) dimension.rival_tied += 1;
      }
    }
    dimension.share = dimension.rival_tied / dimension.total;
    score_sum += dimension.share;
    ++result->scored_dimensions;
  }
  if (result->scored_dimensions > 0) result->score = score_sum / result->scored_dimensions;

  std::stable_sort(result->parties.begin(), result->parties.end(),
                   [&](const ExposureParty& a, const ExposureParty& b) {
                     if (a.rival_tied != b.rival_tied) return a.rival_tied;
                     return graph.NodeName(a.party) < graph.NodeName(b.party);
                   });

  result->notes = NotCurrentNotes(graph, result->as_of, result->node);
  for (const ExposureParty& party : result->parties) {
    std::vector<std::string> notes = NoteConflicts(graph, claims, party.ties_to_node).notes;
    result->notes.insert(result->notes.end(), std::make_move_iterator(notes.begin()),
                         std::make_move_iterator(notes.end()));
  }
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
  Exposure result = StartExposure(node, view.Options().as_of, view.Rivals().RivalsOf(node));
  std::vector<bool> is_rival(graph.NodeCount(), false);
  for (VertexId r : result.rivals) is_rival[r] = true;

  // Parties: edges into the node and into what it controls.
  auto counted = [&](EdgeId e) { return view.Counted(e); };
  auto ultimate = [&](VertexId v) { return view.Ultimate(v); };
  PartyIndex party_index;
  CollectParties(graph, ControlledSet(view, node), view.Ultimate(node), counted, ultimate, &result, &party_index);

  const std::vector<std::vector<VertexId>> groups = GroupsByUltimate(view);
  for (ExposureParty& party : result.parties) AddRivalTies(view, node, is_rival, groups[party.party], &party);
  Conclude(graph, view.Claims(), party_index, ultimate, &result);
  return result;
}

Exposure ComputeExposure(const PartnershipGraph& graph, Date as_of, VertexId node) {
  LocalView local(graph, as_of);
  const VertexId own_group = local.Ultimate(node);
  // A cycle of controlling parents as of the date: GraphView's roll-up there is the reference.
  auto whole_graph = [&] { return ComputeExposure(GraphView(graph, ViewOptions{as_of}), node); };
  if (own_group == kNoVertex) return whole_graph();
  Exposure result = StartExposure(node, as_of, local.RivalsOf(node));

  const std::vector<VertexId> controlled = local.Controlled(node);
  std::vector<VertexId> rival_controlled;
  for (VertexId r : result.rivals) {
    const std::vector<VertexId> under = local.Controlled(r);
    rival_controlled.insert(rival_controlled.end(), under.begin(), under.end());
  }
  std::sort(rival_controlled.begin(), rival_controlled.end());
  rival_controlled.erase(std::unique(rival_controlled.begin(), rival_controlled.end()), rival_controlled.end());
  std::vector<VertexId> targets;
  std::set_union(controlled.begin(), controlled.end(), rival_controlled.begin(), rival_controlled.end(),
                 std::back_inserter(targets));
  const ClaimSet claims(graph, targets, as_of);

  auto counted = [&](EdgeId e) { return claims.Counted(e); };
  auto ultimate = [&](VertexId v) { return local.Ultimate(v); };
  PartyIndex party_index;
  if (!CollectParties(graph, controlled, own_group, counted, ultimate, &result, &party_index)) return whole_graph();
  AddRivalTiesFromRivals(local, claims, rival_controlled, party_index, &result);
  Conclude(graph, claims, party_index, ultimate, &result);
  return result;
}

}  // namespace pg
