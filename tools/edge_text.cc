#include "tools/edge_text.h"

#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/value_parser.h"

namespace pg {

std::string ShortEdge(const PartnershipGraph& graph, EdgeId e) {
  const Edge& edge = graph.GetEdge(e);
  const EdgeDetails& details = graph.Details(edge);
  const bool no_direction = !edge.directed || IsUndirected(edge.type);
  std::string text = fmt::format("{} -{}{} {}", graph.NodeName(edge.from), EdgeTypeName(edge.type),
                                 no_direction ? "-" : "->", graph.NodeName(edge.to));
  if (const std::string amount = EdgeAmountText(graph, edge); !amount.empty()) text += " " + amount;
  if (Known(details.revenue_usd)) text += fmt::format(" {} revenue", FormatUsd(details.revenue_usd));
  if (Known(details.capacity_gw)) text += fmt::format(" {:g} GW", details.capacity_gw);
  if (edge.start.Known()) text += fmt::format(", from {}", edge.start.ToString());
  return text;
}

}  // namespace pg
