// `partnergraph report` as a colleague meets it: the page opened in a real browser (headless
// Chromium's DOM after the page's script ran), offline, and safe against hostile names.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"
#include "tools/cli.h"
#include "tools/report_command.h"

namespace pg {
namespace {

using testing::Cli;
using testing::CliRun;
using testing::ExampleDir;
using testing::ReadAll;
using testing::TempDir;

// The first of $PG_CHROMIUM, chromium, chromium-browser, google-chrome found; empty if none.
std::string FindChromium() {
  if (const char* chosen = std::getenv("PG_CHROMIUM"); chosen && *chosen) return chosen;
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    if (std::system(fmt::format("command -v {} >/dev/null 2>&1", name).c_str()) == 0) return name;
  }
  return "";
}

std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// The DOM of `page` (opened with `fragment`) after its script ran, as Chromium serialises it.
// A profile of its own in `dir`, so that parallel test runs do not share one; no host name
// resolves, so a page that needed the network would show it rather than fetch.
std::string DumpDom(const std::string& chromium, const TempDir& dir, const std::string& page,
                    const std::string& fragment) {
  const std::filesystem::path dom = dir.Path() / "dom.html";
  const std::string command = fmt::format(
      "timeout 60 {} --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
      "'--host-resolver-rules=MAP * ~NOTFOUND' --user-data-dir={} --dump-dom {} > {} 2>/dev/null",
      ShellQuote(chromium), ShellQuote((dir.Path() / "profile").string()), ShellQuote("file://" + page + fragment),
      ShellQuote(dom.string()));
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  return ReadAll(dom);
}

// Text as Chromium serialises a text node: `&`, `<`, `>` as entities.
std::string AsDomText(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out += c;
    }
  }
  return out;
}

std::size_t Count(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

// The findings `analyze --format json` reports for the same inputs and defaults.
nlohmann::json AnalyzeFindings(const std::vector<std::string>& inputs) {
  std::vector<std::string> args{"analyze"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  args.insert(args.end(), {"--format", "json"});
  const CliRun run = Cli(args);
  EXPECT_EQ(run.code, 0) << run.err;
  return nlohmann::json::parse(run.out)["findings"];
}

// How many findings name `id`: as a subject, a party, a metric's entity or an evidence edge's end.
std::size_t FindingsNaming(const nlohmann::json& findings, const std::string& id) {
  std::size_t count = 0;
  for (const nlohmann::json& finding : findings) {
    bool named = std::find(finding["subjects"].begin(), finding["subjects"].end(), id) != finding["subjects"].end();
    for (const nlohmann::json& part : finding["parts"]) named = named || part["node"] == id;
    for (const nlohmann::json& metric : finding["metrics"]) named = named || metric["entity"] == id;
    for (const nlohmann::json& edge : finding["related"]) named = named || edge["from"] == id || edge["to"] == id;
    count += named ? 1 : 0;
  }
  return count;
}

TEST(ReportCommand, ExampleReportShowsEveryFindingInChromium) {
  const std::string chromium = FindChromium();
  if (chromium.empty()) GTEST_SKIP() << "chromium is not installed (tools/bootstrap.sh installs it)";
  TempDir dir;
  const std::string page = (dir.Path() / "report.html").string();
  const CliRun run = Cli({"report", ExampleDir(), "-o", page});
  ASSERT_EQ(run.code, 0) << run.err;
  const nlohmann::json findings = AnalyzeFindings({ExampleDir()});
  // As `render` draws it: 17 of the 20 edges (Broadcom's compute from 2027 is planned on the
  // pinned today; two claims are disputed and shown in their counted twin's label).
  EXPECT_EQ(run.out, fmt::format("wrote {} ({} findings, diagram of 13 nodes, 17 edges, 2 findings highlighted)\n",
                                 page, findings.size()));
  EXPECT_EQ(run.err, "");

  // One browser run: the filter set from the address, and Amazon clicked in the diagram (by a
  // script added to a copy of the page, as a reader's click would).
  std::string html = ReadAll(page);
  const std::size_t body_end = html.rfind("</body>");
  ASSERT_NE(body_end, std::string::npos);
  html.insert(body_end,
              "<script>document.querySelectorAll('#diagram g.node').forEach(function (g) {"
              "  if (g.querySelector('title').textContent !== 'Amazon') return;"
              "  g.querySelector('polygon').dispatchEvent(new MouseEvent('click', {bubbles: true}));"
              "});</script>\n");
  const std::string clicked = dir.Write("clicked.html", html);
  const std::string dom = DumpDom(chromium, dir, clicked, "#q=exclusivity");
  ASSERT_NE(dom.find("</html>"), std::string::npos) << dom.substr(0, 500);
  for (const nlohmann::json& finding : findings) {
    const std::string message = finding["message"];
    EXPECT_NE(dom.find("<span class=\"msg\">" + AsDomText(message) + "</span>"), std::string::npos) << message;
  }
  EXPECT_NE(dom.find("<span class=\"msg\">Amazon backs 2 rivals: OpenAI ($50B), Anthropic ($8B); $58B in total</span>"),
            std::string::npos);
  // The diagram inline, Amazon drawn and highlighted in magenta.
  EXPECT_EQ(Count(dom, "<svg "), 1u);
  EXPECT_NE(dom.find("<title>Amazon</title>"), std::string::npos);
  EXPECT_NE(dom.find("stroke=\"#e7298a\""), std::string::npos);

  // The filter: "exclusivity" matches the 2 findings of that pass (its name and its note).
  EXPECT_NE(dom.find(fmt::format("<span id=\"filter-count\" class=\"muted\">2 of {} findings match</span>",
                                 findings.size())),
            std::string::npos);
  EXPECT_EQ(Count(dom, "<article class=\"finding"), findings.size());
  EXPECT_EQ(Count(dom, "data-pass=\"exclusivity\">"), 2u);
  std::vector<std::string> passes;
  for (const nlohmann::json& finding : findings) {
    if (std::find(passes.begin(), passes.end(), finding["pass"]) == passes.end()) passes.push_back(finding["pass"]);
  }
  // Hidden: the other findings and the sections of the other passes.
  EXPECT_EQ(Count(dom, "hidden=\"\">"), (findings.size() - 2) + (passes.size() - 1));

  // Amazon's details: what it is, and every finding that names it.
  EXPECT_NE(dom.find("<aside id=\"details\"><button class=\"close\" type=\"button\">close</button><h3>Amazon</h3>"
                     "<p class=\"facts\">id: Amazon · type: investor · roles: cloud, investor</p>"
                     "<p class=\"description\">Investor and cloud parent; owns AWS</p>"),
            std::string::npos)
      << dom.substr(dom.find("<aside"), 600);
  EXPECT_NE(dom.find(fmt::format("<h4>in the findings ({})</h4>", FindingsNaming(findings, "Amazon"))),
            std::string::npos);
  EXPECT_NE(dom.find("<h4>its edges in the findings ("), std::string::npos);
  EXPECT_EQ(Count(dom, "class=\"node selected\">\n<title>Amazon</title>"), 1u);
}

TEST(ReportCommand, PageLoadsNothingFromTheNetwork) {
  TempDir dir;
  const std::string page = (dir.Path() / "report.html").string();
  ASSERT_EQ(Cli({"report", ExampleDir(), "-o", page}).code, 0);
  const std::string html = ReadAll(page);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  // Every link is a place in the page.
  EXPECT_EQ(Count(html, "href=\""), Count(html, "href=\"#"));
  // And the browser is told to refuse any load, should something slip through.
  EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                      "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"),
            std::string::npos);
}

TEST(ReportCommand, HostileNameStaysText) {
  const std::string hostile = "</script><img src=x onerror=alert(1)>";
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,type,markets\n" + hostile +
                                                       ",investor,\nA,company,m\nB,company,m\n");
  const std::string edges = dir.Write("edges.csv", "from,to,type,amount_usd\n" + hostile + ",A,invests,1B\n" +
                                                       hostile + ",B,invests,2B\n");
  const std::string page = (dir.Path() / "report.html").string();
  const CliRun run = Cli({"report", nodes, edges, "-o", page, "--pass", "dual-backing"});
  ASSERT_EQ(run.code, 0) << run.err;
  const std::string html = ReadAll(page);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(Count(html, "</script>"), 3u);  // the two JSON blocks and the script
  EXPECT_NE(html.find("<span class=\"msg\">&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; backs 2 rivals"),
            std::string::npos);
  EXPECT_NE(html.find("\"\\u003c/script>\\u003cimg src=x onerror=alert(1)>\""), std::string::npos);

  const std::string chromium = FindChromium();
  if (chromium.empty()) GTEST_SKIP() << "chromium is not installed (tools/bootstrap.sh installs it)";
  // Open the hostile node's details: its name must come back as text, from the JSON, intact.
  const std::string dom = DumpDom(chromium, dir, page, "#node=%3C%2Fscript%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
  EXPECT_EQ(dom.find("<img"), std::string::npos);
  EXPECT_NE(dom.find("<h3>" + AsDomText(hostile) + "</h3><p class=\"facts\">id: " + AsDomText(hostile) +
                     " · type: investor · roles: investor</p><h4>in the findings (1)</h4>"),
            std::string::npos)
      << dom;
  EXPECT_NE(dom.find("<span id=\"filter-count\" class=\"muted\">1 finding</span>"), std::string::npos);
}

TEST(ReportCommand, BigGraphGetsANoteInsteadOfADiagram) {
  TempDir dir;
  const std::string nodes = dir.Write("nodes.csv", "id,type,markets\nV,investor,\nA,company,m\nB,company,m\n");
  const std::string edges = dir.Write("edges.csv", "from,to,type\nV,A,invests\nV,B,invests\n");
  const std::string page = (dir.Path() / "report.html").string();
  const CliRun run = Cli({"report", nodes, edges, "-o", page, "--max-diagram-nodes", "2"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.err, "note: diagram omitted: 3 nodes (over the limit of 2)\n");
  EXPECT_EQ(run.out.substr(run.out.find(" (")),
            " (" + std::to_string(AnalyzeFindings({nodes, edges}).size()) +
                " findings, diagram omitted: 3 nodes (over the limit of 2))\n");
  const std::string html = ReadAll(page);
  EXPECT_NE(html.find("<h2>Diagram</h2>\n<p class=\"muted\">diagram omitted: 3 nodes (over the limit of 2)</p>"),
            std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
}

// The default limits, on generated graphs just past them (no layout is attempted).
TEST(ReportCommand, DefaultLimitsLeaveBigDiagramsOut) {
  TempDir dir;
  std::string many_nodes = "id,type\n";
  for (std::size_t i = 0; i <= kReportDiagramNodes; ++i) many_nodes += fmt::format("N{},company\n", i);
  const std::string nodes = dir.Write("nodes.csv", many_nodes);
  const std::string page = (dir.Path() / "report.html").string();
  const CliRun by_nodes = Cli({"report", nodes, "-o", page, "--pass", "control"});
  ASSERT_EQ(by_nodes.code, 0) << by_nodes.err;
  EXPECT_EQ(by_nodes.err,
            fmt::format("note: diagram omitted: {} nodes (over the limit of {})\n", kReportDiagramNodes + 1,
                        kReportDiagramNodes));

  // Partners between 60 nodes: every pair once, up to one edge past the limit.
  std::string few_nodes = "id,type\n";
  std::string edges = "from,to,type\n";
  std::size_t count = 0;
  for (int i = 0; i < 60; ++i) few_nodes += fmt::format("N{},company\n", i);
  for (int i = 0; i < 60 && count <= kReportDiagramEdges; ++i) {
    for (int j = i + 1; j < 60 && count <= kReportDiagramEdges; ++j, ++count) edges += fmt::format("N{},N{},partners\n", i, j);
  }
  const CliRun by_edges = Cli({"report", dir.Write("few.csv", few_nodes), dir.Write("edges.csv", edges), "-o", page,
                               "--pass", "control"});
  ASSERT_EQ(by_edges.code, 0) << by_edges.err;
  EXPECT_EQ(by_edges.err, fmt::format("note: diagram omitted: {} edges (over the limit of {})\n",
                                      kReportDiagramEdges + 1, kReportDiagramEdges));
}

TEST(ReportCommand, AsOfAllGivesNoEdgeStatus) {
  const CliRun run = Cli({"report", ExampleDir(), "-o", "-", "--as-of", "all", "--pass", "dual-backing"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("<dt>view</dt><dd>every edge, whatever its dates (--as-of all)</dd>"), std::string::npos);
  EXPECT_NE(run.out.find("<td>invests</td><td>$50B</td><td>from 2026-02</td><td></td>"), std::string::npos);
  const CliRun today = Cli({"report", ExampleDir(), "-o", "-", "--pass", "dual-backing"});
  EXPECT_NE(today.out.find("<td>invests</td><td>$50B</td><td>from 2026-02</td><td>current</td>"), std::string::npos);
}

TEST(ReportCommand, DashWritesStandardOutput) {
  const CliRun run = Cli({"report", ExampleDir(), "-o", "-", "--pass", "dual-backing", "--title", "Deals & <rivals>"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n", 0), 0u);
  EXPECT_NE(run.out.find("<title>Deals &amp; &lt;rivals&gt;</title>"), std::string::npos);
  EXPECT_NE(run.out.find("<dt>findings</dt><dd>1 found, 1 shown</dd>"), std::string::npos);
  EXPECT_EQ(run.out.substr(run.out.size() - 8), "</html>\n");
  EXPECT_EQ(run.err, "");
}

TEST(ReportCommand, FailuresLeaveNoFile) {
  TempDir dir;
  const std::string page = (dir.Path() / "report.html").string();
  const CliRun bad_pass = Cli({"report", ExampleDir(), "-o", page, "--highlight", "dual-backin"});
  EXPECT_EQ(bad_pass.code, 2);
  EXPECT_EQ(bad_pass.err,
            "error: unknown pass \"dual-backin\" (did you mean \"dual-backing\"?); `partnergraph passes` lists them\n");
  const CliRun picked = Cli({"report", ExampleDir(), "-o", page, "--highlight", "dual-backing:Amazon"});
  EXPECT_EQ(picked.code, 2);
  EXPECT_EQ(picked.err,
            "error: --highlight dual-backing:Amazon: the report highlights whole passes; `render --highlight "
            "PASS:N` or `PASS:NODE` draws single findings\n");
  const std::string nodes = dir.Write("nodes.csv", "id,type\nA,company\nAnthropic,company\n");
  const std::string edges = dir.Write("edges.csv", "from,to,type\nA,Antropic,invests\n");
  EXPECT_EQ(Cli({"report", nodes, edges, "-o", page}).code, 2);
  EXPECT_FALSE(std::filesystem::exists(page));

  const std::string blocker = dir.Write("blocker", "x");
  const CliRun unwritable = Cli({"report", ExampleDir(), "-o", blocker + "/report.html"});
  EXPECT_EQ(unwritable.code, 2);
  EXPECT_EQ(unwritable.err.rfind("error: cannot write " + blocker + "/report.html", 0), 0u) << unwritable.err;
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.Path()), std::filesystem::directory_iterator()), 3);
}

TEST(ReportCommand, HelpHasAnExample) {
  const CliRun run = Cli({"report", "--help"});
  EXPECT_EQ(run.code, 0);
  EXPECT_NE(run.out.find("  partnergraph report examples/ai-cloud-2026 -o report.html\n"), std::string::npos);
}

}  // namespace
}  // namespace pg
