#include "tools/centrality_command.h"

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analysis/betweenness.h"
#include "graph/display_name.h"
#include "graph/graph_view.h"
#include "tools/findings_format.h"
#include "tools/phase_clock.h"

namespace pg {

void SetupCentrality(CLI::App& app, CliIo& io, int* exit_code) {
  auto options = std::make_shared<CentralityOptions>();
  CLI::App* command = app.add_subcommand(
      "centrality", "betweenness centrality (undirected, unnormalised, as NetworkX) and the top nodes");
  command->footer(
      "Every edge counts once between its two ends, whatever its type or direction; self-loops are\n"
      "dropped. Scores are unnormalised (each pair of endpoints counted once), as NetworkX's\n"
      "betweenness_centrality(G, normalized=False). With --samples K, K sources are drawn with\n"
      "--seed and the scores scaled by n/K (an estimate); K >= the node count is exact.\n"
      "Examples:\n"
      "  partnergraph centrality examples/ai-cloud-2026\n"
      "  partnergraph centrality nodes.csv edges.csv --samples 256 --seed 1 --format json\n"
      "JSON: {\"mode\": \"exact\"|\"sampled\", \"top\": [[\"id\", score], ...]}, ties ordered by id.");
  AddCommonOptions(*command, &options->common);
  command->add_option("--samples", options->samples, "estimate from K sampled sources (0: exact)")
      ->type_name("K");
  command->add_option("--seed", options->seed, "seed of the source sample")->capture_default_str();
  command->add_option("--top", options->top, "how many nodes to print")->capture_default_str();
  command->add_option("--threads", options->threads, "worker threads (0: one per core)")->type_name("N");
  command->callback([options, &io, exit_code] { *exit_code = RunCentrality(*options, io); });
}

int RunCentrality(const CentralityOptions& options, CliIo& io) {
  OutputFormat format;
  Date as_of;
  if (!ParseFormat(options.common, io, &format) || !ParseAsOf(options.common, io, &as_of)) return kExitBadInput;
  PhaseClock clock(io, ClockOptions(options.common, "centrality"), ShowProgress(options.common, io));
  std::optional<PartnershipGraph> graph = LoadForCommand(options.common, io, &clock);
  if (!graph) return kExitBadInput;

  clock.Begin("betweenness", options.samples ? fmt::format("betweenness from {} sources", options.samples)
                                             : std::string("exact betweenness"));
  // Only the view's date rule is needed here, not a whole GraphView (roll-up, rivals and claims
  // cost a tenth of a second at 1M edges).
  std::vector<bool> active(graph->EdgeCount());
  for (EdgeId e = 0; e < active.size(); ++e) active[e] = ActiveAsOf(graph->GetEdge(e), as_of);
  BetweennessOptions bc;
  bc.samples = options.samples;
  bc.seed = options.seed;
  bc.threads = options.threads;
  bc.active = &active;
  const std::vector<double> scores = BetweennessCentrality(*graph, bc);
  const bool sampled = BetweennessSampled(graph->NodeCount(), bc);
  const std::vector<VertexId> top = TopScores(*graph, scores, options.top);
  clock.End();

  clock.Begin("output", "writing the top nodes");
  if (format == OutputFormat::kJson) {
    nlohmann::json out;
    out["mode"] = sampled ? "sampled" : "exact";
    out["top"] = nlohmann::json::array();
    for (VertexId v : top) out["top"].push_back({std::string(graph->NodeName(v)), scores[v]});
    io.out << JsonText(out, -1) << '\n';
    io.out.flush();
    clock.End();
    return kExitOk;
  }
  io.out << fmt::format("betweenness, {}: {} nodes, {} edges{}\n",
                        sampled ? fmt::format("estimated from {} sources (seed {})", bc.samples, bc.seed)
                                : std::string("exact"),
                        graph->NodeCount(), graph->EdgeCount(),
                        as_of.Known() ? fmt::format(" (as of {})", as_of.ToString()) : "");
  std::vector<std::string> names;
  for (VertexId v : top) names.push_back(DisplayName(*graph, v));
  std::size_t width = 2;
  for (const std::string& name : names) width = std::max(width, name.size());
  for (std::size_t rank = 0; rank < top.size(); ++rank) {
    io.out << fmt::format("{:>3}  {:<{}}  {:.6f}\n", rank + 1, names[rank], width, scores[top[rank]]);
  }
  if (top.empty()) io.out << "no node lies on a shortest path between two others\n";
  io.out.flush();
  clock.End();
  return kExitOk;
}

}  // namespace pg
