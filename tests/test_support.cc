#include "tests/test_support.h"

#include <cstdio>
#include "tests/pinned_today.h"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

#include "analysis/pass_registry.h"
#include "graph/graph_builder.h"
#include "graph/graph_view.h"
#include "graph/value_parser.h"
#include "io/model_reader.h"
#include "tools/cli.h"

namespace pg::testing {

TempDir::TempDir() {
  std::random_device device;
  path_ = std::filesystem::temp_directory_path() / ("pg-test-" + std::to_string(device()) + std::to_string(device()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::Write(const std::string& name, const std::string& contents) const {
  const std::filesystem::path file = path_ / name;
  std::ofstream(file, std::ios::binary) << contents;
  return file.string();
}

namespace {

void SetEnv(const std::string& name, const std::optional<std::string>& value) {
  if (value) {
    ::setenv(name.c_str(), value->c_str(), 1);
  } else {
    ::unsetenv(name.c_str());
  }
}

// Before main: every test, and every CLI run inside one, sees the pinned today.
const bool kTodayPinned = [] {
  ::setenv("PARTNERGRAPH_TODAY", kPinnedToday, 1);
  return true;
}();

}  // namespace

ScopedEnv::ScopedEnv(std::string name, const std::optional<std::string>& value) : name_(std::move(name)) {
  if (const char* old = std::getenv(name_.c_str())) old_ = old;
  SetEnv(name_, value);
}

ScopedEnv::~ScopedEnv() { SetEnv(name_, old_); }

std::string ExampleDir() { return std::string(PG_EXAMPLES_DIR) + "/ai-cloud-2026"; }
std::string TestDataDir() { return PG_TEST_DATA_DIR; }

PartnershipGraph MustLoad(const std::vector<std::string>& inputs) {
  Diagnostics diagnostics;
  std::optional<PartnershipGraph> graph = LoadModel(inputs, &diagnostics);
  if (!graph) {
    std::string all;
    for (const Diagnostic& d : diagnostics.All()) all += FormatDiagnostic(d) + "\n";
    ADD_FAILURE() << "load failed:\n" << all;
    return PartnershipGraph();
  }
  return std::move(*graph);
}

std::string LoadErrors(const std::vector<std::string>& inputs, const InputLimits& limits) {
  Diagnostics diagnostics;
  std::optional<PartnershipGraph> graph = LoadModel(inputs, &diagnostics, {.limits = limits});
  EXPECT_FALSE(graph.has_value()) << "expected the load to fail";
  std::string all;
  for (const Diagnostic& d : diagnostics.All()) all += FormatDiagnostic(d) + "\n";
  return all;
}

PartnershipGraph GraphWithOneNode(const std::string& id) {
  Diagnostics diagnostics;
  GraphBuilder builder(&diagnostics);
  NodeRecord record;
  record.node.id = builder.Intern(id);
  builder.AddNode(record);
  return builder.Build();
}

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string ShellOutput(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return output;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  ::pclose(pipe);
  return output;
}

Findings RunPass(const PartnershipGraph& graph, const std::string& pass, const std::string& as_of) {
  ViewOptions options;
  if (!as_of.empty()) {
    std::string error;
    options.as_of = *ParseDate(as_of, &error);
  }
  const GraphView view(graph, options);
  const PassInfo* info = FindPass(pass);
  EXPECT_NE(info, nullptr) << "no pass " << pass;
  return info ? info->run(view, PassOptions{}) : Findings{};
}

CliRun Cli(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int code = RunCli(args, CliIo{out, err});
  return {code, out.str(), err.str()};
}

const Finding* FindingAbout(const Findings& findings, const std::string& subject) {
  for (const Finding& finding : findings) {
    if (!finding.subjects.empty() && finding.subjects.front() == subject) return &finding;
  }
  return nullptr;
}

double PartFigure(const Finding& finding, const std::string& node, const std::string& name) {
  const FindingPart* part = finding.Part(node);
  if (!part) return -1;
  for (const Figure& figure : part->figures) {
    if (figure.name == name) return figure.value;
  }
  return -1;
}

}  // namespace pg::testing
