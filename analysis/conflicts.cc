#include "analysis/conflicts.h"

#include <algorithm>

#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/display_name.h"

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

// One source's account of a fact: "$8B (marsbit; edges.csv:3)", tranches joined by " + ".
std::string Account(const PartnershipGraph& graph, const std::vector<EdgeId>& rows) {
  std::vector<std::string> figures, places;
  for (EdgeId e : rows) {
    const Edge& edge = graph.GetEdge(e);
    const std::string stated = EdgeFigures(graph, edge);
    figures.push_back(stated.empty() ? "(no figures)" : stated);
    places.push_back(WhereOf(graph, edge.origin));
  }
  const StrId source = graph.GetEdge(rows.front()).source;
  return fmt::format("{} ({}{})", fmt::join(figures, " + "),
                     source == kNoString ? std::string() : std::string(graph.Text(source)) + "; ",
                     fmt::join(places, ", "));
}

double AccountAmount(const PartnershipGraph& graph, const std::vector<EdgeId>& rows) {
  double sum = 0;
  for (EdgeId e : rows) sum += graph.GetEdge(e).amount_usd;  // NaN when any is missing
  return sum;
}

Finding EdgeConflict(const GraphView& view, EdgeId counted) {
  const PartnershipGraph& graph = view.Graph();
  const Edge& edge = graph.GetEdge(counted);
  const std::vector<std::vector<EdgeId>>& accounts = view.Claims().AccountsOf(counted);
  Finding finding;
  finding.pass = "conflicts";
  finding.severity = FindingSeverity::kWarning;
  finding.subjects = {std::string(graph.NodeName(edge.from)), std::string(graph.NodeName(edge.to))};
  finding.topic = std::string(EdgeTypeName(edge.type));
  std::vector<std::string> claims;
  std::vector<double> amounts;
  for (const std::vector<EdgeId>& rows : accounts) {
    finding.related.insert(finding.related.end(), rows.begin(), rows.end());
    claims.push_back(Account(graph, rows));
    amounts.push_back(AccountAmount(graph, rows));
  }
  finding.figures.push_back({"claims", static_cast<double>(claims.size())});
  if (Known(amounts.front())) finding.figures.push_back({"counted_amount_usd", amounts.front()});
  if (const auto spread = Spread(amounts)) finding.figures.push_back({"spread", *spread});
  if (edge.start.Known()) finding.facts.emplace_back("start", edge.start.ToString());
  std::vector<std::string> counted_figures;
  for (EdgeId e : accounts.front()) counted_figures.push_back(EdgeFigures(graph, graph.GetEdge(e)));
  const bool none = std::all_of(counted_figures.begin(), counted_figures.end(), [](auto& f) { return f.empty(); });
  finding.message = fmt::format("{} -{}-> {}{}: {} claims disagree: {}; counting {}", DisplayName(graph, edge.from),
                                finding.topic, DisplayName(graph, edge.to),
                                edge.start.Known() ? " from " + edge.start.ToString() : "", claims.size(),
                                fmt::join(claims, " vs "),
                                none ? std::string("the first") : fmt::format("{}", fmt::join(counted_figures, " + ")));
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
  finding.message = fmt::format("{} {}{}: {} claims disagree: {}; counting {}", DisplayName(graph, metric.entity),
                                finding.topic,
                                qualifiers.empty() ? "" : fmt::format(" ({})", fmt::join(qualifiers, ", ")),
                                claims.size(), fmt::join(claims, " vs "), FormatMetricValue(graph, metric));
  return finding;
}

Finding RepeatedRows(const GraphView& view) {
  const PartnershipGraph& graph = view.Graph();
  const std::size_t count = view.Claims().ExactRepeats();
  const EdgeId first = view.Claims().FirstRepeat();
  const Edge& edge = graph.GetEdge(first);
  Finding finding;
  finding.pass = "conflicts";
  finding.severity = FindingSeverity::kInfo;
  finding.subjects = {std::string(graph.NodeName(edge.from)), std::string(graph.NodeName(edge.to))};
  finding.topic = "repeated rows";
  finding.related.push_back(first);
  finding.figures.push_back({"rows", static_cast<double>(count)});
  finding.message = fmt::format(
      "{} row{} repeat{} an earlier row exactly (same from, to, type, start, source and figures) and {} counted as "
      "{}tranche{}; the first: {}",
      count, count == 1 ? "" : "s", count == 1 ? "s" : "", count == 1 ? "is" : "are", count == 1 ? "a " : "",
      count == 1 ? "" : "s", DescribeEdge(graph, first));
  return finding;
}

}  // namespace

Findings RunConflicts(const GraphView& view, const PassOptions& options) {
  Findings findings;
  for (EdgeId counted : view.Claims().ConflictedFacts()) findings.push_back(EdgeConflict(view, counted));
  for (MetricId counted : view.Metrics().ConflictedFacts()) findings.push_back(MetricConflict(view, counted));
  if (view.Claims().ExactRepeats() > 0) findings.push_back(RepeatedRows(view));
  return findings;
}

}  // namespace pg
