#include "analysis/evidence.h"

#include <iterator>

#include <fmt/format.h>

#include "graph/diagnostics.h"
#include "graph/display_name.h"
#include "graph/money.h"
#include "graph/text.h"
#include "graph/value_parser.h"

namespace pg {

std::string EdgeAmountText(const PartnershipGraph& graph, const Edge& edge) {
  const EdgeDetails& details = graph.Details(edge);
  std::vector<std::string> parts;
  if (Known(edge.amount_usd)) {
    std::string money = FormatQualified(FormatUsd(edge.amount_usd), details.qualifier);
    if (details.currency != kNoString && Known(details.original_amount) && details.original_amount > 0) {
      const std::string_view code = graph.Text(details.currency);
      money += fmt::format(" ({} at {:.6g} USD/{})", FormatMoney(details.original_amount, code),
                           edge.amount_usd / details.original_amount, code);
    }
    parts.push_back(std::move(money));
  } else if (details.currency != kNoString && Known(details.original_amount)) {
    parts.push_back(FormatQualified(FormatMoney(details.original_amount, graph.Text(details.currency)),
                                    details.qualifier));
  }
  if (details.status == DealStatus::kUnknown) return parts.empty() ? std::string() : std::move(parts.front());
  // A status alone would read as part of the node's name ("OpenAI signed"): bracket it.
  if (parts.empty()) return fmt::format("({})", DealStatusName(details.status));
  return fmt::format("{}, {}", parts.front(), DealStatusName(details.status));
}

AmountSum SumAmounts(const PartnershipGraph& graph, std::span<const EdgeId> edges) {
  AmountSum sum;
  for (EdgeId e : edges) {
    const Edge& edge = graph.GetEdge(e);
    if (!Known(edge.amount_usd)) {
      ++sum.undisclosed;
      continue;
    }
    const EdgeDetails& details = graph.Details(edge);
    sum.total_usd += edge.amount_usd;
    if (details.qualifier == AmountQualifier::kUpTo) sum.ceiling_usd += edge.amount_usd;
    if (details.status == DealStatus::kAnnounced || details.status == DealStatus::kSigned) {
      sum.unclosed_usd += edge.amount_usd;
    }
  }
  return sum;
}

std::string DescribeFirmness(const AmountSum& sum) {
  std::vector<std::string> firmness;
  if (sum.ceiling_usd > 0) firmness.push_back(FormatUsd(sum.ceiling_usd) + " up to");
  if (sum.unclosed_usd > 0) firmness.push_back(FormatUsd(sum.unclosed_usd) + " announced or signed");
  return firmness.empty() ? std::string() : fmt::format("of which {}", fmt::join(firmness, ", "));
}

std::string DescribeSum(const AmountSum& sum) {
  const std::string text = FormatUsd(sum.total_usd);
  const std::string of_which = DescribeFirmness(sum);
  std::string undisclosed = sum.undisclosed == 0 ? std::string() : fmt::format("{} undisclosed", sum.undisclosed);
  if (!of_which.empty() && !undisclosed.empty()) return fmt::format("{} ({}; {})", text, of_which, undisclosed);
  if (!of_which.empty() || !undisclosed.empty()) return fmt::format("{} ({}{})", text, of_which, undisclosed);
  return text;
}

std::string EdgeFigures(const PartnershipGraph& graph, const Edge& edge) {
  const EdgeDetails& details = graph.Details(edge);
  std::vector<std::string> parts;
  if (std::string amount = EdgeAmountText(graph, edge); !amount.empty()) parts.push_back(std::move(amount));
  if (Known(details.stake_pct)) parts.push_back(FormatPercent(details.stake_pct) + " stake");
  if (Known(details.share_pct)) parts.push_back(FormatPercent(details.share_pct) + " take");
  if (Known(details.revenue_usd)) parts.push_back(FormatUsd(details.revenue_usd) + " revenue");
  if (Known(details.capacity_gw)) parts.push_back(fmt::format("{:g} GW", details.capacity_gw));
  return fmt::format("{}", fmt::join(parts, ", "));
}

namespace {

std::string Figures(const PartnershipGraph& graph, const Edge& edge) { return EdgeFigures(graph, edge); }

std::string Where(const PartnershipGraph& graph, const Edge& edge) { return WhereOf(graph, edge.origin); }

}  // namespace

std::string WhereOf(const PartnershipGraph& graph, const Origin& origin) {
  const SourceFile& source = graph.Source(origin.source);
  return FormatLocation({source.file, source.sheet, origin.line, 0});
}

std::string FormatMetricValue(const PartnershipGraph& graph, const Metric& metric) {
  const std::string_view unit = graph.Text(metric.unit);
  if (EqualsIgnoreCase(unit, "usd")) return FormatUsd(metric.value);
  return unit.empty() ? fmt::format("{:g}", metric.value) : fmt::format("{:g} {}", metric.value, unit);
}

std::string DescribeMetric(const PartnershipGraph& graph, std::uint32_t m) {
  const Metric& metric = graph.Metrics()[m];
  std::string text = fmt::format("{} {} {}", DisplayName(graph, metric.entity), graph.Text(metric.metric),
                                 FormatMetricValue(graph, metric));
  if (metric.basis != kNoString) text += fmt::format(" {}", graph.Text(metric.basis));
  if (metric.as_of.Known()) text += fmt::format(", as of {}", metric.as_of.ToString());
  std::vector<std::string> about;
  if (metric.source != kNoString) about.push_back(std::string(graph.Text(metric.source)));
  if (Known(metric.confidence)) about.push_back(fmt::format("confidence {:g}", metric.confidence));
  about.push_back(WhereOf(graph, metric.origin));
  return fmt::format("{} ({})", text, fmt::join(about, "; "));
}

std::string DescribeEdge(const PartnershipGraph& graph, EdgeId e) {
  const Edge& edge = graph.GetEdge(e);
  std::string text = fmt::format("{} -{}{} {}", DisplayName(graph, edge.from), EdgeTypeName(edge.type),
                                 edge.directed ? "->" : "-", DisplayName(graph, edge.to));
  const std::string figures = Figures(graph, edge);
  if (!figures.empty()) text += " " + figures;
  std::vector<std::string> about;
  if (edge.start.Known()) about.push_back("from " + edge.start.ToString());
  if (edge.source != kNoString) about.push_back(std::string(graph.Text(edge.source)));
  if (Known(edge.confidence)) about.push_back(fmt::format("confidence {:g}", edge.confidence));
  about.push_back(Where(graph, edge));
  return fmt::format("{} ({})", text, fmt::join(about, "; "));
}

void ConflictNotes::AppendTo(Finding* finding) && {
  finding->related.insert(finding->related.end(), edges.begin(), edges.end());
  finding->notes.insert(finding->notes.end(), std::make_move_iterator(notes.begin()),
                        std::make_move_iterator(notes.end()));
}

ConflictNotes NoteConflicts(const GraphView& view, std::span<const EdgeId> edges) {
  return NoteConflicts(view.Graph(), view.Claims(), edges);
}

ConflictNotes NoteConflicts(const PartnershipGraph& graph, const ClaimSet& claims, std::span<const EdgeId> edges) {
  ConflictNotes conflicts;
  for (EdgeId e : edges) {
    const std::vector<EdgeId>& others = claims.ConflictsOf(e);
    if (others.empty()) continue;
    const Edge& counted = graph.GetEdge(e);
    for (EdgeId other : others) {
      const Edge& claim = graph.GetEdge(other);
      conflicts.edges.push_back(other);
      conflicts.notes.push_back(fmt::format(
          "conflicting claim not counted: {} -{}-> {} {} ({}{}) vs the counted {} ({}{})",
          DisplayName(graph, claim.from), EdgeTypeName(claim.type), DisplayName(graph, claim.to), Figures(graph, claim),
          claim.source != kNoString ? std::string(graph.Text(claim.source)) + ", " : std::string(),
          Where(graph, claim), Figures(graph, counted),
          counted.source != kNoString ? std::string(graph.Text(counted.source)) + ", " : std::string(),
          Where(graph, counted)));
    }
  }
  return conflicts;
}

}  // namespace pg
