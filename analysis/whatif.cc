#include "analysis/whatif.h"

#include <algorithm>

#include <fmt/format.h>

#include "analysis/exposure.h"
#include "graph/display_name.h"
#include "graph/graph_view.h"
#include "graph/value_parser.h"

namespace pg {
namespace {

// The edits' endpoints, what owns them, and the rivals of all of these, in one view.
void NearEdits(const GraphView& view, std::span<const VertexId> touched, std::vector<bool>* near) {
  std::vector<VertexId> around;
  for (VertexId v : touched) {
    for (std::size_t steps = 0; v != kNoVertex && steps <= view.Graph().NodeCount(); ++steps, v = view.Parent(v)) {
      around.push_back(v);
    }
  }
  for (VertexId v : around) {
    (*near)[v] = true;
    for (VertexId rival : view.Rivals().RivalsOf(v)) (*near)[rival] = true;
  }
}

Finding ExposureFinding(const PartnershipGraph& graph, const Exposure& exposure) {
  Finding finding;
  finding.pass = "exposure";
  finding.severity = FindingSeverity::kInfo;
  finding.subjects = {std::string(graph.NodeName(exposure.node))};
  std::vector<std::string> parts;
  for (const ExposureDimension& d : exposure.dimensions) {
    if (!Known(d.share)) continue;
    finding.figures.push_back({fmt::format("{}_share", d.name), d.share});
    parts.push_back(fmt::format("{} {}", d.name, FormatPercent(d.share)));
  }
  if (Known(exposure.score)) finding.figures.push_back({"score", exposure.score});
  finding.message = fmt::format("{}: rival-tied {}; score {}", DisplayName(graph, exposure.node),
                                parts.empty() ? std::string("(no data)") : fmt::format("{}", fmt::join(parts, ", ")),
                                Known(exposure.score) ? FormatPercent(exposure.score) : "(none)");
  return finding;
}

Findings RunAll(const GraphView& view, std::span<const PassInfo* const> passes, const PassOptions& pass_options,
                const std::vector<bool>& near) {
  Findings all;
  for (const PassInfo* pass : passes) {
    Findings found = pass->run(view, pass_options);
    all.insert(all.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  for (VertexId v = 0; v < near.size(); ++v) {
    if (!near[v] || view.Rivals().RivalsOf(v).empty()) continue;
    all.push_back(ExposureFinding(view.Graph(), ComputeExposure(view, v)));
  }
  return all;
}

}  // namespace

WhatIfDiff CompareWhatIf(const PartnershipGraph& before, const PartnershipGraph& after,
                         std::span<const PassInfo* const> passes, const PassOptions& pass_options,
                         const WhatIfScope& options) {
  const GraphView old_view(before, ViewOptions{options.as_of});
  const GraphView new_view(after, ViewOptions{options.as_of});
  std::vector<bool> near(std::min(before.NodeCount(), after.NodeCount()), false);
  if (options.exposure) {
    NearEdits(old_view, options.touched, &near);
    NearEdits(new_view, options.touched, &near);
  }
  Findings earlier = RunAll(old_view, passes, pass_options, near);
  Findings later = RunAll(new_view, passes, pass_options, near);

  return CompareFindings(std::move(earlier), std::move(later));
}

}  // namespace pg
