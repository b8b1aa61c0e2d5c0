// LocalView answers as GraphView does, vertex by vertex, except on a cycle as of a date.

#include "graph/local_view.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/exposure.h"  // ControlledBy
#include "graph/graph_view.h"
#include "graph/value_parser.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::MustLoad;
using testing::TempDir;

Date DateOf(const std::string& text) {
  std::string error;
  return text.empty() ? Date{} : ParseDate(text, &error).value_or(Date{});
}

void ExpectSameAsGraphView(const PartnershipGraph& graph, const std::string& as_of) {
  const GraphView view(graph, ViewOptions{DateOf(as_of)});
  LocalView local(graph, DateOf(as_of));
  for (VertexId v = 0; v < graph.NodeCount(); ++v) {
    SCOPED_TRACE(std::string(graph.NodeName(v)) + " as of '" + as_of + "'");
    EXPECT_EQ(local.Parent(v), view.Parent(v));
    EXPECT_EQ(local.Ultimate(v), view.Ultimate(v));
    EXPECT_EQ(local.RivalsOf(v), view.Rivals().RivalsOf(v));
    std::vector<VertexId> controlled;
    for (VertexId w = 0; w < graph.NodeCount(); ++w) {
      if (ControlledBy(view, w, v)) controlled.push_back(w);
    }
    EXPECT_EQ(local.Controlled(v), controlled);
  }
  for (EdgeId e = 0; e < graph.EdgeCount(); ++e) EXPECT_EQ(local.Active(e), view.Active(e)) << e;
}

TEST(LocalView, AnswersAsTheGraphViewDoesOnTheExample) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  for (const std::string as_of : {"", "2025", "2026-01", "2027-06"}) ExpectSameAsGraphView(graph, as_of);
}

TEST(LocalView, ChainsAndEndedStakesAndACycleAsOfADate) {
  TempDir dir;
  dir.Write("nodes.csv", "id,markets\nTop,\nMid,\nLeaf,a;b\nOther,b\nL1,\nL2,\nBig,\n");
  dir.Write("edges.csv",
            "from,to,type,stake_pct,end\n"
            "Top,Mid,owns,80%,\n"
            "Mid,Leaf,owns,,\n"
            "Other,Leaf,owns,100%,2024\n"  // ties the larger stake until 2024: Mid keeps Leaf
            "Leaf,Other,competes,,\n"
            "L1,L2,owns,60%,\n"
            "L2,L1,owns,55%,\n"
            "Big,L1,owns,90%,2024\n");     // after 2024, L1 and L2 own each other
  const PartnershipGraph graph = MustLoad({dir.Path().string()});
  ExpectSameAsGraphView(graph, "");
  ExpectSameAsGraphView(graph, "2024");

  LocalView local(graph, DateOf("2025"));
  EXPECT_EQ(local.Ultimate(*graph.FindNode("L1")), kNoVertex);
  EXPECT_EQ(local.Ultimate(*graph.FindNode("Leaf")), *graph.FindNode("Top"));
  EXPECT_EQ(local.Parent(*graph.FindNode("L1")), *graph.FindNode("L2"));
}

}  // namespace
}  // namespace pg
