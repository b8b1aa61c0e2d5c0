// Rendering in-process with gvc: formats, layouts, well-formed SVG, errors without output.

#include "io/renderer.h"

#include <graphviz/cgraph.h>
#include <expat.h>

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "analysis/finding.h"
#include "io/dot_builder.h"
#include "tests/test_support.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::MustLoad;
using testing::TempDir;

// The character data of every <text> element, one string per element; fails on bad XML.
struct SvgText {
  bool well_formed = false;
  std::string error;
  std::vector<std::string> texts;
};

SvgText ParseSvg(const std::string& svg) {
  struct State {
    int depth_in_text = 0;
    std::vector<std::string> texts;
  } state;
  XML_Parser parser = XML_ParserCreate("UTF-8");
  XML_SetUserData(parser, &state);
  XML_SetElementHandler(
      parser,
      [](void* data, const XML_Char* name, const XML_Char**) {
        auto* s = static_cast<State*>(data);
        if (std::string_view(name) == "text") {
          ++s->depth_in_text;
          s->texts.emplace_back();
        }
      },
      [](void* data, const XML_Char* name) {
        if (std::string_view(name) == "text") --static_cast<State*>(data)->depth_in_text;
      });
  XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* text, int length) {
    auto* s = static_cast<State*>(data);
    if (s->depth_in_text > 0) s->texts.back().append(text, length);
  });
  SvgText result;
  result.well_formed = XML_Parse(parser, svg.data(), static_cast<int>(svg.size()), 1) == XML_STATUS_OK;
  if (!result.well_formed) result.error = XML_ErrorString(XML_GetErrorCode(parser));
  XML_ParserFree(parser);
  result.texts = std::move(state.texts);
  return result;
}

bool Contains(const std::vector<std::string>& texts, const std::string& text) {
  return std::find(texts.begin(), texts.end(), text) != texts.end();
}

std::string Render(Diagram& diagram, RenderFormat format, Diagnostics* diagnostics) {
  std::string bytes;
  EXPECT_TRUE(RenderDiagram(diagram, RenderOptions{format, "dot"}, &bytes, diagnostics));
  return bytes;
}

TEST(Renderer, FormatFromExtension) {
  EXPECT_EQ(RenderFormatFromPath("out/map.svg"), RenderFormat::kSvg);
  EXPECT_EQ(RenderFormatFromPath("MAP.PNG"), RenderFormat::kPng);
  EXPECT_EQ(RenderFormatFromPath("a.pdf"), RenderFormat::kPdf);
  EXPECT_EQ(RenderFormatFromPath("a.gv"), RenderFormat::kDot);
  EXPECT_EQ(RenderFormatFromPath("a.dot"), RenderFormat::kDot);
  EXPECT_FALSE(RenderFormatFromPath("a.jpg"));
  EXPECT_FALSE(RenderFormatFromPath("dir.svg/map"));
  EXPECT_FALSE(RenderFormatFromPath("map"));
}

TEST(Renderer, SfdpPastTheSizeThreshold) {
  std::string note;
  EXPECT_EQ(ChooseLayout("", 2000, 5000, &note), "dot");
  EXPECT_EQ(note, "");
  EXPECT_EQ(ChooseLayout("", 2001, 10, &note), "sfdp");
  EXPECT_EQ(note,
            "note: 2001 nodes and 10 edges is past the dot layout's limit (2000 nodes or 5000 edges): using sfdp; "
            "pass --layout to choose, or --focus NODE to draw a part");
  note.clear();
  EXPECT_EQ(ChooseLayout("neato", 9000, 9000, &note), "neato");
  EXPECT_EQ(note, "");
  EXPECT_TRUE(IsKnownLayout("circo"));
  EXPECT_FALSE(IsKnownLayout("twopi2"));
}

TEST(Renderer, ExampleSvgIsWellFormedAndLabelsEveryNode) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  Diagram diagram = BuildDiagram(GraphView(graph), {});
  Diagnostics diagnostics;
  const std::string svg = Render(diagram, RenderFormat::kSvg, &diagnostics);
  EXPECT_FALSE(diagnostics.HasErrors());
  const SvgText parsed = ParseSvg(svg);
  ASSERT_TRUE(parsed.well_formed) << parsed.error;
  for (VertexId v = 0; v < graph.NodeCount(); ++v) {
    EXPECT_TRUE(Contains(parsed.texts, std::string(graph.NodeLabel(v)))) << graph.NodeLabel(v);
  }
  EXPECT_TRUE(Contains(parsed.texts, "$50B"));
  EXPECT_TRUE(Contains(parsed.texts, "(also cloud)"));
  // Laid out twice, the same bytes.
  Diagram again = BuildDiagram(GraphView(graph), {});
  EXPECT_EQ(Render(again, RenderFormat::kSvg, &diagnostics), svg);
}

TEST(Renderer, NastyNamesRenderEscaped) {
  TempDir dir;
  const PartnershipGraph graph = MustLoad(
      {dir.Write("nodes.csv",
                 "id,label,type\n"
                 "evil,\"Evil \"\"Corp\"\" <b>\",company\n"
                 "nl,\"Line one\nLine two\",company\n"
                 "bs,back\\slash,investor\n"
                 "rec,{a|b},platform\n"
                 "esc,\\N \\l end\\,cloud\n"
                 "amp,A&B,company\n"),
       dir.Write("edges.csv", "from,to,type,amount_usd\nbs,evil,invests,5B\nrec,nl,distributes,\n")});
  Diagram diagram = BuildDiagram(GraphView(graph), {});
  Diagnostics diagnostics;
  const std::string svg = Render(diagram, RenderFormat::kSvg, &diagnostics);
  const SvgText parsed = ParseSvg(svg);
  ASSERT_TRUE(parsed.well_formed) << parsed.error;
  EXPECT_TRUE(Contains(parsed.texts, "Evil \"Corp\" <b>"));
  EXPECT_NE(svg.find("Evil &quot;Corp&quot; &lt;b&gt;"), std::string::npos);
  EXPECT_TRUE(Contains(parsed.texts, "Line one"));
  EXPECT_TRUE(Contains(parsed.texts, "Line two"));
  EXPECT_TRUE(Contains(parsed.texts, "back\\slash"));
  EXPECT_TRUE(Contains(parsed.texts, "{a|b}"));
  EXPECT_TRUE(Contains(parsed.texts, "\\N \\l end\\"));
  EXPECT_TRUE(Contains(parsed.texts, "A&B"));
  EXPECT_NE(svg.find("xlink:title=\"back\\slash (investor)\""), std::string::npos);
}

TEST(Renderer, GraphvizShowsEveryTextAsGiven) {
  // Graphviz itself decodes what dot_builder escapes: entities, \G \E \L \l \r, a trailing
  // backslash (the id `ends\` once made DOT that Graphviz could not read back).
  TempDir dir;
  const PartnershipGraph graph = MustLoad(
      {dir.Write("nodes.csv",
                 "id,label,type,description\n"
                 "ends\\,ends\\,company,tip ends\\\n"
                 "amp,A &amp; B &#92;n &alpha;,company,&amp; &#92;n\n"
                 "esc,\\G \\E \\L \\r \\T,company,\\N \\G\n"
                 "lt,<leading,company,<b>\n"
                 "utf,Z\xc3\xbcrich \xe2\x98\x83,company,\xe2\x98\x83\n")});
  DiagramOptions options;
  options.legend = false;
  Diagram diagram = BuildDiagram(GraphView(graph), options);
  Diagnostics diagnostics;
  const std::string svg = Render(diagram, RenderFormat::kSvg, &diagnostics);
  EXPECT_FALSE(diagnostics.HasErrors());
  const SvgText parsed = ParseSvg(svg);
  ASSERT_TRUE(parsed.well_formed) << parsed.error;
  // Past 22 characters a name wraps at a space: "A &amp; B &#92;n &alpha;" is two lines.
  for (const char* text : {"ends\\", "A &amp; B &#92;n", "&alpha;", "\\G \\E \\L \\r \\T", "<leading",
                           "Z\xc3\xbcrich \xe2\x98\x83"}) {
    EXPECT_TRUE(Contains(parsed.texts, text)) << text << "\n" << svg;
  }
  for (const char* title : {"xlink:title=\"ends\\ (company): tip ends\\\"",
                            "xlink:title=\"A &amp;amp; B &amp;#92;n &amp;alpha; (company): &amp;amp; &amp;#92;n\"",
                            "xlink:title=\"\\G \\E \\L \\r \\T (company): \\N \\G\"",
                            "xlink:title=\"&lt;leading (company): &lt;b&gt;\""}) {
    EXPECT_NE(svg.find(title), std::string::npos) << title << "\n" << svg;
  }
}

TEST(Renderer, RendersAgainAndAgainInOneProcess) {
  // A Graphviz context per render freed font names the pango plugin still cached: the second
  // render's first label read freed memory (caught by ASan). One context now serves all.
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  Diagnostics diagnostics;
  std::vector<std::string> svgs;
  for (RenderFormat format : {RenderFormat::kSvg, RenderFormat::kPng, RenderFormat::kSvg, RenderFormat::kPdf,
                              RenderFormat::kSvg}) {
    Diagram diagram = BuildDiagram(GraphView(graph), {});
    const std::string bytes = Render(diagram, format, &diagnostics);
    EXPECT_FALSE(bytes.empty());
    if (format == RenderFormat::kSvg) svgs.push_back(bytes);
  }
  EXPECT_FALSE(diagnostics.HasErrors());
  ASSERT_EQ(svgs.size(), 3u);
  EXPECT_EQ(svgs[1], svgs[0]);
  EXPECT_EQ(svgs[2], svgs[0]);
}

TEST(Renderer, PngAndPdfHaveTheirSignatures) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  Diagnostics diagnostics;
  Diagram png_diagram = BuildDiagram(GraphView(graph), {});
  const std::string png = Render(png_diagram, RenderFormat::kPng, &diagnostics);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  Diagram pdf_diagram = BuildDiagram(GraphView(graph), {});
  EXPECT_EQ(Render(pdf_diagram, RenderFormat::kPdf, &diagnostics).substr(0, 5), "%PDF-");
  Diagram dot_diagram = BuildDiagram(GraphView(graph), {});
  const std::string dot = Render(dot_diagram, RenderFormat::kDot, &diagnostics);
  EXPECT_EQ(dot, dot_diagram.ToDot());
  EXPECT_EQ(dot.find("pos="), std::string::npos);  // as built, not laid out
  EXPECT_FALSE(diagnostics.HasErrors());
}

TEST(Renderer, EveryLayoutEngineRuns) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  for (const char* layout : {"dot", "neato", "fdp", "sfdp", "circo"}) {
    Diagram diagram = BuildDiagram(GraphView(graph), {});
    std::string svg;
    Diagnostics diagnostics;
    EXPECT_TRUE(RenderDiagram(diagram, RenderOptions{RenderFormat::kSvg, layout}, &svg, &diagnostics)) << layout;
    EXPECT_TRUE(ParseSvg(svg).well_formed) << layout;
  }
}

// The page size an SVG declares, in points.
std::pair<double, double> SvgSize(const std::string& svg) {
  double width = 0, height = 0;
  const std::size_t w = svg.find("<svg width=\"");
  const std::size_t h = svg.find("height=\"", w);
  if (w == std::string::npos || h == std::string::npos) return {0, 0};
  width = std::stod(svg.substr(w + 12));
  height = std::stod(svg.substr(h + 8));
  return {width, height};
}

std::string Attr(Agraph_t* graph, const char* name) {
  const char* value = agget(graph, const_cast<char*>(name));
  return value ? value : "";
}

TEST(Renderer, AWideDotPageIsLaidOutAgainLeftToRight) {
  // One fund backing 40 companies: top-down, one rank of 40 names (a strip 20 times wider
  // than tall); left to right, a column 8 times taller than wide; left to right with the
  // leaves over 3 ranks, three short columns.
  TempDir dir;
  std::string nodes = "id,type\nFund,investor\n", edges = "from,to,type\n";
  for (int i = 0; i < 40; ++i) {
    nodes += fmt::format("Company number {},company\n", i);
    edges += fmt::format("Fund,Company number {},invests\n", i);
  }
  const PartnershipGraph graph = MustLoad({dir.Write("nodes.csv", nodes), dir.Write("edges.csv", edges)});
  DiagramOptions options;
  options.cluster_by = ClusterBy::kNone;
  Diagram diagram = BuildDiagram(GraphView(graph), options);
  Diagnostics diagnostics;
  const std::string svg = Render(diagram, RenderFormat::kSvg, &diagnostics);
  EXPECT_EQ(Attr(diagram.Graph(), "rankdir"), "LR");
  const auto [width, height] = SvgSize(svg);
  ASSERT_GT(width, 0);
  EXPECT_LE(std::max(width, height) / std::min(width, height), kMaxElongation) << width << " x " << height;
  EXPECT_EQ(Attr(diagram.Graph(), "size"), "44,44");
  // The example is near square top-down and stays so.
  const PartnershipGraph example = MustLoad({ExampleDir()});
  Diagram kept = BuildDiagram(GraphView(example), {});
  Render(kept, RenderFormat::kSvg, &diagnostics);
  EXPECT_EQ(Attr(kept.Graph(), "rankdir"), "");
  EXPECT_FALSE(diagnostics.HasErrors());
}

TEST(Renderer, TitleAndLegendUnderEveryEngine) {
  const PartnershipGraph graph = MustLoad({ExampleDir()});
  DiagramOptions options;
  options.title = "Who backs whom";
  for (const char* layout : {"dot", "neato", "fdp", "sfdp", "circo"}) {
    Diagram diagram = BuildDiagram(GraphView(graph), options);
    std::string svg;
    Diagnostics diagnostics;
    ASSERT_TRUE(RenderDiagram(diagram, RenderOptions{RenderFormat::kSvg, layout}, &svg, &diagnostics)) << layout;
    const SvgText parsed = ParseSvg(svg);
    for (const char* text : {"Who backs whom", "legend", "investor", "invests", "supplies_compute"}) {
      EXPECT_TRUE(Contains(parsed.texts, text)) << layout << ": " << text;
    }
  }
}

TEST(Renderer, TooLargeToLayOutIsAnErrorWithAHint) {
  Diagram diagram("big");
  for (std::size_t i = 0; i <= kMaxLayoutNodes; ++i) {
    agnode(diagram.Graph(), const_cast<char*>(std::to_string(i).c_str()), 1);
  }
  std::string output = "stale";
  Diagnostics diagnostics;
  EXPECT_FALSE(RenderDiagram(diagram, RenderOptions{RenderFormat::kSvg, "sfdp"}, &output, &diagnostics));
  EXPECT_EQ(output, "");
  ASSERT_EQ(diagnostics.All().size(), 1u);
  EXPECT_EQ(FormatDiagnostic(diagnostics.All()[0]),
            "error: 20001 nodes and 0 edges are too many to lay out (limit 20000 nodes, 60000 edges): draw a part "
            "with --focus NODE --depth N, or write .dot and lay it out with Graphviz yourself");
  // .dot needs no layout: any size is fine.
  EXPECT_TRUE(RenderDiagram(diagram, RenderOptions{RenderFormat::kDot, "dot"}, &output, &diagnostics));
}

}  // namespace
}  // namespace pg
