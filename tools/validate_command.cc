#include "tools/validate_command.h"

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/display_name.h"
#include "graph/graph_view.h"
#include "graph/value_parser.h"
#include "io/model_reader.h"
#include "io/snapshot.h"

namespace pg {
namespace {

/// An edge's type as the reader wrote it when it is not one of ours (`licenses`).
std::string_view TypeText(const PartnershipGraph& graph, const Edge& edge) {
  const StrId label = graph.Details(edge).type_label;
  return label != kNoString ? graph.Text(label) : EdgeTypeName(edge.type);
}

}  // namespace

void SetupValidate(CLI::App& app, CliIo& io, int* exit_code) {
  auto options = std::make_shared<CommonOptions>();
  CLI::App* command = app.add_subcommand("validate", "check inputs: every problem with file, line and column");
  command->footer(
      "Examples:\n"
      "  partnergraph validate nodes.csv edges.csv metrics.csv\n"
      "  partnergraph validate examples/ai-cloud-2026\n"
      "  partnergraph validate big.pgraph          # a snapshot, with the checksum of all its data\n"
      "Other commands check a snapshot's header and every index in it, not every byte; validate does.\n"
      "Exit status: 0 when the inputs load (warnings allowed), 2 on any error.");
  AddCommonOptions(*command, options.get(), /*with_format=*/false);
  command->callback([options, &io, exit_code] { *exit_code = RunValidate(*options, io); });
}

int RunValidate(const CommonOptions& options, CliIo& io) {
  Date as_of;  // validate checks every row: without --as-of, all of them, not today's view
  if (!options.as_of.empty() && !ParseAsOf(options, io, &as_of)) return kExitBadInput;
  const std::optional<LoadOptions> load = LoadOptionsFor(options, io);
  if (!load) return kExitBadInput;
  Diagnostics diagnostics;
  // Only validate reads every byte of a snapshot for its checksum (io/snapshot.h says why).
  for (const std::string& input : options.inputs) VerifySnapshotData(input, &diagnostics);
  std::optional<PartnershipGraph> graph =
      diagnostics.HasErrors() ? std::nullopt : LoadModel(options.inputs, &diagnostics, *load);
  if (graph) {
    // Claims of one fact that disagree are not errors, but a reader must know.
    const GraphView view(*graph, ViewOptions{as_of});
    for (EdgeId counted : view.Claims().ConflictedFacts()) {
      const Edge& edge = graph->GetEdge(counted);
      for (EdgeId other : view.Claims().ConflictsOf(counted)) {
        const Edge& claim = graph->GetEdge(other);
        const SourceFile& source = graph->Source(claim.origin.source);
        const SourceFile& counted_source = graph->Source(edge.origin.source);
        diagnostics.Warning(
            {source.file, source.sheet, claim.origin.line, 0},
            fmt::format("conflicting claim: {} -{}-> {} {} here, {} at {}; counting the latter (higher "
                        "confidence or first)",
                        DisplayName(*graph, claim.from), TypeText(*graph, claim), DisplayName(*graph, claim.to),
                        Known(claim.amount_usd) ? FormatUsd(claim.amount_usd) : "(other figures)",
                        Known(edge.amount_usd) ? FormatUsd(edge.amount_usd) : "(other figures)",
                        FormatLocation({counted_source.file, counted_source.sheet, edge.origin.line, 0})));
      }
    }
    if (const std::size_t repeats = view.Claims().ExactRepeats()) {  // once per load (graph/claims.h)
      const Edge& first = graph->GetEdge(view.Claims().FirstRepeat());
      const SourceFile& source = graph->Source(first.origin.source);
      diagnostics.Warning({source.file, source.sheet, first.origin.line, 0},
                          fmt::format("{} row{} repeat an earlier row exactly (same from, to, type, start, source and "
                                      "figures); each is counted as a tranche: remove pasted rows; this is the first",
                                      repeats, repeats == 1 ? "" : "s"));
    }
    for (MetricId counted : view.Metrics().ConflictedFacts()) {
      const Metric& metric = graph->Metrics()[counted];
      for (MetricId other : view.Metrics().ConflictsOf(counted)) {
        const Metric& claim = graph->Metrics()[other];
        const SourceFile& source = graph->Source(claim.origin.source);
        diagnostics.Warning(
            {source.file, source.sheet, claim.origin.line, 0},
            fmt::format("conflicting claim: {} {}{}{} {} here, {} at {}; counting the latter (higher confidence or "
                        "first)",
                        DisplayName(*graph, claim.entity), graph->Text(claim.metric),
                        claim.basis != kNoString ? fmt::format(" ({})", graph->Text(claim.basis)) : "",
                        claim.as_of.Known() ? " as of " + claim.as_of.ToString() : "",
                        FormatMetricValue(*graph, claim), FormatMetricValue(*graph, metric),
                        WhereOf(*graph, metric.origin)));
      }
    }
  }
  Diagnostics shown;
  for (const Diagnostic& d : diagnostics.All()) {
    if (d.severity == Severity::kError || !options.quiet) shown.Add(d.severity, d.where, d.message);
  }
  PrintDiagnostics(shown, io, 200);  // every assumption, unless the input is very wrong
  if (!graph) {
    io.err << fmt::format("{} error{}; nothing loaded\n", diagnostics.ErrorCount(),
                          diagnostics.ErrorCount() == 1 ? "" : "s");
    return kExitBadInput;
  }
  // Notes say what was assumed (a type read as a synonym, a header read with its unit); they are
  // counted apart from warnings, which ask for a look.
  std::size_t warnings = 0;
  std::size_t notes = 0;
  for (const Diagnostic& d : diagnostics.All()) {
    warnings += d.severity == Severity::kWarning;
    notes += d.severity == Severity::kNote;
  }
  std::string remarks;
  if (warnings) remarks = fmt::format("{} warning{}", warnings, warnings == 1 ? "" : "s");
  if (notes) remarks += fmt::format("{}{} note{}", remarks.empty() ? "" : ", ", notes, notes == 1 ? "" : "s");
  io.out << fmt::format("ok: {} nodes, {} edges, {} metrics from {} table{}{}\n", graph->NodeCount(),
                        graph->EdgeCount(), graph->Metrics().size(), graph->Sources().size(),
                        graph->Sources().size() == 1 ? "" : "s", remarks.empty() ? "" : " (" + remarks + ")");
  return kExitOk;
}

}  // namespace pg
