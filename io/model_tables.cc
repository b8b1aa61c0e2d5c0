#include "io/model_tables.h"

#include <algorithm>

#include "graph/money.h"
#include "io/xlsx_reader.h"

namespace pg {
namespace {

TableCell Text(std::string_view text) { return TableCell{std::string(text), false, 0}; }

TableCell Number(double value) {
  if (!Known(value)) return {};
  TableCell cell{{}, true, value};
  FormatXlsxNumber(value, &cell.text);
  return cell;
}

TableCell DateCell(Date date) { return Text(date.ToString()); }

std::string Joined(const PartnershipGraph& graph, std::span<const StrId> items) {
  std::string out;
  for (StrId item : items) {
    if (!out.empty()) out += '|';
    out += graph.Text(item);
  }
  return out;
}

// Adds the attribute columns of `sets` to the header and returns their names in order.
std::vector<StrId> AttributeColumns(const PartnershipGraph& graph, const std::vector<std::uint32_t>& sets,
                                    ModelTable& table) {
  std::vector<StrId> keys;
  for (std::uint32_t set : sets) {
    for (const auto& [key, value] : graph.AttributeSet(set)) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    }
  }
  for (StrId key : keys) table.header.emplace_back(graph.Text(key));
  return keys;
}

void AppendAttributes(const PartnershipGraph& graph, std::uint32_t set, const std::vector<StrId>& keys,
                      std::vector<TableCell>& row) {
  const std::size_t base = row.size();
  row.resize(base + keys.size());
  for (const auto& [key, value] : graph.AttributeSet(set)) {
    const auto found = std::find(keys.begin(), keys.end(), key);
    row[base + (found - keys.begin())] = Text(graph.Text(value));
  }
}

}  // namespace

std::vector<ModelTable> ModelToTables(const PartnershipGraph& graph) {
  std::vector<ModelTable> tables(3);
  ModelTable& nodes = tables[0];
  nodes.name = "nodes";
  nodes.header = {"id", "label", "type", "roles", "markets", "tags", "description", "source"};
  std::vector<std::uint32_t> sets;
  for (const Node& node : graph.Nodes()) sets.push_back(node.attributes);
  const std::vector<StrId> node_keys = AttributeColumns(graph, sets, nodes);
  for (const Node& node : graph.Nodes()) {
    // A free type (`Government`) is written as read; the roles then carry the type it stands for.
    const bool free_type = node.type_label != kNoString;
    std::string roles;
    if (node.roles != RoleBit(node.type) || (free_type && node.type != NodeType::kOther)) {
      roles = std::string(NodeTypeName(node.type));
      for (int t = 0; t < kNodeTypeCount; ++t) {
        const auto type = static_cast<NodeType>(t);
        if ((node.roles & RoleBit(type)) && type != node.type) roles += "|" + std::string(NodeTypeName(type));
      }
    }
    std::vector<TableCell> row{Text(graph.Text(node.id)),      Text(graph.Text(node.label)),
                               Text(free_type ? graph.Text(node.type_label) : NodeTypeName(node.type)),
                               Text(roles),
                               Text(Joined(graph, graph.Markets(node))), Text(Joined(graph, graph.Tags(node))),
                               Text(graph.Text(node.description)), Text(graph.Text(node.source))};
    AppendAttributes(graph, node.attributes, node_keys, row);
    nodes.rows.push_back(std::move(row));
  }

  ModelTable& edges = tables[1];
  edges.name = "edges";
  edges.header = {"from",  "to",  "type",  "direction", "amount_usd", "stake_pct", "share_pct", "revenue_usd",
                  "capacity_gw", "start", "end", "scope", "source", "reported", "confidence", "note", "status"};
  sets.clear();
  for (const Edge& edge : graph.Edges()) sets.push_back(graph.Details(edge).attributes);
  const std::vector<StrId> edge_keys = AttributeColumns(graph, sets, edges);
  for (const Edge& edge : graph.Edges()) {
    const EdgeDetails& details = graph.Details(edge);
    const bool default_direction = edge.directed != IsUndirected(edge.type);
    std::vector<TableCell> row{Text(graph.NodeName(edge.from)),
                               Text(graph.NodeName(edge.to)),
                               Text(details.type_label != kNoString ? graph.Text(details.type_label)
                                                                    : EdgeTypeName(edge.type)),
                               Text(default_direction ? "" : (edge.directed ? "directed" : "undirected")),
                               details.qualifier == AmountQualifier::kExact || !Known(edge.amount_usd)
                                   ? Number(edge.amount_usd)
                                   : Text(QualifiedAmountCell(edge.amount_usd, details.qualifier)),
                               Number(details.stake_pct),
                               Number(details.share_pct),
                               Number(details.revenue_usd),
                               Number(details.capacity_gw),
                               DateCell(edge.start),
                               DateCell(edge.end),
                               Text(graph.Text(details.scope)),
                               Text(graph.Text(edge.source)),
                               DateCell(details.reported),
                               Number(edge.confidence),
                               Text(graph.Text(details.note)),
                               Text(details.status == DealStatus::kUnknown ? "" : DealStatusName(details.status))};
    AppendAttributes(graph, details.attributes, edge_keys, row);
    edges.rows.push_back(std::move(row));
  }

  ModelTable& metrics = tables[2];
  metrics.name = "metrics";
  metrics.header = {"entity", "metric", "value", "unit", "as_of", "basis", "source", "confidence", "note"};
  sets.clear();
  for (const Metric& metric : graph.Metrics()) sets.push_back(metric.attributes);
  const std::vector<StrId> metric_keys = AttributeColumns(graph, sets, metrics);
  for (const Metric& metric : graph.Metrics()) {
    std::vector<TableCell> row{Text(graph.NodeName(metric.entity)), Text(graph.Text(metric.metric)),
                               Number(metric.value),                Text(graph.Text(metric.unit)),
                               DateCell(metric.as_of),              Text(graph.Text(metric.basis)),
                               Text(graph.Text(metric.source)),     Number(metric.confidence),
                               Text(graph.Text(metric.note))};
    AppendAttributes(graph, metric.attributes, metric_keys, row);
    metrics.rows.push_back(std::move(row));
  }
  return tables;
}

}  // namespace pg
