#pragma once
// common A B: what two nodes share, and why: the parties on both sides with the edges that put
// them there (graph tools' projections lose exactly this).
//
// Upstream roles, by the edge type that enters the node: investors (`invests`), channels
// (`distributes`), compute suppliers (`supplies_compute`), exclusivity holders (`exclusive`),
// owners (`owns`, any stake). Downstream roles, by the edge type that leaves it: compute
// customers (both supply compute to the same party) and suppliers distributed (both are
// channels of the same supplier: `distributes` runs channel -> supplier). Two levels per role:
// - raw: the same party on both sides (Bedrock distributes OpenAI and Anthropic);
// - rolled up: the same ultimate parent (GraphView::Ultimate) of the parties on both sides, so
//   AWS on one side and Amazon on the other meet at Amazon.
// A role also lists the rolled-up parties found on one side only (AWS supplies Anthropic's
// compute, nobody of Amazon's supplies OpenAI's: compute is not common).
// Across roles: rolled-up parties with any upstream edge into both nodes, whatever the role on
// each side (Amazon: invests + distributes into both, supplies_compute into Anthropic).
// Direct: every edge between A and B, either direction, any type (competes included).
// Edge cases: only counted claims (conflicting claims are never listed as evidence twice);
// edges into the node itself only, not into what it owns; self-loops are ignored; A == B is
// allowed and shares everything (the CLI refuses it).

#include <array>
#include <string_view>
#include <vector>

#include "graph/graph_view.h"

namespace pg {

/// A party found on both sides (or one side) with its evidence edges, in input order.
struct SharedParty {
  VertexId party = kNoVertex;
  std::vector<EdgeId> a_edges;
  std::vector<EdgeId> b_edges;
};

struct CommonRole {
  std::string_view name;  ///< "investors", ..., "owners", "compute customers", "suppliers distributed"
  EdgeType edge_type = EdgeType::kInvests;
  bool downstream = false;  ///< the party is at the far end of the node's out-edges
  std::vector<SharedParty> shared_raw;        ///< same source node, sorted by id
  std::vector<SharedParty> shared_rolled_up;  ///< same ultimate parent, sorted by id
  std::vector<SharedParty> only_a;            ///< rolled up, A's side only (b_edges empty)
  std::vector<SharedParty> only_b;            ///< rolled up, B's side only (a_edges empty)
};

inline constexpr int kCommonRoleCount = 7;

struct CommonTies {
  VertexId a = kNoVertex;
  VertexId b = kNoVertex;
  std::array<CommonRole, kCommonRoleCount> roles;
  std::vector<SharedParty> parties;  ///< rolled up, across roles, sorted by id
  std::vector<EdgeId> direct;        ///< edges between A and B, in input order
};

/// What `a` and `b` share (see the definitions above). Pure: reads the view, prints nothing.
CommonTies FindCommonTies(const GraphView& view, VertexId a, VertexId b);

}  // namespace pg
