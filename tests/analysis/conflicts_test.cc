// conflicts: both CONFLICT pairs of the example, metric conflicts, and a basis that differs.

#include "analysis/conflicts.h"

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::FindingAbout;
using testing::MustLoad;
using testing::RunPass;
using testing::TempDir;

TEST(Conflicts, ExampleFlagsBothArticleContradictionsWithBothSources) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const Findings findings = RunPass(graph, "conflicts");
  ASSERT_EQ(findings.size(), 2u);  // gross $30B vs net $22B is not among them
  const std::string edges = ExampleDir() + "/edges.csv";
  const Finding* amazon = FindingAbout(findings, "Amazon");
  ASSERT_NE(amazon, nullptr);
  EXPECT_EQ(amazon->subjects, (std::vector<std::string>{"Amazon", "Anthropic"}));
  EXPECT_EQ(amazon->topic, "invests");
  EXPECT_EQ(amazon->severity, FindingSeverity::kWarning);
  EXPECT_EQ(amazon->message, "Amazon -invests-> Anthropic: 2 claims disagree: $8B (marsbit 2026-04-14, article body; " +
                                 edges + ":3) vs $80B (marsbit 2026-04-14, Q&A section; " + edges +
                                 ":4); counting $8B");
  EXPECT_EQ(amazon->related, (std::vector<EdgeId>{1, 2}));
  EXPECT_DOUBLE_EQ(*amazon->FigureValue("counted_amount_usd"), 8e9);
  EXPECT_DOUBLE_EQ(*amazon->FigureValue("spread"), 10.0);
  const Finding* oracle = FindingAbout(findings, "Oracle");
  ASSERT_NE(oracle, nullptr);
  EXPECT_EQ(oracle->message, "Oracle -supplies_compute-> OpenAI: 2 claims disagree: $30B (marsbit 2026-04-14, article "
                             "body; " + edges + ":16) vs $300B (marsbit 2026-04-14, Q&A section; " + edges +
                                 ":17); counting $30B");
}

TEST(Conflicts, MetricClaimsOfOneFactThatDisagree) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id\nAnthropic\n");
  const std::string metrics = dir.Write("metrics.csv",
                                        "entity,metric,value,unit,as_of,basis,source,confidence\n"
                                        "Anthropic,revenue_usd,30000000000,usd,2026-04,gross,Reporter A,low\n"
                                        "Anthropic,revenue_usd,22000000000,usd,2026-04,net,Memo,high\n"
                                        "Anthropic,revenue_usd,31000000000,usd,2026-04,Gross,Reporter B,high\n"
                                        "Anthropic,revenue_usd,30000000000,usd,2026-03,gross,Reporter C,high\n");
  const PartnershipGraph graph = MustLoad({nodes, metrics});
  const Findings findings = RunPass(graph, "conflicts");
  ASSERT_EQ(findings.size(), 1u);
  const Finding& finding = findings[0];
  EXPECT_EQ(finding.subjects, std::vector<std::string>{"Anthropic"});
  EXPECT_EQ(finding.metrics, (std::vector<std::uint32_t>{2, 0}));  // counted (higher confidence) first
  EXPECT_EQ(finding.message, "Anthropic revenue_usd (Gross, as of 2026-04): 2 claims disagree: $31B (Reporter B; " +
                                 metrics + ":4) vs $30B (Reporter A; " + metrics + ":2); counting $31B");
  EXPECT_NEAR(*finding.FigureValue("spread"), 31.0 / 30.0, 1e-12);
  // As of 2026-03 only the March claim is visible: nothing disagrees.
  EXPECT_TRUE(RunPass(graph, "conflicts", "2026-03").empty());
}

}  // namespace
}  // namespace pg
