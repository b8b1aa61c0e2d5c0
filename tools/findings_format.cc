#include "tools/findings_format.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>

#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/value_parser.h"

namespace pg {

using nlohmann::json;

json EdgeToJson(const PartnershipGraph& graph, EdgeId e) {
  const Edge& edge = graph.GetEdge(e);
  json object{{"from", graph.NodeName(edge.from)}, {"to", graph.NodeName(edge.to)}, {"type", EdgeTypeName(edge.type)}};
  auto number = [&](const char* key, double value) {
    if (Known(value)) object[key] = value;
  };
  number("amount_usd", edge.amount_usd);
  number("stake_pct", edge.stake_pct);
  number("share_pct", edge.share_pct);
  number("revenue_usd", edge.revenue_usd);
  number("capacity_gw", edge.capacity_gw);
  number("confidence", edge.confidence);
  if (edge.start.Known()) object["start"] = edge.start.ToString();
  if (edge.end.Known()) object["end"] = edge.end.ToString();
  if (edge.reported.Known()) object["reported"] = edge.reported.ToString();
  if (edge.scope != kNoString) object["scope"] = graph.Text(edge.scope);
  if (edge.source != kNoString) object["source"] = graph.Text(edge.source);
  const SourceFile& file = graph.Source(edge.origin.source);
  object["file"] = file.file;
  if (!file.sheet.empty()) object["sheet"] = file.sheet;
  object["line"] = edge.origin.line;
  return object;
}

json MetricToJson(const PartnershipGraph& graph, std::uint32_t m) {
  const Metric& metric = graph.Metrics()[m];
  json object{{"entity", graph.NodeName(metric.entity)}, {"metric", graph.Text(metric.metric)}, {"value", metric.value}};
  if (metric.unit != kNoString) object["unit"] = graph.Text(metric.unit);
  if (metric.as_of.Known()) object["as_of"] = metric.as_of.ToString();
  if (metric.basis != kNoString) object["basis"] = graph.Text(metric.basis);
  if (metric.source != kNoString) object["source"] = graph.Text(metric.source);
  if (Known(metric.confidence)) object["confidence"] = metric.confidence;
  const SourceFile& file = graph.Source(metric.origin.source);
  object["file"] = file.file;
  if (!file.sheet.empty()) object["sheet"] = file.sheet;
  object["line"] = metric.origin.line;
  object["metric_row"] = m;
  return object;
}

json FindingToJson(const PartnershipGraph& graph, const Finding& finding) {
  {
    json figures = json::object();
    for (const Figure& figure : finding.figures) figures[figure.name] = figure.value;
    json facts = json::object();
    for (const auto& [key, value] : finding.facts) facts[key] = value;
    json parts = json::array();
    for (const FindingPart& part : finding.parts) {
      json part_figures = json::object();
      for (const Figure& figure : part.figures) part_figures[figure.name] = figure.value;
      parts.push_back({{"node", part.node}, {"figures", part_figures}, {"edges", part.edges}});
    }
    json related = json::array();
    for (EdgeId e : finding.related) {
      json edge = EdgeToJson(graph, e);
      edge["edge"] = e;
      related.push_back(std::move(edge));
    }
    json metrics = json::array();
    for (std::uint32_t m : finding.metrics) metrics.push_back(MetricToJson(graph, m));
    json object{{"pass", finding.pass},
                {"severity", FindingSeverityName(finding.severity)},
                {"subjects", finding.subjects},
                {"figures", figures},
                {"facts", facts},
                {"parts", parts},
                {"related", related},
                {"metrics", metrics},
                {"notes", finding.notes},
                {"message", finding.message}};
    if (!finding.topic.empty()) object["topic"] = finding.topic;
    return object;
  }
}

json FindingsToJson(const PartnershipGraph& graph, const Findings& findings) {
  json list = json::array();
  for (const Finding& finding : findings) list.push_back(FindingToJson(graph, finding));
  return json{{"findings", list}};
}

void PrintFindingsTable(const PartnershipGraph& graph, const Findings& findings, bool why, std::ostream& out) {
  std::string_view current;
  std::size_t index = 0;
  while (index < findings.size()) {
    current = findings[index].pass;
    std::size_t count = 0;
    for (std::size_t j = index; j < findings.size() && findings[j].pass == current; ++j) ++count;
    out << fmt::format("\n{} ({} finding{})\n", current, count, count == 1 ? "" : "s");
    for (; index < findings.size() && findings[index].pass == current; ++index) {
      const Finding& finding = findings[index];
      std::string severity(FindingSeverityName(finding.severity));
      for (char& c : severity) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      out << fmt::format("  {:<8} {}\n", severity, finding.message);
      for (const std::string& note : finding.notes) out << fmt::format("  {:<8} note: {}\n", "", note);
      if (why) {
        for (EdgeId e : finding.related) out << fmt::format("  {:<8} why:  {}\n", "", DescribeEdge(graph, e));
        for (std::uint32_t m : finding.metrics) out << fmt::format("  {:<8} why:  {}\n", "", DescribeMetric(graph, m));
      }
    }
  }
}


void WriteFindingsJson(const PartnershipGraph& graph, const Findings& findings, std::ostream& out) {
  if (findings.empty()) {
    out << FindingsToJson(graph, findings).dump(2) << '\n';
    return;
  }
  // Each finding is dumped on its own and indented to its depth in the document, which gives
  // the same bytes as dumping the whole tree (JSON strings hold no raw newlines).
  std::string text = "{\n  \"findings\": [\n";
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const std::string one = FindingToJson(graph, findings[i]).dump(2);
    text += "    ";
    for (const char c : one) {
      text += c;
      if (c == '\n') text += "    ";
    }
    text += i + 1 < findings.size() ? ",\n" : "\n";
    if (text.size() > (1u << 20)) {
      out << text;
      text.clear();
    }
  }
  out << text << "  ]\n}\n";
}

}  // namespace pg
