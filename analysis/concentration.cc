#include "analysis/concentration.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/value_parser.h"

namespace pg {
namespace {

constexpr std::size_t kNamesShown = 5;

struct Dimension {
  EdgeType type;
  std::string_view name;
  std::array<std::string_view, 2> weights;  ///< edge figures tried in order
};

constexpr Dimension kDimensions[] = {
    {EdgeType::kInvests, "funding", {"amount_usd", ""}},
    {EdgeType::kDistributes, "channels", {"revenue_usd", ""}},
    {EdgeType::kSuppliesCompute, "compute", {"amount_usd", "capacity_gw"}},
};

double WeightOf(const PartnershipGraph& graph, const Edge& edge, std::string_view figure) {
  if (figure == "amount_usd") return edge.amount_usd;
  if (figure == "revenue_usd") return graph.Details(edge).revenue_usd;
  if (figure == "capacity_gw") return graph.Details(edge).capacity_gw;
  return kMissing;
}

std::string FormatWeight(double value, std::string_view weighted_by) {
  if (weighted_by == "amount_usd" || weighted_by == "revenue_usd") return FormatUsd(value);
  if (weighted_by == "capacity_gw") return fmt::format("{:g} GW", value);
  return fmt::format("{:g} edge{}", value, value == 1 ? "" : "s");
}

struct Source {
  VertexId party;
  double weight = 0;
  std::vector<EdgeId> edges;
};

}  // namespace

Findings RunConcentration(const GraphView& view, const PassOptions& options) {
  const PartnershipGraph& graph = view.Graph();
  Findings findings;
  std::vector<EdgeId> inflow;
  std::vector<Source> sources;
  std::vector<std::pair<VertexId, EdgeId>> keyed;
  for (VertexId v = 0; v < graph.NodeCount(); ++v) {
    for (const Dimension& dimension : kDimensions) {
      inflow.clear();
      graph.ForInEdges(v, [&](EdgeId e) {
        const Edge& edge = graph.GetEdge(e);
        if (edge.type != dimension.type || !view.Counted(e) || edge.from == v) return;
        if (dimension.type == EdgeType::kInvests && options.BelowMinAmount(edge)) return;
        inflow.push_back(e);
      });
      if (inflow.empty()) continue;
      std::sort(inflow.begin(), inflow.end());
      std::string_view weighted_by = "count";
      for (std::string_view figure : dimension.weights) {
        if (figure.empty()) continue;
        const bool all_known = std::all_of(inflow.begin(), inflow.end(), [&](EdgeId e) {
          const double w = WeightOf(graph, graph.GetEdge(e), figure);
          return Known(w) && w >= 0;
        });
        if (all_known) {
          weighted_by = figure;
          break;
        }
      }
      // Group by rolled-up party: sort (party, edge) pairs, then merge runs.
      keyed.clear();
      for (EdgeId e : inflow) keyed.emplace_back(view.Ultimate(graph.GetEdge(e).from), e);
      std::sort(keyed.begin(), keyed.end());
      sources.clear();
      double total = 0;
      for (const auto& [party, e] : keyed) {
        const double w = weighted_by == "count" ? 1.0 : WeightOf(graph, graph.GetEdge(e), weighted_by);
        if (sources.empty() || sources.back().party != party) sources.push_back({party, 0, {}});
        sources.back().weight += w;
        sources.back().edges.push_back(e);
        total += w;
      }
      if (!(total > 0)) continue;  // every amount was zero: no shares to speak of
      std::sort(sources.begin(), sources.end(), [&](const Source& a, const Source& b) {
        return a.weight != b.weight ? a.weight > b.weight : graph.NodeName(a.party) < graph.NodeName(b.party);
      });
      double hhi = 0;
      for (const Source& s : sources) hhi += (100 * s.weight / total) * (100 * s.weight / total);

      Finding finding;
      finding.pass = "concentration";
      finding.severity = hhi > 2500 ? FindingSeverity::kWarning : FindingSeverity::kInfo;
      finding.subjects = {std::string(graph.NodeName(v)), std::string(graph.NodeName(sources.front().party))};
      finding.figures.push_back({"hhi", hhi});
      finding.figures.push_back({"sources", static_cast<double>(sources.size())});
      finding.figures.push_back({"largest_share", sources.front().weight / total});
      finding.figures.push_back({"total_weight", total});
      finding.topic = dimension.name;  // one finding per company and dimension: diff tells them apart
      finding.facts.emplace_back("dimension", dimension.name);
      finding.facts.emplace_back("weighted_by", weighted_by);
      finding.facts.emplace_back("largest", graph.NodeName(sources.front().party));
      std::vector<std::string> shown;
      for (const Source& s : sources) {
        FindingPart part;
        part.node = graph.NodeName(s.party);
        part.figures.push_back({"weight", s.weight});
        part.figures.push_back({"share", s.weight / total});
        part.edges = s.edges;
        finding.related.insert(finding.related.end(), s.edges.begin(), s.edges.end());
        if (shown.size() < kNamesShown) {
          shown.push_back(fmt::format("{} {} ({})", part.node, FormatPercent(s.weight / total),
                                      FormatWeight(s.weight, weighted_by)));
        }
        finding.parts.push_back(std::move(part));
      }
      NoteConflicts(view, inflow).AppendTo(&finding);
      const std::size_t more = sources.size() - shown.size();
      finding.message = fmt::format(
          "{} {} HHI {:.0f} ({} source{}, {}-weighted): {}{}", graph.NodeName(v), dimension.name, hhi,
          sources.size(), sources.size() == 1 ? "" : "s",
          weighted_by == "count" ? std::string_view("count") : weighted_by.substr(0, weighted_by.find('_')),
          fmt::join(shown, ", "), more ? fmt::format(" and {} more", more) : std::string());
      findings.push_back(std::move(finding));
    }
  }
  return findings;
}

}  // namespace pg
