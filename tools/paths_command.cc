#include "tools/paths_command.h"

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analysis/paths.h"
#include "tools/findings_format.h"

namespace pg {

void SetupPaths(CLI::App& app, CliIo& io, int* exit_code) {
  auto options = std::make_shared<PathsCommandOptions>();
  CLI::App* command = app.add_subcommand("paths", "simple paths between two nodes, with edge types");
  command->footer(
      "Edges are followed in their direction (Amazon -owns-> AWS, not back); competes and partners\n"
      "edges either way. --undirected travels every edge either way, shown as A <-invests- B.\n"
      "Shortest paths first. Bounded: --max-depth edges per path, --limit paths in all.\n"
      "Examples:\n"
      "  partnergraph paths Amazon OpenAI examples/ai-cloud-2026\n"
      "  partnergraph paths Google OpenAI examples/ai-cloud-2026 --undirected --max-depth 3\n"
      "  partnergraph paths Amazon OpenAI examples/ai-cloud-2026 --format json | jq -r '.paths[].text'");
  command->add_option("from", options->from, "start node (id or label)")->required()->type_name("A");
  command->add_option("to", options->to, "end node (id or label)")->required()->type_name("B");
  AddCommonOptions(*command, &options->common);
  command->add_option("--max-depth", options->max_depth, "at most this many edges per path")
      ->check(CLI::Range(1, 12))
      ->capture_default_str();
  command->add_option("--limit", options->limit, "at most this many paths")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  command->add_flag("--undirected", options->undirected, "travel every edge in both directions");
  command->callback([options, &io, exit_code] { *exit_code = RunPaths(*options, io); });
}

int RunPaths(const PathsCommandOptions& options, CliIo& io) {
  OutputFormat format;
  Date as_of;
  if (!ParseFormat(options.common, io, &format) || !ParseAsOf(options.common, io, &as_of)) return kExitBadInput;
  std::optional<PartnershipGraph> graph = LoadForCommand(options.common, io);
  if (!graph) return kExitBadInput;
  const std::optional<VertexId> from = FindNodeOrExplain(*graph, options.from, io);
  const std::optional<VertexId> to = FindNodeOrExplain(*graph, options.to, io);
  if (!from || !to) return kExitBadInput;
  if (*from == *to) {
    io.err << fmt::format("error: \"{}\" and \"{}\" are the same node; name two different nodes\n", options.from,
                          options.to);
    return kExitBadInput;
  }
  const GraphView view(*graph, ViewOptions{as_of});
  PathOptions path_options;
  path_options.max_depth = options.max_depth;
  path_options.limit = options.limit;
  path_options.undirected = options.undirected;
  const PathSearch search = FindPaths(view, *from, *to, path_options);

  if (format == OutputFormat::kJson) {
    using nlohmann::json;
    json paths = json::array();
    for (const Path& path : search.paths) {
      json nodes = json::array({graph->NodeName(path.start)});
      json steps = json::array();
      for (const PathStep& step : path.steps) {
        nodes.push_back(graph->NodeName(StepTarget(*graph, step)));
        json edge = EdgeToJson(*graph, step.edge);
        edge["edge"] = step.edge;
        steps.push_back({{"forward", step.forward}, {"edge", std::move(edge)}});
      }
      paths.push_back({{"length", path.steps.size()},
                       {"text", FormatPath(*graph, path)},
                       {"nodes", std::move(nodes)},
                       {"steps", std::move(steps)}});
    }
    const json result{{"from", graph->NodeName(*from)},
                      {"to", graph->NodeName(*to)},
                      {"as_of", as_of.Known() ? json(as_of.ToString()) : json(nullptr)},
                      {"max_depth", options.max_depth},
                      {"limit", options.limit},
                      {"undirected", options.undirected},
                      {"truncated", search.truncated},
                      {"paths", std::move(paths)}};
    io.out << JsonText(result) << '\n';
    return kExitOk;
  }
  io.out << fmt::format("{} path{} from {} to {} ({}, at most {} edge{}){}\n", search.paths.size(),
                        search.paths.size() == 1 ? "" : "s", graph->NodeName(*from), graph->NodeName(*to),
                        options.undirected ? "any direction" : "following edge direction", options.max_depth,
                        options.max_depth == 1 ? "" : "s",
                        as_of.Known() ? fmt::format(" as of {}", as_of.ToString()) : "");
  for (const Path& path : search.paths) io.out << fmt::format("  {}\n", FormatPath(*graph, path));
  if (search.budget_exhausted) {
    io.out << fmt::format("(stopped after {} steps tried: more paths may exist; lower --max-depth)\n",
                          search.expansions - 1);
  } else if (search.truncated) {
    io.out << fmt::format("(stopped at --limit {}: more paths exist; raise --limit or lower --max-depth)\n",
                          options.limit);
  } else if (search.paths.empty() && !options.undirected) {
    io.out << "(try --undirected to travel edges backwards, or a larger --max-depth)\n";
  }
  return kExitOk;
}

}  // namespace pg
