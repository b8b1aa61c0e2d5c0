// ApplyGraphEdits copies a graph faithfully through GraphBuilder, minus drops, plus additions.

#include <gtest/gtest.h>

#include "analysis/evidence.h"
#include "graph/graph_edits.h"
#include "io/json_model.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::MustLoad;

GraphEdit Edit(GraphEdit::Kind kind, const std::string& text) {
  std::string error;
  std::optional<GraphEdit> edit = ParseGraphEdit(kind, text, &error);
  EXPECT_TRUE(edit) << error;
  return edit.value_or(GraphEdit{});
}

TEST(GraphEdits, CopyKeepsEveryRowAndPlaceDropsAndAppends) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  std::vector<GraphEdit> edits{Edit(GraphEdit::Kind::kDrop, "Amazon->OpenAI:invests"),
                               Edit(GraphEdit::Kind::kAdd, "Microsoft->OpenAI:invests:13B")};
  edits[1].where = {"scenario.txt", "", 7, 0};
  Diagnostics diagnostics;
  const std::optional<EditedGraph> edited = ApplyGraphEdits(graph, edits, &diagnostics);
  ASSERT_TRUE(edited);
  EXPECT_TRUE(diagnostics.Empty());
  EXPECT_EQ(edited->dropped, (std::vector<EdgeId>{0}));
  EXPECT_EQ(edited->added, (std::vector<EdgeId>{static_cast<EdgeId>(graph.EdgeCount() - 1)}));
  const PartnershipGraph& copy = edited->graph;
  ASSERT_EQ(copy.NodeCount(), graph.NodeCount());
  for (VertexId v = 0; v < graph.NodeCount(); ++v) {
    EXPECT_EQ(copy.NodeName(v), graph.NodeName(v));
    EXPECT_EQ(copy.NodeLabel(v), graph.NodeLabel(v));
    EXPECT_EQ(copy.Markets(copy.GetNode(v)).size(), graph.Markets(graph.GetNode(v)).size());
    EXPECT_EQ(WhereOf(copy, copy.GetNode(v).origin), WhereOf(graph, graph.GetNode(v).origin));
  }
  for (EdgeId e = 1; e < graph.EdgeCount(); ++e) EXPECT_EQ(DescribeEdge(copy, e - 1), DescribeEdge(graph, e));
  EXPECT_EQ(DescribeEdge(copy, edited->added[0]), "Microsoft -invests-> OpenAI $13B (what-if; scenario.txt:7)");
  ASSERT_EQ(copy.Metrics().size(), graph.Metrics().size());
  for (std::uint32_t m = 0; m < graph.Metrics().size(); ++m) EXPECT_EQ(DescribeMetric(copy, m), DescribeMetric(graph, m));
}

// Every field the lossless JSON writer knows survives the copy: a field added to the model
// later and forgotten in the copy shows up here.
TEST(GraphEdits, ACopyWithoutEditsWritesTheSameModel) {
  for (const std::string& input : {ExampleDir(), ExampleDir() + ".xlsx", testing::TestDataDir() + "/circular"}) {
    const PartnershipGraph graph = MustLoad({input});
    Diagnostics diagnostics;
    const std::optional<EditedGraph> copy = ApplyGraphEdits(graph, {}, &diagnostics);
    ASSERT_TRUE(copy) << input;
    EXPECT_EQ(ModelJsonText(copy->graph), ModelJsonText(graph)) << input;
  }
}

TEST(GraphEdits, ParsingTakesNamesWithSpacesAndRefusesOtherShapes) {
  std::string error;
  const std::optional<GraphEdit> edit = ParseScenarioLine("  ADD Google Cloud -> Anthropic : supplies_compute : $1.9B ", &error);
  ASSERT_TRUE(edit) << error;
  EXPECT_EQ(edit->kind, GraphEdit::Kind::kAdd);
  EXPECT_EQ(edit->from, "Google Cloud");
  EXPECT_EQ(edit->to, "Anthropic");
  EXPECT_EQ(edit->type, "supplies_compute");
  EXPECT_EQ(edit->amount, "$1.9B");
  EXPECT_FALSE(ParseScenarioLine("   # a comment", &error));
  EXPECT_EQ(error, "");
  EXPECT_FALSE(ParseGraphEdit(GraphEdit::Kind::kDrop, "A->B:invests:5B", &error));
  EXPECT_EQ(error, "expected FROM->TO[:TYPE], got \"A->B:invests:5B\"");
  EXPECT_FALSE(ParseGraphEdit(GraphEdit::Kind::kDrop, "A->B:", &error));
  EXPECT_EQ(error, "expected FROM->TO[:TYPE], got \"A->B:\"");
  EXPECT_FALSE(ParseGraphEdit(GraphEdit::Kind::kAdd, "->B:invests", &error));
  EXPECT_EQ(error, "expected FROM->TO:TYPE[:AMOUNT], got \"->B:invests\"");
}

}  // namespace
}  // namespace pg
