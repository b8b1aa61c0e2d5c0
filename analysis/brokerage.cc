#include "analysis/brokerage.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include "analysis/betweenness.h"
#include "analysis/constraint.h"
#include "analysis/undirected_graph.h"
#include "graph/display_name.h"

namespace pg {
namespace {

constexpr std::size_t kTop = 10;
// Edge visits (sources x edges). Exact up to 1e8: about a second on the shared 2-core machine
// (0.3 s idle; the 100k bench input's 2.5e9 took 6.9 s idle, 31 s under load). Sampled runs
// aim at 3e7, a tenth to a third of a second, so that brokerage costs no more than a few
// loads of the input.
constexpr double kExactWork = 1e8;
constexpr double kSampleWork = 3e7;
constexpr std::uint32_t kMinSamples = 100;
constexpr std::uint64_t kSeed = 1;
constexpr std::size_t kNamesShown = 6;

std::vector<bool> ActiveEdges(const GraphView& view) {
  std::vector<bool> active(view.Graph().EdgeCount());
  for (EdgeId e = 0; e < active.size(); ++e) active[e] = view.Active(e);
  return active;
}

}  // namespace

Findings RunBrokerage(const GraphView& view, const PassOptions& options) {
  const PartnershipGraph& graph = view.Graph();
  const std::vector<bool> active = ActiveEdges(view);
  const UndirectedGraph simple = BuildUndirectedGraph(graph, &active);
  const std::size_t n = simple.VertexCount();
  BetweennessOptions bc_options;
  bc_options.seed = kSeed;
  if (!options.exact) bc_options.samples = SourcesWithin(n, simple.targets.size() / 2, kExactWork, kSampleWork, kMinSamples);
  const bool sampled = BetweennessSampled(n, bc_options);
  const BetweennessEstimate estimate = EstimateBetweenness(simple, bc_options);
  const std::vector<double>& score = estimate.score;

  const std::vector<VertexId> order = TopScores(graph, score, kTop);
  const std::vector<double> constraint = BurtConstraint(simple, order);

  Findings findings;
  RivalFinder finder(view.Rivals());
  for (std::size_t rank = 0; rank < order.size(); ++rank) {
    const VertexId v = order[rank];
    const std::span<const VertexId> neighbours(simple.targets.data() + simple.offsets[v], simple.Degree(v));
    const std::vector<VertexId> rivals = finder.MembersWithRival(neighbours);

    Finding finding;
    finding.pass = "brokerage";
    finding.severity = rivals.empty() ? FindingSeverity::kInfo : FindingSeverity::kWarning;
    finding.subjects.emplace_back(graph.NodeName(v));
    finding.figures.push_back({"betweenness", score[v]});
    if (sampled) {
      finding.figures.push_back({"betweenness_stderr", estimate.standard_error[v]});
      finding.figures.push_back({"sampled_sources", static_cast<double>(bc_options.samples)});
    }
    if (Known(constraint[rank])) finding.figures.push_back({"constraint", constraint[rank]});
    finding.figures.push_back({"degree", static_cast<double>(simple.Degree(v))});
    finding.figures.push_back({"rank", static_cast<double>(rank + 1)});
    finding.figures.push_back({"rival_neighbours", static_cast<double>(rivals.size())});
    finding.facts.emplace_back("mode", sampled ? fmt::format("estimated from {} sampled sources", bc_options.samples)
                                               : std::string("exact"));
    // The edges tying v to each rival, from one walk over v's edges (a hub has tens of
    // thousands of neighbours and as many rivals among them).
    std::unordered_map<VertexId, std::size_t> slot;
    for (std::size_t i = 0; i < rivals.size(); ++i) slot.emplace(rivals[i], i);
    std::vector<std::vector<EdgeId>> ties(rivals.size());
    auto collect = [&](EdgeId e) {
      const Edge& edge = graph.GetEdge(e);
      if (!view.Active(e) || edge.from == edge.to) return;
      auto it = slot.find(edge.from == v ? edge.to : edge.from);
      if (it != slot.end()) ties[it->second].push_back(e);
    };
    graph.ForOutEdges(v, collect);
    graph.ForInEdges(v, collect);
    std::vector<std::string> names;
    for (std::size_t i = 0; i < rivals.size(); ++i) {
      FindingPart part;
      part.node = graph.NodeName(rivals[i]);
      part.edges = std::move(ties[i]);
      std::sort(part.edges.begin(), part.edges.end());
      part.edges.erase(std::unique(part.edges.begin(), part.edges.end()), part.edges.end());
      finding.related.insert(finding.related.end(), part.edges.begin(), part.edges.end());
      finding.subjects.push_back(part.node);
      if (names.size() < kNamesShown) names.push_back(DisplayName(graph, rivals[i]));
      finding.parts.push_back(std::move(part));
    }
    if (sampled) {
      finding.notes.push_back(fmt::format("betweenness estimated from {} of {} sources (seed {}), scaled by n/K; "
                                          "standard error {:.3g}; --exact computes it exactly",
                                          bc_options.samples, n, kSeed, estimate.standard_error[v]));
    }
    const std::string score_text =
        sampled ? fmt::format("{:.4g} ± {:.0f}%", score[v], 100.0 * estimate.standard_error[v] / score[v])
                : fmt::format("{:.4g}", score[v]);
    const std::string constraint_text =
        Known(constraint[rank]) ? fmt::format(", constraint {:.3f}", constraint[rank]) : std::string();
    std::string tail;
    if (!rivals.empty()) {
      tail = fmt::format("; tied to {} rivals: {}{}", rivals.size(), fmt::join(names, ", "),
                         rivals.size() > names.size() ? fmt::format(" and {} more", rivals.size() - names.size())
                                                      : std::string());
    }
    finding.message = fmt::format("{} is broker #{}: betweenness {}{}, {} neighbours{}", DisplayName(graph, v),
                                  rank + 1, score_text, constraint_text, simple.Degree(v), tail);
    findings.push_back(std::move(finding));
  }
  return findings;
}

}  // namespace pg
