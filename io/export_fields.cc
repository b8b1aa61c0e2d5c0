#include "io/export_fields.h"

#include <algorithm>

#include <fmt/format.h>

#include "graph/money.h"

namespace pg {
namespace {

// Names a kept column may not take in any export: the built-in fields and the formats' own
// keys (node-link's id, source, target, key; Neo4j's id). Such a column is written as attr_NAME.
bool Reserved(std::string_view name, const std::vector<ExportField>& fields) {
  for (std::string_view word : {"id", "key", "source", "target", "provenance"}) {
    if (name == word) return true;
  }
  return std::any_of(fields.begin(), fields.end(), [&](const ExportField& f) { return f.name == name; });
}

void PutText(std::string_view text, ExportValue* value) {
  value->present = !text.empty();
  value->text.assign(text);
}

void PutNumber(double number, ExportValue* value) {
  value->present = Known(number);
  value->number = number;
}

void PutDate(Date date, ExportValue* value) {
  value->present = date.Known();
  value->text = value->present ? date.ToString() : std::string();
}

void PutJoined(const PartnershipGraph& graph, std::span<const StrId> items, ExportValue* value) {
  value->text.clear();
  for (StrId item : items) {
    if (!value->text.empty()) value->text += '|';
    value->text += graph.Text(item);
  }
  value->present = !value->text.empty();
}

}  // namespace

std::string ExportNumber(double value) { return fmt::format("{}", value); }

ExportSchema::ExportSchema(const PartnershipGraph& graph) : graph_(graph) {
  using enum FieldType;
  node_fields_ = {{"label", kString},       {"type", kString},   {"roles", kList},   {"markets", kList},
                  {"tags", kList},          {"description", kString}, {"source", kString}};
  edge_fields_ = {{"type", kString},         {"direction", kString},  {"amount_usd", kDouble},
                  {"amount_qualifier", kString}, {"original_amount", kDouble}, {"currency", kString},
                  {"stake_pct", kDouble},    {"share_pct", kDouble},  {"revenue_usd", kDouble},
                  {"capacity_gw", kDouble},  {"start", kString},      {"end", kString},
                  {"reported", kString},     {"scope", kString},      {"source", kString},
                  {"confidence", kDouble},   {"note", kString},       {"status", kString}};
  std::vector<std::uint32_t> sets;
  for (const Node& node : graph.Nodes()) sets.push_back(node.attributes);
  AddAttributeFields(sets, &node_fields_, &node_slots_);
  sets.clear();
  for (const Edge& edge : graph.Edges()) sets.push_back(graph.Details(edge).attributes);
  AddAttributeFields(sets, &edge_fields_, &edge_slots_);
}

void ExportSchema::AddAttributeFields(const std::vector<std::uint32_t>& sets, std::vector<ExportField>* fields,
                                      std::unordered_map<StrId, std::size_t>* slots) {
  std::vector<bool> seen;
  for (std::uint32_t set : sets) {
    if (set < seen.size() && seen[set]) continue;
    if (set >= seen.size()) seen.resize(set + 1, false);
    seen[set] = true;
    for (const auto& [key, value] : graph_.AttributeSet(set)) {
      if (slots->count(key)) continue;
      std::string name(graph_.Text(key));
      if (Reserved(name, *fields)) name = "attr_" + name;
      slots->emplace(key, fields->size());
      fields->push_back({std::move(name), FieldType::kString});
    }
  }
}

void ExportSchema::PutAttributes(std::uint32_t set, const std::unordered_map<StrId, std::size_t>& slots,
                                 std::vector<ExportValue>* values) const {
  for (const auto& [key, value] : graph_.AttributeSet(set)) PutText(graph_.Text(value), &(*values)[slots.at(key)]);
}

void ExportSchema::NodeValues(VertexId v, std::vector<ExportValue>* values) const {
  values->assign(node_fields_.size(), ExportValue{});
  const Node& node = graph_.GetNode(v);
  std::vector<ExportValue>& out = *values;
  PutText(graph_.NodeLabel(v), &out[0]);
  PutText(node.type_label != kNoString ? graph_.Text(node.type_label) : NodeTypeName(node.type), &out[1]);
  std::string roles(NodeTypeName(node.type));
  for (int t = 0; t < kNodeTypeCount; ++t) {
    const auto type = static_cast<NodeType>(t);
    if ((node.roles & RoleBit(type)) && type != node.type) roles.append("|").append(NodeTypeName(type));
  }
  PutText(roles, &out[2]);
  PutJoined(graph_, graph_.Markets(node), &out[3]);
  PutJoined(graph_, graph_.Tags(node), &out[4]);
  PutText(graph_.Text(node.description), &out[5]);
  PutText(graph_.Text(node.source), &out[6]);
  PutAttributes(node.attributes, node_slots_, values);
}

void ExportSchema::EdgeValues(EdgeId e, std::vector<ExportValue>* values) const {
  values->assign(edge_fields_.size(), ExportValue{});
  const Edge& edge = graph_.GetEdge(e);
  const EdgeDetails& details = graph_.Details(edge);
  std::vector<ExportValue>& out = *values;
  PutText(details.type_label != kNoString ? graph_.Text(details.type_label) : EdgeTypeName(edge.type), &out[0]);
  PutText(edge.directed ? "directed" : "undirected", &out[1]);
  PutNumber(edge.amount_usd, &out[2]);
  PutText(Known(edge.amount_usd) ? QualifierName(details.qualifier) : "", &out[3]);
  PutNumber(details.currency != kNoString ? details.original_amount : kMissing, &out[4]);
  PutText(graph_.Text(details.currency), &out[5]);
  PutNumber(details.stake_pct, &out[6]);
  PutNumber(details.share_pct, &out[7]);
  PutNumber(details.revenue_usd, &out[8]);
  PutNumber(details.capacity_gw, &out[9]);
  PutDate(edge.start, &out[10]);
  PutDate(edge.end, &out[11]);
  PutDate(details.reported, &out[12]);
  PutText(graph_.Text(details.scope), &out[13]);
  PutText(graph_.Text(edge.source), &out[14]);
  PutNumber(edge.confidence, &out[15]);
  PutText(graph_.Text(details.note), &out[16]);
  PutText(DealStatusName(details.status), &out[17]);
  PutAttributes(details.attributes, edge_slots_, values);
}

}  // namespace pg
