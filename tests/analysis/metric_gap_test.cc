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
            "pct → 4.6 pct from 2026-02 to 2026-04 (2 months, -3.2 pct per month): at that pace Anthropic overtakes OpenAI in "
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

std::string Fact(const Finding& finding, const std::string& name) {
  for (const auto& [key, value] : finding.facts) {
    if (key == name) return value;
  }
  return "";
}

TEST(MetricGap, ComparesEachRivalsLatestValueNotTheLastDateBothReported) {
  // Both reported in 2024-12 (5.5×); since then OpenAI in 2025-12 and Anthropic in 2026-04.
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,markets\nOpenAI,ai\nAnthropic,ai\n");
  const std::string metrics = dir.Write("metrics.csv",
                                        "entity,metric,value,as_of\n"
                                        "OpenAI,revenue_bn,5.5,2024-12\nAnthropic,revenue_bn,1,2024-12\n"
                                        "OpenAI,revenue_bn,20,2025-12\nAnthropic,revenue_bn,14,2026-04\n");
  const PartnershipGraph graph = MustLoad({nodes, metrics});
  const Findings findings = RunPass(graph, "metric-gap");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].subjects, (std::vector<std::string>{"OpenAI", "Anthropic"}));
  EXPECT_NEAR(*findings[0].FigureValue("ratio"), 20.0 / 14.0, 1e-12);
  EXPECT_DOUBLE_EQ(*findings[0].FigureValue("gap"), 6.0);
  EXPECT_EQ(Fact(findings[0], "leader_as_of"), "2025-12");
  EXPECT_EQ(Fact(findings[0], "other_as_of"), "2026-04");
  EXPECT_EQ(Fact(findings[0], "as_of"), "2026-04");
  EXPECT_EQ(findings[0].message,
            "revenue_bn: OpenAI 20 (2025-12) vs Anthropic 14 (2026-04): 1.429×, gap 6; gap 4.5 → 6 from 2024-12 to "
            "2026-04 (16 months, +0.351 per month): narrowing since 2025-12 (from 19), still wider than at the start");

  // As of 2026-01 Anthropic's latest is still 2024-12's: 20 vs 1.
  const Findings then = RunPass(graph, "metric-gap", "2026-01");
  ASSERT_EQ(then.size(), 1u);
  EXPECT_DOUBLE_EQ(*then[0].FigureValue("ratio"), 20.0);
  EXPECT_EQ(Fact(then[0], "other_as_of"), "2024-12");
}

TEST(MetricGap, ChangeOfLeaderIsACrossoverNotWidening) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,markets\nA,m\nB,m\n");
  const std::string metrics = dir.Write("metrics.csv",
                                        "entity,metric,value,as_of\n"
                                        "A,users,10,2025-01\nB,users,8,2025-01\n"
                                        "A,users,12,2025-06\nB,users,11,2025-06\n"
                                        "A,users,13,2025-12\nB,users,15,2025-12\n");
  const Findings findings = RunPass(MustLoad({nodes, metrics}), "metric-gap");
  ASSERT_EQ(findings.size(), 1u);
  const Finding& finding = findings[0];
  EXPECT_EQ(finding.message, "users (2025-12): B 15 vs A 13: 1.154×, gap 2; B overtook A between 2025-06 and 2025-12");
  EXPECT_EQ(finding.severity, FindingSeverity::kWarning);
  EXPECT_EQ(Fact(finding, "crossover_from"), "2025-06");
  EXPECT_EQ(Fact(finding, "crossover_to"), "2025-12");
  EXPECT_EQ(Fact(finding, "new_leader"), "B");
  EXPECT_DOUBLE_EQ(*finding.FigureValue("first_gap"), -2.0);  // B was 2 behind in 2025-01
  EXPECT_FALSE(finding.FigureValue("crossover_months"));
}

TEST(MetricGap, CrossoverWithValuesCarriedForward) {
  // B reports again in 2025-06, A does not: A's 2025-01 value still stands, and B is ahead.
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,markets\nA,m\nB,m\n");
  const std::string metrics = dir.Write("metrics.csv",
                                        "entity,metric,value,as_of\n"
                                        "A,users,10,2025-01\nB,users,8,2025-01\nB,users,12,2025-06\n");
  const Findings findings = RunPass(MustLoad({nodes, metrics}), "metric-gap");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "users: B 12 (2025-06) vs A 10 (2025-01): 1.2×, gap 2; B overtook A between 2025-01 and 2025-06");
}

TEST(MetricGap, DateAtMonthIndexInvertsMonthIndex) {
  EXPECT_EQ(DateAtMonthIndex(Date::FromParts(2026, 4).MonthIndex()).ToString(), "2026-04");
  EXPECT_EQ(DateAtMonthIndex(Date::FromParts(2026, 4).MonthIndex() + 1.4375).ToString(), "2026-05");
  EXPECT_EQ(DateAtMonthIndex(Date::FromParts(2026, 12).MonthIndex() + 1).ToString(), "2027-01");
}

}  // namespace
}  // namespace pg
