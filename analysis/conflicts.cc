#include "analysis/conflicts.h"

#include <algorithm>

#include <fmt/format.h>

#include "analysis/evidence.h"

namespace pg {
namespace {

std::string Claim(const PartnershipGraph& graph, std::string figures, StrId source, const Origin& origin) {
  if (figures.empty()) figures = "(no figures)";
  return source == kNoString ? fmt::format("{} ({})", figures, WhereOf(graph, origin))
                             : fmt::format("{} ({}; {})", figures, graph.Text(source), WhereOf(graph, origin));
}

// Largest over smallest of the positive values, or nullopt when any is missing or not positive.
std::optional<double> Spread(const std::vector<double>& values) {
  if (values.size() < 2) return std::nullopt;
  for (double v : values) {
    if (!Known(v) || v <= 0) return std::nullopt;
  }
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  return *high / *low;
}

Finding EdgeConflict(const GraphView& view, EdgeId counted) {
  const PartnershipGraph& graph = view.Graph();
  const Edge& edge = graph.GetEdge(counted);
  Finding finding;
  finding.pass = "conflicts";
  finding.severity = FindingSeverity::kWarning;
  finding.subjects = {std::string(graph.NodeName(edge.from)), std::string(graph.NodeName(edge.to))};
  finding.topic = std::string(EdgeTypeName(edge.type));
  finding.related.push_back(counted);
  std::vector<std::string> claims{Claim(graph, EdgeFigures(graph, edge), edge.source, edge.origin)};
  std::vector<double> amounts{edge.amount_usd};
  for (EdgeId other : view.Claims().ConflictsOf(counted)) {
    const Edge& claim = graph.GetEdge(other);
    finding.related.push_back(other);
    claims.push_back(Claim(graph, EdgeFigures(graph, claim), claim.source, claim.origin));
    amounts.push_back(claim.amount_usd);
  }
  finding.figures.push_back({"claims", static_cast<double>(claims.size())});
  if (Known(edge.amount_usd)) finding.figures.push_back({"counted_amount_usd", edge.amount_usd});
  if (const auto spread = Spread(amounts)) finding.figures.push_back({"spread", *spread});
  if (edge.start.Known()) finding.facts.emplace_back("start", edge.start.ToString());
  const std::string counted_figures = EdgeFigures(graph, edge);
  finding.message = fmt::format("{} -{}-> {}{}: {} claims disagree: {}; counting {}", finding.subjects[0],
                                finding.topic, finding.subjects[1],
                                edge.start.Known() ? " from " + edge.start.ToString() : "", claims.size(),
                                fmt::join(claims, " vs "),
                                counted_figures.empty() ? "the first" : counted_figures);
  return finding;
}

Finding MetricConflict(const GraphView& view, MetricId counted) {
  const PartnershipGraph& graph = view.Graph();
  const Metric& metric = graph.Metrics()[counted];
  Finding finding;
  finding.pass = "conflicts";
  finding.severity = FindingSeverity::kWarning;
  finding.subjects = {std::string(graph.NodeName(metric.entity))};
  finding.topic = std::string(graph.Text(metric.metric));
  finding.metrics.push_back(counted);
  std::vector<std::string> claims{Claim(graph, FormatMetricValue(graph, metric), metric.source, metric.origin)};
  std::vector<double> values{metric.value};
  for (MetricId other : view.Metrics().ConflictsOf(counted)) {
    const Metric& claim = graph.Metrics()[other];
    finding.metrics.push_back(other);
    claims.push_back(Claim(graph, FormatMetricValue(graph, claim), claim.source, claim.origin));
    values.push_back(claim.value);
  }
  finding.figures.push_back({"claims", static_cast<double>(claims.size())});
  finding.figures.push_back({"counted_value", metric.value});
  if (const auto spread = Spread(values)) finding.figures.push_back({"spread", *spread});
  std::vector<std::string> qualifiers;
  if (metric.basis != kNoString) {
    qualifiers.push_back(std::string(graph.Text(metric.basis)));
    finding.facts.emplace_back("basis", graph.Text(metric.basis));
  }
  if (metric.as_of.Known()) {
    qualifiers.push_back("as of " + metric.as_of.ToString());
    finding.facts.emplace_back("as_of", metric.as_of.ToString());
  }
  finding.message = fmt::format("{} {}{}: {} claims disagree: {}; counting {}", finding.subjects[0], finding.topic,
                                qualifiers.empty() ? "" : fmt::format(" ({})", fmt::join(qualifiers, ", ")),
                                claims.size(), fmt::join(claims, " vs "), FormatMetricValue(graph, metric));
  return finding;
}

}  // namespace

Findings RunConflicts(const GraphView& view, const PassOptions& options) {
  Findings findings;
  for (EdgeId counted : view.Claims().ConflictedFacts()) findings.push_back(EdgeConflict(view, counted));
  for (MetricId counted : view.Metrics().ConflictedFacts()) findings.push_back(MetricConflict(view, counted));
  return findings;
}

}  // namespace pg
