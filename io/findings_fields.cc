#include "io/findings_fields.h"

#include <algorithm>
#include <string>
#include <utility>

#include "graph/graph_view.h"
#include "graph/money.h"
#include "graph/value_parser.h"

namespace pg {
namespace {

// How JSON names a qualifier: "up_to", "approximate", "at_least"; empty for an exact figure.
std::string_view QualifierKey(AmountQualifier qualifier) {
  switch (qualifier) {
    case AmountQualifier::kExact: return "";
    case AmountQualifier::kUpTo: return "up_to";
    case AmountQualifier::kApprox: return "approximate";
    case AmountQualifier::kAtLeast: return "at_least";
  }
  return "";
}

// Named values as a JSON object keeps them: sorted by name, the last of a name wins.
template <typename Value>
std::vector<std::pair<std::string_view, Value>> AsMap(std::vector<std::pair<std::string_view, Value>> items) {
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::pair<std::string_view, Value>> out;
  for (auto& item : items) {
    if (!out.empty() && out.back().first == item.first) {
      out.back().second = item.second;
    } else {
      out.push_back(item);
    }
  }
  return out;
}

void FigureMembers(FieldSink& sink, const std::vector<Figure>& figures) {
  // A part has one to three figures: sort them on the stack (stable insertion sort, the last of
  // a name wins as in AsMap) instead of allocating per part.
  constexpr std::size_t kSmall = 8;
  if (figures.size() > kSmall) {
    std::vector<std::pair<std::string_view, double>> items;
    items.reserve(figures.size());
    for (const Figure& figure : figures) items.emplace_back(figure.name, figure.value);
    for (const auto& [name, value] : AsMap(std::move(items))) sink.Number(name, value);
    return;
  }
  std::pair<std::string_view, double> members[kSmall];
  std::size_t count = 0;
  for (const Figure& figure : figures) {
    const std::string_view name = figure.name;
    std::size_t at = count;
    while (at > 0 && name < members[at - 1].first) --at;
    if (at > 0 && members[at - 1].first == name) {
      members[at - 1].second = figure.value;
      continue;
    }
    for (std::size_t k = count; k > at; --k) members[k] = members[k - 1];
    members[at] = {name, figure.value};
    ++count;
  }
  for (std::size_t k = 0; k < count; ++k) sink.Number(members[k].first, members[k].second);
}

void StringList(FieldSink& sink, std::string_view key, const std::vector<std::string>& strings) {
  sink.BeginList(key);
  for (const std::string& text : strings) {
    sink.Text({}, text);
    sink.Pause();
  }
  sink.End();
}

// Each subject's label; a subject that names no node stays as it is.
void Labels(FieldSink& sink, const PartnershipGraph& graph, const std::vector<std::string>& subjects) {
  sink.BeginList("labels");
  for (const std::string& subject : subjects) {
    const std::optional<VertexId> v = graph.FindNode(subject);
    sink.Text({}, v && graph.NodeName(*v) == subject ? graph.NodeLabel(*v) : std::string_view(subject));
  }
  sink.End();
}

void Parts(FieldSink& sink, const std::vector<FindingPart>& parts) {
  sink.BeginList("parts");
  for (const FindingPart& part : parts) {
    sink.BeginObject({});
    sink.BeginList("edges");
    for (EdgeId e : part.edges) sink.Count({}, e);
    sink.End();
    sink.BeginObject("figures");
    FigureMembers(sink, part.figures);
    sink.End();
    sink.Text("node", part.node);
    sink.End();
    sink.Pause();
  }
  sink.End();
}

void Related(FieldSink& sink, const PartnershipGraph& graph, const std::vector<EdgeId>& related, Date as_of) {
  sink.BeginList("related");
  // Evidence edges are scattered over a million records, and each needs its record, then its
  // two nodes, then their names. Per chunk, a tight loop touches all of those first: its
  // iterations are independent, so their cache misses overlap instead of stalling the writer
  // one after another.
  constexpr std::size_t kChunk = 64;
  for (std::size_t k = 0; k < related.size(); ++k) {
    if (k % kChunk == 0) {
      const std::size_t end = std::min(related.size(), k + kChunk);
      for (std::size_t ahead = k; ahead < end; ++ahead) {
        const Edge& edge = graph.GetEdge(related[ahead]);
        __builtin_prefetch(&edge.origin);  // the record's second cache line
        __builtin_prefetch(graph.NodeName(edge.from).data());
        __builtin_prefetch(graph.NodeName(edge.to).data());
      }
    }
    sink.BeginObject({});
    EdgeFields(sink, graph, related[k], as_of, /*with_id=*/true);
    sink.End();
    sink.Pause();
  }
  sink.End();
}

}  // namespace

void EdgeFields(FieldSink& sink, const PartnershipGraph& graph, EdgeId e, Date as_of, bool with_id) {
  const Edge& edge = graph.GetEdge(e);
  const EdgeDetails& details = graph.Details(edge);
  const SourceFile& file = graph.Source(edge.origin.source);
  auto number = [&](std::string_view key, double value) {
    if (Known(value)) sink.Number(key, value);
  };
  auto date = [&](std::string_view key, const Date& value) {
    if (value.Known()) sink.Text(key, value.ToString());
  };
  auto text = [&](std::string_view key, StrId id) {
    if (id != kNoString) sink.Text(key, graph.Text(id));
  };
  number("amount_usd", edge.amount_usd);
  number("capacity_gw", details.capacity_gw);
  number("confidence", edge.confidence);
  text("currency", details.currency);
  if (details.status != DealStatus::kUnknown) sink.Text("deal_status", DealStatusName(details.status));
  if (with_id) sink.Count("edge", e);
  date("end", edge.end);
  sink.Text("file", file.file);
  sink.Text("from", graph.NodeName(edge.from));
  sink.Count("line", edge.origin.line);
  number("original_amount", details.original_amount);
  if (details.qualifier != AmountQualifier::kExact) sink.Text("qualifier", QualifierKey(details.qualifier));
  date("reported", details.reported);
  number("revenue_usd", details.revenue_usd);
  text("scope", details.scope);
  number("share_pct", details.share_pct);
  if (!file.sheet.empty()) sink.Text("sheet", file.sheet);
  text("source", edge.source);
  number("stake_pct", details.stake_pct);
  date("start", edge.start);
  if (const std::string_view status = EdgeTimeName(EdgeTimeAsOf(edge, as_of)); !status.empty()) {
    sink.Text("status", status);
  }
  sink.Text("to", graph.NodeName(edge.to));
  sink.Text("type", EdgeTypeName(edge.type));
}

void MetricFields(FieldSink& sink, const PartnershipGraph& graph, std::uint32_t m) {
  const Metric& metric = graph.Metrics()[m];
  const SourceFile& file = graph.Source(metric.origin.source);
  auto text = [&](std::string_view key, StrId id) {
    if (id != kNoString) sink.Text(key, graph.Text(id));
  };
  if (metric.as_of.Known()) sink.Text("as_of", metric.as_of.ToString());
  text("basis", metric.basis);
  if (Known(metric.confidence)) sink.Number("confidence", metric.confidence);
  sink.Text("entity", graph.NodeName(metric.entity));
  sink.Text("file", file.file);
  sink.Count("line", metric.origin.line);
  sink.Text("metric", graph.Text(metric.metric));
  sink.Count("metric_row", m);
  if (!file.sheet.empty()) sink.Text("sheet", file.sheet);
  text("source", metric.source);
  text("unit", metric.unit);
  sink.Number("value", metric.value);
}

void FindingFields(FieldSink& sink, const PartnershipGraph& graph, const Finding& finding, Date as_of) {
  sink.BeginObject("facts");
  {
    std::vector<std::pair<std::string_view, std::string_view>> items;
    for (const auto& [key, value] : finding.facts) items.emplace_back(key, value);
    for (const auto& [key, value] : AsMap(std::move(items))) sink.Text(key, value);
  }
  sink.End();
  sink.BeginObject("figures");
  FigureMembers(sink, finding.figures);
  sink.End();
  Labels(sink, graph, finding.subjects);
  sink.Text("message", finding.message);
  sink.Pause();
  sink.BeginList("metrics");
  for (std::uint32_t m : finding.metrics) {
    sink.BeginObject({});
    MetricFields(sink, graph, m);
    sink.End();
  }
  sink.End();
  StringList(sink, "notes", finding.notes);
  Parts(sink, finding.parts);
  sink.Text("pass", finding.pass);
  Related(sink, graph, finding.related, as_of);
  sink.Text("severity", FindingSeverityName(finding.severity));
  StringList(sink, "subjects", finding.subjects);
  if (!finding.topic.empty()) sink.Text("topic", finding.topic);
}

void TallyFields(FieldSink& sink, const PassTally& tally) {
  sink.Count("below_severity", tally.below_severity);
  sink.Count("cut", tally.cut);
  sink.Count("found", tally.found);
  sink.Count("shown", tally.shown);
}

void FindingsDocument(FieldSink& sink, const PartnershipGraph& graph, std::span<const Finding> findings,
                      const std::vector<PassTally>* passes, Date as_of) {
  sink.BeginObject({});
  if (as_of.Known()) {
    sink.Text("as_of", as_of.ToString());
  } else {
    sink.Null("as_of");
  }
  sink.BeginList("findings");
  for (const Finding& finding : findings) {
    sink.BeginObject({});
    FindingFields(sink, graph, finding, as_of);
    sink.End();
    sink.Pause();
  }
  sink.End();
  if (passes) {
    // As an object keeps its members: sorted by pass name, the last tally of a name wins.
    std::vector<std::pair<std::string_view, const PassTally*>> items;
    for (const PassTally& tally : *passes) items.emplace_back(tally.pass, &tally);
    sink.BeginObject("passes");
    for (const auto& [name, tally] : AsMap(std::move(items))) {
      sink.BeginObject(name);
      TallyFields(sink, *tally);
      sink.End();
    }
    sink.End();
  }
  sink.End();
}

}  // namespace pg
