#pragma once
// exposure NODE: how much of a company's funding, distribution and compute comes from parties
// that also serve its rivals?
//
// Definitions, for company X with rivals R(X) = RivalIndex::RivalsOf(X):
// - A *party* is the ultimate parent P (GraphView::Ultimate) of the source of a counted
//   `invests`, `distributes`, `supplies_compute` or `exclusive` edge into X, or into a node X
//   controls (X on its chain of controlling parents: Frontier for OpenAI). P's *group* is P and
//   every node whose ultimate parent is P (what P owns).
// - P is *rival-tied* when a member of its group has a counted `invests`, `distributes`,
//   `supplies_compute` or `exclusive` edge into some r in R(X) or into a node r controls (AWS's
//   exclusivity over Frontier ties Amazon to OpenAI), or when P is itself in R(X), or P's group
//   contains some r in R(X) (P owns a rival).
// - Dimensions: funding = `invests` into X, distribution = `distributes` into X, compute =
//   `supplies_compute` into X (into X itself, not its subsidiaries). Weight per edge is
//   amount_usd (funding, compute) or revenue_usd (distribution).
// - Basis, per dimension: "amount" when every counted edge of the dimension has its weight;
//   "count" (each edge weighs 1) as soon as one edge lacks it, because summing the known amounts
//   would silently give the unpriced edges weight 0 (OpenAI's compute: Oracle $30B, Stargate
//   unpriced -> count), and also when all the amounts are zero (nothing to divide by). "none"
//   when the dimension has no edges; its share is then NaN.
// - rival-tied share = weight from rival-tied parties / all weight, 0..1.
// - score = the mean of the shares of the dimensions that have data (NaN when none has); every
//   such dimension weighs the same, whatever its basis.
// Edge cases: only the counted claim of each fact (GraphView::Counted) is used, so conflicting
// claims are never summed (they are listed in `notes`); separate tranches add up. Self-loops and
// edges from X's own group (Ultimate(from) == Ultimate(X)) are internal and left out.
// Time: only edges current as of the view's date count (GraphView::Active): compute planned
// from 2027 is not supply in 2026. Each funding, distribution or compute edge into X that has
// ended or is planned gets a note ("... is planned from 2027: compute counts current edges
// only"), so it is never dropped silently. Chains of
// controlling parents are walked at most NodeCount() steps, so an ownership cycle cannot hang.

#include <array>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_view.h"

namespace pg {

inline constexpr EdgeId kNoEdge = std::numeric_limits<EdgeId>::max();

enum class WeightBasis : std::uint8_t { kNone, kAmount, kCount };
/// "none", "amount", "count".
std::string_view WeightBasisName(WeightBasis basis);

enum class ExposureDimensionKind : std::uint8_t { kFunding, kDistribution, kCompute };
inline constexpr int kExposureDimensionCount = 3;

/// One dimension of exposure (funding, distribution or compute).
struct ExposureDimension {
  ExposureDimensionKind kind = ExposureDimensionKind::kFunding;
  std::string_view name;          ///< "funding", "distribution", "compute"
  EdgeType edge_type = EdgeType::kInvests;
  std::string_view weight_field;  ///< "amount_usd" or "revenue_usd"
  WeightBasis basis = WeightBasis::kNone;
  double total = 0;               ///< all weight (USD, or edges on the count basis)
  double rival_tied = 0;          ///< weight from rival-tied parties
  double share = kMissing;        ///< rival_tied / total; NaN when basis is none
  std::size_t edge_count = 0;
  std::size_t edges_with_weight = 0;
  double known_weight = 0;        ///< sum of the weights that are known (USD), whatever the basis
  std::vector<EdgeId> edges;      ///< counted edges into X, in input order
};

enum class RivalTieKind : std::uint8_t {
  kEdge,       ///< a group member's edge into the rival (or into something the rival controls)
  kIsRival,    ///< the party is itself a rival of X
  kOwnsRival,  ///< the party's group contains a rival of X
};

/// Why a party is rival-tied.
struct RivalTie {
  RivalTieKind kind = RivalTieKind::kEdge;
  VertexId rival = kNoVertex;
  VertexId via = kNoVertex;  ///< the group member with the edge (kEdge) or the rival itself
  EdgeId edge = kNoEdge;     ///< kEdge: the edge; kIsRival: a competes edge if any
  StrId market = kNoString;  ///< kIsRival without a competes edge: the shared market
};

/// A party (ultimate parent) with edges into X.
struct ExposureParty {
  VertexId party = kNoVertex;
  bool rival_tied = false;
  /// Weight in each dimension, on that dimension's basis; NaN when the party has no edge in it.
  std::array<double, kExposureDimensionCount> weight{kMissing, kMissing, kMissing};
  std::vector<EdgeId> ties_to_node;  ///< counted edges from the group into X or what X controls
  std::vector<RivalTie> ties_to_rivals;
};

struct Exposure {
  VertexId node = kNoVertex;
  Date as_of;                    ///< the date edges are current as of (unknown: every edge is)
  std::vector<VertexId> rivals;  ///< R(X), sorted by vertex
  std::array<ExposureDimension, kExposureDimensionCount> dimensions;
  double score = kMissing;       ///< mean share of the dimensions with data
  int scored_dimensions = 0;
  /// Rival-tied parties first, then by node id.
  std::vector<ExposureParty> parties;
  /// Conflicting claims left uncounted, one line each (evidence.h wording).
  std::vector<std::string> notes;
};

/// The exposure of `node` (see the definitions above). Pure: reads the view, prints nothing.
Exposure ComputeExposure(const GraphView& view, VertexId node);
/// The same answer read from node's neighbourhood alone, without a GraphView: node's edges, what
/// it controls, its rivals and the in-edges of what they control, the parents of the parties.
/// For one query on a big graph (`exposure NODE`: ~3 ms on a million edges, where building the
/// view alone takes ~20 ms). On a cycle of controlling parents as of `as_of` among the node and its
/// parties' chains it builds the GraphView and answers from it (local_view.h says why).
Exposure ComputeExposure(const PartnershipGraph& graph, Date as_of, VertexId node);

/// True when `ancestor` is `v` or on v's chain of controlling parents (bounded walk).
bool ControlledBy(const GraphView& view, VertexId v, VertexId ancestor);

}  // namespace pg
