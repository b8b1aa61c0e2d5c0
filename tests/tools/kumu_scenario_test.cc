// A second scenario typed the way analysts export it from Kumu (tests/data/kumu_ai_infra): free
// types, unit headers, euros with an fx table, "up to" amounts, an ended and a planned deal,
// quarterly dates, a change of market leader, two exclusivities of different scopes between the
// same parties, a stake diluted over time and a node named only in a connection. Each rule of
// DESIGN §7 is asserted here by figure and message, end to end through the CLI.

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace pg {
namespace {

using testing::Cli;
using testing::CliRun;

std::string Scenario() { return testing::TestDataDir() + "/kumu_ai_infra"; }

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The findings of one pass on the default view (the pinned today, 2026-11-29), as JSON.
nlohmann::json Findings(const std::string& pass, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"analyze", Scenario(), "--pass", pass, "--format", "json", "-q"};
  args.insert(args.end(), extra.begin(), extra.end());
  const CliRun run = Cli(args);
  EXPECT_EQ(run.code, 0) << run.err;
  return nlohmann::json::parse(run.out)["findings"];
}

const nlohmann::json* About(const nlohmann::json& findings, const std::string& subject) {
  for (const auto& finding : findings) {
    if (finding["subjects"][0] == subject) return &finding;
  }
  return nullptr;
}

TEST(KumuScenario, ValidateSaysEveryAssumptionAndLoads) {
  const CliRun run = Cli({"validate", Scenario()});
  EXPECT_EQ(run.code, 0) << run.err;
  for (const char* said : {
           "note: column \"Amount (USD)\" read as amount_usd\n",
           "note: column \"Stake (%)\" read as stake_pct\n",
           "note: edge type \"acquires\" read as owns: an acquisition counts as ownership, closed or not (1 row in this table)\n",
           "note: edge type \"Invests In\" read as invests (11 rows in this table)\n",
           "note: edge type \"supplies chips\" read as supplies_compute (1 row in this table)\n",
           "note: node type \"AI Lab\" read as company (5 rows in this table)\n",
           "note: node type \"Neocloud\" read as cloud (2 rows in this table)\n",
           "note: 3 dates given as quarters, halves or fiscal years, read as months",
           "warning: node type \"Supplier\" is not one of ours: kept as its own type on 1 node",
           "warning: edge type \"licenses\" is not one of ours: kept as its own type on 1 edge",
           "warning: 1 node named only in connections was created (type other): \"SoftBank\"",
       }) {
    EXPECT_TRUE(Has(run.err, said)) << said << "\n---\n" << run.err;
  }
  // A type that only differs from ours by case assumed nothing.
  EXPECT_FALSE(Has(run.err, "\"Cloud\" read as cloud")) << run.err;
  EXPECT_TRUE(Has(run.out, "ok: 15 nodes, 21 edges, 8 metrics from 4 tables (3 warnings, 12 notes)")) << run.out;
}

TEST(KumuScenario, EurosConvertAtTheStatedRateAndKeepTheOriginal) {
  const CliRun why = Cli({"neighbors", "Mistral AI", Scenario(), "-q"});
  EXPECT_EQ(why.code, 0) << why.err;
  EXPECT_TRUE(Has(why.out, "ASML -invests-> Mistral AI $1.404B (€1.3B at 1.08 USD/EUR), closed")) << why.out;
  // Without the fx table the euros cannot be read: an error naming the currency and the flag.
  testing::TempDir dir;
  for (const char* table : {"elements.csv", "connections.csv", "metrics.csv"}) {
    dir.Write(table, testing::ReadAll(Scenario() + "/" + table));
  }
  const CliRun no_rate = Cli({"validate", dir.Path().string()});
  EXPECT_EQ(no_rate.code, 2);
  EXPECT_TRUE(Has(no_rate.err, "connections.csv:14:28: error: no rate for EUR (1 amount): give one with --fx "
                               "EUR=RATE (USD per unit) or an fx table with columns currency,usd_per_unit\n"))
      << no_rate.err;
  EXPECT_EQ(Cli({"validate", dir.Path().string(), "--fx", "EUR=1.08", "-q"}).code, 0);
}

TEST(KumuScenario, DualBackingGroupsMarketsAndSaysHowFirmTheMoneyIs) {
  const nlohmann::json findings = Findings("dual-backing");
  ASSERT_EQ(findings.size(), 2u);
  const nlohmann::json* nvidia = About(findings, "Nvidia");
  ASSERT_NE(nvidia, nullptr);
  EXPECT_EQ((*nvidia)["message"],
            "Nvidia backs rivals in 3 markets: frontier-models (OpenAI, Anthropic: $110B), ai-search (OpenAI, "
            "Perplexity: $100.1B), gpu-cloud (CoreWeave, Nebius: $3.45B); $113.55B in total (of which $110B up to, "
            "$110B announced or signed)");
  EXPECT_DOUBLE_EQ((*nvidia)["figures"]["ceiling_usd"], 110e9);
  const nlohmann::json* amazon = About(findings, "Amazon");
  ASSERT_NE(amazon, nullptr);
  EXPECT_DOUBLE_EQ((*amazon)["figures"]["total_usd"], 58e9);
}

TEST(KumuScenario, EndedAndPlannedDealsAreLabelledNotCounted) {
  const CliRun run = Cli({"neighbors", "OpenAI", Scenario(), "-q"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_TRUE(Has(run.out, "not current as of 2026-11-29:\n"
                           "  Microsoft -exclusive-> OpenAI (signed), from 2019  [ended 2025-10]\n"
                           "  AWS -supplies_compute-> OpenAI $38B, signed, from 2027-07  [planned from 2027-07]\n"))
      << run.out;
  // Today only the IP-rights exclusivity is current; the API one ended in 2025-10.
  const nlohmann::json exclusivity = Findings("exclusivity");
  ASSERT_EQ(exclusivity.size(), 1u);
  EXPECT_TRUE(Has(exclusivity[0]["message"], "(scope: IP rights)")) << exclusivity[0]["message"];
  // Microsoft's $1.25B in Inflection ended in 2024-03: history, not funding today.
  const nlohmann::json at_the_time = Findings("concentration", {"--as-of", "2024-01"});
  bool inflection_then = false;
  for (const auto& finding : at_the_time) inflection_then |= Has(finding["message"], "Inflection AI (Microsoft)");
  EXPECT_TRUE(inflection_then);
  for (const auto& finding : Findings("concentration")) EXPECT_FALSE(Has(finding["message"], "Inflection"));
}

TEST(KumuScenario, DiffKeepsExclusivitiesOfDifferentScopesApart) {
  const CliRun run = Cli({"diff", Scenario(), "--from", "2025-06", "--to", "2026-11", "--pass", "exclusivity", "-q"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_TRUE(Has(run.out, "; 0 findings appeared, 1 disappeared, 0 changed\n")) << run.out;
  EXPECT_TRUE(Has(run.out, "  - exclusivity: Microsoft holds exclusive rights over OpenAI (scope: third-party cloud "
                           "API)"))
      << run.out;
}

TEST(KumuScenario, MetricsCompareLatestValuesAndNameTheCrossover) {
  const nlohmann::json findings = Findings("metric-gap");
  ASSERT_EQ(findings.size(), 2u);
  const nlohmann::json* revenue = About(findings, "OpenAI");
  ASSERT_NE(revenue, nullptr);
  EXPECT_NEAR(double((*revenue)["figures"]["ratio"]), 13.0 / 9.1, 1e-9);  // not 5.5x from 2024-12
  EXPECT_TRUE(Has((*revenue)["message"], "narrowing since 2025-08 (from $12B)")) << (*revenue)["message"];
  const nlohmann::json* share = About(findings, "Anthropic");
  ASSERT_NE(share, nullptr);
  EXPECT_EQ((*share)["severity"], "warning");
  EXPECT_EQ((*share)["facts"]["new_leader"], "Anthropic");
  EXPECT_TRUE(Has((*share)["message"], "Anthropic overtook OpenAI between 2023-12 and 2025-07"));
}

TEST(KumuScenario, ControlTakesTheLatestStake) {
  const nlohmann::json now = Findings("control");
  const nlohmann::json* anthropic = About(now, "Anthropic");
  ASSERT_NE(anthropic, nullptr);
  EXPECT_EQ((*anthropic)["message"], "Anthropic: integrated ownership Alphabet 10%");  // diluted from 14%
  const nlohmann::json before = Findings("control", {"--as-of", "2024-06"});
  ASSERT_NE(About(before, "Anthropic"), nullptr);
  EXPECT_EQ((*About(before, "Anthropic"))["message"], "Anthropic: integrated ownership Alphabet 14%");
}

TEST(KumuScenario, AmountsKeepTheirDigitsAndQuarterlyDatesAreMonths) {
  const CliRun run = Cli({"neighbors", "OpenAI", Scenario(), "-q"});
  EXPECT_TRUE(Has(run.out, "Microsoft -invests-> OpenAI $13.75B, paid, from 2019")) << run.out;
  EXPECT_TRUE(Has(run.out, "Nvidia -invests-> OpenAI $100B up to, announced, from 2025-07")) << run.out;  // Q3 2025
}

// convert keeps what the figures say: "up to" and the deal's status read back the same from
// the CSV folder and the JSON model it writes.
TEST(KumuScenario, ConvertKeepsQualifiersAndStatus) {
  testing::TempDir dir;
  const std::string folder = (dir.Path() / "out").string() + "/";
  const std::string model = (dir.Path() / "model.json").string();
  for (const std::string& output : {folder, model}) {
    ASSERT_EQ(Cli({"convert", Scenario(), "-o", output, "-q"}).code, 0) << output;
    const CliRun run = Cli({"neighbors", "OpenAI", output, "-q"});
    EXPECT_TRUE(Has(run.out, "Nvidia -invests-> OpenAI $100B up to, announced, from 2025-07")) << output << run.out;
    EXPECT_TRUE(Has(run.out, "Microsoft -invests-> OpenAI $13.75B, paid, from 2019")) << output << run.out;
  }
}

}  // namespace
}  // namespace pg
