// Time as it is: without --as-of the view is today (pinned for tests by PARTNERGRAPH_TODAY);
// ended deals are history, future ones planned, both labelled and neither counted.

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "graph/graph_view.h"
#include "tests/pinned_today.h"
#include "tests/test_support.h"
#include "tools/findings_format.h"

namespace pg {
namespace {

using testing::Cli;
using testing::ExampleDir;
using testing::MustLoad;
using testing::ScopedEnv;
using testing::TempDir;

Date D(int year, int month = 0, int day = 0) { return Date::FromParts(year, month, day); }

// Edge 0 ended in 2025 (ran through 2025-12-31); edge 1 starts in 2027; edge 2 ran 2025-03..06.
PartnershipGraph DatedEdges(const TempDir& dir) {
  const std::string nodes = dir.Write("nodes.csv", "id\nA\nB\n");
  const std::string edges = dir.Write("edges.csv",
                                      "from,to,type,amount_usd,start,end\n"
                                      "A,B,invests,1B,,2025\nA,B,supplies_compute,2B,2027,\n"
                                      "A,B,partners,,2025-03,2025-06\n");
  return MustLoad({nodes, edges});
}

TEST(AsOfView, YearAndMonthPrecisionCoverTheirWholePeriod) {
  TempDir dir;
  const PartnershipGraph graph = DatedEdges(dir);
  auto time = [&](EdgeId e, Date as_of) { return GraphView(graph, ViewOptions{as_of}).TimeOf(e); };
  EXPECT_EQ(time(0, D(2025, 12, 31)), EdgeTime::kCurrent);  // an end of 2025 runs through December
  EXPECT_EQ(time(0, D(2026, 1, 1)), EdgeTime::kEnded);
  EXPECT_EQ(time(1, D(2026, 12, 31)), EdgeTime::kPlanned);
  EXPECT_EQ(time(1, D(2027, 1, 1)), EdgeTime::kCurrent);
  EXPECT_EQ(time(1, D(2027)), EdgeTime::kCurrent);
  EXPECT_EQ(time(2, D(2025, 6, 30)), EdgeTime::kCurrent);
  EXPECT_EQ(time(2, D(2025, 7)), EdgeTime::kEnded);
  EXPECT_EQ(time(2, D(2025, 2, 28)), EdgeTime::kPlanned);
  for (EdgeId e = 0; e < 3; ++e) EXPECT_EQ(time(e, Date()), EdgeTime::kCurrent) << e;  // all: every edge
  const GraphView view(graph, ViewOptions{D(2026, 11, 29)});
  EXPECT_FALSE(view.Active(0));
  EXPECT_FALSE(view.Counted(1));
  EXPECT_EQ(EdgeTimeLabel(graph.GetEdge(0), D(2026, 11, 29)), "ended 2025");
  EXPECT_EQ(EdgeTimeLabel(graph.GetEdge(1), D(2026, 11, 29)), "planned from 2027");
  EXPECT_EQ(EdgeTimeLabel(graph.GetEdge(2), D(2025, 4)), "");
  EXPECT_EQ(EdgeTimeName(EdgeTime::kEnded), "ended");
  EXPECT_EQ(EdgeTimeName(EdgeTime::kPlanned), "planned");
}

TEST(AsOfView, TodayComesFromTheClock) {
  const Date today = Today();
  EXPECT_GE(today.Year(), 2024);
  EXPECT_GE(today.Month(), 1);
  EXPECT_GE(today.Day(), 1);
}

TEST(AsOfView, EvidenceNotCurrentIsLabelledInTextAndJson) {
  TempDir dir;
  const PartnershipGraph graph = DatedEdges(dir);
  Finding finding;
  finding.pass = "test";
  finding.message = "m";
  finding.related = {0, 1, 2};
  const Date as_of = D(2026, 1);
  std::ostringstream text;
  PrintFindingsTable(graph, {finding}, /*why=*/true, text, nullptr, as_of);
  EXPECT_NE(text.str().find("why:  A -invests-> B $1B ("), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("edges.csv:2) [ended 2025]\n"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("edges.csv:3) [planned from 2027]\n"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("edges.csv:4) [ended 2025-06]\n"), std::string::npos) << text.str();
  const nlohmann::json json = FindingsToJson(graph, {finding}, nullptr, as_of);
  EXPECT_EQ(json["as_of"], "2026-01");
  EXPECT_EQ(json["findings"][0]["related"][0]["status"], "ended");
  EXPECT_EQ(json["findings"][0]["related"][1]["status"], "planned");
  EXPECT_EQ(json["findings"][0]["related"][2]["status"], "ended");
  std::ostringstream current;
  PrintFindingsTable(graph, {finding}, /*why=*/true, current, nullptr, D(2025, 4));
  EXPECT_EQ(current.str().find("edges.csv:2) ["), std::string::npos) << current.str();
  EXPECT_FALSE(FindingsToJson(graph, {finding}, nullptr, D(2025, 4))["findings"][0]["related"][0].contains("status"));
  std::ostringstream streamed;
  WriteFindingsJson(graph, {finding}, streamed, nullptr, as_of);
  EXPECT_EQ(streamed.str(), json.dump(2) + "\n");
  EXPECT_TRUE(FindingsToJson(graph, {finding})["as_of"].is_null());  // all
}

TEST(AsOfView, EndedEvidenceInJsonSaysEnded) {
  TempDir dir;
  const PartnershipGraph graph = DatedEdges(dir);
  EXPECT_EQ(EdgeToJson(graph, 0, D(2026, 11, 29))["status"], "ended");
  EXPECT_EQ(EdgeToJson(graph, 1, D(2026, 11, 29))["status"], "planned");
  EXPECT_FALSE(EdgeToJson(graph, 0, Date()).contains("status"));
}

TEST(AsOfCli, WithoutAsOfTheViewIsTodayPinnedByTheEnvironment) {
  const auto run = Cli({"analyze", ExampleDir(), "--pass", "control", "--quiet"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out.substr(0, run.out.find(';')),
            std::string("13 nodes, 20 edges, 21 metrics (as of ") + testing::kPinnedToday + ")");
  {
    ScopedEnv today("PARTNERGRAPH_TODAY", "2026-03");
    const auto march = Cli({"analyze", ExampleDir(), "--pass", "control", "--quiet"});
    EXPECT_NE(march.out.find("(as of 2026-03)"), std::string::npos) << march.out;
  }
  const auto json = Cli({"analyze", ExampleDir(), "--pass", "control", "--quiet", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(json.out)["as_of"], testing::kPinnedToday);
}

TEST(AsOfCli, AsOfAllIsTheUnionAndShowsNoDate) {
  const auto run = Cli({"analyze", ExampleDir(), "--pass", "control", "--quiet", "--as-of", "all"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out.find("(as of"), std::string::npos) << run.out;
  const auto json = Cli({"analyze", ExampleDir(), "--pass", "control", "--quiet", "--format", "json", "--as-of", "ALL"});
  EXPECT_TRUE(nlohmann::json::parse(json.out)["as_of"].is_null());
  const auto exposure = Cli({"exposure", "Anthropic", ExampleDir(), "--format", "json", "--as-of", "all"});
  EXPECT_TRUE(nlohmann::json::parse(exposure.out)["as_of"].is_null());
}

TEST(AsOfCli, AsOfFlagWinsOverTheEnvironment) {
  ScopedEnv today("PARTNERGRAPH_TODAY", "not a date");
  const auto run = Cli({"neighbors", "Amazon", ExampleDir(), "--quiet", "--as-of", "2026-04"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("(as of 2026-04)"), std::string::npos) << run.out;
}

TEST(AsOfCli, BadTodayIsAnErrorNamingTheVariable) {
  ScopedEnv today("PARTNERGRAPH_TODAY", "soon");
  const auto run = Cli({"exposure", "Anthropic", ExampleDir()});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err, "error: PARTNERGRAPH_TODAY: bad date \"soon\": expected YYYY, YYYY-MM or YYYY-MM-DD\n");
  EXPECT_EQ(run.out, "");
}

TEST(AsOfCli, NoTodayInTheEnvironmentUsesTheClock) {
  ScopedEnv today("PARTNERGRAPH_TODAY", std::nullopt);
  const auto run = Cli({"neighbors", "Amazon", ExampleDir(), "--quiet"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("(as of " + Today().ToString() + ")"), std::string::npos) << run.out;
}

TEST(AsOfCli, PlannedComputeIsNotCurrentSupplyButIsNoted) {
  // Broadcom's 3.5 GW for Anthropic starts in 2027: planned on 2026-11-29, counted with `all`.
  const auto today = Cli({"exposure", "Anthropic", ExampleDir(), "--format", "json"});
  ASSERT_EQ(today.code, 0) << today.err;
  const nlohmann::json now = nlohmann::json::parse(today.out);
  EXPECT_EQ(now["as_of"], testing::kPinnedToday);
  EXPECT_EQ(now["dimensions"]["compute"]["edges"], 1);
  ASSERT_FALSE(now["notes"].empty());
  EXPECT_EQ(now["notes"][0], std::string("Broadcom -supplies_compute-> Anthropic 3.5 GW is planned from 2027: "
                                         "compute counts current edges only (as of ") +
                                 testing::kPinnedToday + ")");
  const auto all = Cli({"exposure", "Anthropic", ExampleDir(), "--format", "json", "--as-of", "all"});
  const nlohmann::json union_view = nlohmann::json::parse(all.out);
  EXPECT_EQ(union_view["dimensions"]["compute"]["edges"], 2);
  for (const auto& note : union_view["notes"]) EXPECT_EQ(note.get<std::string>().find("planned"), std::string::npos);
  const auto text = Cli({"exposure", "Anthropic", ExampleDir()});
  EXPECT_NE(text.out.find("note: Broadcom -supplies_compute-> Anthropic 3.5 GW is planned from 2027"), std::string::npos)
      << text.out;
}

TEST(AsOfCli, NeighborsListTheCentresEdgesThatAreNotCurrentApart) {
  const auto run = Cli({"neighbors", "Anthropic", ExampleDir(), "--quiet"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out.find("Broadcom  "), std::string::npos) << run.out;  // not a current neighbour
  const std::string tail = std::string("not current as of ") + testing::kPinnedToday +
                           ":\n  Broadcom -supplies_compute-> Anthropic 3.5 GW, from 2027  [planned from 2027]\n";
  ASSERT_GE(run.out.size(), tail.size());
  EXPECT_EQ(run.out.substr(run.out.size() - tail.size()), tail) << run.out;
  const auto json = Cli({"neighbors", "Anthropic", ExampleDir(), "--quiet", "--format", "json"});
  const nlohmann::json document = nlohmann::json::parse(json.out);
  ASSERT_EQ(document["not_current"].size(), 1u);
  EXPECT_EQ(document["not_current"][0]["from"], "Broadcom");
  EXPECT_EQ(document["not_current"][0]["status"], "planned");
  const auto all = Cli({"neighbors", "Anthropic", ExampleDir(), "--quiet", "--as-of", "all"});
  EXPECT_EQ(all.out.find("not current"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("Broadcom -supplies_compute-> Anthropic"), std::string::npos) << all.out;
}

TEST(AsOfCli, ValidateChecksEveryRowWhateverItsDates) {
  // Two sources disagree on a deal planned for 2030: not in today's view, still a conflict.
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id\nA\nB\n");
  const std::string edges = dir.Write("edges.csv",
                                      "from,to,type,amount_usd,start,source\n"
                                      "A,B,invests,1B,2030,one\nA,B,invests,2B,2030,two\n");
  const auto run = Cli({"validate", nodes, edges});
  EXPECT_EQ(run.code, 0);
  EXPECT_EQ(run.err, edges + ":3: warning: conflicting claim: A -invests-> B $2B here, $1B at " + edges +
                         ":2; counting the latter (higher confidence or first)\n");
  const auto today = Cli({"validate", nodes, edges, "--as-of", "2026-11"});
  EXPECT_EQ(today.err.find("conflicting claim"), std::string::npos) << today.err;
}

}  // namespace
}  // namespace pg
