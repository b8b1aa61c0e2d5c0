// Values as people write them, through the loader: currencies converted at the end of loading,
// qualifiers and deal status kept, dates of quarters and halves, and how reports show them.

#include <gtest/gtest.h>

#include "analysis/evidence.h"
#include "graph/money.h"
#include "io/model_reader.h"
#include "tests/test_support.h"
#include "tools/edge_text.h"
#include "tools/findings_format.h"

namespace pg {
namespace {

using testing::Cli;
using testing::TempDir;
using testing::TestDataDir;

std::string ValuesDir() { return TestDataDir() + "/values"; }

struct Loaded {
  std::optional<PartnershipGraph> graph;
  std::string diagnostics;  ///< formatted, one per line
};

Loaded Load(const std::vector<std::string>& inputs, std::vector<std::string> fx = {}) {
  Diagnostics diagnostics;
  LoadOptions options;
  options.fx = std::move(fx);
  Loaded loaded{LoadModel(inputs, &diagnostics, options), ""};
  for (const Diagnostic& d : diagnostics.All()) loaded.diagnostics += FormatDiagnostic(d) + "\n";
  return loaded;
}

EdgeId EdgeBetween(const PartnershipGraph& graph, std::string_view from, std::string_view to) {
  for (EdgeId e = 0; e < graph.EdgeCount(); ++e) {
    const Edge& edge = graph.GetEdge(e);
    if (graph.NodeName(edge.from) == from && graph.NodeName(edge.to) == to) return e;
  }
  ADD_FAILURE() << "no edge " << from << " -> " << to;
  return 0;
}

const char kNodes[] = "id,type,markets\nAmazon,investor,\nAnthropic,company,llm\nOpenAI,company,llm\n";

// The note the fixture's quarter, half and fiscal-year dates earn.
std::string FixtureSpanNote() {
  return ValuesDir() + "/edges.csv:2:48: note: 3 dates given as quarters, halves or fiscal years, read as months: a "
                       "start is the span's first month, an end or as-of its last (Q3 2025: 2025-07 .. 2025-09); "
                       "FY2025 is the calendar year 2025\n";
}

TEST(CurrencyLoading, AnFxTableAfterTheEdgesConvertsAndKeepsTheOriginal) {
  const Loaded loaded = Load({ValuesDir()});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  const PartnershipGraph& graph = *loaded.graph;
  const Edge& euros = graph.GetEdge(EdgeBetween(graph, "Google", "Anthropic"));
  EXPECT_DOUBLE_EQ(euros.amount_usd, 15e6 * 1.08);
  EXPECT_DOUBLE_EQ(graph.Details(euros).original_amount, 15e6);
  EXPECT_EQ(graph.Text(graph.Details(euros).currency), "EUR");
  EXPECT_DOUBLE_EQ(graph.GetEdge(EdgeBetween(graph, "Amazon", "Mistral")).amount_usd, 2e9 * 1.27);
}

TEST(CurrencyLoading, FxFlagWinsOverTheTableWithAWarning) {
  const Loaded loaded = Load({ValuesDir()}, {"EUR=1.1"});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  EXPECT_DOUBLE_EQ(loaded.graph->GetEdge(EdgeBetween(*loaded.graph, "Google", "Anthropic")).amount_usd, 15e6 * 1.1);
  EXPECT_EQ(loaded.diagnostics,
            FixtureSpanNote() + ValuesDir() + "/fx.csv:2:5: warning: fx table gives EUR=1.08, --fx gives EUR=1.1: using --fx\n");
}

TEST(CurrencyLoading, WithoutARateOneErrorPerCurrencyNamesItAndBothWays) {
  TempDir dir;
  dir.Write("nodes.csv", kNodes);
  const std::string edges = dir.Write("edges.csv",
                                      "from,to,type,amount_usd\n"
                                      "Amazon,Anthropic,invests,EUR 15M\n"
                                      "Amazon,OpenAI,invests,\xc2\xa3" "2B\n"
                                      "Amazon,OpenAI,invests,20M EUR\n");
  const Loaded loaded = Load({dir.Path().string() + "/nodes.csv", edges}, {"CHF=1.1"});
  EXPECT_FALSE(loaded.graph);
  EXPECT_EQ(loaded.diagnostics,
            edges + ":2:26: error: no rate for EUR (2 amounts, the first here): give one with --fx EUR=RATE (USD per "
                    "unit) or an fx table with columns currency,usd_per_unit\n" +
            edges + ":3:23: error: no rate for GBP (1 amount): give one with --fx GBP=RATE (USD per unit) or an fx "
                    "table with columns currency,usd_per_unit\n");
}

TEST(CurrencyLoading, BadFxItemsAndBadTableRowsAreErrors) {
  const Loaded flag = Load({ValuesDir()}, {"EUR=abc"});
  EXPECT_FALSE(flag.graph);
  EXPECT_EQ(flag.diagnostics,
            "error: --fx: bad rate \"abc\" for EUR: expected a positive number of USD per unit, such as EUR=1.08\n" +
                FixtureSpanNote());
  TempDir dir;
  dir.Write("nodes.csv", kNodes);
  dir.Write("edges.csv", "from,to,type,amount\nAmazon,Anthropic,invests,1B\n");
  const std::string fx = dir.Write("fx.csv", "currency,rate\nXXX,2\nEUR,1.08\nEUR,1.1\n");
  EXPECT_EQ(testing::LoadErrors({dir.Path().string()}),
            fx + ":2:1: error: unknown currency \"XXX\" (expected one of: " + std::string(KnownCurrencies()) +
                ")\n" + fx + ":4:5: error: two rates for EUR: 1.08 and 1.1\n");
}

TEST(CurrencyLoading, TheCapHoldsAfterConversion) {
  TempDir dir;
  dir.Write("nodes.csv", kNodes);
  const std::string edges = dir.Write("edges.csv", "from,to,type,amount\nAmazon,Anthropic,invests,\xe2\x82\xac" "999T\n");
  const Loaded loaded = Load({dir.Path().string()}, {"EUR=1.08"});
  EXPECT_FALSE(loaded.graph);
  EXPECT_EQ(loaded.diagnostics, edges + ":2:26: error: amount \xe2\x82\xac" "999T at 1.08 USD/EUR is larger than 1e15 "
                                        "USD (a thousand trillion); check the unit and the rate\n");
}

TEST(CurrencyLoading, RevenueTakesDollarsOnly) {
  TempDir dir;
  dir.Write("nodes.csv", kNodes);
  const std::string edges =
      dir.Write("edges.csv", "from,to,type,revenue_usd\nAmazon,Anthropic,distributes,\xe2\x82\xac" "5M\n");
  EXPECT_EQ(testing::LoadErrors({dir.Path().string()}),
            edges + ":2:30: error: \"\xe2\x82\xac" "5M\": a currency or qualifier is read in the amount column only; "
                    "give this one in US dollars, as a plain figure\n");
}

TEST(CurrencyLoading, QualifiersStatusAndDatesAreKept) {
  const Loaded loaded = Load({ValuesDir()});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  const PartnershipGraph& graph = *loaded.graph;
  const Edge& ceiling = graph.GetEdge(EdgeBetween(graph, "Amazon", "Anthropic"));
  EXPECT_DOUBLE_EQ(ceiling.amount_usd, 100e9);
  EXPECT_EQ(graph.Details(ceiling).qualifier, AmountQualifier::kUpTo);
  EXPECT_EQ(graph.Details(ceiling).status, DealStatus::kAnnounced);
  EXPECT_EQ(ceiling.start.ToString(), "2025-07");  // Q3 2025 as a start
  EXPECT_EQ(ceiling.end.ToString(), "2026-12");    // H2 2026 as an end
  EXPECT_EQ(graph.GetEdge(EdgeBetween(graph, "Amazon", "OpenAI")).start.ToString(), "2025-09-22");
  EXPECT_EQ(graph.GetEdge(EdgeBetween(graph, "Amazon", "Mistral")).start.ToString(), "2025");
  EXPECT_EQ(graph.Details(graph.GetEdge(EdgeBetween(graph, "Google", "OpenAI"))).qualifier, AmountQualifier::kApprox);
  EXPECT_EQ(graph.Details(graph.GetEdge(EdgeBetween(graph, "Amazon", "OpenAI"))).qualifier, AmountQualifier::kAtLeast);
}

TEST(CurrencyLoading, UndisclosedIsAMissingAmountNotAnError) {
  TempDir dir;
  dir.Write("nodes.csv", kNodes);
  dir.Write("edges.csv", "from,to,type,amount\nAmazon,Anthropic,invests,undisclosed\nAmazon,OpenAI,invests,-\n");
  const Loaded loaded = Load({dir.Path().string()});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  EXPECT_EQ(loaded.diagnostics, "");
  EXPECT_FALSE(Known(loaded.graph->GetEdge(0).amount_usd));
  EXPECT_FALSE(Known(loaded.graph->GetEdge(1).amount_usd));
}

TEST(CurrencyLoading, AnUnknownStatusIsAWarningAndKeptAsUnknown) {
  TempDir dir;
  dir.Write("nodes.csv", kNodes);
  const std::string edges = dir.Write("edges.csv", "from,to,type,amount,status\nAmazon,Anthropic,invests,1B,rumoured\n");
  const Loaded loaded = Load({dir.Path().string()});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  EXPECT_EQ(loaded.graph->Details(loaded.graph->GetEdge(0)).status, DealStatus::kUnknown);
  EXPECT_EQ(loaded.diagnostics, edges + ":2:29: warning: unknown status \"rumoured\" (expected announced, signed, "
                                        "closed, paid or deployed); kept as unknown\n");
}

TEST(CurrencyLoading, DatesReadAsSpansGetOneNoteATable) {
  TempDir dir;
  dir.Write("nodes.csv", kNodes);
  const std::string edges = dir.Write("edges.csv",
                                      "from,to,type,start,end\n"
                                      "Amazon,Anthropic,invests,2025-01,Q3 2025\n"
                                      "Amazon,OpenAI,invests,FY2025,Sept 2026\n");
  const Loaded loaded = Load({dir.Path().string()});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  EXPECT_EQ(loaded.graph->GetEdge(0).end.ToString(), "2025-09");
  EXPECT_EQ(loaded.diagnostics,
            edges + ":2:34: note: 2 dates given as quarters, halves or fiscal years, read as months: a start is the "
                    "span's first month, an end or as-of its last (Q3 2025: 2025-07 .. 2025-09); FY2025 is the "
                    "calendar year 2025\n");
}

TEST(CurrencyLoading, ReportsShowTheFigureAsStated) {
  const Loaded loaded = Load({ValuesDir()});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  const PartnershipGraph& graph = *loaded.graph;
  auto amount = [&](std::string_view from, std::string_view to) {
    return EdgeAmountText(graph, graph.GetEdge(EdgeBetween(graph, from, to)));
  };
  EXPECT_EQ(amount("Amazon", "Anthropic"), "$100B up to, announced");
  EXPECT_EQ(amount("Google", "OpenAI"), "~$10B");
  EXPECT_EQ(amount("Amazon", "OpenAI"), "$10B+, signed");
  EXPECT_EQ(amount("Google", "Anthropic"), "$16.2M (\xe2\x82\xac" "15M at 1.08 USD/EUR), closed");
  EXPECT_EQ(amount("Amazon", "Mistral"), "$2.54B (\xc2\xa3" "2B at 1.27 USD/GBP), paid");
  EXPECT_EQ(amount("Google", "Mistral"), "");
  EXPECT_EQ(DescribeEdge(graph, EdgeBetween(graph, "Amazon", "Anthropic")),
            "Amazon -invests-> Anthropic $100B up to, announced (from 2025-07; press; " + ValuesDir() +
                "/edges.csv:2)");
  EXPECT_EQ(ShortEdge(graph, EdgeBetween(graph, "Google", "OpenAI")), "Google -invests-> OpenAI ~$10B, from 2025-09");
}

TEST(CurrencyLoading, JsonEvidenceCarriesTheStatedAmount) {
  const Loaded loaded = Load({ValuesDir()});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  const PartnershipGraph& graph = *loaded.graph;
  const nlohmann::json euros = EdgeToJson(graph, EdgeBetween(graph, "Google", "Anthropic"));
  EXPECT_EQ(euros["currency"], "EUR");
  EXPECT_DOUBLE_EQ(euros["original_amount"].get<double>(), 15e6);
  EXPECT_DOUBLE_EQ(euros["amount_usd"].get<double>(), 15e6 * 1.08);
  EXPECT_EQ(euros["deal_status"], "closed");
  EXPECT_FALSE(euros.contains("qualifier"));
  const nlohmann::json ceiling = EdgeToJson(graph, EdgeBetween(graph, "Amazon", "Anthropic"));
  EXPECT_EQ(ceiling["qualifier"], "up_to");
  EXPECT_FALSE(ceiling.contains("currency"));
}

TEST(CurrencyLoading, SumsSayHowMuchIsCeilingsOrNotClosed) {
  const Loaded loaded = Load({ValuesDir()});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  const PartnershipGraph& graph = *loaded.graph;
  const std::vector<EdgeId> edges = {EdgeBetween(graph, "Amazon", "Anthropic"), EdgeBetween(graph, "Amazon", "OpenAI"),
                                     EdgeBetween(graph, "Amazon", "Mistral"), EdgeBetween(graph, "Google", "Mistral")};
  const AmountSum sum = SumAmounts(graph, edges);
  EXPECT_DOUBLE_EQ(sum.total_usd, 100e9 + 10e9 + 2.54e9);
  EXPECT_DOUBLE_EQ(sum.ceiling_usd, 100e9);
  EXPECT_DOUBLE_EQ(sum.unclosed_usd, 110e9);
  EXPECT_EQ(sum.undisclosed, 1u);
  EXPECT_EQ(DescribeSum(sum), "$112.54B (of which $100B up to, $110B announced or signed; 1 undisclosed)");
  EXPECT_EQ(DescribeSum(SumAmounts(graph, std::vector<EdgeId>{EdgeBetween(graph, "Google", "OpenAI")})), "$10B");
}

TEST(CurrencyLoading, PlainDigitsReadAsTheGeneralParserReadsThem) {
  // Plain whole dollars take a short path in the loader; each amount must read as
  // ParseStatedAmount reads it (the last, 16 digits, takes the general path).
  const std::vector<std::string> amounts = {"326000", "0", "7", "0012", " 42 ", "999999999999999", "1000000000000000"};
  std::string edges = "from,to,amount_usd\n";
  for (std::size_t i = 0; i < amounts.size(); ++i) edges += "a" + std::to_string(i) + ",b," + amounts[i] + "\n";
  TempDir dir;
  const Loaded loaded = Load({dir.Write("edges.csv", edges)});
  ASSERT_TRUE(loaded.graph) << loaded.diagnostics;
  for (std::size_t i = 0; i < amounts.size(); ++i) {
    std::string error;
    const std::optional<StatedAmount> stated = ParseStatedAmount(amounts[i], &error);
    ASSERT_TRUE(stated) << error;
    EXPECT_EQ(loaded.graph->GetEdge(EdgeBetween(*loaded.graph, "a" + std::to_string(i), "b")).amount_usd, stated->value)
        << amounts[i];
  }
  EXPECT_EQ(loaded.graph->GetEdge(EdgeBetween(*loaded.graph, "a5", "b")).amount_usd, 999999999999999.0);

  const std::string big = dir.Write("big.csv", "from,to,amount_usd\na,b,1000000000000001\n");
  EXPECT_EQ(Load({big}).diagnostics, big + ":2:5: error: bad amount \"1000000000000001\": larger than 1e15 USD (a "
                                           "thousand trillion); check the unit\n");
}

}  // namespace
}  // namespace pg
