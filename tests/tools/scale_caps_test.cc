// Issue 10's caps on small fixtures: a cut list says how many more, counts in text and JSON
// agree, --top/--min-severity per pass, paths' count cap, render's refusal before building.

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <regex>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analysis/betweenness.h"
#include "analysis/exclusivity.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::Cli;
using testing::CliRun;
using testing::MustLoad;
using testing::ShellOutput;
using testing::TempDir;

// Eight platforms C1..C8 (Ck carries k - 1 of the suppliers S1..S7), Hold's own channel H1, and
// three exclusivities held by Hold over G1, G2, G3. C2 also distributes G1.
void WriteChannels(const TempDir& dir) {
  std::string nodes = "id,type,markets\nHold,company,\nH1,platform,\nG1,company,llm\nG2,company,llm\nG3,company,\n";
  std::string edges = "from,to,type\nHold,H1,owns\nHold,G1,exclusive\nHold,G2,exclusive\nHold,G3,exclusive\n";
  for (int s = 1; s <= 7; ++s) nodes += "S" + std::to_string(s) + ",company,\n";
  for (int c = 1; c <= 8; ++c) {
    nodes += "C" + std::to_string(c) + ",platform,\n";
    for (int s = 1; s < c; ++s) edges += "C" + std::to_string(c) + ",S" + std::to_string(s) + ",distributes\n";
  }
  edges += "C2,G1,distributes\n";
  dir.Write("nodes.csv", nodes);
  dir.Write("edges.csv", edges);
}

double FigureOf(const Finding& finding, const std::string& name) { return finding.FigureValue(name).value_or(-1); }

TEST(ExclusivityCaps, ListsTheFiveBestChannelsAndCountsTheRest) {
  TempDir dir;
  WriteChannels(dir);
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  const GraphView view(graph, ViewOptions{});
  const Findings findings = RunExclusivity(view, PassOptions{});
  ASSERT_EQ(findings.size(), 3u);
  const Finding& g1 = findings[0];
  EXPECT_EQ(g1.message,
            "Hold holds exclusive rights over G1: G1 is blocked from 8 channels Hold does not own — C8 (carries S1, "
            "S2, S3, S4, S5 and 2 more), C7 (carries S1, S2, S3, S4, S5 and 1 more), C6 (carries S1, S2, S3, S4, "
            "S5), C5 (carries S1, S2, S3, S4), C4 (carries S1, S2, S3); +3 more");
  EXPECT_EQ(FigureOf(g1, "blocked_channels"), 8);  // the message's "8 channels"
  EXPECT_EQ(FigureOf(g1, "distributing_channels"), 7);
  EXPECT_EQ(FigureOf(g1, "other_channels"), 1);  // C1 carries nothing
  EXPECT_EQ(FigureOf(g1, "listed_channels"), 5);
  EXPECT_EQ(g1.parts.size(), 5u);
  EXPECT_EQ(g1.subjects, (std::vector<std::string>{"G1", "Hold", "C8", "C7", "C6", "C5", "C4"}));
  ASSERT_EQ(g1.notes.size(), 1u);
  EXPECT_EQ(g1.notes[0], "C2 already distributes G1: the exclusivity limits rather than prevents this channel");
  EXPECT_EQ(g1.related.size(), 1u + 7 + 6 + 5 + 4 + 3);  // the exclusivity and the listed channels' edges

  PassOptions full;
  full.full_detail = true;
  const Findings all = RunExclusivity(view, full);
  EXPECT_EQ(all[0].parts.size(), 8u);
  EXPECT_EQ(FigureOf(all[0], "listed_channels"), 8);
  EXPECT_EQ(all[0].message.find("more;"), std::string::npos);
  EXPECT_TRUE(all[0].message.ends_with("C2 (carries G1, S1), C3 (carries S1, S2); and cloud/platform C1"))
      << all[0].message;
}

TEST(AnalyzeCaps, TopCutsEachPassAndSaysHowManyMore) {
  TempDir dir;
  WriteChannels(dir);
  const CliRun run = Cli({"analyze", dir.Path().string(), "--pass", "exclusivity", "--top", "1", "-q"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("; 3 findings, 1 shown\n\nexclusivity (3 findings, 1 shown)\n  WARNING  Hold holds exclusive "
                         "rights over G1:"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("; +3 more\n"), std::string::npos) << run.out;
  EXPECT_TRUE(run.out.ends_with(
      "note: C2 already distributes G1: the exclusivity limits rather than prevents this channel\n"
      "  +2 more (--top 0 lists them all)\n"))
      << run.out;

  const CliRun json_run =
      Cli({"analyze", dir.Path().string(), "--pass", "exclusivity", "--top", "2", "--format", "json", "-q"});
  ASSERT_EQ(json_run.code, 0) << json_run.err;
  const nlohmann::json json = nlohmann::json::parse(json_run.out);
  EXPECT_EQ(json["findings"].size(), 2u);
  EXPECT_EQ(json["passes"]["exclusivity"],
            nlohmann::json({{"found", 3}, {"below_severity", 0}, {"cut", 1}, {"shown", 2}}));

  const CliRun all = Cli({"analyze", dir.Path().string(), "--pass", "exclusivity", "--top", "0", "--format", "json",
                          "--detail", "full", "-q"});
  const nlohmann::json everything = nlohmann::json::parse(all.out);
  EXPECT_EQ(everything["findings"].size(), 3u);
  EXPECT_EQ(everything["findings"][0]["parts"].size(), 8u);
  EXPECT_EQ(everything["findings"][0]["figures"]["blocked_channels"], 8);
  EXPECT_EQ(everything["passes"]["exclusivity"]["cut"], 0);
}

TEST(AnalyzeCaps, TableShowsFiveNotesPerFindingAndCountsTheRest) {
  // Seven conflicting claims behind one dual-backing finding: seven notes.
  TempDir dir;
  dir.Write("nodes.csv", "id,markets\nFund,\nA,llm\nB,llm\n");
  std::string edges = "from,to,type,amount_usd,source\nFund,B,invests,1M,s0\n";
  for (int k = 0; k < 8; ++k) edges += fmt::format("Fund,A,invests,{}M,s{}\n", k + 1, k);
  dir.Write("edges.csv", edges);
  const CliRun run = Cli({"analyze", dir.Path().string(), "--pass", "dual-backing", "-q"});
  ASSERT_EQ(run.code, 0) << run.err;
  std::size_t notes = 0;
  for (std::size_t at = run.out.find("note: "); at != std::string::npos; at = run.out.find("note: ", at + 1)) ++notes;
  EXPECT_EQ(notes, 6u) << run.out;
  EXPECT_TRUE(run.out.ends_with("note: +2 more notes (--why or --format json lists them)\n")) << run.out;
}

TEST(AnalyzeCaps, MinSeverityLeavesOutAndCounts) {
  // The example's findings at warning and above only; fail-on still sees what was left out.
  const CliRun run = Cli({"analyze", testing::ExampleDir(), "--pass", "brokerage", "--min-severity", "warning",
                          "--format", "json", "-q"});
  ASSERT_EQ(run.code, 0) << run.err;
  const nlohmann::json json = nlohmann::json::parse(run.out);
  const nlohmann::json& tally = json["passes"]["brokerage"];
  std::size_t warnings = 0;
  for (const nlohmann::json& finding : json["findings"]) warnings += finding["severity"] == "warning" ? 1 : 0;
  EXPECT_EQ(warnings, json["findings"].size());
  EXPECT_EQ(tally["shown"].get<std::size_t>(), warnings);
  EXPECT_EQ(tally["found"].get<std::size_t>(), warnings + tally["below_severity"].get<std::size_t>());
  EXPECT_GT(tally["below_severity"].get<std::size_t>(), 0u);
  EXPECT_EQ(Cli({"analyze", testing::ExampleDir(), "--pass", "brokerage", "--top", "1", "--fail-on", "info", "-q"})
                .code,
            1);
}

TEST(BrokerageScale, SamplesPastAboutASecondOfWork) {
  EXPECT_EQ(SourcesWithin(1000, 100'000, 1e8, 3e7, 100), 0u);          // 1e8: exact
  EXPECT_EQ(SourcesWithin(26'466, 95'000, 1e8, 3e7, 100), 315u);       // the 100k bench input
  EXPECT_EQ(SourcesWithin(264'519, 950'000, 1e8, 3e7, 100), 100u);     // at least the minimum
  EXPECT_EQ(SourcesWithin(150, 2'000'000, 1e8, 3e7, 100), 100u);
  EXPECT_EQ(SourcesWithin(90, 2'000'000, 1e8, 3e7, 100), 0u);          // the minimum is everything
}

TEST(BrokerageScale, SampledEstimateCarriesAStandardError) {
  TempDir dir;
  dir.Write("nodes.csv", "id\nA\nB\nC\n");
  dir.Write("edges.csv", "from,to,type\nA,B,partners\nB,C,partners\n");
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  const UndirectedGraph simple = BuildUndirectedGraph(graph, nullptr);
  const BetweennessEstimate exact = EstimateBetweenness(simple, {});
  EXPECT_TRUE(exact.standard_error.empty());
  EXPECT_EQ(exact.score, (std::vector<double>{0, 1, 0}));
  // Two of three sources. B's dependency is 1 from A or C and 0 from B itself.
  const BetweennessEstimate sampled = EstimateBetweenness(simple, {.samples = 2, .seed = 1});
  ASSERT_EQ(sampled.standard_error.size(), 3u);
  EXPECT_EQ(sampled.standard_error[0], 0);
  EXPECT_EQ(sampled.standard_error[2], 0);
  // Either both sampled sources are leaves (B: 1, 1; estimate 1.5 x 2 / 2 = 1.5, no spread) or one
  // is B (B: 1, 0; estimate 0.75; s^2 = 0.5, SE = 1.5 sqrt(1/3 x 0.5 / 2) = 0.4330...).
  if (sampled.score[1] == 1.5) {
    EXPECT_EQ(sampled.standard_error[1], 0);
  } else {
    EXPECT_DOUBLE_EQ(sampled.score[1], 0.75);
    EXPECT_NEAR(sampled.standard_error[1], 1.5 * std::sqrt(0.5 / 6.0), 1e-12);
  }
}

TEST(PathsCaps, ListsAtMostTenThousandWhateverLimitSays) {
  // A -> 22 -> 22 -> 22 -> B: 10,648 paths of four edges.
  TempDir dir;
  std::string nodes = "id\nA\nB\n", edges = "from,to,type\n";
  for (int layer = 1; layer <= 3; ++layer) {
    for (int i = 0; i < 22; ++i) nodes += fmt::format("L{}_{}\n", layer, i);
  }
  for (int i = 0; i < 22; ++i) {
    edges += fmt::format("A,L1_{},invests\nL3_{},B,invests\n", i, i);
    for (int j = 0; j < 22; ++j) edges += fmt::format("L1_{},L2_{},invests\nL2_{},L3_{},invests\n", i, j, i, j);
  }
  dir.Write("nodes.csv", nodes);
  dir.Write("edges.csv", edges);
  const CliRun run = Cli({"paths", "A", "B", dir.Path().string(), "--limit", "100000", "--format", "json", "-q"});
  ASSERT_EQ(run.code, 0) << run.err;
  const nlohmann::json json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["paths"].size(), 10000u);
  EXPECT_EQ(json["truncated"], true);
  EXPECT_EQ(json["note"],
            "stopped at 10000 paths, the most `paths` lists whatever --limit says: more exist; lower --max-depth");
  const CliRun small = Cli({"paths", "A", "B", dir.Path().string(), "--limit", "3", "-q"});
  EXPECT_NE(small.out.find("\n(stopped at --limit 3: more paths exist; raise --limit or lower --max-depth)\n"),
            std::string::npos)
      << small.out;
}

TEST(RenderCaps, RefusesATooBigDrawingBeforeBuildingIt) {
  TempDir dir;
  std::string nodes = "id\n";
  for (int i = 0; i <= 20000; ++i) nodes += fmt::format("n{}\n", i);
  dir.Write("nodes.csv", nodes);
  dir.Write("edges.csv", "from,to,type\nn0,n1,partners\n");
  const std::string out = (dir.Path() / "map.svg").string();
  const CliRun run = Cli({"render", dir.Path().string(), "-o", out, "-q"});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err,
            "error: 20001 nodes and 1 edges are too many to lay out (limit 20000 nodes, 60000 edges): draw a part "
            "with --focus NODE --depth N, or write .dot and lay it out with Graphviz yourself\n");
  EXPECT_FALSE(std::filesystem::exists(out));
  const CliRun focused = Cli({"render", dir.Path().string(), "-o", out, "--focus", "n0", "-q"});
  EXPECT_EQ(focused.code, 0) << focused.err;
}

TEST(MemoryGuard, StopsWithAMessageNamingThePhaseAndTheOptions) {
  const std::string output = ShellOutput(fmt::format("PG_MEMORY_LIMIT_MB=1 '{}' analyze '{}' 2>&1 >/dev/null; echo rc=$?",
                                                  PG_CLI_PATH, testing::ExampleDir()));
  EXPECT_TRUE(std::regex_match(output, std::regex("error: analyze stopped in phase \"load\": it holds [0-9]+ MB, past "
                                                  "the memory limit of 1 MB \\(PG_MEMORY_LIMIT_MB\\); leave a pass "
                                                  "out with --pass, or keep fewer findings with --top\nrc=2\n")))
      << output;
  // 0 turns the guard off.
  EXPECT_EQ(ShellOutput(fmt::format("PG_MEMORY_LIMIT_MB=0 '{}' analyze '{}' -q >/dev/null 2>&1; echo rc=$?", PG_CLI_PATH,
                                 testing::ExampleDir())),
            "rc=0\n");
}

}  // namespace
}  // namespace pg
