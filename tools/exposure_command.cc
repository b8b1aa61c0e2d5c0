#include "tools/exposure_command.h"

#include <algorithm>
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

json EdgeJson(const PartnershipGraph& graph, Date as_of, EdgeId e) {
  json edge = EdgeToJson(graph, e, as_of);
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

std::string DescribeRivalTie(const PartnershipGraph& graph, const RivalTie& tie) {
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

/// How many of `total` items a list shows under --top (0: all).
std::size_t Shown(std::size_t total, std::size_t top) { return top == 0 ? total : std::min(total, top); }

/// "+N more <what> (--top 0 lists them all)", when `shown` left some out.
void PrintMore(std::string_view indent, std::size_t shown, std::size_t total, std::string_view what,
               std::ostream& out) {
  if (shown < total) out << fmt::format("{}+{} more {} (--top 0 lists them all)\n", indent, total - shown, what);
}

void PrintHeader(const PartnershipGraph& graph, const Exposure& exposure, std::size_t top, std::ostream& out) {
  const std::size_t shown = Shown(exposure.rivals.size(), top);
  std::vector<std::string> rivals;
  for (std::size_t i = 0; i < shown; ++i) rivals.push_back(DisplayName(graph, exposure.rivals[i]));
  out << fmt::format("{}: exposure to parties that also serve its rivals{}\n", DisplayName(graph, exposure.node),
                     exposure.as_of.Known() ? fmt::format(" (as of {})", exposure.as_of.ToString()) : "");
  std::string names = rivals.empty() ? std::string("(none)") : fmt::format("{}", fmt::join(rivals, ", "));
  if (shown < exposure.rivals.size()) {
    names += fmt::format(" and {} more (--top 0 lists them all)", exposure.rivals.size() - shown);
  }
  out << fmt::format("rivals: {}\n\n", names);
}

void PrintDimensions(const Exposure& exposure, std::ostream& out) {
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
}

void PrintParty(const PartnershipGraph& graph, const Exposure& exposure, const ExposureParty& party, std::size_t top,
                std::ostream& out) {
  std::vector<std::string> weights;
  for (const ExposureDimension& d : exposure.dimensions) {
    const double w = party.weight[static_cast<int>(d.kind)];
    if (Known(w)) weights.push_back(fmt::format("{} {}", d.name, Weight(d, w)));
  }
  out << fmt::format("  {}  {}{}\n", DisplayName(graph, party.party), party.rival_tied ? "RIVAL-TIED" : "not tied",
                     weights.empty() ? "" : fmt::format("  ({})", fmt::join(weights, "; ")));
  const std::size_t to_node = Shown(party.ties_to_node.size(), top);
  for (std::size_t i = 0; i < to_node; ++i) {
    const EdgeId e = party.ties_to_node[i];
    out << fmt::format("    to {}:  {}{}\n", DisplayName(graph, exposure.node), ShortEdge(graph, e),
                       graph.GetEdge(e).to == exposure.node
                           ? ""
                           : fmt::format(" (controlled by {})", DisplayName(graph, exposure.node)));
  }
  PrintMore("    ", to_node, party.ties_to_node.size(), fmt::format("ties to {}", DisplayName(graph, exposure.node)),
            out);
  const std::size_t to_rivals = Shown(party.ties_to_rivals.size(), top);
  for (std::size_t i = 0; i < to_rivals; ++i) {
    const RivalTie& tie = party.ties_to_rivals[i];
    out << fmt::format("    to rival {}:  {}\n", DisplayName(graph, tie.rival), DescribeRivalTie(graph, tie));
  }
  PrintMore("    ", to_rivals, party.ties_to_rivals.size(), "ties to rivals", out);
}

/// The table; every list is cut at `top` items (0: all) with a "+N more" line, totals exact.
void PrintTable(const PartnershipGraph& graph, const Exposure& exposure, std::size_t top, std::ostream& out) {
  PrintHeader(graph, exposure, top, out);
  PrintDimensions(exposure, out);
  out << fmt::format("\nparties ({}, rolled up to ultimate parents)\n", exposure.parties.size());
  const std::size_t parties = Shown(exposure.parties.size(), top);
  for (std::size_t i = 0; i < parties; ++i) PrintParty(graph, exposure, exposure.parties[i], top, out);
  PrintMore("  ", parties, exposure.parties.size(), "parties", out);
  const std::size_t notes = Shown(exposure.notes.size(), top);
  for (std::size_t i = 0; i < notes; ++i) out << fmt::format("note: {}\n", exposure.notes[i]);
  PrintMore("note: ", notes, exposure.notes.size(), "notes", out);
}

}  // namespace

json ExposureToJson(const PartnershipGraph& graph, const Exposure& exposure) {
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
    for (EdgeId e : party.ties_to_node) to_node.push_back(EdgeJson(graph, exposure.as_of, e));
    json to_rivals = json::array();
    for (const RivalTie& tie : party.ties_to_rivals) {
      json item{{"kind", RivalTieKindName(tie.kind)},
                {"rival", graph.NodeName(tie.rival)},
                {"via", graph.NodeName(tie.via)},
                {"edge", tie.edge == kNoEdge ? json(nullptr) : EdgeJson(graph, exposure.as_of, tie.edge)}};
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
  const Date as_of = exposure.as_of;
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
      "The table lists the first --top rivals, parties (rival-tied first), ties per party and notes,\n"
      "and says \"+N more\" for the rest; --top 0 or --format json gives everything.\n"
      "Examples:\n"
      "  partnergraph exposure Anthropic examples/ai-cloud-2026\n"
      "  partnergraph exposure OpenAI examples/ai-cloud-2026 --format json | jq '.dimensions.funding.share'\n"
      "  partnergraph exposure OpenAI deals.xlsx --as-of 2026-01\n"
      "  partnergraph exposure c42665 big.pgraph --top 0");
  command->add_option("node", options->node, "the company (id or label)")->required()->type_name("NODE");
  AddCommonOptions(*command, &options->common);
  command->add_option("--top", options->top,
                      "list at most this many rivals, parties, ties per party and notes (0: all); totals stay "
                      "exact and each cut list ends with \"+N more\"; --format json lists everything")
      ->type_name("N")
      ->capture_default_str();
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
  // From the node's neighbourhood: no GraphView of the whole graph.
  const Exposure exposure = ComputeExposure(*graph, as_of, *node);
  clock.End();
  clock.Begin("output", "writing the exposure");
  if (format == OutputFormat::kJson) {
    io.out << JsonText(ExposureToJson(*graph, exposure)) << '\n';
  } else {
    PrintTable(*graph, exposure, options.top, io.out);
  }
  io.out.flush();
  clock.End();
  return kExitOk;
}

}  // namespace pg
