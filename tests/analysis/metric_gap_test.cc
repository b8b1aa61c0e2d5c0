// metric-gap: compute now and planned, and the enterprise-share trend with its crossover.

#include "analysis/metric_gap.h"

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::MustLoad;
using testing::RunPass;
using testing::TempDir;

const Finding* WithTopic(const Findings& findings, const std::string& topic) {
  for (const Finding& finding : findings) {
    if (finding.topic == topic) return &finding;
  }
  return nullptr;
}

TEST(MetricGap, ComputeNowAndPlanned) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const Findings findings = RunPass(graph, "metric-gap");
  const Finding* now = WithTopic(findings, "compute_gw actual");
  ASSERT_NE(now, nullptr);
  EXPECT_EQ(now->subjects, (std::vector<std::string>{"OpenAI", "Anthropic"}));
  EXPECT_DOUBLE_EQ(*now->FigureValue("leader_value"), 1.9);
  EXPECT_DOUBLE_EQ(*now->FigureValue("other_value"), 1.4);
  EXPECT_NEAR(*now->FigureValue("ratio"), 1.357142857, 1e-9);
  EXPECT_NEAR(*now->FigureValue("gap"), 0.5, 1e-12);
  EXPECT_EQ(now->message, "compute_gw (actual, 2026-04): OpenAI 1.9 gw vs Anthropic 1.4 gw: 1.357×, gap 0.5 gw");
  const Finding* plan = WithTopic(findings, "compute_gw plan");
  ASSERT_NE(plan, nullptr);
  EXPECT_DOUBLE_EQ(*plan->FigureValue("ratio"), 4.0);
  EXPECT_DOUBLE_EQ(*plan->FigureValue("gap"), 22.5);
  EXPECT_EQ(plan->message, "compute_gw (plan): OpenAI 30 gw by 2030 vs Anthropic 7.5 gw by 2027-12: 4×, gap 22.5 gw");
}

TEST(MetricGap, EnterpriseShareGapClosesWithCrossover) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const Findings findings = RunPass(graph, "metric-gap");
  const Finding* share = WithTopic(findings, "enterprise_share_pct actual");
  ASSERT_NE(share, nullptr);
  EXPECT_EQ(share->severity, FindingSeverity::kWarning);
  EXPECT_NEAR(*share->FigureValue("gap"), 4.6, 1e-9);
  EXPECT_DOUBLE_EQ(*share->FigureValue("first_gap"), 11.0);
  EXPECT_NEAR(*share->FigureValue("trend_per_month"), -3.2, 1e-9);
  EXPECT_NEAR(*share->FigureValue("crossover_months"), 1.4375, 1e-9);
  EXPECT_EQ(share->message,
            "enterprise_share_pct (actual, 2026-04): OpenAI 35.2 pct vs Anthropic 30.6 pct: 1.15×, gap 4.6 pct; gap 11 "
            "→ 4.6 from 2026-02 to 2026-04 (2 months, -3.2 per month): at that pace Anthropic overtakes OpenAI in "
            "about 1.4 months (2026-05)");
  EXPECT_EQ(share->metrics.size(), 4u);  // the stated 2026-02 gap, both 2026-04 values, the stated 2026-04 gap
}

TEST(MetricGap, AsOfUsesTheLatestValuesThenAndKeepsPlans) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const Findings findings = RunPass(graph, "metric-gap", "2026-03");
  ASSERT_EQ(findings.size(), 1u);  // only the plans: no actual value of both rivals before 2026-04
  EXPECT_EQ(findings[0].topic, "compute_gw plan");
}

TEST(MetricGap, WideningGapHasNoCrossover) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,markets\nA,m\nB,m\nC,\n");
  const std::string metrics = dir.Write("metrics.csv",
                                        "entity,metric,value,as_of\n"
                                        "A,users,10,2026-01\nB,users,8,2026-01\n"
                                        "A,users,14,2026-03\nB,users,9,2026-03\nC,users,1,2026-03\n");
  const Findings findings = RunPass(MustLoad({nodes, metrics}), "metric-gap");
  ASSERT_EQ(findings.size(), 1u);  // C has no rival
  EXPECT_EQ(findings[0].message, "users (2026-03): A 14 vs B 9: 1.556×, gap 5; gap 2 → 5 from 2026-01 to 2026-03 "
                                 "(2 months, +1.5 per month): widening");
  EXPECT_FALSE(findings[0].FigureValue("crossover_months"));
}

TEST(MetricGap, DateAtMonthIndexInvertsMonthIndex) {
  EXPECT_EQ(DateAtMonthIndex(Date::FromParts(2026, 4).MonthIndex()).ToString(), "2026-04");
  EXPECT_EQ(DateAtMonthIndex(Date::FromParts(2026, 4).MonthIndex() + 1.4375).ToString(), "2026-05");
  EXPECT_EQ(DateAtMonthIndex(Date::FromParts(2026, 12).MonthIndex() + 1).ToString(), "2027-01");
}

}  // namespace
}  // namespace pg
