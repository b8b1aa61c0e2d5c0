#include "analysis/common_ties.h"

#include <algorithm>
#include <map>

namespace pg {
namespace {

struct RoleSpec {
  std::string_view name;
  EdgeType type;
};

constexpr RoleSpec kRoles[kCommonRoleCount] = {
    {"investors", EdgeType::kInvests},
    {"channels", EdgeType::kDistributes},
    {"compute suppliers", EdgeType::kSuppliesCompute},
    {"exclusivity holders", EdgeType::kExclusive},
    {"owners", EdgeType::kOwns},
};

bool IsRoleType(EdgeType type) {
  for (const RoleSpec& role : kRoles) {
    if (role.type == type) return true;
  }
  return false;
}

using PartyEdges = std::map<VertexId, std::vector<EdgeId>>;

/// Counted edges into `node` that pass `keep`, keyed by `key(from)`.
template <typename Keep, typename Key>
PartyEdges Collect(const GraphView& view, VertexId node, Keep keep, Key key) {
  PartyEdges found;
  view.Graph().ForInEdges(node, [&](EdgeId e) {
    const Edge& edge = view.Graph().GetEdge(e);
    if (edge.from == edge.to || !view.Counted(e) || !keep(edge.type)) return;
    found[key(edge.from)].push_back(e);
  });
  for (auto& [party, edges] : found) std::sort(edges.begin(), edges.end());
  return found;
}

void Split(const PartyEdges& a, const PartyEdges& b, std::vector<SharedParty>* shared,
           std::vector<SharedParty>* only_a, std::vector<SharedParty>* only_b) {
  for (const auto& [party, edges] : a) {
    const auto other = b.find(party);
    if (other != b.end()) {
      shared->push_back({party, edges, other->second});
    } else if (only_a) {
      only_a->push_back({party, edges, {}});
    }
  }
  if (!only_b) return;
  for (const auto& [party, edges] : b) {
    if (!a.count(party)) only_b->push_back({party, {}, edges});
  }
}

void SortByName(const PartnershipGraph& graph, std::vector<SharedParty>* parties) {
  std::sort(parties->begin(), parties->end(), [&](const SharedParty& x, const SharedParty& y) {
    return graph.NodeName(x.party) < graph.NodeName(y.party);
  });
}

}  // namespace

CommonTies FindCommonTies(const GraphView& view, VertexId a, VertexId b) {
  const PartnershipGraph& graph = view.Graph();
  CommonTies result;
  result.a = a;
  result.b = b;
  const auto raw = [](VertexId v) { return v; };
  const auto rolled = [&](VertexId v) { return view.Ultimate(v); };
  for (int r = 0; r < kCommonRoleCount; ++r) {
    CommonRole& role = result.roles[r];
    role.name = kRoles[r].name;
    role.edge_type = kRoles[r].type;
    const auto keep = [&](EdgeType type) { return type == role.edge_type; };
    Split(Collect(view, a, keep, raw), Collect(view, b, keep, raw), &role.shared_raw, nullptr, nullptr);
    Split(Collect(view, a, keep, rolled), Collect(view, b, keep, rolled), &role.shared_rolled_up, &role.only_a,
          &role.only_b);
    SortByName(graph, &role.shared_raw);
    SortByName(graph, &role.shared_rolled_up);
    SortByName(graph, &role.only_a);
    SortByName(graph, &role.only_b);
  }
  Split(Collect(view, a, IsRoleType, rolled), Collect(view, b, IsRoleType, rolled), &result.parties, nullptr,
        nullptr);
  SortByName(graph, &result.parties);

  graph.ForOutEdges(a, [&](EdgeId e) {
    if (graph.GetEdge(e).to == b && view.Counted(e)) result.direct.push_back(e);
  });
  if (a != b) {
    graph.ForOutEdges(b, [&](EdgeId e) {
      if (graph.GetEdge(e).to == a && view.Counted(e)) result.direct.push_back(e);
    });
  }
  std::sort(result.direct.begin(), result.direct.end());
  return result;
}

}  // namespace pg
