// `partnergraph render` as a user meets it: files written, messages, exit codes, no partial output.

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "tests/test_support.h"
#include "tools/cli.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::ReadAll;
using testing::TempDir;

using testing::Cli;
using testing::CliRun;

TEST(RenderCommand, ExampleSvgWithHighlights) {
  TempDir dir;
  const std::string output = (dir.Path() / "demo" / "map.svg").string();
  const CliRun run = Cli({"render", ExampleDir(), "-o", output, "--highlight", "dual-backing,shared-channel"});
  ASSERT_EQ(run.code, 0) << run.err;
  // 17 of the 18 edges: Broadcom's compute from 2027 is planned on the pinned today.
  EXPECT_EQ(run.out, "wrote " + output + " (svg, 13 nodes, 17 edges, layout dot, 2 findings highlighted)\n");
  EXPECT_EQ(run.err, "");
  const std::string svg = ReadAll(output);
  EXPECT_NE(svg.find("backing] Amazon backs 2 rivals: OpenAI ($50B), Anthropic ($8B); $58B in total</text>"),
            std::string::npos);
  EXPECT_NE(svg.find("stroke=\"#d62728\""), std::string::npos);
  EXPECT_NE(svg.find("fill=\"#ffc83d\""), std::string::npos);
  EXPECT_TRUE(std::filesystem::is_empty(dir.Path() / "demo") == false);
  // Nothing but the output in the folder: the temporary file was renamed.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.Path() / "demo"),
                          std::filesystem::directory_iterator()),
            1);
}

TEST(RenderCommand, FocusDrawsTheNeighbourhoodOnly) {
  TempDir dir;
  const std::string output = (dir.Path() / "bedrock.svg").string();
  const CliRun run = Cli({"render", ExampleDir(), "-o", output, "--focus", "Bedrock", "--depth", "1"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, "wrote " + output + " (svg, 4 nodes, 5 edges, layout dot)\n");
  const std::string svg = ReadAll(output);
  for (const char* label : {">Amazon Bedrock<", ">Amazon Web Services<", ">OpenAI<", ">Anthropic<", ">+ 6 more<",
                            "around Amazon Bedrock, depth 1"}) {
    EXPECT_NE(svg.find(label), std::string::npos) << label;
  }
  EXPECT_EQ(svg.find("Oracle"), std::string::npos);
}

TEST(RenderCommand, UnknownFocusNodeGetsADidYouMean) {
  TempDir dir;
  const std::string output = (dir.Path() / "x.svg").string();
  const CliRun run = Cli({"render", ExampleDir(), "-o", output, "--focus", "Bedrok"});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err, "error: unknown node \"Bedrok\" (did you mean \"Bedrock\"?)\n");
  EXPECT_FALSE(std::filesystem::exists(output));
}

TEST(RenderCommand, UnknownExtensionIsBadUsage) {
  TempDir dir;
  const std::string output = (dir.Path() / "map.jpg").string();
  const CliRun run = Cli({"render", ExampleDir(), "-o", output});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err, "error: cannot tell the output type of \"" + output + "\": use a .svg, .png, .pdf or .dot file\n");
  EXPECT_FALSE(std::filesystem::exists(output));
}

TEST(RenderCommand, FailuresLeaveNoFile) {
  TempDir dir;
  const std::string output = (dir.Path() / "map.svg").string();
  const CliRun bad_pass = Cli({"render", ExampleDir(), "-o", output, "--highlight", "dual-backin"});
  EXPECT_EQ(bad_pass.code, 2);
  EXPECT_EQ(bad_pass.err,
            "error: unknown pass \"dual-backin\" (did you mean \"dual-backing\"?); `partnergraph passes` lists them\n");
  // A typo of a known node (a name far from any would become a node of its own).
  const std::string nodes = dir.Write("nodes.csv", "id,type\nA,company\nAnthropic,company\n");
  const std::string edges = dir.Write("edges.csv", "from,to,type\nA,Antropic,invests\n");
  EXPECT_EQ(Cli({"render", nodes, edges, "-o", output}).code, 2);
  EXPECT_FALSE(std::filesystem::exists(output));

  // The folder cannot be made (a file is in the way): an error, and nothing written.
  const std::string blocker = dir.Write("blocker", "x");
  const CliRun unwritable = Cli({"render", ExampleDir(), "-o", blocker + "/map.svg"});
  EXPECT_EQ(unwritable.code, 2);
  EXPECT_EQ(unwritable.err.rfind("error: cannot write " + blocker + "/map.svg", 0), 0u) << unwritable.err;
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.Path()), std::filesystem::directory_iterator()), 3);
}

TEST(RenderCommand, DotOutputIsDeterministic) {
  TempDir dir;
  const std::string a = (dir.Path() / "a.dot").string();
  const std::string b = (dir.Path() / "b.dot").string();
  ASSERT_EQ(Cli({"render", ExampleDir(), "-o", a, "--cluster", "market"}).code, 0);
  ASSERT_EQ(Cli({"render", ExampleDir(), "-o", b, "--cluster", "market"}).code, 0);
  EXPECT_EQ(ReadAll(a), ReadAll(b));
  EXPECT_NE(ReadAll(a).find("label=\"market: frontier-models\""), std::string::npos);
}

TEST(RenderCommand, HelpTeachesWithExamples) {
  const CliRun run = Cli({"render", "--help"});
  EXPECT_EQ(run.code, 0);
  EXPECT_NE(run.out.find("partnergraph render examples/ai-cloud-2026 -o map.png --highlight dual-backing,shared-channel"),
            std::string::npos);
  EXPECT_NE(run.out.find("--max-neighbors"), std::string::npos);
}

}  // namespace
}  // namespace pg
