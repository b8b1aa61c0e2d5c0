// GraphBuilder's interface: rows in (sources, nodes, edges by endpoint name, metrics, rates),
// a graph out of Build, which resolves names and converts amounts whatever the rows' order.

#include <gtest/gtest.h>

#include <string>

#include "graph/graph_builder.h"

namespace pg {
namespace {

std::string Messages(const Diagnostics& diagnostics) {
  std::string all;
  for (const Diagnostic& d : diagnostics.All()) all += FormatDiagnostic(d) + "\n";
  return all;
}

void AddNodes(GraphBuilder& builder, std::uint32_t source, std::initializer_list<const char*> ids) {
  std::uint32_t line = 2;
  for (const char* id : ids) {
    NodeRecord record;
    record.node.id = builder.Intern(id);
    record.node.origin = {source, line++};
    builder.AddNode(record);
  }
  builder.MarkNodesTableSeen();
}

EdgeRecord EdgeBetween(GraphBuilder& builder, const char* from, const char* to, Origin origin) {
  EdgeRecord record;
  record.edge.type = EdgeType::kInvests;
  record.edge.origin = origin;
  record.from_name = builder.Intern(from);
  record.to_name = builder.Intern(to);
  record.from_column = 1;
  record.to_column = static_cast<std::uint32_t>(std::string(from).size()) + 2;
  return record;
}

TEST(GraphBuilder, ResolvesEndpointNamesInBuildEvenForNodesAddedLater) {
  Diagnostics diagnostics;
  GraphBuilder builder(&diagnostics);
  const std::uint32_t edges = builder.AddSource("edges.csv", "");
  const std::uint32_t nodes = builder.AddSource("nodes.csv", "");
  builder.AddEdge(EdgeBetween(builder, "Amazon", "Anthropic", {edges, 2}));
  AddNodes(builder, nodes, {"Anthropic", "Amazon"});
  const PartnershipGraph graph = builder.Build();
  EXPECT_EQ(Messages(diagnostics), "");
  ASSERT_EQ(graph.EdgeCount(), 1u);
  EXPECT_EQ(graph.NodeName(graph.GetEdge(0).from), "Amazon");
  EXPECT_EQ(graph.NodeName(graph.GetEdge(0).to), "Anthropic");
}

TEST(GraphBuilder, AnUnknownEndpointIsReportedAtItsCell) {
  Diagnostics diagnostics;
  GraphBuilder builder(&diagnostics);
  const std::uint32_t nodes = builder.AddSource("nodes.csv", "");
  const std::uint32_t edges = builder.AddSource("edges.csv", "");
  AddNodes(builder, nodes, {"Anthropic", "Amazon"});
  builder.AddEdge(EdgeBetween(builder, "Amazon", "Anthropic", {edges, 2}));
  builder.AddEdge(EdgeBetween(builder, "Amazon", "Antropic", {edges, 3}));
  const PartnershipGraph graph = builder.Build();
  EXPECT_EQ(Messages(diagnostics), "edges.csv:3:8: error: unknown node \"Antropic\" (did you mean \"Anthropic\"?)\n");
  EXPECT_EQ(graph.EdgeCount(), 1u);
}

TEST(GraphBuilder, ConvertsAmountsWithTheRatesItWasGivenFirstRatesWinning) {
  Diagnostics diagnostics;
  GraphBuilder builder(&diagnostics);
  const std::uint32_t edges = builder.AddSource("edges.csv", "");
  AddNodes(builder, edges, {"A", "B"});
  EdgeRecord euros = EdgeBetween(builder, "A", "B", {edges, 4});
  euros.details.original_amount = 15e6;
  euros.details.currency = builder.Intern("EUR");
  euros.convert_amount = true;
  euros.amount_column = 5;
  builder.AddEdge(euros);
  FxRates given, table;
  std::string error;
  ASSERT_TRUE(given.Parse("EUR=1.1", &error)) << error;
  ASSERT_TRUE(table.Parse("EUR=2", &error)) << error;
  builder.AddFxRates(given);
  builder.AddFxRates(table);
  const PartnershipGraph graph = builder.Build();
  EXPECT_EQ(Messages(diagnostics), "");
  ASSERT_EQ(graph.EdgeCount(), 1u);
  EXPECT_DOUBLE_EQ(graph.GetEdge(0).amount_usd, 16.5e6);
}

TEST(GraphBuilder, AnAmountWithoutARateIsOneErrorPerCurrency) {
  Diagnostics diagnostics;
  GraphBuilder builder(&diagnostics);
  const std::uint32_t edges = builder.AddSource("edges.csv", "");
  AddNodes(builder, edges, {"A", "B"});
  for (std::uint32_t line : {4u, 5u}) {
    EdgeRecord pounds = EdgeBetween(builder, "A", "B", {edges, line});
    pounds.details.original_amount = 2e9;
    pounds.details.currency = builder.Intern("GBP");
    pounds.convert_amount = true;
    pounds.amount_column = 5;
    builder.AddEdge(pounds);
  }
  const PartnershipGraph graph = builder.Build();
  EXPECT_EQ(Messages(diagnostics),
            "edges.csv:4:5: error: no rate for GBP (2 amounts, the first here): give one with --fx GBP=RATE (USD "
            "per unit) or an fx table with columns currency,usd_per_unit\n");
  EXPECT_FALSE(Known(graph.GetEdge(0).amount_usd));
}

TEST(GraphBuilder, IdsDifferingByCaseAreFoundWhateverTheirOrderOrCase) {
  Diagnostics diagnostics;
  GraphBuilder builder(&diagnostics);
  const std::uint32_t nodes = builder.AddSource("nodes.csv", "");
  // "acme" is a label only (not an id): "ACME" has no twin. "xai" comes after "XAI" and "xAI".
  AddNodes(builder, nodes, {"XAI", "ACME", "xAI", "mistral", "Mistral", "xai", "b"});
  NodeRecord labelled;
  labelled.node.id = builder.Intern("c");
  labelled.node.label = builder.Intern("acme");
  labelled.node.origin = {nodes, 9};
  builder.AddNode(labelled);
  builder.Build();
  EXPECT_EQ(Messages(diagnostics),
            "nodes.csv:4: warning: node ids that differ only by case are different nodes: \"XAI\" (nodes.csv:2) and "
            "\"xAI\" (nodes.csv:4), \"mistral\" (nodes.csv:5) and \"Mistral\" (nodes.csv:6), \"XAI\" (nodes.csv:2) "
            "and \"xai\" (nodes.csv:7); write one spelling if they are one party\n");
}

}  // namespace
}  // namespace pg
