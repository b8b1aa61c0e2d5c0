#pragma once
// Builds a PartnershipGraph from rows that readers have already typed, then validates it as a
// whole: unknown endpoints (with "did you mean"), duplicate node definitions that disagree,
// ownership cycles. Problems go to Diagnostics with the row's place; nothing is thrown.
// What it assumes is said too (DESIGN §7): nodes named only in connections, ids that differ
// only by case, free-form types kept as their own or mapped by the user's types table.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/diagnostics.h"
#include "graph/money.h"
#include "graph/partnership_graph.h"

namespace pg {

struct NodeRecord {
  Node node;               ///< node.id set (defaults to the label), roles may be empty
  bool type_given = false; ///< false when the row had no type cell (merging keeps the other's)
  std::uint32_t type_column = 0;  ///< where a free type's cell starts (Location::column), or 0
  std::vector<StrId> markets;     ///< become node.markets and node.tags in AddNode
  std::vector<StrId> tags;
};

/// An edge row as read: the edge (its from and to are left to Build(), which resolves the names
/// below to vertices), its details, and where its cells were for messages.
struct EdgeRecord {
  Edge edge;
  EdgeDetails details;
  StrId from_name = kNoString;  ///< the endpoints as written: a node id or label
  StrId to_name = kNoString;
  std::uint32_t from_column = 0;  ///< where the endpoint's cell starts (Location::column), or 0
  std::uint32_t to_column = 0;
  std::uint32_t type_column = 0;  ///< where a free type's cell starts (details.type_label set)
  /// details.original_amount is stated in details.currency: Build() converts it to
  /// edge.amount_usd with the rates of AddFxRates (an fx table may come after the edges).
  bool convert_amount = false;
  std::uint32_t amount_column = 0;  ///< where the amount's cell starts (Location::column), or 0
};

/// A row of a types table (or `--type-map` file): a free-form wording and what it means. One
/// of `node` and `edge` is set, by the kind of type `maps_to` named.
struct TypeMapping {
  std::optional<NodeType> node;
  std::optional<EdgeType> edge;
  Origin origin;
  std::uint32_t column = 0;  ///< the maps_to cell (Location::column)
};

struct MetricRecord {
  Metric metric;  ///< entity is filled in by Build()
  StrId entity_name = kNoString;
  std::uint32_t entity_column = 0;  ///< where the entity's cell starts (Location::column), or 0
};

class GraphBuilder {
 public:
  explicit GraphBuilder(Diagnostics* diagnostics);

  /// Strings of the records (ids, labels, texts) are interned in the graph's pool.
  StrId Intern(std::string_view text) { return graph_.strings_.Intern(text); }
  /// Interns a batch at once (see StringPool::InternMany).
  void InternMany(std::span<const std::string_view> texts, StrId* ids) { graph_.strings_.InternMany(texts, ids); }
  /// The text of an id interned here, and whether `text` was interned (without adding it).
  std::string_view Text(StrId id) const { return graph_.strings_.View(id); }
  bool FindString(std::string_view text, StrId* id) const { return graph_.strings_.Find(text, id); }
  std::uint32_t AddSource(std::string_view file, std::string_view sheet);
  std::uint32_t AddAttributes(Attributes attributes);
  /// The place of a row, and of one of its cells when `column` (Location::column) is given.
  Location Place(const Origin& origin, std::uint32_t column = 0) const;
  /// Capacity hints for rows still to come. Node and edge arrays may be overestimated (pages
  /// never written cost no memory); `strings` sizes the string index, which is written whole.
  void ReserveNodes(std::size_t nodes, std::size_t strings);
  void ReserveEdges(std::size_t edges);

  /// A node row. A second row with the same id merges into the first: missing fields are
  /// filled, roles/markets/tags united, and any disagreement reported as a warning (a
  /// different type too: it is kept as an extra role). A node first seen untyped (or `other`)
  /// takes the type of a later typed row silently.
  void AddNode(NodeRecord record);
  /// An edge row; its endpoint names are resolved to vertices by Build(), which reports unknown
  /// ones then (a nodes table may come after the edges).
  void AddEdge(const EdgeRecord& record);
  void AddMetric(MetricRecord record) { pending_metrics_.push_back(std::move(record)); }
  /// Rates (USD per unit) for the amounts of edges marked convert_amount; rates added first win
  /// (`--fx` before fx tables). An amount without any rate is an error, one per currency.
  void AddFxRates(const FxRates& rates) { fx_rates_.push_back(rates); }
  /// Maps a free-form type as written (compared by NormaliseTypeWord) to one of ours. Build()
  /// applies the map, so a types sheet may come after the rows it maps; a wording mapped twice
  /// to different types is an error.
  void AddTypeMapping(std::string_view written, const TypeMapping& mapping);
  /// Called when a nodes table was read: from then on, an unknown endpoint that looks like a
  /// typo of a known id or label is an error ("did you mean"); any other becomes a node of type
  /// other, and one warning lists them. Without any nodes table (a Kumu connections-only sheet)
  /// endpoints become nodes of type other, with one note.
  void MarkNodesTableSeen() { nodes_table_seen_ = true; }
  bool NodesTableSeen() const { return nodes_table_seen_; }

  /// Resolves endpoints, builds the topology and checks ownership for cycles and self-loops.
  PartnershipGraph Build();

 private:
  /// Where a free-form type was first used and how many rows use it.
  struct FreeTypeUse {
    Origin first;
    std::uint32_t column = 0;
    std::size_t rows = 0;
  };
  /// An unknown endpoint's fate, decided once per name.
  struct UnknownName {
    std::string suggestion;  ///< a near id or label: every use is an error; empty: created
    VertexId created = kNoVertex;
  };
  VertexId Resolve(StrId name) const;
  VertexId AddImplicitNode(StrId name, const Origin& origin);
  VertexId ResolveEndpoint(StrId name, const Origin& origin, std::uint32_t column);
  /// The closest id or label of the nodes tables to `name`, within a small edit distance.
  std::string NearName(std::string_view name);
  void ReportUnknown(StrId name, const Origin& origin, std::uint32_t column, std::string_view what,
                     std::string_view suggestion);
  void ReportImplicitNodes();
  /// Converts the amounts of edges marked convert_amount; errors for missing or absurd rates.
  void ConvertAmounts();
  /// Resolves every edge's endpoint names, dropping the edges with an unknown one.
  void ResolveEdges();
  bool IsNodeId(StrId name) const;
  void WarnIdsDifferingByCase();
  void NoteFreeType(std::unordered_map<StrId, FreeTypeUse>& uses, StrId label, const Origin& origin,
                    std::uint32_t column);
  /// Groups the free types by wording, says what became of each (mapped: a note; kept: a
  /// warning), and retypes the nodes and edges the user mapped.
  void ApplyTypeMap();
  /// The labels of one kind's free types that the map retypes, with their mapping.
  std::unordered_map<StrId, const TypeMapping*> DecideFreeTypes(const std::unordered_map<StrId, FreeTypeUse>& uses,
                                                                bool edges);
  void MergeNode(Node& kept, const NodeRecord& again);
  /// Appends `items` to the graph's list of markets and tags.
  StrList AddList(std::span<const StrId> items);
  /// `kept` with the items of `more` it lacks (appended anew when there are any).
  StrList UniteList(StrList kept, const std::vector<StrId>& more);
  void CheckOwnershipCycles();
  void CheckSelfLoops();

  Diagnostics* diagnostics_;
  PartnershipGraph graph_;
  /// Until Build(), per edge added: its endpoint names, kept apart from the graph's edges,
  /// whose from/to are vertices. Where the names' cells start (from, to; Location::column) is
  /// kept only for edges with an endpoint that was no node's id when added: only an unknown
  /// name is reported, and a million edges between known nodes need no columns.
  std::vector<std::array<StrId, 2>> endpoints_;
  struct EndpointColumns {
    EdgeId edge;
    std::array<std::uint32_t, 2> columns;
  };
  std::vector<EndpointColumns> endpoint_columns_;  ///< by edge, ascending
  /// Edges whose amount Build() converts, and where the amount's cell starts.
  std::vector<std::pair<EdgeId, std::uint32_t>> conversions_;
  std::vector<FxRates> fx_rates_;
  std::vector<MetricRecord> pending_metrics_;
  /// AddSource's index: "file\0sheet" to the source's number (a workbook may have many sheets).
  std::unordered_map<std::string, std::uint32_t> source_index_;
  bool nodes_table_seen_ = false;
  std::size_t suggestions_left_ = 50;  ///< "did you mean" scans every node; cap it on bad files
  std::unordered_map<StrId, FreeTypeUse> free_node_types_;  ///< by the type as written
  std::unordered_map<StrId, FreeTypeUse> free_edge_types_;
  std::unordered_map<std::string, TypeMapping> type_map_;  ///< by NormaliseTypeWord
  /// Unknown endpoints met by Build(), and the ids and labels of the nodes tables they are
  /// compared with (collected at the first unknown name).
  std::unordered_map<StrId, UnknownName> unknown_names_;
  std::vector<std::string_view> table_names_;
  std::size_t table_node_count_ = 0;
  std::vector<VertexId> implicit_nodes_;
  Location implicit_place_;  ///< where the first of them was named
  bool unchecked_names_ = false;  ///< implicit nodes created past the "did you mean" cap
};

}  // namespace pg
