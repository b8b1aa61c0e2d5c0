#include "tools/common_command.h"

#include <algorithm>
#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/display_name.h"
#include "tools/findings_format.h"
#include "tools/phase_clock.h"

namespace pg {
namespace {

using nlohmann::json;

json EdgesJson(const PartnershipGraph& graph, const std::vector<EdgeId>& edges) {
  json list = json::array();
  for (EdgeId e : edges) {
    json edge = EdgeToJson(graph, e);
    edge["edge"] = e;
    list.push_back(std::move(edge));
  }
  return list;
}

json SharedJson(const PartnershipGraph& graph, const std::vector<SharedParty>& parties) {
  json list = json::array();
  for (const SharedParty& p : parties) {
    list.push_back({{"party", graph.NodeName(p.party)},
                    {"label", graph.NodeLabel(p.party)},
                    {"a_edges", EdgesJson(graph, p.a_edges)},
                    {"b_edges", EdgesJson(graph, p.b_edges)}});
  }
  return list;
}

std::string RoleKey(std::string_view name) {
  std::string key(name);
  std::replace(key.begin(), key.end(), ' ', '_');
  return key;
}

std::string Names(const PartnershipGraph& graph, const std::vector<SharedParty>& parties) {
  if (parties.empty()) return "(none)";
  std::vector<std::string> names;
  for (const SharedParty& p : parties) names.push_back(DisplayName(graph, p.party));
  return fmt::format("{}", fmt::join(names, ", "));
}

/// The distinct source nodes of `edges`.
/// The parties at the role's end of `edges`: their sources, or their targets downstream.
std::vector<VertexId> Sources(const PartnershipGraph& graph, const std::vector<EdgeId>& edges, bool downstream) {
  std::vector<VertexId> out;
  for (EdgeId e : edges) out.push_back(downstream ? graph.GetEdge(e).to : graph.GetEdge(e).from);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void PrintEvidence(const PartnershipGraph& graph, const CommonTies& ties, const SharedParty& p, std::ostream& out) {
  for (EdgeId e : p.a_edges) out << fmt::format("      {}: {}\n", DisplayName(graph, ties.a), DescribeEdge(graph, e));
  for (EdgeId e : p.b_edges) out << fmt::format("      {}: {}\n", DisplayName(graph, ties.b), DescribeEdge(graph, e));
}

void PrintTable(const GraphView& view, const CommonTies& ties, std::ostream& out) {
  const PartnershipGraph& graph = view.Graph();
  const std::string a = DisplayName(graph, ties.a), b = DisplayName(graph, ties.b);
  out << fmt::format("{} and {} share {} part{} (rolled up to ultimate parents){}: {}\n", a, b, ties.parties.size(),
                     ties.parties.size() == 1 ? "y" : "ies",
                     view.Options().as_of.Known() ? fmt::format(" as of {}", view.Options().as_of.ToString()) : "",
                     Names(graph, ties.parties));
  for (const CommonRole& role : ties.roles) {
    out << fmt::format("\n{} ({}{})\n", role.name, EdgeTypeName(role.edge_type),
                       role.downstream ? " out of both, to the same party" : "");
    out << fmt::format("  shared, same node: {}\n", Names(graph, role.shared_raw));
    for (const SharedParty& p : role.shared_raw) {
      out << fmt::format("    {}\n", DisplayName(graph, p.party));
      PrintEvidence(graph, ties, p, out);
    }
    out << fmt::format("  shared, rolled up: {}\n", Names(graph, role.shared_rolled_up));
    for (const SharedParty& p : role.shared_rolled_up) {
      const std::vector<VertexId> from_a = Sources(graph, p.a_edges, role.downstream),
                                 from_b = Sources(graph, p.b_edges, role.downstream);
      // Same single source on both sides: the raw level above already shows the evidence.
      if (from_a.size() == 1 && from_a == from_b && from_a[0] != p.party) {
        out << fmt::format("    {} (ultimate owner of {}, shown above)\n", DisplayName(graph, p.party),
                           DisplayName(graph, from_a[0]));
        continue;
      }
      if (from_a.size() == 1 && from_a == from_b) continue;  // the party itself, shown above
      out << fmt::format("    {}\n", DisplayName(graph, p.party));
      PrintEvidence(graph, ties, p, out);
    }
    out << fmt::format("  {} only: {}\n", a, Names(graph, role.only_a));
    out << fmt::format("  {} only: {}\n", b, Names(graph, role.only_b));
  }
  out << "\nacross roles (rolled up)\n";
  if (ties.parties.empty()) out << "  (none)\n";
  for (const SharedParty& p : ties.parties) {
    out << fmt::format("  {}\n", DisplayName(graph, p.party));
    for (EdgeId e : p.a_edges) out << fmt::format("    {}: {}\n", a, DescribeEdge(graph, e));
    for (EdgeId e : p.b_edges) out << fmt::format("    {}: {}\n", b, DescribeEdge(graph, e));
  }
  out << "\ndirect edges\n";
  if (ties.direct.empty()) out << "  (none)\n";
  for (EdgeId e : ties.direct) out << fmt::format("  {}\n", DescribeEdge(graph, e));
}

}  // namespace

json CommonTiesToJson(const GraphView& view, const CommonTies& ties) {
  const PartnershipGraph& graph = view.Graph();
  json roles = json::object();
  for (const CommonRole& role : ties.roles) {
    roles[RoleKey(role.name)] = {{"edge_type", EdgeTypeName(role.edge_type)},
                                 {"direction", role.downstream ? "downstream" : "upstream"},
                                 {"shared_raw", SharedJson(graph, role.shared_raw)},
                                 {"shared_rolled_up", SharedJson(graph, role.shared_rolled_up)},
                                 {"only_a", SharedJson(graph, role.only_a)},
                                 {"only_b", SharedJson(graph, role.only_b)}};
  }
  const Date as_of = view.Options().as_of;
  return json{{"a", graph.NodeName(ties.a)},
              {"b", graph.NodeName(ties.b)},
              {"as_of", as_of.Known() ? json(as_of.ToString()) : json(nullptr)},
              {"roles", roles},
              {"parties", SharedJson(graph, ties.parties)},
              {"direct", EdgesJson(graph, ties.direct)}};
}

void SetupCommon(CLI::App& app, CliIo& io, int* exit_code) {
  auto options = std::make_shared<CommonCommandOptions>();
  CLI::App* command = app.add_subcommand("common", "what two nodes share (investors, channels, compute, owners) and why");
  command->footer(
      "Roles: investors (invests), channels (distributes), compute suppliers (supplies_compute),\n"
      "exclusivity holders (exclusive), owners (owns) upstream; compute customers (both supply compute\n"
      "to it) and suppliers distributed (both are its channels) downstream; each at two levels: the same node on both\n"
      "sides (raw: Bedrock) and the same ultimate parent (rolled up: Amazon). Every shared party\n"
      "comes with its edges on each side: type, amount, date, source, file and line.\n"
      "Examples:\n"
      "  partnergraph common OpenAI Anthropic examples/ai-cloud-2026\n"
      "  partnergraph common OpenAI Anthropic examples/ai-cloud-2026 --format json | jq '.parties[].party'");
  command->add_option("a", options->a, "first node (id or label)")->required()->type_name("A");
  command->add_option("b", options->b, "second node (id or label)")->required()->type_name("B");
  AddCommonOptions(*command, &options->common);
  command->callback([options, &io, exit_code] { *exit_code = RunCommon(*options, io); });
}

int RunCommon(const CommonCommandOptions& options, CliIo& io) {
  OutputFormat format;
  Date as_of;
  if (!ParseFormat(options.common, io, &format) || !ParseAsOf(options.common, io, &as_of)) return kExitBadInput;
  PhaseClock clock(io, ClockOptions(options.common), ShowProgress(options.common, io));
  std::optional<PartnershipGraph> graph = LoadForCommand(options.common, io, &clock);
  if (!graph) return kExitBadInput;
  const std::optional<VertexId> a = FindNodeOrExplain(*graph, options.a, io);
  const std::optional<VertexId> b = FindNodeOrExplain(*graph, options.b, io);
  if (!a || !b) return kExitBadInput;
  if (*a == *b) {
    io.err << fmt::format("error: \"{}\" and \"{}\" are the same node; name two different nodes\n", options.a, options.b);
    return kExitBadInput;
  }
  clock.Begin("common", "computing common");
  const GraphView view(*graph, ViewOptions{as_of});
  const CommonTies ties = FindCommonTies(view, *a, *b);
  if (format == OutputFormat::kJson) {
    io.out << JsonText(CommonTiesToJson(view, ties)) << '\n';
  } else {
    PrintTable(view, ties, io.out);
  }
  return kExitOk;
}

}  // namespace pg
