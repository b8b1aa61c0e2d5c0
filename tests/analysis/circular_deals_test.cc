// circular-deals on tests/data/circular (loops written down before the pass ran) and the example.

#include <gtest/gtest.h>

#include "graph/graph_builder.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::MustLoad;
using testing::RunPass;
using testing::TempDir;
using testing::TestDataDir;

std::string Fact(const Finding& finding, const std::string& name) {
  for (const auto& [key, value] : finding.facts) {
    if (key == name) return value;
  }
  return "(none)";
}

double FigureOr(const Finding& finding, const std::string& name) { return finding.FigureValue(name).value_or(-1); }

// The fixture's loops, as written down first: a chip maker funding a lab that buys its chips,
// a cloud funding a lab through the parent while its arm sells it compute and distributes it,
// a lab holding warrants in its supplier, two three-party loops (through an investment and
// through a minority stake) and one whose legs never overlap.
TEST(CircularDeals, FixtureGivesExactlyTheLoopsWrittenDown) {
  const Findings findings = RunPass(MustLoad({TestDataDir() + "/circular"}), "circular-deals");
  std::vector<std::vector<std::string>> subjects;
  for (const Finding& finding : findings) subjects.push_back(finding.subjects);
  EXPECT_EQ(subjects, (std::vector<std::vector<std::string>>{{"ChipCo", "LabA"},
                                                             {"ChipCo", "LabA", "Neo"},
                                                             {"CloudCo", "LabB"},
                                                             {"OldCloud", "LabA"},
                                                             {"Fund", "LabA", "Neo"},
                                                             {"LabB", "ChipCo"}}));
  ASSERT_EQ(findings.size(), 6u);

  const Finding& chip = findings[0];
  EXPECT_EQ(chip.severity, FindingSeverity::kWarning);
  EXPECT_DOUBLE_EQ(FigureOr(chip, "size_usd"), 10e9);
  EXPECT_DOUBLE_EQ(FigureOr(chip, "back_usd"), 20e9);
  EXPECT_DOUBLE_EQ(FigureOr(chip, "back_gw"), 10);
  EXPECT_EQ(chip.message,
            "ChipCo ↔ LabA: ChipCo funds its customer; out ChipCo -invests-> LabA $10B, from 2025-09; back ChipCo "
            "-supplies_compute-> LabA $20B 10 GW, from 2026; together from 2026");

  const Finding& via_neo = findings[1];
  EXPECT_EQ(via_neo.severity, FindingSeverity::kWarning);
  EXPECT_DOUBLE_EQ(FigureOr(via_neo, "back_usd"), 12e9);
  EXPECT_DOUBLE_EQ(FigureOr(via_neo, "held_usd"), 2e9);
  EXPECT_EQ(via_neo.message,
            "ChipCo → LabA → Neo → ChipCo: ChipCo funds a customer of its holding Neo; out ChipCo -invests-> LabA "
            "$10B, from 2025-09; back Neo -supplies_compute-> LabA $12B; held ChipCo -invests-> Neo $2B; together "
            "from 2025-09");

  const Finding& cloud = findings[2];  // the parent's money, the arm's compute and channel
  EXPECT_EQ(cloud.severity, FindingSeverity::kWarning);
  EXPECT_EQ(Fact(cloud, "kind"), "funds its customer and its supplier");
  EXPECT_DOUBLE_EQ(FigureOr(cloud, "invested_usd"), 4e9);
  EXPECT_DOUBLE_EQ(FigureOr(cloud, "back_usd"), 1.5e9);
  EXPECT_EQ(cloud.related, (std::vector<EdgeId>{3, 4, 5}));  // not the investment into its own arm
  EXPECT_EQ(Fact(cloud, "together"), "undated");

  const Finding& old = findings[3];
  EXPECT_EQ(old.severity, FindingSeverity::kInfo);  // $2B, but the legs never overlap
  EXPECT_EQ(Fact(old, "together"), "never (money out ended 2020, money back began 2022)");

  const Finding& minority = findings[4];  // Fund's 20% of Neo gives no control: a third party
  EXPECT_EQ(minority.severity, FindingSeverity::kWarning);  // $1B out: the threshold itself
  EXPECT_DOUBLE_EQ(FigureOr(minority, "size_usd"), 1e9);
  EXPECT_FALSE(minority.FigureValue("held_usd"));  // the stake has no amount: none is made up
  EXPECT_TRUE(minority.message.ends_with("; held Fund -owns-> Neo 20% stake; together undated")) << minority.message;

  const Finding& warrants = findings[5];
  EXPECT_EQ(warrants.severity, FindingSeverity::kInfo);
  EXPECT_FALSE(warrants.FigureValue("size_usd"));
  EXPECT_DOUBLE_EQ(FigureOr(warrants, "bought_gw"), 6);
  EXPECT_EQ(warrants.message,
            "LabB ↔ ChipCo: LabB invests in its supplier; out LabB -invests-> ChipCo (no amount), from 2026-10; "
            "bought ChipCo -supplies_compute-> LabB (no amount) 6 GW, from 2026-10; together from 2026-10");
}

TEST(CircularDeals, AsOfKeepsOnlyLoopsWhoseLegsAreBothActive) {
  const Findings findings = RunPass(MustLoad({TestDataDir() + "/circular"}), "circular-deals", "2021");
  std::vector<std::vector<std::string>> subjects;
  for (const Finding& finding : findings) subjects.push_back(finding.subjects);
  EXPECT_EQ(subjects, (std::vector<std::vector<std::string>>{{"CloudCo", "LabB"}, {"Fund", "LabA", "Neo"}}));
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(Fact(findings[0], "current"), "2021");
  EXPECT_TRUE(findings[0].message.ends_with("; together undated, current as of 2021")) << findings[0].message;
}

TEST(CircularDeals, ExampleAmazonAndAnthropic) {
  const Findings findings = RunPass(MustLoad({ExampleDir()}), "circular-deals");
  std::vector<std::vector<std::string>> subjects;
  for (const Finding& finding : findings) subjects.push_back(finding.subjects);
  EXPECT_EQ(subjects, (std::vector<std::vector<std::string>>{{"Amazon", "OpenAI"}, {"Amazon", "Anthropic"}}));
  ASSERT_EQ(findings.size(), 2u);
  const Finding& anthropic = findings[1];
  EXPECT_EQ(anthropic.severity, FindingSeverity::kWarning);
  EXPECT_DOUBLE_EQ(FigureOr(anthropic, "invested_usd"), 8e9);  // the counted claim, not the $80B one
  EXPECT_EQ(anthropic.message,
            "Amazon ↔ Anthropic: Amazon funds its customer and its supplier; out Amazon -invests-> Anthropic $8B; "
            "back Amazon Web Services -supplies_compute-> Anthropic (no amount); bought Amazon Bedrock "
            "-distributes-> Anthropic (no amount); together undated");
  ASSERT_EQ(anthropic.notes.size(), 1u);
  EXPECT_NE(anthropic.notes[0].find("$80B"), std::string::npos) << anthropic.notes[0];
  EXPECT_EQ(findings[0].severity, FindingSeverity::kWarning);
  EXPECT_EQ(Fact(findings[0], "kind"), "invests in its supplier");  // Bedrock sells OpenAI's models
}

// Built directly: the cells that state qualifiers and status are parsed elsewhere.
TEST(CircularDeals, QualifiersAndStatusAreShown) {
  Diagnostics diagnostics;
  GraphBuilder builder(&diagnostics);
  builder.AddSource("test", "");
  for (const char* id : {"A", "B"}) {
    NodeRecord node;
    node.node.id = builder.Intern(id);
    builder.AddNode(node);
  }
  builder.MarkNodesTableSeen();
  auto add = [&](EdgeType type, double amount, AmountQualifier qualifier, DealStatus status, Date start = {}) {
    EdgeRecord record;
    record.edge.start = start;
    record.edge.type = type;
    record.edge.amount_usd = amount;
    record.details.qualifier = qualifier;
    record.details.status = status;
    record.from_name = builder.Intern("A");
    record.to_name = builder.Intern("B");
    builder.AddEdge(record);
  };
  add(EdgeType::kInvests, 100e9, AmountQualifier::kUpTo, DealStatus::kAnnounced);
  add(EdgeType::kSuppliesCompute, 10e9, AmountQualifier::kApprox, DealStatus::kUnknown);
  add(EdgeType::kSuppliesCompute, 1e9, AmountQualifier::kAtLeast, DealStatus::kSigned, Date::FromParts(2027));
  const PartnershipGraph graph = builder.Build();
  ASSERT_FALSE(diagnostics.HasErrors());
  const Findings findings = RunPass(graph, "circular-deals");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "A ↔ B: A funds its customer; out A -invests-> B up to $100B (announced); back A -supplies_compute-> B "
            "~$10B, A -supplies_compute-> B $1B+, from 2027 (signed); together undated");
}

TEST(CircularDeals, SelfInvestmentAndOwnGroupAreNoLoops) {
  TempDir dir;
  dir.Write("nodes.csv", "id,type\nP,cloud\nSub,cloud\n");
  dir.Write("edges.csv",
            "from,to,type,amount_usd\nP,Sub,owns,\nP,Sub,invests,1B\nSub,P,supplies_compute,1B\nP,P,invests,1B\n");
  EXPECT_TRUE(RunPass(MustLoad({dir.Path().string()}), "circular-deals").empty());
}

TEST(CircularDeals, ListedByPasses) {
  const testing::CliRun run = testing::Cli({"passes"});
  EXPECT_NE(run.out.find("circular-deals  where does money go round: an investor funding its own customer or supplier"),
            std::string::npos)
      << run.out;
}

TEST(CircularDeals, BelowOneBillionOutIsInfo) {
  TempDir dir;
  dir.Write("nodes.csv", "id,type\nA,investor\nB,company\n");
  dir.Write("edges.csv", "from,to,type,amount_usd\nA,B,invests,999M\nA,B,supplies_compute,5B\n");
  const Findings findings = RunPass(MustLoad({dir.Path().string()}), "circular-deals");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, FindingSeverity::kInfo);
  EXPECT_DOUBLE_EQ(*findings[0].FigureValue("size_usd"), 999e6);  // the money out, not the larger leg back
}

}  // namespace
}  // namespace pg
