#include "tools/exposure_command.h"

#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "graph/display_name.h"
#include "graph/value_parser.h"
#include "tools/edge_text.h"
#include "tools/findings_format.h"
#include "tools/phase_clock.h"

namespace pg {
namespace {

using nlohmann::json;

json EdgeJson(const GraphView& view, EdgeId e) {
  json edge = EdgeToJson(view.Graph(), e, view.Options().as_of);
  edge["edge"] = e;
  return edge;
}

json NumberOrNull(double value) { return Known(value) ? json(value) : json(nullptr); }

std::string_view RivalTieKindName(RivalTieKind kind) {
  switch (kind) {
    case RivalTieKind::kIsRival: return "is_rival";
    case RivalTieKind::kOwnsRival: return "owns_rival";
    case RivalTieKind::kEdge: break;
  }
  return "edge";
}

std::string Weight(const ExposureDimension& dimension, double value) {
  if (dimension.basis == WeightBasis::kAmount) return FormatUsd(value);
  return fmt::format("{:g} edge{}", value, value == 1 ? "" : "s");
}

std::string DescribeRivalTie(const PartnershipGraph& graph, const GraphView& view, const RivalTie& tie) {
  switch (tie.kind) {
    case RivalTieKind::kIsRival:
      if (tie.edge != kNoEdge) return fmt::format("is a rival ({})", ShortEdge(graph, tie.edge));
      return fmt::format("is a rival (shared market {})", graph.Text(tie.market));
    case RivalTieKind::kOwnsRival:
      return fmt::format("owns rival {}", DisplayName(graph, tie.rival));
    case RivalTieKind::kEdge: break;
  }
  std::string text = ShortEdge(graph, tie.edge);
  if (graph.GetEdge(tie.edge).to != tie.rival) {
    text += fmt::format(" (controlled by {})", DisplayName(graph, tie.rival));
  }
  return text;
}

void PrintTable(const GraphView& view, const Exposure& exposure, std::ostream& out) {
  const PartnershipGraph& graph = view.Graph();
  std::vector<std::string> rivals;
  for (VertexId r : exposure.rivals) rivals.push_back(DisplayName(graph, r));
  out << fmt::format("{}: exposure to parties that also serve its rivals{}\n", DisplayName(graph, exposure.node),
                     view.Options().as_of.Known() ? fmt::format(" (as of {})", view.Options().as_of.ToString()) : "");
  out << fmt::format("rivals: {}\n\n", rivals.empty() ? std::string("(none)") : fmt::format("{}", fmt::join(rivals, ", ")));
  out << fmt::format("  {:<13} {:>10}  {:<7} {}\n", "dimension", "rival-tied", "basis", "tied / total");
  for (const ExposureDimension& d : exposure.dimensions) {
    if (d.basis == WeightBasis::kNone) {
      out << fmt::format("  {:<13} {:>10}  {:<7} no {} edges\n", d.name, "-", "none", EdgeTypeName(d.edge_type));
      continue;
    }
    std::string detail = fmt::format("{} / {}", Weight(d, d.rival_tied), Weight(d, d.total));
    if (d.basis == WeightBasis::kCount && d.edges_with_weight > 0) {
      detail += fmt::format(" ({} of {} with {}: {} known)", d.edges_with_weight, d.edge_count, d.weight_field,
                            FormatUsd(d.known_weight));
    } else if (d.basis == WeightBasis::kCount) {
      detail += fmt::format(" (no {})", d.weight_field);
    }
    out << fmt::format("  {:<13} {:>10}  {:<7} {}\n", d.name, FormatPercent(d.share), WeightBasisName(d.basis), detail);
  }
  if (exposure.scored_dimensions > 0) {
    out << fmt::format("  {:<13} {:>10}  mean of the {} dimension{} with data\n", "score", FormatPercent(exposure.score),
                       exposure.scored_dimensions, exposure.scored_dimensions == 1 ? "" : "s");
  } else {
    out << fmt::format("  {:<13} {:>10}  no funding, distribution or compute edges\n", "score", "-");
  }

  out << fmt::format("\nparties ({}, rolled up to ultimate parents)\n", exposure.parties.size());
  for (const ExposureParty& party : exposure.parties) {
    std::vector<std::string> weights;
    for (const ExposureDimension& d : exposure.dimensions) {
      const double w = party.weight[static_cast<int>(d.kind)];
      if (Known(w)) weights.push_back(fmt::format("{} {}", d.name, Weight(d, w)));
    }
    out << fmt::format("  {}  {}{}\n", DisplayName(graph, party.party), party.rival_tied ? "RIVAL-TIED" : "not tied",
                       weights.empty() ? "" : fmt::format("  ({})", fmt::join(weights, "; ")));
    for (EdgeId e : party.ties_to_node) {
      const VertexId to = graph.GetEdge(e).to;
      out << fmt::format("    to {}:  {}{}\n", DisplayName(graph, exposure.node), ShortEdge(graph, e),
                         to == exposure.node
                             ? ""
                             : fmt::format(" (controlled by {})", DisplayName(graph, exposure.node)));
    }
    for (const RivalTie& tie : party.ties_to_rivals) {
      out << fmt::format("    to rival {}:  {}\n", DisplayName(graph, tie.rival), DescribeRivalTie(graph, view, tie));
    }
  }
  for (const std::string& note : exposure.notes) out << fmt::format("note: {}\n", note);
}

}  // namespace

json ExposureToJson(const GraphView& view, const Exposure& exposure) {
  const PartnershipGraph& graph = view.Graph();
  json rivals = json::array();
  for (VertexId r : exposure.rivals) rivals.push_back(graph.NodeName(r));
  json dimensions = json::object();
  for (const ExposureDimension& d : exposure.dimensions) {
    dimensions[std::string(d.name)] = {{"edge_type", EdgeTypeName(d.edge_type)},
                                       {"weight_field", d.weight_field},
                                       {"basis", WeightBasisName(d.basis)},
                                       {"total", d.total},
                                       {"rival_tied", d.rival_tied},
                                       {"share", NumberOrNull(d.share)},
                                       {"edges", d.edge_count},
                                       {"edges_with_weight", d.edges_with_weight},
                                       {"known_weight_usd", d.known_weight}};
  }
  json parties = json::array();
  for (const ExposureParty& party : exposure.parties) {
    json weights = json::object();
    for (const ExposureDimension& d : exposure.dimensions) {
      const double w = party.weight[static_cast<int>(d.kind)];
      if (Known(w)) weights[std::string(d.name)] = w;
    }
    json to_node = json::array();
    for (EdgeId e : party.ties_to_node) to_node.push_back(EdgeJson(view, e));
    json to_rivals = json::array();
    for (const RivalTie& tie : party.ties_to_rivals) {
      json item{{"kind", RivalTieKindName(tie.kind)},
                {"rival", graph.NodeName(tie.rival)},
                {"via", graph.NodeName(tie.via)},
                {"edge", tie.edge == kNoEdge ? json(nullptr) : EdgeJson(view, tie.edge)}};
      if (tie.market != kNoString) item["market"] = graph.Text(tie.market);
      to_rivals.push_back(std::move(item));
    }
    parties.push_back({{"party", graph.NodeName(party.party)},
                       {"label", graph.NodeLabel(party.party)},
                       {"rival_tied", party.rival_tied},
                       {"weights", weights},
                       {"ties_to_node", to_node},
                       {"ties_to_rivals", to_rivals}});
  }
  const Date as_of = view.Options().as_of;
  return json{{"node", graph.NodeName(exposure.node)},
              {"label", graph.NodeLabel(exposure.node)},
              {"as_of", as_of.Known() ? json(as_of.ToString()) : json(nullptr)},
              {"rivals", rivals},
              {"dimensions", dimensions},
              {"score", NumberOrNull(exposure.score)},
              {"scored_dimensions", exposure.scored_dimensions},
              {"parties", parties},
              {"notes", exposure.notes}};
}

void SetupExposure(CLI::App& app, CliIo& io, int* exit_code) {
  auto options = std::make_shared<ExposureOptions>();
  CLI::App* command =
      app.add_subcommand("exposure", "how much of a company's funding, channels and compute also serve its rivals");
  command->footer(
      "A party (rolled up to its ultimate parent) is rival-tied when it, or anything it owns, invests\n"
      "in, distributes, supplies compute to or holds an exclusivity over a rival, or is a rival.\n"
      "Share per dimension = weight from rival-tied parties / all weight; weight is amount_usd\n"
      "(funding, compute) or revenue_usd (distribution), or 1 per edge (basis \"count\") when any\n"
      "edge of the dimension lacks it. Score = mean of the dimensions with data. See docs/exposure.md.\n"
      "Examples:\n"
      "  partnergraph exposure Anthropic examples/ai-cloud-2026\n"
      "  partnergraph exposure OpenAI examples/ai-cloud-2026 --format json | jq '.dimensions.funding.share'\n"
      "  partnergraph exposure OpenAI deals.xlsx --as-of 2026-01");
  command->add_option("node", options->node, "the company (id or label)")->required()->type_name("NODE");
  AddCommonOptions(*command, &options->common);
  command->callback([options, &io, exit_code] { *exit_code = RunExposure(*options, io); });
}

int RunExposure(const ExposureOptions& options, CliIo& io) {
  OutputFormat format;
  Date as_of;
  if (!ParseFormat(options.common, io, &format) || !ParseAsOf(options.common, io, &as_of)) return kExitBadInput;
  PhaseClock clock(io, ClockOptions(options.common), ShowProgress(options.common, io));
  std::optional<PartnershipGraph> graph = LoadForCommand(options.common, io, &clock);
  if (!graph) return kExitBadInput;
  const std::optional<VertexId> node = FindNodeOrExplain(*graph, options.node, io);
  if (!node) return kExitBadInput;
  clock.Begin("exposure", "computing exposure");
  const GraphView view(*graph, ViewOptions{as_of});
  const Exposure exposure = ComputeExposure(view, *node);
  if (format == OutputFormat::kJson) {
    io.out << JsonText(ExposureToJson(view, exposure)) << '\n';
  } else {
    PrintTable(view, exposure, io.out);
  }
  return kExitOk;
}

}  // namespace pg
