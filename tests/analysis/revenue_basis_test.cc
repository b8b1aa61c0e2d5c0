// revenue-basis: the example's gross/net split and rival comparison, and a share from channels.

#include "analysis/revenue_basis.h"

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

TEST(RevenueBasis, AnthropicGrossNetAndPartnerShare) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const Findings findings = RunPass(graph, "revenue-basis");
  ASSERT_EQ(findings.size(), 2u);
  const Finding& anthropic = findings[0];
  EXPECT_EQ(anthropic.subjects, std::vector<std::string>{"Anthropic"});
  EXPECT_DOUBLE_EQ(*anthropic.FigureValue("gross_usd"), 30e9);
  EXPECT_DOUBLE_EQ(*anthropic.FigureValue("net_usd"), 22e9);
  EXPECT_DOUBLE_EQ(*anthropic.FigureValue("partner_share_usd"), 8e9);
  EXPECT_NEAR(*anthropic.FigureValue("partner_share_of_gross"), 0.26667, 1e-5);
  EXPECT_EQ(anthropic.message,
            "Anthropic books $30B gross and $22B net as of 2026-04: partner share $8B (26.7% of gross) (stated gross "
            "and net)");
  EXPECT_EQ(anthropic.metrics, (std::vector<std::uint32_t>{0, 1}));
}

TEST(RevenueBasis, RivalsComparedOnEachBasis) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  const Findings findings = RunPass(graph, "revenue-basis");
  const Finding* pair = WithTopic(findings, "revenue_annualized_usd rivals");
  ASSERT_NE(pair, nullptr);
  EXPECT_EQ(pair->severity, FindingSeverity::kWarning);
  EXPECT_EQ(pair->message,
            "on a net basis OpenAI ($24B) leads Anthropic ($22B); on a gross basis Anthropic ($30B) leads OpenAI ($24B "
            "net, a lower bound of its gross) on the figures stated: the leader depends on the basis");
  EXPECT_DOUBLE_EQ(*pair->FigureValue("net_gap_usd"), 2e9);
  EXPECT_DOUBLE_EQ(*pair->FigureValue("gross_gap_usd"), 6e9);
  EXPECT_EQ(pair->facts[0], (std::pair<std::string, std::string>{"net_leader", "OpenAI"}));
  EXPECT_EQ(pair->facts[2], (std::pair<std::string, std::string>{"gross_leader", "Anthropic"}));
  EXPECT_EQ(pair->facts[3], (std::pair<std::string, std::string>{"gross_comparison", "bound"}));
}

TEST(RevenueBasis, AsOfTakesTheLatestValueAtOrBeforeTheDate) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  // In 2026-01 only Anthropic's 2025-12 gross $9B is known: no split, no rival with revenue.
  EXPECT_TRUE(RunPass(graph, "revenue-basis", "2026-01").empty());
}

TEST(RevenueBasis, ShareFromChannelRevenueTimesTake) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,markets\nLab,m\nRival,m\nCloud,\n");
  const std::string edges = dir.Write("edges.csv",
                                      "from,to,type,revenue_usd,share_pct\n"
                                      "Cloud,Lab,distributes,10B,20%\n");
  const std::string metrics = dir.Write("metrics.csv",
                                        "entity,metric,value,unit,as_of,basis\n"
                                        "Lab,revenue_usd,30B,usd,2026-04,gross\n"
                                        "Rival,revenue_usd,29B,usd,2026-04,net\n");
  const PartnershipGraph graph = MustLoad({nodes, edges, metrics});
  const Findings findings = RunPass(graph, "revenue-basis");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].message,
            "Lab books $30B gross and $28B net as of 2026-04: partner share $2B (6.7% of gross) (channels' revenue x "
            "take; net derived)");
  EXPECT_EQ(findings[0].related, std::vector<EdgeId>{0});
  EXPECT_EQ(findings[1].message,
            "on a net basis Rival ($29B) leads Lab ($28B); on a gross basis Lab ($30B) leads Rival ($29B net, a lower "
            "bound of its gross) on the figures stated: the leader depends on the basis");
}

}  // namespace
}  // namespace pg
