// `partnergraph render` as a user meets it: files written, messages, exit codes, no partial output.

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <tuple>

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "tests/test_support.h"
#include "tools/cli.h"

namespace pg {
namespace {

using testing::ExampleDir;
using testing::ReadAll;
using testing::TempDir;

using testing::Cli;
using testing::CliRun;

TEST(RenderCommand, ExampleSvgWithHighlights) {
  TempDir dir;
  const std::string output = (dir.Path() / "demo" / "map.svg").string();
  const CliRun run = Cli({"render", ExampleDir(), "-o", output, "--highlight", "dual-backing,shared-channel"});
  ASSERT_EQ(run.code, 0) << run.err;
  // 17 of the 18 edges: Broadcom's compute from 2027 is planned on the pinned today.
  EXPECT_EQ(run.out, "wrote " + output + " (svg, 13 nodes, 17 edges, layout dot, 2 findings highlighted)\n");
  EXPECT_EQ(run.err, "");
  const std::string svg = ReadAll(output);
  EXPECT_NE(svg.find("backing] Amazon backs 2 rivals: OpenAI ($50B), Anthropic ($8B); $58B in total</text>"),
            std::string::npos);
  EXPECT_NE(svg.find("stroke=\"#e7298a\""), std::string::npos);
  EXPECT_NE(svg.find("fill=\"#fbc4e2\""), std::string::npos);
  EXPECT_TRUE(std::filesystem::is_empty(dir.Path() / "demo") == false);
  // Nothing but the output in the folder: the temporary file was renamed.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.Path() / "demo"),
                          std::filesystem::directory_iterator()),
            1);
}

TEST(RenderCommand, FocusDrawsTheNeighbourhoodOnly) {
  TempDir dir;
  const std::string output = (dir.Path() / "bedrock.svg").string();
  const CliRun run = Cli({"render", ExampleDir(), "-o", output, "--focus", "Bedrock", "--depth", "1"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, "wrote " + output + " (svg, 4 nodes, 5 edges, layout dot)\n");
  const std::string svg = ReadAll(output);
  for (const char* label : {">Amazon Bedrock<", ">Amazon Web Services<", ">OpenAI<", ">Anthropic<", ">+ 6 more<",
                            "around Amazon Bedrock, depth 1"}) {
    EXPECT_NE(svg.find(label), std::string::npos) << label;
  }
  EXPECT_EQ(svg.find("Oracle"), std::string::npos);
}

TEST(RenderCommand, UnknownFocusNodeGetsADidYouMean) {
  TempDir dir;
  const std::string output = (dir.Path() / "x.svg").string();
  const CliRun run = Cli({"render", ExampleDir(), "-o", output, "--focus", "Bedrok"});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err, "error: unknown node \"Bedrok\" (did you mean \"Bedrock\"?)\n");
  EXPECT_FALSE(std::filesystem::exists(output));
}

TEST(RenderCommand, UnknownExtensionIsBadUsage) {
  TempDir dir;
  const std::string output = (dir.Path() / "map.jpg").string();
  const CliRun run = Cli({"render", ExampleDir(), "-o", output});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err, "error: cannot tell the output type of \"" + output + "\": use a .svg, .png, .pdf or .dot file\n");
  EXPECT_FALSE(std::filesystem::exists(output));
}

TEST(RenderCommand, FailuresLeaveNoFile) {
  TempDir dir;
  const std::string output = (dir.Path() / "map.svg").string();
  const CliRun bad_pass = Cli({"render", ExampleDir(), "-o", output, "--highlight", "dual-backin"});
  EXPECT_EQ(bad_pass.code, 2);
  EXPECT_EQ(bad_pass.err,
            "error: unknown pass \"dual-backin\" (did you mean \"dual-backing\"?); `partnergraph passes` lists them\n");
  // A typo of a known node (a name far from any would become a node of its own).
  const std::string nodes = dir.Write("nodes.csv", "id,type\nA,company\nAnthropic,company\n");
  const std::string edges = dir.Write("edges.csv", "from,to,type\nA,Antropic,invests\n");
  EXPECT_EQ(Cli({"render", nodes, edges, "-o", output}).code, 2);
  EXPECT_FALSE(std::filesystem::exists(output));

  // The folder cannot be made (a file is in the way): an error, and nothing written.
  const std::string blocker = dir.Write("blocker", "x");
  const CliRun unwritable = Cli({"render", ExampleDir(), "-o", blocker + "/map.svg"});
  EXPECT_EQ(unwritable.code, 2);
  EXPECT_EQ(unwritable.err.rfind("error: cannot write " + blocker + "/map.svg", 0), 0u) << unwritable.err;
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.Path()), std::filesystem::directory_iterator()), 3);
}

TEST(RenderCommand, DotOutputIsDeterministic) {
  TempDir dir;
  const std::string a = (dir.Path() / "a.dot").string();
  const std::string b = (dir.Path() / "b.dot").string();
  ASSERT_EQ(Cli({"render", ExampleDir(), "-o", a, "--cluster", "market"}).code, 0);
  ASSERT_EQ(Cli({"render", ExampleDir(), "-o", b, "--cluster", "market"}).code, 0);
  EXPECT_EQ(ReadAll(a), ReadAll(b));
  EXPECT_NE(ReadAll(a).find("label=\"market: frontier-models\""), std::string::npos);
}

// Width and height of a PNG, from its IHDR chunk.
std::pair<std::uint32_t, std::uint32_t> PngSize(const std::string& png) {
  auto be32 = [&](std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) value = value << 8 | static_cast<unsigned char>(png.at(at + i));
    return value;
  };
  return {be32(16), be32(20)};
}

// The height of a PDF's first page, from its MediaBox (cairo writes it uncompressed).
double PdfHeight(const std::string& pdf) {
  const std::size_t box = pdf.find("/MediaBox [ 0 0 ");
  if (box == std::string::npos) return -1;
  std::istringstream in(pdf.substr(box + 16, 40));
  double width = 0, height = 0;
  in >> width >> height;
  return height;
}

std::string Fixture() { return testing::TestDataDir() + "/diagram_fixture"; }

TEST(RenderCommand, FixtureDefaultsGiveAPublishablePage) {
  // 56 nodes, 12 markets, an ownership chain, parallel edges: once a 8,941 x 1,289 px strip.
  TempDir dir;
  const std::string output = (dir.Path() / "map.png").string();
  const CliRun run = Cli({"render", Fixture(), "-o", output});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.out, "wrote " + output + " (png, 56 nodes, 89 edges, layout dot)\n");
  const auto [width, height] = PngSize(ReadAll(output));
  EXPECT_LT(width, 5000u);
  EXPECT_LT(height, 5000u);
  EXPECT_LE(std::max(width, height), 2.2 * std::min(width, height)) << width << " x " << height;
  EXPECT_GT(std::min(width, height), 1000u);  // not shrunk to nothing either
}

// The edge labels of an SVG as boxes, their widths estimated at half the font size a
// character (Latin digits and letters; a little narrower than drawn, so a found overlap is real).
struct TextBox {
  double left, top, right, bottom;
  std::string text;
};

// The body of each `<g id="edgeN" class="edge">` group. Found with find, not a regex: std::regex
// recurses a frame per character on `[\s\S]*?`, which overflows the stack under ASan.
std::vector<std::string> EdgeGroups(const std::string& svg) {
  std::vector<std::string> groups;
  const std::string open = "class=\"edge\">";
  for (std::size_t at = svg.find("<g id=\"edge"); at != std::string::npos; at = svg.find("<g id=\"edge", at)) {
    const std::size_t body = svg.find(open, at);
    if (body == std::string::npos) break;
    const std::size_t close = svg.find("</g>\n</g>", body);
    if (close == std::string::npos) break;
    groups.push_back(svg.substr(body + open.size(), close - body - open.size()));
    at = close;
  }
  return groups;
}

std::vector<TextBox> EdgeLabelBoxes(const std::string& svg) {
  static const std::regex text(
      "<text text-anchor=\"(\\w+)\" x=\"([-\\d.]+)\" y=\"([-\\d.]+)\"[^>]*font-size=\"([\\d.]+)\"[^>]*>([^<]*)</text>");
  std::vector<TextBox> boxes;
  for (const std::string& body : EdgeGroups(svg)) {
    for (std::sregex_iterator t(body.begin(), body.end(), text), end; t != end; ++t) {
      const double x = std::stod((*t)[2]), y = std::stod((*t)[3]), size = std::stod((*t)[4]);
      const double width = static_cast<double>((*t)[5].length()) * size * 0.5;
      const double left = (*t)[1] == "middle" ? x - width / 2 : x;
      boxes.push_back({left, y - size * 0.8, left + width, y + size * 0.2, (*t)[5]});
    }
  }
  return boxes;
}

TEST(RenderCommand, EdgeLabelsDoNotOverlap) {
  // Laid out by dot alone, four pairs of the fixture's labels overlapped ("$400M" on "$900M").
  TempDir dir;
  const std::string output = (dir.Path() / "map.svg").string();
  ASSERT_EQ(Cli({"render", Fixture(), "-o", output}).code, 0);
  const std::vector<TextBox> boxes = EdgeLabelBoxes(ReadAll(output));
  EXPECT_EQ(boxes.size(), 50u);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      const TextBox& a = boxes[i];
      const TextBox& b = boxes[j];
      EXPECT_FALSE(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
          << a.text << " | " << b.text;
    }
  }
}

TEST(RenderCommand, FdpDrawsWhatDotCanOnlyMakeLong) {
  // 60 companies each backed by two of three funds: dot puts the 60 in one rank (a strip, or a
  // column left to right) and they are no leaves to spread, so fdp draws the page, near square.
  TempDir dir;
  std::string nodes = "id,type\nFund 0,investor\nFund 1,investor\nFund 2,investor\n", edges = "from,to,type\n";
  for (int i = 0; i < 60; ++i) {
    nodes += fmt::format("Company {},company\n", i);
    edges += fmt::format("Fund {},Company {},invests\nFund {},Company {},invests\n", i % 3, i, (i + 1) % 3, i);
  }
  const std::vector<std::string> inputs = {dir.Write("nodes.csv", nodes), dir.Write("edges.csv", edges)};
  const std::string output = (dir.Path() / "map.png").string();
  CliRun run = Cli({"render", inputs[0], inputs[1], "-o", output});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, "wrote " + output + " (png, 63 nodes, 120 edges, layout fdp)\n");
  auto [width, height] = PngSize(ReadAll(output));
  EXPECT_LE(std::max(width, height), 2.2 * std::min(width, height)) << width << " x " << height;
  // Asked for dot, dot it is: its squarest try.
  run = Cli({"render", inputs[0], inputs[1], "-o", output, "--layout", "dot"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, "wrote " + output + " (png, 63 nodes, 120 edges, layout dot)\n");
  std::tie(width, height) = PngSize(ReadAll(output));
  EXPECT_GT(std::max(width, height), 2.2 * std::min(width, height)) << width << " x " << height;
}

TEST(RenderCommand, ClustersByMarketWhenThereAreMarkets) {
  TempDir dir;
  const std::string output = (dir.Path() / "map.dot").string();
  ASSERT_EQ(Cli({"render", Fixture(), "-o", output}).code, 0);
  const std::string dot = ReadAll(output);
  EXPECT_NE(dot.find("label=\"market: frontier-models\""), std::string::npos);
  EXPECT_EQ(dot.find("label=companies"), std::string::npos);
  // Parallel deals of one pair share one label.
  EXPECT_NE(dot.find("label=\"$100M + $100B\""), std::string::npos);
  EXPECT_NE(dot.find("label=\"$4B + $4B\""), std::string::npos);
  // No market anywhere: by type.
  const std::string nodes = dir.Write("nodes.csv", "id,type\nA,company\nF,investor\n");
  const std::string edges = dir.Write("edges.csv", "from,to,type\nF,A,invests\n");
  ASSERT_EQ(Cli({"render", nodes, edges, "-o", output}).code, 0);
  EXPECT_NE(ReadAll(output).find("label=companies"), std::string::npos);
  ASSERT_EQ(Cli({"render", Fixture(), "-o", output, "--cluster", "type"}).code, 0);
  EXPECT_NE(ReadAll(output).find("label=companies"), std::string::npos);
}

TEST(RenderCommand, TitleInSvgPngAndPdf) {
  TempDir dir;
  const std::string svg = (dir.Path() / "map.svg").string();
  const CliRun run = Cli({"render", ExampleDir(), "-o", svg, "--title", "Who backs whom", "--subtitle", "April 2026"});
  ASSERT_EQ(run.code, 0) << run.err;
  const std::string text = ReadAll(svg);
  EXPECT_NE(text.find("font-weight=\"bold\" font-size=\"22.00\" fill=\"#333333\">Who backs whom</text>"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(">April 2026</text>"), std::string::npos);
  // A title that is not UTF-8 (a Latin-1 terminal) is refused, not lost.
  const CliRun latin1 = Cli({"render", ExampleDir(), "-o", svg, "--title", "Caf\xe9"});
  EXPECT_EQ(latin1.code, 2);
  EXPECT_EQ(latin1.err, "error: --title is not UTF-8 (byte 0xE9): set the terminal to UTF-8\n");
  // The default subtitle: the inputs, the view's date and the number of sources drawn.
  ASSERT_EQ(Cli({"render", ExampleDir(), "-o", svg}).code, 0);
  EXPECT_NE(ReadAll(svg).find(">ai&#45;cloud&#45;2026 · as of 2026&#45;11&#45;29 · 4 sources</text>"), std::string::npos);
  // PNG and PDF: the title takes room at the top of the page (neato: the same layout either way).
  for (const char* extension : {"png", "pdf"}) {
    const std::string plain = (dir.Path() / (std::string("plain.") + extension)).string();
    const std::string titled = (dir.Path() / (std::string("titled.") + extension)).string();
    ASSERT_EQ(Cli({"render", ExampleDir(), "-o", plain, "--subtitle", "x", "--no-legend", "--layout", "neato"}).code, 0);
    ASSERT_EQ(Cli({"render", ExampleDir(), "-o", titled, "--subtitle", "x", "--no-legend", "--layout", "neato",
                   "--title", "Who backs whom"})
                  .code,
              0);
    const double plain_height = extension == std::string("png") ? PngSize(ReadAll(plain)).second : PdfHeight(ReadAll(plain));
    const double titled_height =
        extension == std::string("png") ? PngSize(ReadAll(titled)).second : PdfHeight(ReadAll(titled));
    EXPECT_GT(plain_height, 0) << extension;
    EXPECT_GT(titled_height, plain_height + 15) << extension;
  }
}

TEST(RenderCommand, KoreanAndChineseNamesUseACjkFont) {
  TempDir dir;
  const std::string output = (dir.Path() / "map.svg").string();
  ASSERT_EQ(Cli({"render", Fixture(), "-o", output}).code, 0);
  const std::string svg = ReadAll(output);
  EXPECT_NE(svg.find("font-family=\"Noto Sans CJK SC,DejaVu Sans,sans-serif\" font-size=\"12.00\" "
                     "fill=\"#111111\">삼성전자</text>"),
            std::string::npos);
  EXPECT_NE(svg.find("font-family=\"Noto Sans CJK SC,DejaVu Sans,sans-serif\" font-size=\"12.00\" "
                     "fill=\"#111111\">阿里巴巴</text>"),
            std::string::npos);
  EXPECT_EQ(svg.find("Helvetica"), std::string::npos);
}

TEST(RenderCommand, HighlightPicksFindingsByNumberOrNode) {
  TempDir dir;
  const std::string output = (dir.Path() / "map.svg").string();
  CliRun run = Cli({"render", ExampleDir(), "-o", output, "--highlight", "dual-backing:1,shared-channel:Bedrock"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, "wrote " + output + " (svg, 13 nodes, 17 edges, layout dot, 2 findings highlighted)\n");
  run = Cli({"render", ExampleDir(), "-o", output, "--highlight", "shared-channel:OpenAI,shared-channel:1"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, "wrote " + output + " (svg, 13 nodes, 17 edges, layout dot, 1 finding highlighted)\n");
  run = Cli({"render", ExampleDir(), "-o", output, "--highlight", "dual-backing:Oracle"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "warning: --highlight dual-backing:Oracle: no dual-backing finding is about Oracle\n");
  EXPECT_NE(ReadAll(output).find(">Highlighted findings: none</text>"), std::string::npos);

  std::filesystem::remove(output);
  run = Cli({"render", ExampleDir(), "-o", output, "--highlight", "dual-backing:3"});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err, "error: --highlight dual-backing:3: dual-backing has 1 finding (numbered from 1, as "
                     "`analyze --pass dual-backing` lists them)\n");
  run = Cli({"render", ExampleDir(), "-o", output, "--highlight", "dual-backing:Amazn"});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(run.err, "error: unknown node \"Amazn\" (did you mean \"Amazon\"?)\n");
  EXPECT_FALSE(std::filesystem::exists(output));
}

TEST(RenderCommand, FocusListsOnlyTheFindingsDrawn) {
  TempDir dir;
  const std::string output = (dir.Path() / "bedrock.svg").string();
  const CliRun run = Cli({"render", ExampleDir(), "-o", output, "--focus", "Bedrock", "--highlight",
                          "dual-backing,shared-channel"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out, "wrote " + output + " (svg, 4 nodes, 5 edges, layout dot, 1 finding highlighted)\n");
  const std::string svg = ReadAll(output);
  EXPECT_EQ(svg.find("dual-backing"), std::string::npos);
  EXPECT_NE(svg.find(">1. [shared&#45;channel] Amazon Bedrock (owner Amazon) distributes 2 rivals: OpenAI, "
                     "Anthropic</text>"),
            std::string::npos)
      << svg;
}

TEST(RenderCommand, HelpTeachesWithExamples) {
  const CliRun run = Cli({"render", "--help"});
  EXPECT_EQ(run.code, 0);
  EXPECT_NE(run.out.find("partnergraph render examples/ai-cloud-2026 -o map.png --highlight dual-backing,shared-channel"),
            std::string::npos);
  EXPECT_NE(run.out.find("--max-neighbors"), std::string::npos);
}

}  // namespace
}  // namespace pg
