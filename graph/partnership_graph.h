#pragma once
// The owning core: nodes, edges and metrics with their provenance, the topology in
// compressed-sparse-row form (graph/topology.h: both directions, parallel edges kept), and the id
// index. The graph is built once by GraphBuilder, or pointed at a snapshot's mapped arrays
// (graph/column.h), and then only read; algorithms live in analysis/.

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <span>

#include "graph/column.h"
#include "graph/date.h"
#include "graph/string_pool.h"
#include "graph/topology.h"
#include "graph/types.h"

namespace pg {

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

/// An unknown column of a row and its value, kept so it survives every round trip.
struct Attribute {
  StrId key = kNoString;
  StrId value = kNoString;
};
/// A row's unknown columns, as GraphBuilder::AddAttributes takes them.
using Attributes = std::vector<Attribute>;

/// A node's markets or tags: a range of PartnershipGraph's one list of StrIds.
struct StrList {
  std::uint32_t begin = 0;
  std::uint32_t count = 0;
};

struct Node {
  StrId id = kNoString;
  StrId label = kNoString;
  NodeType type = NodeType::kOther;
  /// The type as written when it is not one of ours (`Neocloud`, `Government`); kNoString when
  /// the type cell named a canonical type or a known synonym.
  StrId type_label = kNoString;
  RoleSet roles = 0;  ///< always includes the bit of `type`
  StrList markets;  ///< PartnershipGraph::Markets()
  StrList tags;     ///< PartnershipGraph::Tags()
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
  PartnershipGraph() = default;
  PartnershipGraph(PartnershipGraph&&) = default;
  PartnershipGraph& operator=(PartnershipGraph&&) = default;

  std::size_t NodeCount() const { return nodes_.size(); }
  std::size_t EdgeCount() const { return edges_.size(); }
  const Node& GetNode(VertexId v) const { return nodes_[v]; }
  const Edge& GetEdge(EdgeId e) const { return edges_[e]; }
  /// Stake, take, revenue, capacity, reported date, scope, note and kept attributes of an edge.
  const EdgeDetails& Details(const Edge& edge) const { return edge_details_[edge.details]; }
  std::span<const Node> Nodes() const { return nodes_.Span(); }
  std::span<const Edge> Edges() const { return edges_.Span(); }
  std::span<const Metric> Metrics() const { return metrics_.Span(); }
  /// Out- and in-edges in CSR arrays, with the vertex at the other end of each.
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
  std::span<const Attribute> AttributeSet(std::uint32_t index) const {
    return attributes_.Span().subspan(attribute_starts_[index], attribute_starts_[index + 1] - attribute_starts_[index]);
  }
  std::size_t AttributeSetCount() const { return attribute_starts_.size() - 1; }
  std::span<const StrId> Markets(const Node& node) const { return List(node.markets); }
  std::span<const StrId> Tags(const Node& node) const { return List(node.tags); }
  const StringPool& Strings() const { return strings_; }

  /// Edge ids leaving / entering v (all types).
  template <typename Fn> void ForOutEdges(VertexId v, Fn&& fn) const {
    for (EdgeId e : topology_.out.Edges(v)) fn(e);
  }
  template <typename Fn> void ForInEdges(VertexId v, Fn&& fn) const {
    for (EdgeId e : topology_.in.Edges(v)) fn(e);
  }

 private:
  friend class GraphBuilder;
  friend class SnapshotCodec;  // io/snapshot_codec.cc: writes and restores these members whole

  std::span<const StrId> List(StrList list) const { return node_lists_.Span().subspan(list.begin, list.count); }

  StringPool strings_;
  std::vector<SourceFile> sources_;
  Column<Node> nodes_;
  Column<StrId> node_lists_;  ///< markets and tags of all nodes
  Column<Edge> edges_;
  Column<EdgeDetails> edge_details_{EdgeDetails{}};
  Column<Metric> metrics_;
  Column<std::uint32_t> attribute_starts_{0, 0};  ///< set i is attributes_[starts[i], starts[i + 1])
  Column<Attribute> attributes_;
  Column<VertexId> vertex_by_id_;     ///< indexed by StrId of the node id
  Column<VertexId> vertex_by_label_;  ///< indexed by StrId of the label; kNoVertex if ambiguous
  Topology topology_;
};

}  // namespace pg
