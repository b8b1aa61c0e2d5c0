#include "tools/convert_command.h"

#include <filesystem>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "graph/text.h"
#include "io/csv_writer.h"
#include "io/json_model.h"
#include "io/snapshot.h"
#include "io/xlsx_writer.h"
#include "tools/findings_format.h"
#include "tools/phase_clock.h"

namespace pg {

void SetupConvert(CLI::App& app, CliIo& io, int* exit_code) {
  auto options = std::make_shared<ConvertOptions>();
  CLI::App* command = app.add_subcommand("convert", "write the model as a CSV folder, JSON or XLSX, losslessly");
  command->footer(
      "The format comes from -o: a name ending in .json or .xlsx, otherwise a folder of\n"
      "nodes.csv, edges.csv and metrics.csv (an existing folder is replaced only if it holds\n"
      "nothing else). --to overrides. Output is written to a temporary name and renamed (a link\n"
      "is followed and stays a link; a FIFO or device such as /dev/stdout gets the complete output).\n"
      "CSV text cells starting with = + - @ get a leading ' so spreadsheets do not run them as\n"
      "formulas; partnergraph reads them back without it.\n"
      "Examples:\n"
      "  partnergraph convert examples/ai-cloud-2026 -o deals.xlsx\n"
      "  partnergraph convert deals.xlsx -o deals/             # CSV folder\n"
      "  partnergraph convert a/ b/ -o merged.json             # several inputs merged");
  command->add_option("inputs", options->common.inputs, "CSV files, a folder of them, an .xlsx workbook or a .json model")
      ->required()
      ->type_name("PATH...");
  command->add_option("-o,--output", options->output, "where to write: dir/, model.json or model.xlsx")
      ->required()
      ->type_name("OUT");
  command->add_option("--to", options->to, "output format: csv (a folder), json or xlsx")
      ->check(CLI::IsMember({"csv", "json", "xlsx", "pgraph"}))
      ->type_name("FORMAT");
  AddReadingOptions(*command, &options->common);
  command->add_flag("-q,--quiet", options->common.quiet, "print no warnings, only errors");
  command->add_flag("--progress", options->common.progress, "show progress on stderr for slow phases (default on a terminal)");
  command->add_flag("--timings", options->common.timings, "print phase=NAME seconds=S maxrss_kb=K per phase on stderr");
  command->callback([options, &io, exit_code] { *exit_code = RunConvert(*options, io); });
}

int RunConvert(const ConvertOptions& options, CliIo& io) {
  std::string format = options.to;
  if (format.empty()) {
    const std::string extension = ToLower(std::filesystem::path(options.output).extension().string());
    if (extension == ".json") {
      format = "json";
    } else if (extension == ".xlsx") {
      format = "xlsx";
    } else if (extension == kSnapshotExtension) {
      format = "pgraph";
    } else if (extension == ".csv") {
      io.err << fmt::format("error: -o {}: a CSV model is a folder of three files; name a folder (-o {}/)\n",
                            options.output, std::filesystem::path(options.output).stem().string());
      return kExitBadInput;
    } else {
      format = "csv";
    }
  }
  const CommonOptions& common = options.common;
  PhaseClockOptions clock_options = ClockOptions(common);
  clock_options.command = "convert";
  PhaseClock clock(io, clock_options, ShowProgress(common, io));
  std::optional<PartnershipGraph> graph = LoadForCommand(common, io, &clock);
  if (!graph) return kExitBadInput;

  clock.Begin("output", "writing " + options.output);
  std::string error;
  bool ok = false;
  if (format == "json") {
    ok = WriteFileAtomically(options.output, ModelJsonText(*graph), &error);
  } else if (format == "xlsx") {
    ok = WriteXlsxModel(*graph, options.output, &error);
  } else if (format == "pgraph") {
    ok = WriteSnapshot(*graph, options.output, &error);
  } else {
    ok = WriteCsvFolder(*graph, options.output, &error);
  }
  clock.End();
  if (!ok) {
    io.err << "error: " << error << '\n';
    return kExitBadInput;
  }
  if (!common.quiet) {
    io.out << fmt::format("wrote {} nodes, {} edges, {} metrics to {} ({})\n", graph->NodeCount(), graph->EdgeCount(),
                          graph->Metrics().size(), options.output, format == "csv" ? "CSV folder" : format);
  }
  return kExitOk;
}

}  // namespace pg
