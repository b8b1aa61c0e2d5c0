#include "graph/display_name.h"

#include <fmt/format.h>

namespace pg {

std::string DisplayName(const PartnershipGraph& graph, VertexId v) {
  const std::string_view label = graph.NodeLabel(v);
  if (graph.LabelFindsNode(v)) return std::string(label);
  return fmt::format("{} ({})", label, graph.NodeName(v));
}

std::string DisplayNameOf(const PartnershipGraph& graph, std::string_view id) {
  const std::optional<VertexId> v = graph.FindNode(id);
  return v && graph.NodeName(*v) == id ? DisplayName(graph, *v) : std::string(id);
}

}  // namespace pg
