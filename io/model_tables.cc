#include "io/model_tables.h"

#include <algorithm>
#include <span>
#include <utility>

#include "graph/money.h"
#include "io/xlsx_reader.h"

namespace pg {
namespace {

// Sets a row's cells left to right; each cell keeps its string's storage from the row before.
class RowSetter {
 public:
  RowSetter(TableRow& row, std::size_t width) : row_(row) { row_.resize(width); }

  void Text(std::string_view text) { Next(false, 0).text.assign(text); }
  void Number(double value) {
    if (!Known(value)) return Text("");
    FormatXlsxNumber(value, &Next(true, value).text);
  }
  void DateCell(Date date) { Text(date.ToString()); }
  void Joined(const PartnershipGraph& graph, std::span<const StrId> items) {
    std::string& text = Next(false, 0).text;
    text.clear();
    for (StrId item : items) {
      if (!text.empty()) text += '|';
      text += graph.Text(item);
    }
  }
  /// The kept attribute columns, `keys` in order: the values of `set`, empty elsewhere.
  void Attributes(const PartnershipGraph& graph, std::uint32_t set, const std::vector<StrId>& keys) {
    const std::size_t base = next_;
    for (std::size_t k = 0; k < keys.size(); ++k) Text("");
    for (const auto& [key, value] : graph.AttributeSet(set)) {
      const auto found = std::find(keys.begin(), keys.end(), key);
      row_[base + static_cast<std::size_t>(found - keys.begin())].text.assign(graph.Text(value));
    }
  }

 private:
  TableCell& Next(bool number, double value) {
    TableCell& cell = row_[next_++];
    cell.number = number;
    cell.value = value;
    return cell;
  }

  TableRow& row_;
  std::size_t next_ = 0;
};

// Adds the keys of attribute set `set` that `keys` lacks, in their order.
void AddKeys(const PartnershipGraph& graph, std::uint32_t set, std::vector<StrId>& keys) {
  for (const auto& [key, value] : graph.AttributeSet(set)) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
}

void AppendHeader(const PartnershipGraph& graph, const std::vector<StrId>& keys, std::vector<std::string>& header) {
  for (StrId key : keys) header.emplace_back(graph.Text(key));
}

// A free type (`Government`) is written as read; the roles then carry the type it stands for.
void FillNode(const PartnershipGraph& graph, const std::vector<StrId>& keys, const Node& node, RowSetter& cells) {
  const bool free_type = node.type_label != kNoString;
  std::string roles;
  if (node.roles != RoleBit(node.type) || (free_type && node.type != NodeType::kOther)) {
    roles = std::string(NodeTypeName(node.type));
    for (int t = 0; t < kNodeTypeCount; ++t) {
      const auto type = static_cast<NodeType>(t);
      if ((node.roles & RoleBit(type)) && type != node.type) roles.append("|").append(NodeTypeName(type));
    }
  }
  cells.Text(graph.Text(node.id));
  cells.Text(graph.Text(node.label));
  cells.Text(free_type ? graph.Text(node.type_label) : NodeTypeName(node.type));
  cells.Text(roles);
  cells.Joined(graph, graph.Markets(node));
  cells.Joined(graph, graph.Tags(node));
  cells.Text(graph.Text(node.description));
  cells.Text(graph.Text(node.source));
  cells.Attributes(graph, node.attributes, keys);
}

void FillEdge(const PartnershipGraph& graph, const std::vector<StrId>& keys, const Edge& edge, RowSetter& cells) {
  const EdgeDetails& details = graph.Details(edge);
  const bool default_direction = edge.directed != IsUndirected(edge.type);
  cells.Text(graph.NodeName(edge.from));
  cells.Text(graph.NodeName(edge.to));
  cells.Text(details.type_label != kNoString ? graph.Text(details.type_label) : EdgeTypeName(edge.type));
  cells.Text(default_direction ? "" : (edge.directed ? "directed" : "undirected"));
  if (details.qualifier == AmountQualifier::kExact || !Known(edge.amount_usd)) {
    cells.Number(edge.amount_usd);
  } else {
    cells.Text(QualifiedAmountCell(edge.amount_usd, details.qualifier));
  }
  cells.Number(details.stake_pct);
  cells.Number(details.share_pct);
  cells.Number(details.revenue_usd);
  cells.Number(details.capacity_gw);
  cells.DateCell(edge.start);
  cells.DateCell(edge.end);
  cells.Text(graph.Text(details.scope));
  cells.Text(graph.Text(edge.source));
  cells.DateCell(details.reported);
  cells.Number(edge.confidence);
  cells.Text(graph.Text(details.note));
  cells.Text(details.status == DealStatus::kUnknown ? "" : DealStatusName(details.status));
  cells.Attributes(graph, details.attributes, keys);
}

void FillMetric(const PartnershipGraph& graph, const std::vector<StrId>& keys, const Metric& metric, RowSetter& cells) {
  cells.Text(graph.NodeName(metric.entity));
  cells.Text(graph.Text(metric.metric));
  cells.Number(metric.value);
  cells.Text(graph.Text(metric.unit));
  cells.DateCell(metric.as_of);
  cells.Text(graph.Text(metric.basis));
  cells.Text(graph.Text(metric.source));
  cells.Number(metric.confidence);
  cells.Text(graph.Text(metric.note));
  cells.Attributes(graph, metric.attributes, keys);
}

/// A table whose rows are `records` (the graph's own array, read as rows are made), with the
/// kept attribute columns of every record after the `header`.
template <typename Record, typename AttributesOf, typename Fill>
ModelTable RecordTable(const PartnershipGraph& graph, std::string name, std::vector<std::string> header,
                       std::span<const Record> records, AttributesOf attributes_of, Fill fill) {
  ModelTable table{std::move(name), std::move(header), records.size(), {}};
  std::vector<StrId> keys;
  for (const Record& record : records) AddKeys(graph, attributes_of(record), keys);
  AppendHeader(graph, keys, table.header);
  table.fill = [&graph, records, keys, fill, width = table.header.size()](std::size_t index, TableRow& row) {
    RowSetter cells(row, width);
    fill(graph, keys, records[index], cells);
  };
  return table;
}

ModelTable NodeTable(const PartnershipGraph& graph) {
  return RecordTable(
      graph, "nodes", {"id", "label", "type", "roles", "markets", "tags", "description", "source"}, graph.Nodes(),
      [](const Node& node) { return node.attributes; }, FillNode);
}

ModelTable EdgeTable(const PartnershipGraph& graph) {
  return RecordTable(graph, "edges",
                     {"from", "to", "type", "direction", "amount_usd", "stake_pct", "share_pct", "revenue_usd",
                      "capacity_gw", "start", "end", "scope", "source", "reported", "confidence", "note", "status"},
                     graph.Edges(), [&graph](const Edge& edge) { return graph.Details(edge).attributes; }, FillEdge);
}

ModelTable MetricTable(const PartnershipGraph& graph) {
  return RecordTable(
      graph, "metrics", {"entity", "metric", "value", "unit", "as_of", "basis", "source", "confidence", "note"},
      graph.Metrics(), [](const Metric& metric) { return metric.attributes; }, FillMetric);
}

}  // namespace

bool ModelTable::ForEachRow(const std::function<bool(const TableRow&)>& visit) const {
  TableRow row;
  for (std::size_t index = 0; index < rows; ++index) {
    fill(index, row);
    if (!visit(row)) return false;
  }
  return true;
}

std::vector<ModelTable> ModelToTables(const PartnershipGraph& graph) {
  std::vector<ModelTable> tables;
  tables.push_back(NodeTable(graph));
  tables.push_back(EdgeTable(graph));
  tables.push_back(MetricTable(graph));
  return tables;
}

}  // namespace pg
