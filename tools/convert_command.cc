#include "tools/convert_command.h"

#include <filesystem>
#include <memory>
#include <span>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "graph/text.h"
#include "io/chunked_text.h"
#include "io/csv_writer.h"
#include "io/gexf_writer.h"
#include "io/graphml_writer.h"
#include "io/json_model.h"
#include "io/kumu_writer.h"
#include "io/neo4j_writer.h"
#include "io/node_link_writer.h"
#include "io/snapshot.h"
#include "io/xlsx_writer.h"
#include "tools/phase_clock.h"

namespace pg {
namespace {

/// What an output is: one text document (also for `-o -`), one binary file, or a folder.
enum class Shape { kText, kFile, kFolder };

struct WriteRequest {
  const PartnershipGraph& graph;
  const std::string& path;
  CsvCells cells;
};

struct ConvertFormat {
  std::string_view name;       ///< for --to
  std::string_view extension;  ///< that picks it from -o; empty: only by --to (or a folder: csv)
  std::string_view what;       ///< for the summary line (json and xlsx as they always were)
  Shape shape;
  bool csv_cells;  ///< it writes CSV cells, so --csv-raw is accepted
  void (*text)(const PartnershipGraph&, std::ostream&);   ///< kText, written as it is made
  bool (*write)(const WriteRequest&, std::string* error);  ///< kFile, kFolder
  bool keeps_metrics;
};

bool WriteCsv(const WriteRequest& r, std::string* e) { return WriteCsvFolder(r.graph, r.path, e, r.cells); }
bool WriteXlsx(const WriteRequest& r, std::string* e) { return WriteXlsxModel(r.graph, r.path, e); }
bool WriteNeo4j(const WriteRequest& r, std::string* e) {
  return WriteCsvTables(r.path, Neo4jTables(r.graph), CsvCells::kRaw, e);
}

bool WritePgraph(const WriteRequest& r, std::string* e) { return WriteSnapshot(r.graph, r.path, e); }

bool IsXlsxName(const std::string& path) {
  return ToLower(std::filesystem::path(path).extension().string()) == ".xlsx";
}

bool WriteKumu(const WriteRequest& r, std::string* e) {
  if (IsXlsxName(r.path)) return WriteXlsxTables(KumuTables(r.graph), r.path, e);
  return WriteCsvTables(r.path, KumuCsvFiles(r.graph), r.cells, e);
}

// One line per format.
constexpr ConvertFormat kFormats[] = {
    {"csv", "", "CSV folder", Shape::kFolder, true, nullptr, WriteCsv, true},
    {"json", ".json", "json", Shape::kText, false, WriteModelJson, nullptr, true},
    {"xlsx", ".xlsx", "xlsx", Shape::kFile, false, nullptr, WriteXlsx, true},
    {"graphml", ".graphml", "GraphML", Shape::kText, false, WriteGraphml, nullptr, false},
    {"gexf", ".gexf", "GEXF", Shape::kText, false, WriteGexf, nullptr, false},
    {"neo4j", "", "Neo4j import folder", Shape::kFolder, true, nullptr, WriteNeo4j, false},  // always raw
    {"kumu", "", "Kumu", Shape::kFolder, true, nullptr, WriteKumu, true},
    {"node-link", "", "node-link JSON", Shape::kText, false, WriteNodeLink, nullptr, true},
    {"pgraph", kSnapshotExtension, "pgraph", Shape::kFile, false, nullptr, WritePgraph, true},
};

const ConvertFormat* FindFormat(std::string_view name) {
  for (const ConvertFormat& format : kFormats) {
    if (format.name == name) return &format;
  }
  return nullptr;
}

std::string FormatList(Shape shape) {
  std::string out;
  for (const ConvertFormat& format : kFormats) {
    if (format.shape != shape) continue;
    if (!out.empty()) out += ", ";
    out += format.name;
  }
  return out;
}

// ".json, .xlsx, .graphml or .gexf": the extensions that pick a format.
std::string ExtensionList() {
  std::vector<std::string_view> extensions;
  for (const ConvertFormat& format : kFormats) {
    if (!format.extension.empty()) extensions.push_back(format.extension);
  }
  std::string out;
  for (std::size_t i = 0; i < extensions.size(); ++i) {
    out += i == 0 ? "" : (i + 1 == extensions.size() ? " or " : ", ");
    out += extensions[i];
  }
  return out;
}

// The format -o names (its extension, or none for a folder); nullptr after saying why.
const ConvertFormat* FormatFromOutput(const std::string& output, CliIo& io) {
  namespace fs = std::filesystem;
  if (output == "-") {
    io.err << fmt::format("error: -o - writes standard output: name the format with --to ({})\n",
                          FormatList(Shape::kText));
    return nullptr;
  }
  const std::string extension = ToLower(fs::path(output).extension().string());
  if (extension.empty()) return FindFormat("csv");
  for (const ConvertFormat& format : kFormats) {
    if (format.extension == extension) return &format;
  }
  if (extension == ".csv") {
    io.err << fmt::format("error: -o {}: a CSV model is a folder of three files; name a folder (-o {}/)\n", output,
                          fs::path(output).stem().string());
    return nullptr;
  }
  io.err << fmt::format(
      "error: -o {}: unknown extension \"{}\" (expected {}, or a folder for a CSV model); --to names the format: "
      "{}\n",
      output, fs::path(output).extension().string(), ExtensionList(), fmt::join(ConvertFormatNames(), ", "));
  return nullptr;
}

// An option that does not fit the format or -o -: the message, or empty.
std::string Misfit(const ConvertFormat& format, const ConvertOptions& options) {
  const bool kumu_book = format.name == "kumu" && IsXlsxName(options.output);
  if (options.output == "-" && format.shape != Shape::kText) {
    if (format.shape == Shape::kFile || kumu_book) {
      return fmt::format("-o -: {} output is a binary file, not for standard output; name a file (-o model{})",
                         format.name, kumu_book ? ".xlsx" : std::string(format.extension));
    }
    return fmt::format("-o -: {} writes a folder of files, which standard output cannot hold; name a folder "
                       "(-o out/)", format.name);
  }
  if (options.csv_raw && (!format.csv_cells || kumu_book)) {
    return fmt::format("--csv-raw: {} output has no CSV cells (it applies to csv and kumu folders; neo4j is "
                       "always raw)", kumu_book ? "a Kumu workbook" : std::string(format.name));
  }
  return {};
}

bool WriteOutput(const ConvertFormat& format, const ConvertOptions& options, const PartnershipGraph& graph,
                 CliIo& io, std::string* error) {
  if (format.shape != Shape::kText) {
    return format.write({graph, options.output, options.csv_raw ? CsvCells::kRaw : CsvCells::kSafe}, error);
  }
  if (options.output != "-") {
    return WriteStreamAtomically(options.output, [&](std::ostream& out) { format.text(graph, out); }, error);
  }
  format.text(graph, io.out);
  io.out.flush();
  return true;
}

std::string Summary(const ConvertFormat& format, const ConvertOptions& options, const PartnershipGraph& graph) {
  const std::string where = options.output == "-" ? "standard output" : options.output;
  std::string what(format.what);
  if (format.name == "kumu") what = IsXlsxName(options.output) ? "Kumu workbook" : "Kumu folder";
  std::string line = format.keeps_metrics
                         ? fmt::format("wrote {} nodes, {} edges, {} metrics to {} ({})", graph.NodeCount(),
                                       graph.EdgeCount(), graph.Metrics().size(), where, what)
                         : fmt::format("wrote {} nodes, {} edges to {} ({})", graph.NodeCount(), graph.EdgeCount(),
                                       where, what);
  if (format.name == "neo4j") line += "; import with: " + Neo4jImportCommand(options.output);
  return line + "\n";
}

}  // namespace

std::vector<std::string> ConvertFormatNames() {
  std::vector<std::string> names;
  for (const ConvertFormat& format : kFormats) names.emplace_back(format.name);
  return names;
}

void SetupConvert(CLI::App& app, CliIo& io, int* exit_code) {
  auto options = std::make_shared<ConvertOptions>();
  CLI::App* command = app.add_subcommand("convert", "write the model as CSV, JSON, XLSX, GraphML, GEXF, Neo4j, Kumu "
                                                    "or node-link JSON");
  command->footer(
      "The format comes from -o's extension (.json, .xlsx, .graphml, .gexf, .pgraph; none: a CSV\n"
      "folder) or from --to, which the other folders and -o - need. An unknown extension is an error.\n"
      "  csv        nodes.csv, edges.csv, metrics.csv; lossless. An existing folder is replaced\n"
      "             only if it holds nothing else.\n"
      "               partnergraph convert deals.xlsx -o deals/\n"
      "  json       the model as one document; lossless\n"
      "               partnergraph convert examples/ai-cloud-2026 -o deals.json\n"
      "  xlsx       sheets nodes, edges, metrics; lossless\n"
      "               partnergraph convert deals/ -o deals.xlsx\n"
      "  graphml    for Gephi, yEd, NetworkX (read_graphml), igraph (Read_GraphML)\n"
      "               partnergraph convert deals.xlsx -o deals.graphml\n"
      "  gexf       for Gephi and NetworkX (read_gexf)\n"
      "               partnergraph convert deals.xlsx -o deals.gexf\n"
      "  neo4j      a neo4j-admin bulk-import folder (nodes.csv, relationships.csv); the summary\n"
      "             prints the import command\n"
      "               partnergraph convert deals.xlsx -o graph/ --to neo4j\n"
      "  kumu       Kumu's Elements and Connections (and Metrics), a workbook or a folder; reads\n"
      "             back into partnergraph as the same model\n"
      "               partnergraph convert deals/ -o kumu.xlsx --to kumu\n"
      "  node-link  NetworkX's json_graph.node_link_data JSON (also d3)\n"
      "               partnergraph convert deals.xlsx -o - --to node-link | python3 load.py\n"
      "  pgraph     a binary snapshot of the built model: every command reads it without parsing,\n"
      "             so repeated queries on big data start fast. Re-create it after an upgrade.\n"
      "               partnergraph convert big/ -o big.pgraph && partnergraph exposure X big.pgraph\n"
      "GraphML, GEXF and Neo4j hold nodes and edges, not metrics (a warning says how many were\n"
      "left out). Values not known are absent, never 0; parallel edges (tranches) are kept, with ids.\n"
      "-o - writes standard output (json, graphml, gexf, node-link); the summary then goes to stderr.\n"
      "CSV text cells starting with = + - @ get a leading ' so spreadsheets do not run them as\n"
      "formulas; partnergraph reads them back without it. --csv-raw writes cells as they are, for\n"
      "pandas and other programs. neo4j is always raw: the apostrophe would land in the database.\n"
      "Files are written to a temporary name and renamed (a link is followed and stays a link; a\n"
      "FIFO or device such as /dev/stdout gets the complete output). Several inputs are merged:\n"
      "  partnergraph convert a/ b/ -o merged.json");
  command->add_option("inputs", options->common.inputs,
                      "CSV files, a folder of them, an .xlsx workbook, a .json model, a .pgraph snapshot, or - for "
                      "standard input")
      ->required()
      ->type_name("PATH...");
  command->add_option("-o,--output", options->output, "where to write: dir/, model.json, model.xlsx, g.graphml, "
                                                      "g.gexf, big.pgraph, or - for standard output")
      ->required()
      ->type_name("OUT");
  command->add_option("--to", options->to, fmt::format("output format: {}", fmt::join(ConvertFormatNames(), ", ")))
      ->check(CLI::IsMember(ConvertFormatNames()))
      ->type_name("FORMAT");
  command->add_flag("--csv-raw", options->csv_raw,
                    "write CSV cells as they are, without the leading ' that keeps spreadsheets from running "
                    "formulas (csv and kumu folders; neo4j is always raw)");
  AddReadingOptions(*command, &options->common);
  command->add_flag("-q,--quiet", options->common.quiet, "print no warnings, only errors");
  command->add_flag("--progress", options->common.progress, "show progress on stderr for slow phases (default on a terminal)");
  command->add_flag("--timings", options->common.timings, "print phase=NAME seconds=S maxrss_kb=K per phase on stderr");
  command->callback([options, &io, exit_code] { *exit_code = RunConvert(*options, io); });
}

int RunConvert(const ConvertOptions& options, CliIo& io) {
  const ConvertFormat* format = options.to.empty() ? FormatFromOutput(options.output, io) : FindFormat(options.to);
  if (!format) return kExitBadInput;
  if (const std::string misfit = Misfit(*format, options); !misfit.empty()) {
    io.err << "error: " << misfit << '\n';
    return kExitBadInput;
  }
  const CommonOptions& common = options.common;
  PhaseClock clock(io, ClockOptions(common, "convert"), ShowProgress(common, io));
  std::optional<PartnershipGraph> graph = LoadForCommand(common, io, &clock);
  if (!graph) return kExitBadInput;

  clock.Begin("output", "writing " + options.output);
  std::string error;
  const bool ok = WriteOutput(*format, options, *graph, io, &error);
  clock.End();
  if (!ok) {
    io.err << "error: " << error << '\n';
    return kExitBadInput;
  }
  if (!common.quiet && !format->keeps_metrics && !graph->Metrics().empty()) {
    io.err << fmt::format("warning: {} has no place for metrics: {} metric{} not written (json, xlsx, csv, kumu and "
                          "node-link keep them)\n",
                          format->name, graph->Metrics().size(), graph->Metrics().size() == 1 ? "" : "s");
  }
  if (!common.quiet) (options.output == "-" ? io.err : io.out) << Summary(*format, options, *graph);
  return kExitOk;
}

}  // namespace pg
