#include "tools/edge_text.h"

#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/display_name.h"
#include "graph/value_parser.h"

namespace pg {

std::string ShortEdge(const PartnershipGraph& graph, EdgeId e) {
  const Edge& edge = graph.GetEdge(e);
  const EdgeDetails& details = graph.Details(edge);
  // A free type (`licenses`) shows as written, with the direction its row gave.
  const bool free_type = details.type_label != kNoString;
  const bool no_direction = !edge.directed || (IsUndirected(edge.type) && !free_type);
  const std::string_view type = free_type ? graph.Text(details.type_label) : EdgeTypeName(edge.type);
  std::string text = fmt::format("{} -{}{} {}", DisplayName(graph, edge.from), type, no_direction ? "-" : "->",
                                 DisplayName(graph, edge.to));
  if (const std::string amount = EdgeAmountText(graph, edge); !amount.empty()) text += " " + amount;
  if (Known(details.revenue_usd)) text += fmt::format(" {} revenue", FormatUsd(details.revenue_usd));
  if (Known(details.capacity_gw)) text += fmt::format(" {:g} GW", details.capacity_gw);
  if (edge.start.Known()) text += fmt::format(", from {}", edge.start.ToString());
  return text;
}

}  // namespace pg
