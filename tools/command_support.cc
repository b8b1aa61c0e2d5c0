#include "tools/command_support.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <system_error>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include "analysis/pass_registry.h"
#include "graph/text.h"
#include "graph/value_parser.h"
#include "io/model_reader.h"
#include "tools/phase_clock.h"

namespace pg {

void AddReadingOptions(CLI::App& command, CommonOptions* options) {
  command.add_option("--fx", options->fx,
                     "currency rates for amounts not in dollars, as USD per unit: EUR=1.08,GBP=1.27 "
                     "(an fx table in the inputs, columns currency,usd_per_unit, works too)")
      ->delimiter(',')
      ->type_name("CUR=RATE,...");
  command.add_option("--type-map", options->type_map,
                     "a CSV table (columns type,maps_to) mapping free-form node and edge types such as "
                     "\"licenses\" or \"Government\" to ours")
      ->type_name("FILE");
}

void AddCommonOptions(CLI::App& command, CommonOptions* options, bool with_format) {
  command.add_option("inputs", options->inputs,
                     "CSV files (nodes.csv, edges.csv, metrics.csv), a folder of them, an .xlsx "
                     "workbook or a .json model; several merge into one graph. A .pgraph snapshot "
                     "(convert -o big.pgraph) is read alone; - reads standard input")
      ->required()
      ->type_name("PATH...");
  if (with_format) {
    command.add_option("-f,--format", options->format, "output: table (for people) or json (for jq)")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();
  }
  command.add_option("--as-of", options->as_of,
                     "the view's date (YYYY, YYYY-MM or YYYY-MM-DD; default: today, or $PARTNERGRAPH_TODAY): "
                     "edges started by then and not yet ended are current, the others history or "
                     "planned; metrics: the latest value by then (plans always); `all` for every "
                     "edge whatever its dates")
      ->type_name("DATE");
  AddReadingOptions(command, options);
  command.add_flag("-q,--quiet", options->quiet, "print no warnings or progress, only errors and results");
  command.add_flag("--progress", options->progress,
                   "report slow phases (over a second) on stderr even when it is not a terminal");
  command.add_flag("--timings", options->timings,
                   "print `phase=NAME seconds=S maxrss_kb=K` on stderr after each phase (for benchmarks)");
}

void PrintDiagnostics(const Diagnostics& diagnostics, CliIo& io, std::size_t limit) {
  std::size_t shown = 0;
  for (const Diagnostic& diagnostic : diagnostics.All()) {
    if (shown++ == limit) break;
    io.err << FormatDiagnostic(diagnostic) << '\n';
  }
  if (diagnostics.All().size() > limit) {
    io.err << fmt::format("... and {} more ({} errors in all)\n", diagnostics.All().size() - limit,
                          diagnostics.ErrorCount());
  }
}

PhaseClockOptions ClockOptions(const CommonOptions& options, std::string_view command) {
  PhaseClockOptions clock;
  clock.command = std::string(command);
  clock.timings = options.timings;
  clock.progress = options.progress;
  clock.quiet = options.quiet;
  std::string source;
  clock.memory_limit_kb = DefaultMemoryLimitKb(&source);
  return clock;
}

bool ShowProgress(const CommonOptions& options, const CliIo& io) { return options.progress || ErrIsTerminal(io); }

namespace {

// The size of what a load will read: files named, and the files of folders named (what the
// loader reads there is a subset; extra files only make the percentage cautious).
std::uint64_t InputBytes(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::uint64_t bytes = 0;
  for (const std::string& input : inputs) {
    std::error_code error;
    if (fs::is_regular_file(input, error)) {
      const std::uintmax_t size = fs::file_size(input, error);
      if (!error) bytes += size;
      continue;
    }
    if (!fs::is_directory(input, error)) continue;
    for (fs::directory_iterator it(input, error); !error && it != fs::directory_iterator(); it.increment(error)) {
      std::error_code entry_error;
      if (!it->is_regular_file(entry_error)) continue;
      const std::uintmax_t size = it->file_size(entry_error);
      if (!entry_error) bytes += size;
    }
  }
  return bytes;
}

}  // namespace

std::optional<LoadOptions> LoadOptionsFor(const CommonOptions& options, CliIo& io) {
  std::string limits_error;
  const std::optional<InputLimits> limits = InputLimitsFromEnvironment(&limits_error);
  if (!limits) {
    io.err << "error: " << limits_error << '\n';
    return std::nullopt;
  }
  return LoadOptions{.limits = *limits, .fx = options.fx, .type_map = options.type_map};
}

std::optional<PartnershipGraph> LoadForCommand(const CommonOptions& options, CliIo& io, PhaseClock* clock) {
  Diagnostics diagnostics;
  const std::uint64_t input_bytes = clock ? InputBytes(options.inputs) : 0;
  if (clock) {
    const std::uint64_t bytes = input_bytes;
    clock->Begin("load", fmt::format("loading {} input{}{}", options.inputs.size(),
                                     options.inputs.size() == 1 ? "" : "s",
                                     bytes > 0 ? fmt::format(" ({:.1f} MB)", bytes / 1e6) : ""));
  }
  std::optional<LoadOptions> load = LoadOptionsFor(options, io);
  if (!load) return std::nullopt;
  std::atomic<std::uint64_t> bytes_read{0};
  if (clock) {
    load->bytes_read = &bytes_read;
    clock->Track(&bytes_read, input_bytes);
  }
  std::optional<PartnershipGraph> graph = LoadModel(options.inputs, &diagnostics, *load);
  if (clock) clock->End();
  if (!graph || !options.quiet) {
    if (!graph) {
      Diagnostics errors;
      for (const Diagnostic& d : diagnostics.All()) {
        if (d.severity == Severity::kError || !options.quiet) errors.Add(d.severity, d.where, d.message);
      }
      PrintDiagnostics(errors, io);
    } else {
      PrintDiagnostics(diagnostics, io);
    }
  }
  return graph;
}

bool ParseFormat(const CommonOptions& options, CliIo& io, OutputFormat* format) {
  *format = options.format == "json" ? OutputFormat::kJson : OutputFormat::kTable;
  return true;
}

bool ParseAsOf(const CommonOptions& options, CliIo& io, Date* as_of) {
  if (EqualsIgnoreCase(Trim(options.as_of), "all")) {
    *as_of = Date();
    return true;
  }
  std::string error;
  if (!options.as_of.empty()) {
    const std::optional<Date> date = ParseDate(options.as_of, &error);
    if (!date) {
      io.err << "error: --as-of: " << error << '\n';
      return false;
    }
    *as_of = *date;
    return true;
  }
  const char* today = std::getenv(kTodayVariable);
  if (today == nullptr || *today == '\0') {
    *as_of = Today();
    return true;
  }
  const std::optional<Date> date = ParseDate(today, &error);
  if (!date) {
    io.err << "error: " << kTodayVariable << ": " << error << '\n';
    return false;
  }
  *as_of = *date;
  return true;
}

std::optional<VertexId> FindNodeOrExplain(const PartnershipGraph& graph, const std::string& name, CliIo& io) {
  if (const auto v = graph.FindNode(name)) return v;
  const std::string suggestion = graph.SpellcheckNode(name);
  io.err << fmt::format("error: unknown node \"{}\"{}\n", name,
                        suggestion.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", suggestion));
  return std::nullopt;
}

bool SelectPasses(const std::vector<std::string>& names, CliIo& io, std::vector<const PassInfo*>* selected) {
  if (names.empty()) {
    for (const PassInfo& pass : AllPasses()) selected->push_back(&pass);
    return true;
  }
  std::vector<std::string_view> known;
  for (const PassInfo& pass : AllPasses()) known.push_back(pass.name);
  for (const std::string& name : names) {
    const PassInfo* pass = FindPass(Trim(name));
    if (!pass) {
      const std::string_view suggestion = ClosestMatch(name, known);
      io.err << fmt::format("error: unknown pass \"{}\"{}; `partnergraph passes` lists them\n", name,
                            suggestion.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", suggestion));
      return false;
    }
    selected->push_back(pass);
  }
  return true;
}

}  // namespace pg
