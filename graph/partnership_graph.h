#pragma once
// The owning core: nodes, edges and metrics with their provenance, the topology as a Boost
// compressed-sparse-row graph (bidirectional, parallel edges kept), and the id index.
// The graph is built once by GraphBuilder and then only read; algorithms live in analysis/.

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>

#include "graph/date.h"
#include "graph/string_pool.h"
#include "graph/types.h"

namespace pg {

using VertexId = std::uint32_t;
using EdgeId = std::uint32_t;
inline constexpr VertexId kNoVertex = std::numeric_limits<VertexId>::max();
inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
inline bool Known(double value) { return !std::isnan(value); }

/// A file (and sheet, for workbooks) that rows came from.
struct SourceFile {
  std::string file;
  std::string sheet;
};

/// Where a row came from: index into PartnershipGraph::Sources() and its line (or sheet row).
struct Origin {
  std::uint32_t source = 0;
  std::uint32_t line = 0;
};

/// Unknown columns of a row, kept so they survive every round trip.
using Attributes = std::vector<std::pair<StrId, StrId>>;

struct Node {
  StrId id = kNoString;
  StrId label = kNoString;
  NodeType type = NodeType::kOther;
  /// The type as written when it is not one of ours (`Neocloud`, `Government`); kNoString when
  /// the type cell named a canonical type or a known synonym.
  StrId type_label = kNoString;
  RoleSet roles = 0;  ///< always includes the bit of `type`
  std::vector<StrId> markets;
  std::vector<StrId> tags;
  StrId description = kNoString;
  StrId source = kNoString;
  std::uint32_t attributes = 0;  ///< index into PartnershipGraph::AttributeSet(); 0 = none
  Origin origin;
};

/// The figures and texts most edges lack, kept apart so that a million plain edges stay small
/// (56 bytes an edge instead of 96). Index 0 of PartnershipGraph's table is "none given".
struct EdgeDetails {
  double stake_pct = kMissing;  ///< fraction 0..1
  double share_pct = kMissing;  ///< fraction 0..1: the channel's take
  double revenue_usd = kMissing;
  double capacity_gw = kMissing;
  Date reported;
  StrId scope = kNoString;
  StrId note = kNoString;
  std::uint32_t attributes = 0;
  /// The type as written when it is not one of ours (`licenses`): the edge is then `partners`
  /// to the passes but keeps its own name in lists and diagrams. kNoString otherwise.
  StrId type_label = kNoString;
  /// The amount as stated before conversion to USD (`€15M` -> 15e6 and "EUR"); currency is
  /// kNoString for amounts given in dollars.
  double original_amount = kMissing;
  StrId currency = kNoString;
  AmountQualifier qualifier = AmountQualifier::kExact;
  DealStatus status = DealStatus::kUnknown;

  bool Empty() const {
    return !Known(stake_pct) && !Known(share_pct) && !Known(revenue_usd) && !Known(capacity_gw) &&
           !reported.Known() && scope == kNoString && note == kNoString && attributes == 0 &&
           type_label == kNoString && !Known(original_amount) && currency == kNoString &&
           qualifier == AmountQualifier::kExact && status == DealStatus::kUnknown;
  }
};

struct Edge {
  VertexId from = kNoVertex;
  VertexId to = kNoVertex;
  EdgeType type = EdgeType::kPartners;
  bool directed = true;  ///< false for a Kumu `undirected`/`mutual` row
  double amount_usd = kMissing;
  double confidence = kMissing;  ///< 0..1
  Date start, end;
  StrId source = kNoString;
  std::uint32_t details = 0;  ///< index into PartnershipGraph's details; 0 = none given
  Origin origin;
};

struct Metric {
  VertexId entity = kNoVertex;
  StrId metric = kNoString;
  double value = kMissing;
  StrId unit = kNoString;
  Date as_of;
  StrId basis = kNoString;
  StrId source = kNoString;
  double confidence = kMissing;
  StrId note = kNoString;
  std::uint32_t attributes = 0;
  Origin origin;
};

class PartnershipGraph {
 public:
  /// Out- and in-edges in compact arrays; the edge bundle is the EdgeId into Edges().
  using Topology = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property,
                                                      EdgeId, boost::no_property, VertexId, EdgeId>;

  PartnershipGraph() = default;
  PartnershipGraph(PartnershipGraph&&) = default;
  PartnershipGraph& operator=(PartnershipGraph&&) = default;

  std::size_t NodeCount() const { return nodes_.size(); }
  std::size_t EdgeCount() const { return edges_.size(); }
  const Node& GetNode(VertexId v) const { return nodes_[v]; }
  const Edge& GetEdge(EdgeId e) const { return edges_[e]; }
  /// Stake, take, revenue, capacity, reported date, scope, note and kept attributes of an edge.
  const EdgeDetails& Details(const Edge& edge) const { return edge_details_[edge.details]; }
  const std::vector<Node>& Nodes() const { return nodes_; }
  const std::vector<Edge>& Edges() const { return edges_; }
  const std::vector<Metric>& Metrics() const { return metrics_; }
  const Topology& Topo() const { return topology_; }

  /// Looks a node up by id, then by label. nullopt when neither matches.
  std::optional<VertexId> FindNode(std::string_view id_or_label) const;
  /// "did you mean" for an unknown name: the closest id or label, or empty.
  std::string SpellcheckNode(std::string_view name) const;

  std::string_view Text(StrId id) const { return strings_.View(id); }
  std::string_view NodeName(VertexId v) const { return strings_.View(nodes_[v].id); }
  /// The label when there is one, else the id.
  std::string_view NodeLabel(VertexId v) const;
  /// Whether typing v's label (or its id, when it has none) finds v and no other node: what
  /// FindNode(NodeLabel(v)) == v answers, from the indexes without hashing the text.
  bool LabelFindsNode(VertexId v) const;
  const SourceFile& Source(std::uint32_t index) const { return sources_[index]; }
  const std::vector<SourceFile>& Sources() const { return sources_; }
  const Attributes& AttributeSet(std::uint32_t index) const { return attribute_sets_[index]; }
  const StringPool& Strings() const { return strings_; }

  /// Edge ids leaving / entering v (all types).
  template <typename Fn> void ForOutEdges(VertexId v, Fn&& fn) const {
    for (auto e : boost::make_iterator_range(boost::out_edges(v, topology_))) fn(topology_[e]);
  }
  template <typename Fn> void ForInEdges(VertexId v, Fn&& fn) const {
    for (auto e : boost::make_iterator_range(boost::in_edges(v, topology_))) fn(topology_[e]);
  }

 private:
  friend class GraphBuilder;
  friend class SnapshotCodec;  // io/snapshot_codec.cc: writes and restores these members whole

  StringPool strings_;
  std::vector<SourceFile> sources_;
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::vector<EdgeDetails> edge_details_{EdgeDetails{}};
  std::vector<Metric> metrics_;
  std::vector<Attributes> attribute_sets_{Attributes{}};
  std::vector<VertexId> vertex_by_id_;     ///< indexed by StrId of the node id
  std::vector<VertexId> vertex_by_label_;  ///< indexed by StrId of the label; kNoVertex if ambiguous
  Topology topology_;
};

}  // namespace pg
