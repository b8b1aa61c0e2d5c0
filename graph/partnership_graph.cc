#include "graph/partnership_graph.h"

#include "graph/text.h"

namespace pg {

std::optional<VertexId> PartnershipGraph::FindNode(std::string_view id_or_label) const {
  StrId name;
  if (!strings_.Find(id_or_label, &name)) return std::nullopt;
  const std::uint32_t id = StrIndex(name);
  if (id < vertex_by_id_.size() && vertex_by_id_[id] != kNoVertex) return vertex_by_id_[id];
  if (id < vertex_by_label_.size() && vertex_by_label_[id] < nodes_.size()) return vertex_by_label_[id];
  return std::nullopt;
}

std::string PartnershipGraph::SpellcheckNode(std::string_view name) const {
  std::vector<std::string_view> names;
  names.reserve(nodes_.size() * 2);
  for (const Node& node : nodes_) {
    names.push_back(strings_.View(node.id));
    if (node.label != kNoString) names.push_back(strings_.View(node.label));
  }
  return std::string(ClosestMatch(name, names));
}

bool PartnershipGraph::LabelFindsNode(VertexId v) const {
  if (nodes_[v].label == kNoString) return true;  // shown by its id, which is unique
  const std::uint32_t label = StrIndex(nodes_[v].label);
  if (label < vertex_by_id_.size() && vertex_by_id_[label] != kNoVertex) return vertex_by_id_[label] == v;
  return label < vertex_by_label_.size() && vertex_by_label_[label] == v;
}

std::string_view PartnershipGraph::NodeLabel(VertexId v) const {
  const Node& node = nodes_[v];
  return strings_.View(node.label != kNoString ? node.label : node.id);
}

}  // namespace pg
