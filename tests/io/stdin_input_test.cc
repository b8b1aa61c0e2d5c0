// `-` as an input: standard input taken by its bytes (a table, a JSON model or a snapshot),
// named `<stdin>` in messages.

#include "io/stdin_input.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace pg {
namespace {

using testing::Cli;
using testing::CliRun;
using testing::ExampleDir;
using testing::ReadAll;
using testing::ShellOutput;
using testing::TempDir;

/// Runs the CLI in-process with `input` as its standard input.
CliRun CliWithStdin(const std::vector<std::string>& args, const std::string& input) {
  TempDir dir;
  const std::string path = dir.Write("stdin", input);
  const int saved = ::dup(STDIN_FILENO);
  const int fd = ::open(path.c_str(), O_RDONLY);
  ::dup2(fd, STDIN_FILENO);
  ::close(fd);
  CliRun run = Cli(args);
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  return run;
}

/// Every occurrence of `from` in `text` replaced by `to`.
std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

/// analyze's output for the JSON model at `model` as it reads when the same bytes come on stdin:
/// the file is `<stdin>`, and a JSON record's place, which FormatLocation writes as `model.json:
/// edges[1]` only for a name ending in .json, reads as a sheet row (`<stdin>[edges] row 2`).
std::string AsFromStdin(std::string out, const std::string& model) {
  out = Replaced(out, model + ": edges[1]", "<stdin>[edges] row 2");
  out = Replaced(out, model + ": edges[2]", "<stdin>[edges] row 3");
  return Replaced(out, model, "<stdin>");
}

TEST(StdinInput, TellsJsonFromTables) {
  EXPECT_TRUE(LooksLikeJson("{\"nodes\": []}"));
  EXPECT_TRUE(LooksLikeJson("\xEF\xBB\xBF \r\n\t{"));
  EXPECT_FALSE(LooksLikeJson("id,label\n{x},y\n"));
  EXPECT_FALSE(LooksLikeJson("   "));
  EXPECT_FALSE(LooksLikeJson("[{}]"));
}

TEST(StdinInput, JsonModelGivesTheFindingsOfItsFile) {
  TempDir dir;
  const std::string model = (dir.Path() / "model.json").string();
  ASSERT_EQ(Cli({"convert", ExampleDir(), "-o", model, "-q"}).code, 0);
  const std::vector<std::string> args{"--pass", "dual-backing", "--format", "json"};
  std::vector<std::string> from_file{"analyze", model}, from_stdin{"analyze", "-"};
  from_file.insert(from_file.end(), args.begin(), args.end());
  from_stdin.insert(from_stdin.end(), args.begin(), args.end());
  const CliRun file_run = Cli(from_file);
  const CliRun stdin_run = CliWithStdin(from_stdin, ReadAll(model));
  EXPECT_EQ(stdin_run.code, 0) << stdin_run.err;
  EXPECT_EQ(stdin_run.out, AsFromStdin(file_run.out, model));
  EXPECT_NE(stdin_run.out.find("\"Amazon\""), std::string::npos) << stdin_run.out;
}

TEST(StdinInput, PipedJsonThroughTheBinary) {
  TempDir dir;
  const std::string model = (dir.Path() / "model.json").string();
  ASSERT_EQ(Cli({"convert", ExampleDir(), "-o", model, "-q"}).code, 0);
  const std::string piped = ShellOutput(fmt::format("cat '{}' | '{}' analyze - --pass dual-backing --format json", model, PG_CLI_PATH));
  EXPECT_EQ(piped, AsFromStdin(Cli({"analyze", model, "--pass", "dual-backing", "--format", "json"}).out, model));
  EXPECT_NE(piped.find("\"Amazon\""), std::string::npos) << piped;
}

TEST(StdinInput, SnapshotByItsMagic) {
  TempDir dir;
  const std::string snapshot = (dir.Path() / "model.pgraph").string();
  ASSERT_EQ(Cli({"convert", ExampleDir(), "-o", snapshot, "-q"}).code, 0);
  const CliRun run = CliWithStdin({"analyze", "-", "--format", "json"}, ReadAll(snapshot));
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, Cli({"analyze", snapshot, "--format", "json"}).out);
  const std::string piped = ShellOutput(fmt::format("cat '{}' | '{}' analyze - --format json", snapshot, PG_CLI_PATH));
  EXPECT_EQ(piped, run.out);
}

TEST(StdinInput, TableByItsHeaderWithPlacesNamedStdin) {
  TempDir dir;
  const std::string edges = dir.Write("edges.csv", "from,to,type\nAmazon,Anthropic,invests\n");
  const CliRun run = CliWithStdin({"validate", "-", edges}, "id,label,type\nAmazon,Amazon,investor\nAnthropic,,company\n");
  EXPECT_EQ(run.code, 0) << run.err;
  const CliRun bad = CliWithStdin({"validate", "-"}, "from,to,type,amount_usd\nA,B,invests,10\nA,C,invests,lots\n");
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(bad.err, "<stdin>:3:13: error: bad amount \"lots\": expected a number such as 50B, $8 bn, 1.9e9 or 350M\n"
                     "1 error; nothing loaded\n");
}

TEST(StdinInput, NamedOnceAndNotEmpty) {
  const CliRun twice = CliWithStdin({"validate", "-", "-"}, "id\nA\n");
  EXPECT_EQ(twice.code, 2);
  EXPECT_EQ(twice.err, "<stdin>: error: standard input (-) named more than once; it can be read once\n"
                       "1 error; nothing loaded\n");
  const CliRun empty = CliWithStdin({"validate", "-"}, "");
  EXPECT_EQ(empty.code, 2);
  EXPECT_EQ(empty.err, "<stdin>: error: nothing on standard input (-): expected a table, a JSON model or a snapshot\n"
                       "1 error; nothing loaded\n");
}

TEST(StdinInput, SnapshotIsReadAlone) {
  TempDir dir;
  const std::string snapshot = (dir.Path() / "model.pgraph").string();
  ASSERT_EQ(Cli({"convert", ExampleDir(), "-o", snapshot, "-q"}).code, 0);
  const CliRun run = Cli({"validate", snapshot, ExampleDir()});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err, fmt::format("{}: error: a snapshot is read alone, not merged with other inputs; merge the sources "
                                 "into one instead: partnergraph convert SOURCES... -o merged.pgraph\n1 error; nothing loaded\n",
                                 snapshot));
}

}  // namespace
}  // namespace pg
