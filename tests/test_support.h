#pragma once
// Shared helpers for tests: temporary folders with inline tables, loading, running passes.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analysis/finding.h"
#include "graph/diagnostics.h"
#include "graph/partnership_graph.h"
#include "io/input_limits.h"

namespace pg::testing {

/// A fresh temporary folder, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& Path() const { return path_; }
  /// Writes `contents` to `name` inside the folder and returns the full path.
  std::string Write(const std::string& name, const std::string& contents) const;

 private:
  std::filesystem::path path_;
};

std::string ExampleDir();    ///< examples/ai-cloud-2026
std::string TestDataDir();   ///< tests/data

/// Loads the inputs; fails the test (and returns an empty graph) on errors.
PartnershipGraph MustLoad(const std::vector<std::string>& inputs);

/// All diagnostics of a failed load (under `limits`), formatted, one per line.
std::string LoadErrors(const std::vector<std::string>& inputs, const InputLimits& limits = {});

/// A graph of one node with id `id`, built directly (readers would refuse bytes that are not
/// UTF-8; writers must cope with them anyway).
PartnershipGraph GraphWithOneNode(const std::string& id);

/// The bytes of a file ("" when it cannot be read).
std::string ReadAll(const std::filesystem::path& path);

/// What a shell command prints on standard output ("" when it cannot start): for tests that
/// need the real binary, a pipe or the exit status (append `; echo rc=$?`).
std::string ShellOutput(const std::string& command);

/// Runs one pass by name on the graph (no as-of date unless given).
Findings RunPass(const PartnershipGraph& graph, const std::string& pass, const std::string& as_of = "");

/// What a CLI run printed and returned.
struct CliRun {
  int code;
  std::string out;
  std::string err;
};

/// Runs the partnergraph CLI in-process on `args` (without the program name).
CliRun Cli(const std::vector<std::string>& args);

/// The finding of `pass` whose first subject is `subject`, or nullptr.
const Finding* FindingAbout(const Findings& findings, const std::string& subject);

/// The figure `name` of the finding's part about `node`, or -1 when either is missing.
double PartFigure(const Finding& finding, const std::string& node, const std::string& name);

}  // namespace pg::testing
