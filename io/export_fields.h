#pragma once
// The one description of what the graph exports (GraphML, GEXF, Neo4j, node-link JSON) say
// about a node and an edge: each field's name and type, then the kept attribute columns as
// text. Every format declares these same columns in this order; a format only decides how to
// spell a type. A value that is not known is absent (never 0 or ""); the node id and the
// edge's ends are not fields, since every format has its own place for them.
//
// Node fields: label (the id when no label was given), type, roles (all of them, `|`-joined),
// markets, tags, description, source. Edge fields: type, direction (directed|undirected),
// amount_usd, amount_qualifier (up to|approximately|at least), original_amount, currency,
// stake_pct and share_pct (fractions 0..1, as in the JSON model), revenue_usd, capacity_gw,
// start, end, reported (dates as text with their own precision), scope, source, confidence
// (0..1), note, status.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/partnership_graph.h"

namespace pg {

enum class FieldType : std::uint8_t {
  kString,
  kDouble,
  kList,  ///< several strings, `|`-joined in ExportValue::text
};

struct ExportField {
  std::string name;
  FieldType type = FieldType::kString;
};

struct ExportValue {
  bool present = false;
  double number = 0;  ///< kDouble
  std::string text;   ///< kString, kList (`|`-joined)
};

/// How a double is written in the exports: the shortest text that reads back to it.
std::string ExportNumber(double value);

class ExportSchema {
 public:
  explicit ExportSchema(const PartnershipGraph& graph);

  const std::vector<ExportField>& NodeFields() const { return node_fields_; }
  const std::vector<ExportField>& EdgeFields() const { return edge_fields_; }
  /// One value per NodeFields() entry (the vector is resized and reused across calls).
  void NodeValues(VertexId v, std::vector<ExportValue>* values) const;
  void EdgeValues(EdgeId e, std::vector<ExportValue>* values) const;

 private:
  void AddAttributeFields(const std::vector<std::uint32_t>& sets, std::vector<ExportField>* fields,
                          std::unordered_map<StrId, std::size_t>* slots);
  void PutAttributes(std::uint32_t set, const std::unordered_map<StrId, std::size_t>& slots,
                     std::vector<ExportValue>* values) const;

  const PartnershipGraph& graph_;
  std::vector<ExportField> node_fields_, edge_fields_;
  std::unordered_map<StrId, std::size_t> node_slots_, edge_slots_;  ///< attribute key -> field
};

}  // namespace pg
