// Texts for people name nodes by label (ids are codes in most exports: Crunchbase's n90); JSON
// keeps ids in `subjects` and adds `labels`; a label two nodes share gets the id beside it.

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analysis/graph_diff.h"
#include "graph/display_name.h"
#include "tests/test_support.h"
#include "tools/findings_format.h"

namespace pg {
namespace {

using testing::Cli;
using testing::MustLoad;
using testing::RunPass;
using testing::TempDir;

constexpr const char* kCodedNodes =
    "id,label,type,markets\n"
    "n1,Sequoia Capital,investor,\n"
    "n2,OpenAI,company,frontier\n"
    "n3,Anthropic,company,frontier\n"
    "n4,Microsoft Azure,cloud,\n";
constexpr const char* kCodedEdges =
    "from,to,type,amount_usd\n"
    "n1,n2,invests,10B\n"
    "n1,n3,invests,4B\n"
    "n4,n2,distributes,\n"
    "n4,n3,distributes,\n";

TEST(DisplayName, FindingMessagesUseLabelsNotIds) {
  TempDir dir;
  dir.Write("nodes.csv", kCodedNodes);
  dir.Write("edges.csv", kCodedEdges);
  const PartnershipGraph graph = MustLoad({dir.Path().string()});

  const Findings dual = RunPass(graph, "dual-backing");
  ASSERT_EQ(dual.size(), 1u);
  EXPECT_EQ(dual[0].message, "Sequoia Capital backs 2 rivals: OpenAI ($10B), Anthropic ($4B); $14B in total");
  EXPECT_EQ(dual[0].subjects, (std::vector<std::string>{"n1", "n2", "n3"}));  // ids for programs
  EXPECT_EQ(dual[0].parts[0].node, "n2");

  const Findings shared = RunPass(graph, "shared-channel");
  ASSERT_EQ(shared.size(), 1u);
  EXPECT_EQ(shared[0].message, "Microsoft Azure distributes 2 rivals: OpenAI, Anthropic");
  EXPECT_EQ(shared[0].subjects, (std::vector<std::string>{"n4", "n2", "n3"}));
}

TEST(DisplayName, CommandTablesUseLabelsAndJsonCarriesIdsAndLabels) {
  TempDir dir;
  dir.Write("nodes.csv", kCodedNodes);
  dir.Write("edges.csv", kCodedEdges);

  const testing::CliRun neighbors = Cli({"neighbors", "n1", dir.Path().string()});
  ASSERT_EQ(neighbors.code, 0) << neighbors.err;
  EXPECT_EQ(neighbors.out,
            "Sequoia Capital: 2 neighbours within 1 step (as of 2026-11-29)\n"
            "  depth node       dir   edge\n"
            "  1     OpenAI     out   Sequoia Capital -invests-> OpenAI $10B\n"
            "  1     Anthropic  out   Sequoia Capital -invests-> Anthropic $4B\n");

  const testing::CliRun analyze = Cli({"analyze", dir.Path().string(), "--pass", "dual-backing,shared-channel",
                                       "--format", "json"});
  ASSERT_EQ(analyze.code, 0) << analyze.err;
  const nlohmann::json json = nlohmann::json::parse(analyze.out);
  ASSERT_EQ(json["findings"].size(), 2u);
  EXPECT_EQ(json["findings"][0]["subjects"], nlohmann::json({"n1", "n2", "n3"}));
  EXPECT_EQ(json["findings"][0]["labels"], nlohmann::json({"Sequoia Capital", "OpenAI", "Anthropic"}));
  EXPECT_EQ(json["findings"][1]["subjects"], nlohmann::json({"n4", "n2", "n3"}));
  EXPECT_EQ(json["findings"][1]["labels"], nlohmann::json({"Microsoft Azure", "OpenAI", "Anthropic"}));
  EXPECT_EQ(json["findings"][0]["related"][0]["from"], "n1");  // evidence keeps ids
}

TEST(DisplayName, ALabelTwoNodesShareGetsTheIdBesideIt) {
  TempDir dir;
  dir.Write("nodes.csv", std::string(kCodedNodes) + "n5,Anthropic,company,frontier\n");
  dir.Write("edges.csv", std::string(kCodedEdges) + "n1,n5,invests,1B\n");
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  const Findings dual = RunPass(graph, "dual-backing");
  ASSERT_EQ(dual.size(), 1u);
  EXPECT_EQ(dual[0].message,
            "Sequoia Capital backs 3 rivals: OpenAI ($10B), Anthropic (n3) ($4B), Anthropic (n5) ($1B); $15B in total");
  EXPECT_EQ(DisplayName(graph, *graph.FindNode("n1")), "Sequoia Capital");
  EXPECT_EQ(DisplayNameOf(graph, "n5"), "Anthropic (n5)");
  EXPECT_EQ(DisplayNameOf(graph, "nobody"), "nobody");
}

TEST(DisplayName, ALabelThatIsAnotherNodesIdGetsItsOwnIdAndANodeWithoutLabelItsId) {
  TempDir dir;
  dir.Write("nodes.csv", "id,label,type\nn1,n2,company\nn2,Two,company\nn3,,company\nn4,n4,company\n");
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  EXPECT_EQ(DisplayNameOf(graph, "n1"), "n2 (n1)");  // "n2" typed back finds the node n2
  EXPECT_EQ(DisplayNameOf(graph, "n2"), "Two");
  EXPECT_EQ(DisplayNameOf(graph, "n3"), "n3");
  EXPECT_EQ(DisplayNameOf(graph, "n4"), "n4");
}

TEST(DisplayName, ValidateWarningsAndChangedSubjectsUseLabels) {
  TempDir dir;
  dir.Write("nodes.csv", kCodedNodes);
  dir.Write("edges.csv", "from,to,type,amount_usd,source\nn1,n2,invests,10B,memo\nn1,n2,invests,5B,blog\n");
  const testing::CliRun validate = Cli({"validate", dir.Path().string()});
  ASSERT_EQ(validate.code, 0) << validate.err;
  const std::string edges = (dir.Path() / "edges.csv").string();
  EXPECT_NE(validate.err.find(edges + ":3: warning: conflicting claim: Sequoia Capital -invests-> OpenAI $5B here, "
                                      "$10B at " + edges + ":2; counting the latter"),
            std::string::npos)
      << validate.err;

  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  FindingChange change;
  change.after.pass = "dual-backing";
  change.after.message = "m";
  change.subjects_added = {"n3"};
  change.subjects_removed = {"n2"};
  std::ostringstream out;
  PrintFindingChanges(graph, {change}, out);
  EXPECT_EQ(out.str(), "\nfindings changed (1)\n  ~ dual-backing: m\n      subjects: + Anthropic, - OpenAI\n");
}

}  // namespace
}  // namespace pg
