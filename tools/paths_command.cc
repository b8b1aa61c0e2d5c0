#include "tools/paths_command.h"

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analysis/paths.h"
#include "graph/display_name.h"
#include "tools/findings_format.h"
#include "tools/phase_clock.h"

namespace pg {
namespace {

// Whatever --limit says: a listing past these is not something to read, and the search stops
// within about a second on any input.
constexpr std::size_t kMaxPaths = 10'000;
constexpr std::chrono::milliseconds kTimeBudget{1000};

// Why the listing is cut, or "" when it is complete.
std::string StopNote(const PathSearch& search, std::size_t limit, std::size_t asked) {
  switch (search.stop) {
    case PathStop::kNone:
      return "";
    case PathStop::kLimit:
      if (limit < asked) {
        return fmt::format("stopped at {} paths, the most `paths` lists whatever --limit says: more exist; lower "
                           "--max-depth",
                           limit);
      }
      return fmt::format("stopped at --limit {}: more paths exist; raise --limit or lower --max-depth", limit);
    case PathStop::kExpansions:
      return fmt::format("stopped after {} steps tried: more paths may exist; lower --max-depth",
                         search.expansions - 1);
    case PathStop::kTime:
      return fmt::format("stopped after {} s of search ({} steps tried): more paths may exist; lower --max-depth",
                         kTimeBudget.count() / 1000.0, search.expansions);
  }
  return "";
}

}  // namespace

void SetupPaths(CLI::App& app, CliIo& io, int* exit_code) {
  auto options = std::make_shared<PathsCommandOptions>();
  CLI::App* command = app.add_subcommand("paths", "simple paths between two nodes, with edge types");
  command->footer(
      "Edges are followed in their direction (Amazon -owns-> AWS, not back); competes and partners\n"
      "edges either way. --undirected travels every edge either way, shown as A <-invests- B.\n"
      "Shortest paths first. Bounded: --max-depth edges per path, --limit paths in all (never more than\n"
      "10,000), 2,000,000 steps tried and about a second of search; a note says when a bound cut the list.\n"
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
  PhaseClock clock(io, ClockOptions(options.common), ShowProgress(options.common, io));
  std::optional<PartnershipGraph> graph = LoadForCommand(options.common, io, &clock);
  if (!graph) return kExitBadInput;
  const std::optional<VertexId> from = FindNodeOrExplain(*graph, options.from, io);
  const std::optional<VertexId> to = FindNodeOrExplain(*graph, options.to, io);
  if (!from || !to) return kExitBadInput;
  if (*from == *to) {
    io.err << fmt::format("error: \"{}\" and \"{}\" are the same node; name two different nodes\n", options.from,
                          options.to);
    return kExitBadInput;
  }
  clock.Begin("paths", "searching paths");
  const GraphView view(*graph, ViewOptions{as_of});
  PathOptions path_options;
  path_options.max_depth = options.max_depth;
  path_options.limit = std::min(options.limit, kMaxPaths);
  path_options.undirected = options.undirected;
  path_options.time_budget = kTimeBudget;
  const PathSearch search = FindPaths(view, *from, *to, path_options);
  const std::string note = StopNote(search, path_options.limit, options.limit);
  clock.Begin("output", fmt::format("writing {} paths", search.paths.size()));

  if (format == OutputFormat::kJson) {
    using nlohmann::json;
    json paths = json::array();
    for (const Path& path : search.paths) {
      json nodes = json::array({graph->NodeName(path.start)});
      json steps = json::array();
      for (const PathStep& step : path.steps) {
        nodes.push_back(graph->NodeName(StepTarget(*graph, step)));
        json edge = EdgeToJson(*graph, step.edge, as_of);
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
                      {"note", note.empty() ? json(nullptr) : json(note)},
                      {"paths", std::move(paths)}};
    io.out << JsonText(result) << '\n';
    return kExitOk;
  }
  io.out << fmt::format("{} path{} from {} to {} ({}, at most {} edge{}){}\n", search.paths.size(),
                        search.paths.size() == 1 ? "" : "s", DisplayName(*graph, *from), DisplayName(*graph, *to),
                        options.undirected ? "any direction" : "following edge direction", options.max_depth,
                        options.max_depth == 1 ? "" : "s",
                        as_of.Known() ? fmt::format(" as of {}", as_of.ToString()) : "");
  for (const Path& path : search.paths) io.out << fmt::format("  {}\n", FormatPath(*graph, path));
  if (!note.empty()) {
    io.out << fmt::format("({})\n", note);
  } else if (search.paths.empty() && !options.undirected) {
    io.out << "(try --undirected to travel edges backwards, or a larger --max-depth)\n";
  }
  return kExitOk;
}

}  // namespace pg
