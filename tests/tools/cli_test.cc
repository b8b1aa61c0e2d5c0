// The command line as a user meets it: exit codes, messages, JSON shape.

#include "tools/cli.h"

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/pinned_today.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::TempDir;

using testing::Cli;
using testing::CliRun;

TEST(Cli, AnalyzeJsonFollowsTheDocumentedContract) {
  const CliRun run = Cli({"analyze", ExampleDir(), "--format", "json", "--pass", "dual-backing,shared-channel"});
  ASSERT_EQ(run.code, 0) << run.err;
  const nlohmann::json json = nlohmann::json::parse(run.out);
  ASSERT_EQ(json["findings"].size(), 2u);
  const nlohmann::json& dual = json["findings"][0];
  EXPECT_EQ(dual["pass"], "dual-backing");
  EXPECT_EQ(dual["severity"], "warning");
  EXPECT_EQ(dual["subjects"], nlohmann::json({"Amazon", "OpenAI", "Anthropic"}));
  EXPECT_DOUBLE_EQ(dual["figures"]["total_usd"].get<double>(), 58e9);
  ASSERT_EQ(dual["related"].size(), 3u);  // two counted investments and the conflicting claim
  EXPECT_DOUBLE_EQ(dual["related"][2]["amount_usd"].get<double>(), 80e9);
  EXPECT_EQ(dual["related"][2]["source"], "marsbit 2026-04-14, Q&A section");
  const nlohmann::json& channel = json["findings"][1];
  EXPECT_EQ(channel["subjects"][0], "Bedrock");
  EXPECT_EQ(channel["facts"]["owner"], "Amazon");
}

TEST(Cli, FailOnGivesExitOneWhenSomethingIsFound) {
  EXPECT_EQ(Cli({"analyze", ExampleDir(), "--fail-on", "warning"}).code, 1);
  EXPECT_EQ(Cli({"analyze", ExampleDir(), "--fail-on", "critical"}).code, 0);
}

TEST(Cli, BadUsageExitsTwoWithAHint) {
  const CliRun unknown_command = Cli({"analyse", ExampleDir()});
  EXPECT_EQ(unknown_command.code, 2);
  EXPECT_EQ(unknown_command.err, "error: unknown command \"analyse\" (did you mean \"analyze\"?); run `partnergraph --help`\n");
  const CliRun unknown_pass = Cli({"analyze", ExampleDir(), "--pass", "dual-backin"});
  EXPECT_EQ(unknown_pass.code, 2);
  EXPECT_EQ(unknown_pass.err,
            "error: unknown pass \"dual-backin\" (did you mean \"dual-backing\"?); `partnergraph passes` lists them\n");
  EXPECT_EQ(Cli({"analyze"}).code, 2);
  EXPECT_EQ(Cli({"analyze", ExampleDir(), "--as-of", "yesterday"}).err,
            "error: --as-of: bad date \"yesterday\": expected YYYY, YYYY-MM or YYYY-MM-DD\n");
}

TEST(Cli, ValidateReportsUnknownNodeWithPlaceAndExitsTwo) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id\nAnthropic\nAmazon\n");
  const std::string edges = dir.Write("edges.csv", "from,to,type\nAmazon,Antropic,invests\n");
  const CliRun run = Cli({"validate", nodes, edges});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err, edges + ":2:8: error: unknown node \"Antropic\" (did you mean \"Anthropic\"?)\n1 error; nothing loaded\n");
  EXPECT_EQ(run.out, "");
}

TEST(Cli, ValidateOnTheExampleWarnsAboutBothConflicts) {
  const CliRun run = Cli({"validate", ExampleDir()});
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.out, "ok: 13 nodes, 20 edges, 21 metrics from 3 tables (2 warnings)\n");
  EXPECT_NE(run.err.find("conflicting claim: Amazon -invests-> Anthropic $80B here, $8B at"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("conflicting claim: Oracle -supplies_compute-> OpenAI $300B here, $30B at"), std::string::npos)
      << run.err;
}

TEST(Cli, HelpTeachesAndPassesAreListed) {
  const CliRun help = Cli({"--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("partnergraph analyze  examples/ai-cloud-2026"), std::string::npos);
  const CliRun passes = Cli({"passes"});
  EXPECT_NE(passes.out.find("dual-backing"), std::string::npos);
  EXPECT_NE(passes.out.find("shared-channel"), std::string::npos);
}

TEST(Cli, AnalyzeTableWithWhyListsEvidence) {
  const CliRun run = Cli({"analyze", ExampleDir(), "--pass", "dual-backing", "--why"});
  ASSERT_EQ(run.code, 0);
  EXPECT_NE(run.out.find("why:  Amazon -invests-> OpenAI $50B (from 2026-02; CNBC"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace pg

namespace pg {
namespace {

TEST(CentralityCli, JsonTopOrdersTiesById) {
  TempDir dir;
  dir.Write("nodes.csv", "id\nA\nB\nC\nD\nE\n");
  dir.Write("edges.csv", "source,target,kind\nA,B,partnership\nB,C,partnership\nC,D,partnership\nD,E,partnership\n");
  const CliRun run = Cli({"centrality", dir.Path().string(), "--format", "json", "--top", "3", "-q"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, "{\"mode\":\"exact\",\"top\":[[\"C\",4.0],[\"B\",3.0],[\"D\",3.0]]}\n");
  const CliRun sampled = Cli({"centrality", dir.Path().string(), "--format", "json", "--samples", "2", "-q"});
  EXPECT_EQ(sampled.code, 0);
  EXPECT_NE(sampled.out.find("\"mode\":\"sampled\""), std::string::npos);
  const CliRun table = Cli({"centrality", dir.Path().string(), "-q"});
  EXPECT_EQ(table.out, std::string("betweenness, exact: 5 nodes, 4 edges (as of ") + testing::kPinnedToday +
                           ")\n  1  C   4.000000\n  2  B   3.000000\n  3  D   3.000000\n");
  EXPECT_EQ(Cli({"centrality", dir.Path().string(), "--samples", "x"}).code, 2);
}

}  // namespace
}  // namespace pg
