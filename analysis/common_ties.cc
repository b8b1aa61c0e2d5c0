#include "analysis/common_ties.h"
#include "graph/counted_edges.h"

#include <algorithm>
#include <map>

namespace pg {
namespace {

struct RoleSpec {
  std::string_view name;
  EdgeType type;
  bool downstream = false;
};

constexpr RoleSpec kRoles[kCommonRoleCount] = {
    {"investors", EdgeType::kInvests},
    {"channels", EdgeType::kDistributes},
    {"compute suppliers", EdgeType::kSuppliesCompute},
    {"exclusivity holders", EdgeType::kExclusive},
    {"owners", EdgeType::kOwns},
    {"compute customers", EdgeType::kSuppliesCompute, true},
    {"suppliers distributed", EdgeType::kDistributes, true},
};

bool IsUpstreamType(EdgeType type) {
  for (const RoleSpec& role : kRoles) {
    if (role.type == type && !role.downstream) return true;
  }
  return false;
}

using PartyEdges = std::map<VertexId, std::vector<EdgeId>>;

/// Counted edges into `node` (out of it when `downstream`) that pass `keep`, keyed by
/// `key(party at the other end)`.
template <typename Keep, typename Key>
PartyEdges Collect(const GraphView& view, VertexId node, bool downstream, Keep keep, Key key) {
  PartyEdges found;
  auto add = [&](VertexId party, EdgeId e) {
    if (party == node || !keep(view.Graph().GetEdge(e).type)) return;
    found[key(party)].push_back(e);
  };
  if (downstream) {
    ForCountedOut(view, node, add);
  } else {
    ForCountedIn(view, node, add);
  }
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
    role.downstream = kRoles[r].downstream;
    const auto keep = [&](EdgeType type) { return type == role.edge_type; };
    const bool down = role.downstream;
    Split(Collect(view, a, down, keep, raw), Collect(view, b, down, keep, raw), &role.shared_raw, nullptr, nullptr);
    Split(Collect(view, a, down, keep, rolled), Collect(view, b, down, keep, rolled), &role.shared_rolled_up,
          &role.only_a, &role.only_b);
    SortByName(graph, &role.shared_raw);
    SortByName(graph, &role.shared_rolled_up);
    SortByName(graph, &role.only_a);
    SortByName(graph, &role.only_b);
  }
  Split(Collect(view, a, false, IsUpstreamType, rolled), Collect(view, b, false, IsUpstreamType, rolled),
        &result.parties, nullptr, nullptr);
  SortByName(graph, &result.parties);

  ForCountedOut(view, a, [&](VertexId to, EdgeId e) {
    if (to == b) result.direct.push_back(e);
  });
  if (a != b) {
    ForCountedOut(view, b, [&](VertexId to, EdgeId e) {
      if (to == a) result.direct.push_back(e);
    });
  }
  std::sort(result.direct.begin(), result.direct.end());
  return result;
}

}  // namespace pg
