#include "io/html_report.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analysis/evidence.h"
#include "graph/graph_view.h"
#include "io/dot_builder.h"
#include "io/html_report_script.h"

namespace pg {

std::string EscapeHtmlText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string ScriptSafeJson(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (const char c : json) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

// `text` without its `<!-- ... -->` comments.
std::string WithoutComments(std::string_view text) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t open = text.find("<!--", at);
    if (open == std::string_view::npos) break;
    out.append(text.substr(at, open - at));
    const std::size_t close = text.find("-->", open + 4);
    at = close == std::string_view::npos ? text.size() : close + 3;
  }
  if (at < text.size()) out.append(text.substr(at));
  return out;
}

// Removes the attribute ` name="..."` from the first tag of `svg`.
void DropRootAttribute(std::string& svg, std::string_view name) {
  const std::size_t tag_end = svg.find('>');
  const std::string key = fmt::format(" {}=\"", name);
  const std::size_t at = svg.find(key);
  if (at == std::string::npos || at > tag_end) return;
  const std::size_t close = svg.find('"', at + key.size());
  if (close == std::string::npos) return;
  svg.erase(at, close + 1 - at);
}

}  // namespace

std::string InlineSvg(std::string_view svg) {
  const std::size_t start = svg.find("<svg");
  if (start == std::string_view::npos) return "";
  std::string out = WithoutComments(svg.substr(start));
  DropRootAttribute(out, "xmlns");
  DropRootAttribute(out, "xmlns:xlink");
  return out;
}

namespace {

using nlohmann::json;

constexpr std::array<FindingSeverity, 3> kSeverities{FindingSeverity::kCritical, FindingSeverity::kWarning,
                                                      FindingSeverity::kInfo};

std::string_view TypeText(const PartnershipGraph& graph, const Node& node) {
  return node.type_label != kNoString ? graph.Text(node.type_label) : NodeTypeName(node.type);
}

std::string_view EdgeTypeText(const PartnershipGraph& graph, const Edge& edge) {
  const EdgeDetails& details = graph.Details(edge);
  return details.type_label != kNoString ? graph.Text(details.type_label) : EdgeTypeName(edge.type);
}

std::vector<std::string_view> RoleNames(const Node& node) {
  std::vector<std::string_view> roles;
  for (int t = 0; t < kNodeTypeCount; ++t) {
    if (node.roles & RoleBit(static_cast<NodeType>(t))) roles.push_back(NodeTypeName(static_cast<NodeType>(t)));
  }
  return roles;
}

// A node name that opens its details on click (a button: reachable by keyboard too).
std::string NodeButton(const PartnershipGraph& graph, VertexId v) {
  return fmt::format(R"(<button type="button" class="node-link" data-node="{}">{}</button>)",
                     EscapeHtmlText(graph.NodeName(v)), EscapeHtmlText(graph.NodeLabel(v)));
}

std::string NodeButton(const PartnershipGraph& graph, const std::string& id) {
  if (const std::optional<VertexId> v = graph.FindNode(id)) return NodeButton(graph, *v);
  return EscapeHtmlText(id);
}

void WriteHead(const std::string& title, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << EscapeHtmlText(title) << "</title>\n<style>\n"
      << R"css(body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#222;margin:0;background:#fafafa}
main{max-width:1180px;margin:0 auto;padding:16px 24px 48px}
h1{font-size:22px;margin:8px 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.muted{color:#666}.summary dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:8px 0}
.summary dt{color:#666}.summary dd{margin:0}
table{border-collapse:collapse;font-size:13px;margin:6px 0}th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#f0f0f0}td.n{text-align:right;font-variant-numeric:tabular-nums}
.filter{position:sticky;top:0;background:#fafafa;padding:8px 0;z-index:2;border-bottom:1px solid #eee}
.filter input{font:inherit;width:min(520px,100%);padding:5px 8px;border:1px solid #bbb;border-radius:4px}
.finding{background:#fff;border:1px solid #e3e3e3;border-left:5px solid #9aa;border-radius:4px;padding:8px 12px;margin:8px 0}
.finding.critical{border-left-color:#c0392b}.finding.warning{border-left-color:#e6a100}.finding.info{border-left-color:#6c8ebf}
.sev{display:inline-block;font-size:11px;font-weight:600;letter-spacing:.04em;padding:1px 6px;border-radius:3px;margin-right:6px;background:#eef}
.critical .sev{background:#fbe0dc;color:#8e1c10}.warning .sev{background:#fdf0cc;color:#7a5500}.info .sev{background:#e3ecf8;color:#2b4a75}
.msg{font-weight:500}.about,.sources{margin:4px 0;font-size:13px}.notes{margin:4px 0 4px 18px;padding:0;font-size:13px;color:#444}
details{margin-top:4px}summary{cursor:pointer;color:#345;font-size:13px}
.more{color:#666;font-size:13px;margin:4px 0}
.node-link{font:inherit;text-align:left;color:#1b4f9c;background:none;border:0;padding:0;cursor:pointer;text-decoration:underline dotted}
#diagram .svg{background:#fff;border:1px solid #e3e3e3;overflow:auto}#diagram svg{max-width:100%;height:auto}
#diagram g.node{cursor:pointer}#diagram g.node.selected polygon,#diagram g.node.selected ellipse,#diagram g.node.selected path{stroke:#1b4f9c;stroke-width:4px}
#details{position:fixed;right:16px;bottom:16px;width:min(560px,90vw);max-height:60vh;overflow:auto;background:#fff;border:1px solid #bbb;border-radius:6px;box-shadow:0 4px 18px rgba(0,0,0,.18);padding:10px 14px;z-index:3}
#details h3{margin:0 0 4px;font-size:16px}#details h4{margin:10px 0 2px;font-size:14px}
#details ul{margin:4px 0 4px 18px;padding:0;font-size:13px}#details a{color:#1b4f9c}#details table{font-size:12px}
#details .close{float:right}
@media print{.filter,#details{display:none}details{display:block}}
)css"
      << "</style>\n</head>\n";
}

// Findings shown per pass and severity.
std::array<std::size_t, 3> SeverityCounts(const Findings& findings, std::string_view pass) {
  std::array<std::size_t, 3> counts{};
  for (const Finding& finding : findings) {
    if (finding.pass != pass) continue;
    for (std::size_t i = 0; i < kSeverities.size(); ++i) counts[i] += finding.severity == kSeverities[i] ? 1 : 0;
  }
  return counts;
}

void WritePassTable(const Findings& findings, const HtmlReportInput& input, std::ostream& out) {
  out << "<table class=\"passes\">\n<tr><th>pass</th><th>critical</th><th>warning</th><th>info</th>"
         "<th>shown</th><th>found</th></tr>\n";
  std::vector<std::string_view> quiet;
  for (const ReportPass& pass : input.passes) {
    if (pass.found == 0) {
      quiet.push_back(pass.name);
      continue;
    }
    const std::array<std::size_t, 3> counts = SeverityCounts(findings, pass.name);
    out << fmt::format("<tr><td><a href=\"#pass-{0}\">{0}</a></td><td class=\"n\">{1}</td><td class=\"n\">{2}</td>"
                       "<td class=\"n\">{3}</td><td class=\"n\">{4}</td><td class=\"n\">{5}</td></tr>\n",
                       EscapeHtmlText(pass.name), counts[0], counts[1], counts[2], pass.shown, pass.found);
  }
  out << "</table>\n";
  if (!quiet.empty()) {
    out << "<p class=\"muted\">No findings: " << EscapeHtmlText(fmt::format("{}", fmt::join(quiet, ", ")))
        << "</p>\n";
  }
}

void WriteSummary(const PartnershipGraph& graph, const Findings& findings, const HtmlReportInput& input,
                  std::ostream& out) {
  std::size_t found = 0;
  for (const ReportPass& pass : input.passes) found += pass.found;
  out << "<section class=\"summary\" id=\"summary\">\n<h1>" << EscapeHtmlText(input.title) << "</h1>\n<dl>\n";
  out << "<dt>inputs</dt><dd>" << EscapeHtmlText(fmt::format("{}", fmt::join(input.inputs, ", "))) << "</dd>\n";
  out << "<dt>view</dt><dd>"
      << (input.as_of.Known() ? EscapeHtmlText("as of " + input.as_of.ToString() +
                                               ": deals that ended are history, later ones planned")
                              : "every edge, whatever its dates (--as-of all)")
      << "</dd>\n";
  out << fmt::format("<dt>model</dt><dd>{} nodes, {} edges, {} metrics</dd>\n", graph.NodeCount(),
                     graph.EdgeCount(), graph.Metrics().size());
  out << fmt::format("<dt>findings</dt><dd>{} found, {} shown</dd>\n</dl>\n", found, findings.size());
  WritePassTable(findings, input, out);
  out << "</section>\n";
}

// "2026-02 to 2027-01", "from 2026-02", "until 2025-06", or empty.
std::string DatesText(const Edge& edge) {
  if (edge.start.Known() && edge.end.Known()) return edge.start.ToString() + " to " + edge.end.ToString();
  if (edge.start.Known()) return "from " + edge.start.ToString();
  if (edge.end.Known()) return "until " + edge.end.ToString();
  return "";
}

void WriteEvidenceRows(const PartnershipGraph& graph, const Finding& finding, Date as_of, std::ostream& out) {
  out << "<table class=\"evidence\">\n<tr><th>from</th><th>to</th><th>type</th><th>amount</th><th>dates</th>"
         "<th>status</th><th>source</th><th>where</th></tr>\n";
  const std::size_t shown = std::min(finding.related.size(), kEvidenceRowsShown);
  for (std::size_t i = 0; i < shown; ++i) {
    const Edge& edge = graph.GetEdge(finding.related[i]);
    // Without a date (`--as-of all`) every edge counts: no status to give.
    const std::string status = !as_of.Known() ? "" : EdgeTimeLabel(edge, as_of);
    out << fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                       "<td>{}</td></tr>\n",
                       NodeButton(graph, edge.from), NodeButton(graph, edge.to),
                       EscapeHtmlText(EdgeTypeText(graph, edge)), EscapeHtmlText(EdgeFigures(graph, edge)),
                       EscapeHtmlText(DatesText(edge)), EscapeHtmlText(status.empty() && as_of.Known() ? "current" : status),
                       EscapeHtmlText(edge.source != kNoString ? graph.Text(edge.source) : ""),
                       EscapeHtmlText(WhereOf(graph, edge.origin)));
  }
  out << "</table>\n";
  if (shown < finding.related.size()) {
    out << fmt::format("<p class=\"more\">+{} more edges: the page's JSON data and `analyze --why` list them "
                       "all</p>\n",
                       finding.related.size() - shown);
  }
}

// The distinct sources of a finding's evidence, in order of first use.
std::vector<std::string_view> EvidenceSources(const PartnershipGraph& graph, const Finding& finding) {
  std::vector<std::string_view> sources;
  auto add = [&](StrId id) {
    if (id == kNoString) return;
    const std::string_view text = graph.Text(id);
    if (std::find(sources.begin(), sources.end(), text) == sources.end()) sources.push_back(text);
  };
  for (EdgeId e : finding.related) add(graph.GetEdge(e).source);
  for (std::uint32_t m : finding.metrics) add(graph.Metrics()[m].source);
  return sources;
}

void WriteEvidence(const PartnershipGraph& graph, const Finding& finding, Date as_of, std::ostream& out) {
  if (finding.related.empty() && finding.metrics.empty()) return;
  out << fmt::format("<details><summary>evidence: {} edge{}, {} metric{}</summary>\n", finding.related.size(),
                     finding.related.size() == 1 ? "" : "s", finding.metrics.size(),
                     finding.metrics.size() == 1 ? "" : "s");
  if (!finding.related.empty()) WriteEvidenceRows(graph, finding, as_of, out);
  if (!finding.metrics.empty()) {
    out << "<ul class=\"metrics\">\n";
    for (std::uint32_t m : finding.metrics) out << "<li>" << EscapeHtmlText(DescribeMetric(graph, m)) << "</li>\n";
    out << "</ul>\n";
  }
  out << "</details>\n";
  const std::vector<std::string_view> sources = EvidenceSources(graph, finding);
  if (!sources.empty()) {
    out << "<p class=\"sources\">sources: " << EscapeHtmlText(fmt::format("{}", fmt::join(sources, "; ")))
        << "</p>\n";
  }
}

void WriteFinding(const PartnershipGraph& graph, const Finding& finding, std::size_t index, Date as_of,
                  std::ostream& out) {
  const std::string_view severity = FindingSeverityName(finding.severity);
  out << fmt::format("<article class=\"finding {}\" id=\"finding-{}\" data-index=\"{}\" data-pass=\"{}\">\n",
                     severity, index, index, EscapeHtmlText(finding.pass));
  std::string upper(severity);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  out << fmt::format("<p><span class=\"sev\">{}</span><span class=\"msg\">{}</span></p>\n", upper,
                     EscapeHtmlText(finding.message));
  if (!finding.subjects.empty()) {
    out << "<p class=\"about\">about: ";
    for (std::size_t i = 0; i < finding.subjects.size(); ++i) {
      out << (i ? ", " : "") << NodeButton(graph, finding.subjects[i]);
    }
    out << "</p>\n";
  }
  if (!finding.notes.empty()) {
    out << "<ul class=\"notes\">\n";
    for (const std::string& note : finding.notes) out << "<li>note: " << EscapeHtmlText(note) << "</li>\n";
    out << "</ul>\n";
  }
  WriteEvidence(graph, finding, as_of, out);
  out << "</article>\n";
}

void WriteFindings(const PartnershipGraph& graph, const Findings& findings, const HtmlReportInput& input,
                   std::ostream& out) {
  out << "<section id=\"findings\">\n<h2>Findings</h2>\n<div class=\"filter\"><input id=\"filter\" "
         "type=\"search\" placeholder=\"filter findings: a name, a pass, a word\" aria-label=\"filter findings\"> "
         "<span id=\"filter-count\" class=\"muted\"></span></div>\n";
  if (findings.empty()) out << "<p class=\"muted\">No findings.</p>\n";
  std::size_t index = 0;
  for (const ReportPass& pass : input.passes) {
    if (pass.found == 0) continue;
    out << fmt::format("<section class=\"pass\" id=\"pass-{0}\">\n<h3>{0} <span class=\"muted\">({1} finding{2}{3})"
                       "</span></h3>\n",
                       EscapeHtmlText(pass.name), pass.found, pass.found == 1 ? "" : "s",
                       pass.shown < pass.found ? fmt::format(", {} shown", pass.shown) : "");
    for (; index < findings.size() && findings[index].pass == pass.name; ++index) {
      WriteFinding(graph, findings[index], index, input.as_of, out);
    }
    if (pass.cut > 0) out << fmt::format("<p class=\"more\">+{} more (--top 0 lists them all)</p>\n", pass.cut);
    if (pass.below_severity > 0) {
      out << fmt::format("<p class=\"more\">+{} below --min-severity</p>\n", pass.below_severity);
    }
    out << "</section>\n";
  }
  out << "</section>\n";
}

void WriteDiagram(const HtmlReportInput& input, std::ostream& out) {
  out << "<section id=\"diagram\">\n<h2>Diagram</h2>\n";
  if (input.svg.empty()) {
    out << "<p class=\"muted\">" << EscapeHtmlText(input.diagram_note) << "</p>\n";
  } else {
    out << "<p class=\"muted\">Findings highlighted in magenta; click a node for its details.</p>\n"
        << "<div class=\"svg\">\n" << InlineSvg(input.svg) << "\n</div>\n";
  }
  out << "</section>\n";
}

// The nodes the page can show details of: those the findings name, and every node when the
// diagram (which draws them all) is there.
std::vector<bool> NodesToDescribe(const PartnershipGraph& graph, const Findings& findings, bool all) {
  std::vector<bool> keep(graph.NodeCount(), all);
  auto mark = [&](const std::string& name) {
    if (const std::optional<VertexId> v = graph.FindNode(name)) keep[*v] = true;
  };
  for (const Finding& finding : findings) {
    for (const std::string& subject : finding.subjects) mark(subject);
    for (const FindingPart& part : finding.parts) mark(part.node);
    for (EdgeId e : finding.related) keep[graph.GetEdge(e).from] = keep[graph.GetEdge(e).to] = true;
    for (std::uint32_t m : finding.metrics) keep[graph.Metrics()[m].entity] = true;
  }
  return keep;
}

// {"nodes": {ID: {label, type, roles, markets, description}}, "dot": {SVG title: ID}} (only the
// titles that differ from the id).
json NodesJson(const PartnershipGraph& graph, const std::vector<bool>& keep) {
  json nodes = json::object();
  json dot = json::object();
  for (VertexId v = 0; v < graph.NodeCount(); ++v) {
    if (!keep[v]) continue;
    const Node& node = graph.GetNode(v);
    const std::string id(graph.NodeName(v));
    json markets = json::array();
    for (StrId market : graph.Markets(node)) markets.push_back(graph.Text(market));
    json entry{{"label", graph.NodeLabel(v)}, {"type", TypeText(graph, node)}, {"roles", RoleNames(node)},
               {"markets", markets}};
    if (node.description != kNoString) entry["description"] = graph.Text(node.description);
    nodes[id] = std::move(entry);
    if (const std::string title = DotName(id); title != id) dot[title] = id;
  }
  return json{{"nodes", nodes}, {"dot", dot}};
}

void WriteData(const PartnershipGraph& graph, const Findings& findings, const HtmlReportInput& input,
               std::ostream& out) {
  out << "<script type=\"application/json\" id=\"pg-findings\">\n" << ScriptSafeJson(input.findings_json)
      << "</script>\n";
  const json nodes = NodesJson(graph, NodesToDescribe(graph, findings, !input.svg.empty()));
  out << "<script type=\"application/json\" id=\"pg-nodes\">"
      << ScriptSafeJson(nodes.dump(-1, ' ', false, json::error_handler_t::replace)) << "</script>\n";
}

}  // namespace

void WriteHtmlReport(const PartnershipGraph& graph, const Findings& findings, const HtmlReportInput& input,
                     std::ostream& out) {
  WriteHead(input.title, out);
  out << "<body>\n<main>\n";
  WriteSummary(graph, findings, input, out);
  WriteDiagram(input, out);
  WriteFindings(graph, findings, input, out);
  out << "</main>\n<aside id=\"details\" hidden></aside>\n";
  WriteData(graph, findings, input, out);
  out << "<script>\n" << HtmlReportScript() << "</script>\n";
  out << "</body>\n</html>\n";
}

}  // namespace pg
