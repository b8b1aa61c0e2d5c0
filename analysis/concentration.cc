#include "analysis/concentration.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/display_name.h"
#include "graph/counted_edges.h"
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
constexpr std::size_t kDimensionCount = std::size(kDimensions);

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

/// Companies whose dimension has one outside source, for the one summary per dimension.
struct SingleSourced {
  std::size_t companies = 0;
  std::vector<FindingPart> named;       ///< the first few: node, `weight`, edges
  std::vector<std::string> names;       ///< the named nodes for people (DisplayName)
  std::vector<std::string> sources;     ///< the named nodes' sources, for people
  ConflictNotes conflicts;              ///< of every single-sourced node, not only the named
};

/// Scratch space reused across companies.
struct Scratch {
  std::vector<EdgeId> inflow;
  std::vector<EdgeId> in_group;
  std::vector<Source> sources;
  std::vector<std::pair<VertexId, EdgeId>> keyed;
};

std::string_view WeightedBy(const PartnershipGraph& graph, const Dimension& dimension, std::span<const EdgeId> inflow) {
  for (std::string_view figure : dimension.weights) {
    if (figure.empty()) continue;
    const bool all_known = std::all_of(inflow.begin(), inflow.end(), [&](EdgeId e) {
      const double w = WeightOf(graph, graph.GetEdge(e), figure);
      return Known(w) && w >= 0;
    });
    if (all_known) return figure;
  }
  return "count";
}

/// Sources grouped by rolled-up party, largest first; returns the total weight.
double GroupSources(const GraphView& view, std::string_view weighted_by, Scratch& s) {
  const PartnershipGraph& graph = view.Graph();
  s.keyed.clear();
  for (EdgeId e : s.inflow) s.keyed.emplace_back(view.Ultimate(graph.GetEdge(e).from), e);
  std::sort(s.keyed.begin(), s.keyed.end());
  s.sources.clear();
  double total = 0;
  for (const auto& [party, e] : s.keyed) {
    const double w = weighted_by == "count" ? 1.0 : WeightOf(graph, graph.GetEdge(e), weighted_by);
    if (s.sources.empty() || s.sources.back().party != party) s.sources.push_back({party, 0, {}});
    s.sources.back().weight += w;
    s.sources.back().edges.push_back(e);
    total += w;
  }
  std::sort(s.sources.begin(), s.sources.end(), [&](const Source& a, const Source& b) {
    return a.weight != b.weight ? a.weight > b.weight : graph.NodeName(a.party) < graph.NodeName(b.party);
  });
  return total;
}

/// "left out as VICTIM's own group: Google Cloud -invests-> DeepMind $2B (edges.csv:7)".
std::vector<std::string> InGroupNotes(const GraphView& view, VertexId v, std::span<const EdgeId> in_group) {
  std::vector<std::string> notes;
  for (EdgeId e : in_group) {
    notes.push_back(fmt::format("left out as {}'s own group (owner {}): {}", DisplayName(view.Graph(), v),
                                DisplayName(view.Graph(), view.Ultimate(v)), DescribeEdge(view.Graph(), e)));
  }
  return notes;
}

Finding Describe(const GraphView& view, VertexId v, const Dimension& dimension, std::string_view weighted_by,
                 double total, const Scratch& s, bool full_detail) {
  const PartnershipGraph& graph = view.Graph();
  double hhi = 0;
  for (const Source& source : s.sources) hhi += (100 * source.weight / total) * (100 * source.weight / total);
  Finding finding;
  finding.pass = "concentration";
  finding.severity = hhi > 2500 ? FindingSeverity::kWarning : FindingSeverity::kInfo;
  finding.subjects = {std::string(graph.NodeName(v)), std::string(graph.NodeName(s.sources.front().party))};
  finding.figures.push_back({"hhi", hhi});
  finding.figures.push_back({"sources", static_cast<double>(s.sources.size())});
  finding.figures.push_back({"largest_share", s.sources.front().weight / total});
  finding.figures.push_back({"total_weight", total});
  finding.topic = dimension.name;  // one finding per company and dimension: diff tells them apart
  finding.facts.emplace_back("dimension", dimension.name);
  finding.facts.emplace_back("weighted_by", weighted_by);
  finding.facts.emplace_back("largest", graph.NodeName(s.sources.front().party));
  std::vector<std::string> shown;
  for (const Source& source : s.sources) {
    FindingPart part;
    part.node = graph.NodeName(source.party);
    part.figures.push_back({"weight", source.weight});
    part.figures.push_back({"share", source.weight / total});
    part.edges = source.edges;
    finding.related.insert(finding.related.end(), source.edges.begin(), source.edges.end());
    if (shown.size() < kNamesShown) {
      shown.push_back(fmt::format("{} {} ({})", DisplayName(graph, source.party), FormatPercent(source.weight / total),
                                  FormatWeight(source.weight, weighted_by)));
    } else if (!full_detail) {
      continue;  // counted in `sources` and "and N more"; its edges stay in `related`
    }
    finding.parts.push_back(std::move(part));
  }
  NoteConflicts(view, s.inflow).AppendTo(&finding);
  for (std::string& note : InGroupNotes(view, v, s.in_group)) finding.notes.push_back(std::move(note));
  const std::size_t more = s.sources.size() - shown.size();
  finding.message = fmt::format(
      "{} {} HHI {:.0f} ({} sources, {}-weighted): {}{}", DisplayName(graph, v), dimension.name, hhi, s.sources.size(),
      weighted_by == "count" ? std::string_view("count") : weighted_by.substr(0, weighted_by.find('_')),
      fmt::join(shown, ", "), more ? fmt::format(" and {} more", more) : std::string());
  return finding;
}

Finding DescribeSingleSourced(const Dimension& dimension, SingleSourced single) {
  Finding finding;
  finding.pass = "concentration";
  finding.severity = FindingSeverity::kInfo;
  finding.topic = fmt::format("{} from a single source", dimension.name);
  // No subjects: the named nodes are examples, and diff must match the summary across dates
  // whichever nodes it names first. They are parts, so a diagram can still highlight them.
  std::vector<std::string> named;
  for (std::size_t k = 0; k < single.named.size(); ++k) {
    named.push_back(fmt::format("{} ({})", single.names[k], single.sources[k]));
    finding.related.insert(finding.related.end(), single.named[k].edges.begin(), single.named[k].edges.end());
    finding.parts.push_back(single.named[k]);
  }
  finding.figures.push_back({"companies", static_cast<double>(single.companies)});
  finding.figures.push_back({"hhi", 10000});
  finding.facts.emplace_back("dimension", dimension.name);
  const std::size_t more = single.companies - named.size();
  finding.message = fmt::format("{} from a single source (HHI 10000): {} node{}: {}{}", dimension.name,
                                single.companies, single.companies == 1 ? "" : "s", fmt::join(named, ", "),
                                more ? fmt::format(" and {} more", more) : std::string());
  std::move(single.conflicts).AppendTo(&finding);
  return finding;
}

}  // namespace

Findings RunConcentration(const GraphView& view, const PassOptions& options) {
  const PartnershipGraph& graph = view.Graph();
  Findings findings;
  Scratch s;
  std::array<SingleSourced, kDimensionCount> single;
  for (VertexId v = 0; v < graph.NodeCount(); ++v) {
    for (std::size_t d = 0; d < kDimensionCount; ++d) {
      const Dimension& dimension = kDimensions[d];
      s.inflow.clear();
      s.in_group.clear();
      ForCountedIn(view, v, dimension.type, [&](VertexId from, EdgeId e) {
        if (from == v) return;
        const Edge& edge = graph.GetEdge(e);
        if (dimension.type == EdgeType::kInvests && options.BelowMinAmount(edge)) return;
        // The company's own group (its owner, the owner's other subsidiaries) is no outside source.
        (view.Ultimate(from) == view.Ultimate(v) ? s.in_group : s.inflow).push_back(e);
      });
      if (s.inflow.empty()) continue;
      std::sort(s.inflow.begin(), s.inflow.end());
      std::sort(s.in_group.begin(), s.in_group.end());
      const std::string_view weighted_by = WeightedBy(graph, dimension, s.inflow);
      const double total = GroupSources(view, weighted_by, s);
      if (!(total > 0)) continue;  // every amount was zero: no shares to speak of
      if (s.sources.size() == 1) {
        SingleSourced& one = single[d];
        if (one.named.size() < kNamesShown) {
          one.named.push_back({std::string(graph.NodeName(v)), {{"weight", total}}, s.inflow});
          one.names.push_back(DisplayName(graph, v));
          one.sources.push_back(DisplayName(graph, s.sources.front().party));
        }
        ++one.companies;
        ConflictNotes notes = NoteConflicts(view, s.inflow);
        one.conflicts.edges.insert(one.conflicts.edges.end(), notes.edges.begin(), notes.edges.end());
        one.conflicts.notes.insert(one.conflicts.notes.end(), notes.notes.begin(), notes.notes.end());
        continue;
      }
      findings.push_back(Describe(view, v, dimension, weighted_by, total, s, options.full_detail));
    }
  }
  for (std::size_t d = 0; d < kDimensionCount; ++d) {
    if (single[d].companies) findings.push_back(DescribeSingleSourced(kDimensions[d], std::move(single[d])));
  }
  return findings;
}

}  // namespace pg
