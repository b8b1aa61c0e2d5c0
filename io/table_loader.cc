#include "io/table_loader.h"

#include <algorithm>
#include <array>
#include <filesystem>

#include <fmt/format.h>

#include "graph/text.h"
#include "graph/value_parser.h"

namespace pg {
namespace {

// Lower case with spaces and dashes as underscores: "Element Type" -> "element_type".
std::string NormaliseHeader(std::string_view cell) {
  std::string name = ToLower(Trim(cell));
  for (char& c : name) {
    if (c == ' ' || c == '-') c = '_';
  }
  return name;
}

int FindColumn(const std::vector<std::string>& header, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    auto found = std::find(header.begin(), header.end(), name);
    if (found != header.end()) return static_cast<int>(found - header.begin());
  }
  return -1;
}

// The table kind a file or sheet name suggests: "edges.csv", "Connections", "deals-nodes".
TableKind KindFromName(const TableOrigin& origin) {
  const std::string name = ToLower(origin.sheet.empty()
                                       ? std::filesystem::path(origin.file).stem().string()
                                       : origin.sheet);
  if (name.find("edge") != std::string::npos || name.find("connection") != std::string::npos) {
    return TableKind::kEdges;
  }
  if (name.find("metric") != std::string::npos) return TableKind::kMetrics;
  if (name.find("node") != std::string::npos || name.find("element") != std::string::npos) {
    return TableKind::kNodes;
  }
  return TableKind::kUnknown;
}

}  // namespace

TableLoader::TableLoader(GraphBuilder* builder, Diagnostics* diagnostics, bool lenient)
    : builder_(builder), diagnostics_(diagnostics), lenient_(lenient) {}

bool TableLoader::BeginTable(const TableOrigin& origin, std::span<const std::string_view> cells,
                             std::uint32_t header_line, CellColumns columns) {
  std::vector<std::string> header;
  for (std::string_view cell : cells) header.push_back(NormaliseHeader(cell));
  source_ = builder_->AddSource(origin.file, origin.sheet);
  const Location place{origin.file, origin.sheet, header_line, 0};

  auto col = [&](std::initializer_list<std::string_view> names) { return Column{FindColumn(header, names)}; };
  // `source` names the provenance when from/to are present, the tail end otherwise
  // (source,target is the graph-tool habit the shared bench data uses).
  const bool source_target = FindColumn(header, {"from"}) < 0 && FindColumn(header, {"to"}) < 0 &&
                             FindColumn(header, {"source"}) >= 0 && FindColumn(header, {"target"}) >= 0;
  const bool has_from_to = !source_target;
  const Column from = source_target ? col({"source"}) : col({"from"});
  const Column to = source_target ? col({"target"}) : col({"to"});
  const Column entity = col({"entity"}), metric = col({"metric"});
  const Column id = col({"id"}), label = col({"label", "name"});

  kind_ = TableKind::kUnknown;
  if (from.present() && to.present()) {
    kind_ = TableKind::kEdges;
  } else if (entity.present() && metric.present()) {
    kind_ = TableKind::kMetrics;
  } else if ((id.present() || label.present()) && !from.present() && !to.present()) {
    kind_ = TableKind::kNodes;
  }

  if (kind_ == TableKind::kUnknown) {
    const TableKind hinted = KindFromName(origin);
    std::string message;
    switch (hinted) {
      case TableKind::kEdges:
        message = fmt::format("missing required column \"{}\": an edges table needs from and to",
                              from.present() ? "to" : "from");
        break;
      case TableKind::kMetrics:
        message = fmt::format("missing required column \"{}\": a metrics table needs entity, metric and value",
                              entity.present() ? "metric" : "entity");
        break;
      case TableKind::kNodes:
        message = "missing required column \"id\" (or \"label\"): a nodes table needs one of them";
        break;
      case TableKind::kUnknown:
        message = "cannot tell what table this is from its header: expected id or label (nodes), "
                  "from and to (edges), or entity, metric and value (metrics)";
        break;
    }
    if (lenient_ && hinted == TableKind::kUnknown) {
      diagnostics_->Warning(place, "skipped: " + message);
    } else {
      diagnostics_->Error(place, message);
    }
    return false;
  }

  known_field_.assign(header.size(), false);
  header_ids_.clear();
  for (std::string_view cell : cells) header_ids_.push_back(builder_->Intern(Trim(cell)));
  auto mark = [&](Column& target, Column value) {
    target = value;
    if (value.present()) known_field_[value.field] = true;
  };
  for (Column* c : {&id_, &label_, &type_, &roles_, &markets_, &tags_, &description_, &source_col_,
                    &from_, &to_, &amount_, &stake_, &share_, &revenue_, &capacity_, &start_, &end_,
                    &scope_, &reported_, &confidence_, &note_, &direction_, &entity_, &metric_,
                    &value_, &unit_, &as_of_, &basis_}) {
    *c = Column{};
  }

  switch (kind_) {
    case TableKind::kNodes:
      // A node row takes at least ~16 bytes and interns about two strings (id and label) in 30.
      builder_->ReserveNodes(origin.bytes / 16, origin.bytes / 15);
      builder_->MarkNodesTableSeen();
      mark(id_, id);
      mark(label_, label);
      mark(type_, col({"type", "kind", "element_type", "node_type"}));
      mark(roles_, col({"roles", "role"}));
      mark(markets_, col({"markets", "market", "rival_groups"}));
      mark(tags_, col({"tags", "tag"}));
      mark(description_, col({"description", "desc"}));
      mark(source_col_, col({"source", "sources"}));
      break;
    case TableKind::kEdges:
      builder_->ReserveEdges(origin.bytes / 20);  // an edge row takes at least ~20 bytes
      mark(from_, from);
      mark(to_, to);
      mark(type_, col({"type", "kind", "connection_type", "edge_type"}));
      mark(amount_, col({"amount_usd", "amount", "value_usd"}));
      mark(stake_, col({"stake_pct", "stake"}));
      mark(share_, col({"share_pct", "share", "take_pct", "take"}));
      mark(revenue_, col({"revenue_usd", "revenue"}));
      mark(capacity_, col({"capacity_gw", "capacity", "gw"}));
      mark(start_, col({"start", "start_date", "date"}));
      mark(end_, col({"end", "end_date"}));
      mark(scope_, col({"scope"}));
      mark(source_col_, has_from_to ? col({"source", "sources"}) : col({"sources"}));
      mark(reported_, col({"reported", "reported_at", "reported_on"}));
      mark(confidence_, col({"confidence"}));
      mark(note_, col({"note", "notes", "description"}));
      mark(direction_, col({"direction"}));
      break;
    case TableKind::kMetrics:
      mark(entity_, entity);
      mark(metric_, metric);
      mark(value_, col({"value"}));
      mark(unit_, col({"unit", "units"}));
      mark(as_of_, col({"as_of", "asof", "date"}));
      mark(basis_, col({"basis"}));
      mark(source_col_, col({"source", "sources"}));
      mark(confidence_, col({"confidence"}));
      mark(note_, col({"note", "notes"}));
      if (!value_.present()) {
        diagnostics_->Error(place, "missing required column \"value\": a metrics table needs entity, metric and value");
        kind_ = TableKind::kUnknown;
        return false;
      }
      break;
    case TableKind::kUnknown:
      break;
  }
  return true;
}

void TableLoader::EndTable() {
  AddPendingNodes();
  builder_->InternNamesBatch();
  kind_ = TableKind::kUnknown;
}

std::string_view TableLoader::Cell(std::span<const std::string_view> cells, Column column) const {
  if (!column.present() || static_cast<std::size_t>(column.field) >= cells.size()) return {};
  return Trim(cells[column.field]);
}

void TableLoader::CellError(const Origin& origin, Column column, std::string message) {
  AddPendingNodes();  // rows before this one first, so that diagnostics stay in row order
  diagnostics_->Error(builder_->Place(origin, column.field + 1), std::move(message));
}

std::uint32_t TableLoader::CollectAttributes(std::span<const std::string_view> cells) {
  Attributes attributes;
  const std::size_t n = std::min(cells.size(), known_field_.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (known_field_[i] || header_ids_[i] == kNoString) continue;
    const std::string_view value = Trim(cells[i]);
    if (value.empty()) continue;
    attributes.emplace_back(header_ids_[i], builder_->Intern(value));
  }
  return builder_->AddAttributes(std::move(attributes));
}

double TableLoader::ParseAmountCell(std::span<const std::string_view> cells, Column column,
                                    const Origin& origin) {
  const std::string_view text = Cell(cells, column);
  if (text.empty()) return kMissing;
  std::string error;
  const std::optional<double> value = ParseAmount(text, &error);
  if (!value) CellError(origin, column, error);
  return value.value_or(kMissing);
}

double TableLoader::ParsePercentCell(std::span<const std::string_view> cells, Column column,
                                     const Origin& origin) {
  const std::string_view text = Cell(cells, column);
  if (text.empty()) return kMissing;
  std::string error;
  const std::optional<double> value = ParsePercent(text, &error);
  if (!value) CellError(origin, column, error);
  return value.value_or(kMissing);
}

double TableLoader::ParseNumberCell(std::span<const std::string_view> cells, Column column,
                                    const Origin& origin) {
  const std::string_view text = Cell(cells, column);
  if (text.empty()) return kMissing;
  std::string error;
  const std::optional<double> value = ParseNumber(text, &error);
  if (!value) CellError(origin, column, error);
  return value.value_or(kMissing);
}

double TableLoader::ParseConfidenceCell(std::span<const std::string_view> cells, Column column,
                                        const Origin& origin) {
  const std::string_view text = Cell(cells, column);
  if (text.empty()) return kMissing;
  std::string error;
  const std::optional<double> value = ParseConfidence(text, &error);
  if (!value) CellError(origin, column, error);
  return value.value_or(kMissing);
}

Date TableLoader::ParseDateCell(std::span<const std::string_view> cells, Column column,
                                const Origin& origin) {
  const std::string_view text = Cell(cells, column);
  if (text.empty()) return {};
  std::string error;
  const std::optional<Date> value = ParseDate(text, &error);
  if (!value) CellError(origin, column, error);
  return value.value_or(Date());
}

void TableLoader::Row(std::span<const std::string_view> cells, std::uint32_t line, CellColumns columns) {
  const Origin origin{source_, line};
  switch (kind_) {
    case TableKind::kNodes: NodeRow(cells, origin); break;
    case TableKind::kEdges: EdgeRow(cells, origin); break;
    case TableKind::kMetrics: MetricRow(cells, origin); break;
    case TableKind::kUnknown: return;
  }
  ++row_counts_[static_cast<int>(kind_)];
}

void TableLoader::NodeRow(std::span<const std::string_view> cells, const Origin& origin) {
  NodeRecord record;
  Node& node = record.node;
  node.origin = origin;
  const std::string_view id = Cell(cells, id_);
  const std::string_view label = Cell(cells, label_);
  if (id.empty() && label.empty()) {
    CellError(origin, id_.present() ? id_ : label_, "node row without an id or label");
    return;
  }

  const std::string_view type = Cell(cells, type_);
  if (!type.empty()) {
    if (const auto parsed = ParseNodeType(type)) {
      node.type = *parsed;
      record.type_given = true;
    } else {
      CellError(origin, type_, fmt::format("unknown node type \"{}\" (expected one of: {})", type,
                                           NodeTypeChoices()));
    }
  }
  for (std::string_view role : SplitList(Cell(cells, roles_))) {
    if (const auto parsed = ParseNodeType(role)) {
      node.roles |= RoleBit(*parsed);
      if (!record.type_given) {
        node.type = *parsed;  // the first role stands in for a missing type
        record.type_given = true;
      }
    } else {
      CellError(origin, roles_, fmt::format("unknown role \"{}\" (expected one of: {})", role,
                                            NodeTypeChoices()));
    }
  }
  for (std::string_view market : SplitList(Cell(cells, markets_))) node.markets.push_back(builder_->Intern(market));
  for (std::string_view tag : SplitList(Cell(cells, tags_))) node.tags.push_back(builder_->Intern(tag));
  node.description = builder_->Intern(Cell(cells, description_));
  node.source = builder_->Intern(Cell(cells, source_col_));
  node.attributes = CollectAttributes(cells);
  // Ids and labels are new strings, each a cache miss in the string index: interned in batches.
  pending_names_.append(id.empty() ? label : id);
  pending_name_ends_.push_back(static_cast<std::uint32_t>(pending_names_.size()));
  pending_names_.append(label);
  pending_name_ends_.push_back(static_cast<std::uint32_t>(pending_names_.size()));
  pending_nodes_.push_back(std::move(record));
  if (pending_nodes_.size() >= 512) AddPendingNodes();
}

void TableLoader::AddPendingNodes() {
  if (pending_nodes_.empty()) return;
  std::vector<std::string_view> names(pending_name_ends_.size());
  std::uint32_t begin = 0;
  for (std::size_t k = 0; k < names.size(); ++k) {
    names[k] = std::string_view(pending_names_).substr(begin, pending_name_ends_[k] - begin);
    begin = pending_name_ends_[k];
  }
  std::vector<StrId> ids(names.size());
  builder_->InternMany(names, ids.data());
  for (std::size_t k = 0; k < pending_nodes_.size(); ++k) {
    pending_nodes_[k].node.id = ids[2 * k];
    pending_nodes_[k].node.label = names[2 * k + 1].empty() ? kNoString : ids[2 * k + 1];
    builder_->AddNode(std::move(pending_nodes_[k]));
  }
  pending_nodes_.clear();
  pending_names_.clear();
  pending_name_ends_.clear();
}

void TableLoader::EdgeRow(std::span<const std::string_view> cells, const Origin& origin) {
  Edge edge;
  EdgeDetails details;
  edge.origin = origin;
  const std::string_view type = Cell(cells, type_);
  if (type.empty()) {
    edge.type = EdgeType::kPartners;  // Kumu connections often carry no type: drawn, not scored
  } else if (const auto parsed = ParseEdgeType(type)) {
    edge.type = *parsed;
  } else {
    CellError(origin, type_, fmt::format("unknown edge type \"{}\" (expected one of: {})", type,
                                         EdgeTypeChoices()));
    return;
  }
  edge.directed = !IsUndirected(edge.type);
  const std::string_view direction = Cell(cells, direction_);
  if (!direction.empty()) {
    if (EqualsIgnoreCase(direction, "directed")) {
      edge.directed = true;
    } else if (EqualsIgnoreCase(direction, "undirected") || EqualsIgnoreCase(direction, "mutual")) {
      edge.directed = false;
    } else {
      CellError(origin, direction_,
                fmt::format("unknown direction \"{}\" (expected directed, undirected or mutual)", direction));
    }
  }
  edge.amount_usd = ParseAmountCell(cells, amount_, origin);
  details.stake_pct = ParsePercentCell(cells, stake_, origin);
  details.share_pct = ParsePercentCell(cells, share_, origin);
  details.revenue_usd = ParseAmountCell(cells, revenue_, origin);
  details.capacity_gw = ParseNumberCell(cells, capacity_, origin);
  edge.confidence = ParseConfidenceCell(cells, confidence_, origin);
  edge.start = ParseDateCell(cells, start_, origin);
  edge.end = ParseDateCell(cells, end_, origin);
  details.reported = ParseDateCell(cells, reported_, origin);
  if (edge.start.Known() && edge.end.Known() && edge.end.LastDay() < edge.start.FirstDay()) {
    CellError(origin, end_, fmt::format("end {} is before start {}", edge.end.ToString(), edge.start.ToString()));
  }
  if (scope_.present()) details.scope = builder_->Intern(Cell(cells, scope_));
  if (source_col_.present()) edge.source = builder_->Intern(Cell(cells, source_col_));
  if (note_.present()) details.note = builder_->Intern(Cell(cells, note_));
  details.attributes = known_field_.size() > 4 || cells.size() > known_field_.size() ? CollectAttributes(cells) : 0;

  const std::string_view from_cell = Cell(cells, from_);
  const std::string_view to_cell = Cell(cells, to_);
  if (from_cell.empty() || to_cell.empty()) {
    CellError(origin, from_cell.empty() ? from_ : to_,
              fmt::format("edge row without a \"{}\" node", from_cell.empty() ? "from" : "to"));
    return;
  }
  // Kumu: a `|` list in From or To makes one edge per listed node.
  const bool lists = from_cell.find_first_of("|;") != std::string_view::npos ||
                     to_cell.find_first_of("|;") != std::string_view::npos;
  if (!lists) {
    builder_->AddEdge({edge, details, from_cell, to_cell,
                       static_cast<std::uint32_t>(from_.field + 1), static_cast<std::uint32_t>(to_.field + 1)});
    return;
  }
  for (std::string_view from : SplitList(from_cell)) {
    for (std::string_view to : SplitList(to_cell)) {
      builder_->AddEdge({edge, details, from, to,
                         static_cast<std::uint32_t>(from_.field + 1), static_cast<std::uint32_t>(to_.field + 1)});
    }
  }
}

void TableLoader::MetricRow(std::span<const std::string_view> cells, const Origin& origin) {
  MetricRecord record;
  Metric& metric = record.metric;
  metric.origin = origin;
  const std::string_view entity = Cell(cells, entity_);
  const std::string_view name = Cell(cells, metric_);
  if (entity.empty() || name.empty()) {
    CellError(origin, entity.empty() ? entity_ : metric_,
              fmt::format("metric row without {}", entity.empty() ? "an entity" : "a metric name"));
    return;
  }
  const std::string_view value = Cell(cells, value_);
  if (value.empty()) {
    CellError(origin, value_, "metric row without a value");
    return;
  }
  metric.value = ParseNumberCell(cells, value_, origin);
  if (!Known(metric.value)) return;
  metric.metric = builder_->Intern(name);
  metric.unit = builder_->Intern(Cell(cells, unit_));
  metric.as_of = ParseDateCell(cells, as_of_, origin);
  metric.basis = builder_->Intern(Cell(cells, basis_));
  metric.source = builder_->Intern(Cell(cells, source_col_));
  metric.confidence = ParseConfidenceCell(cells, confidence_, origin);
  metric.note = builder_->Intern(Cell(cells, note_));
  metric.attributes = CollectAttributes(cells);
  record.entity_name = builder_->Intern(entity);
  record.entity_field = static_cast<std::uint32_t>(entity_.field + 1);
  builder_->AddMetric(std::move(record));
}

}  // namespace pg
