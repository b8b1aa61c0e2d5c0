#include "tools/findings_format.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>

#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/money.h"
#include "graph/value_parser.h"

namespace pg {

std::string JsonText(const nlohmann::json& value, int indent) {
  return value.dump(indent, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
}

using nlohmann::json;

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

// The amount as stated, when it says more than amount_usd: currency, original_amount,
// qualifier, status.
void AddStatedAmount(const PartnershipGraph& graph, const EdgeDetails& details, json& object) {
  if (details.currency != kNoString) object["currency"] = graph.Text(details.currency);
  if (Known(details.original_amount)) object["original_amount"] = details.original_amount;
  if (details.qualifier != AmountQualifier::kExact) object["qualifier"] = QualifierKey(details.qualifier);
  if (details.status != DealStatus::kUnknown) object["deal_status"] = DealStatusName(details.status);
}

}  // namespace

namespace {

// A changed figure for people: money, shares and scores in their units; absent as "(none)".
std::string ChangedFigureText(const std::string& name, double value) {
  if (!Known(value)) return "(none)";
  if (name.ends_with("_usd")) return FormatUsd(value);
  if (name.ends_with("_share") || name == "score") return FormatPercent(value);
  return fmt::format("{:g}", value);
}

}  // namespace

void PrintFindingChanges(const std::vector<FindingChange>& changes, std::ostream& out) {
  if (changes.empty()) return;
  out << fmt::format("\nfindings changed ({})\n", changes.size());
  for (const FindingChange& change : changes) {
    out << fmt::format("  ~ {}: {}\n", change.after.pass, change.after.message);
    if (!change.subjects_added.empty() || !change.subjects_removed.empty()) {
      std::vector<std::string> marked;
      for (const std::string& s : change.subjects_added) marked.push_back("+ " + s);
      for (const std::string& s : change.subjects_removed) marked.push_back("- " + s);
      out << fmt::format("      subjects: {}\n", fmt::join(marked, ", "));
    }
    for (const FigureChange& figure : change.figures) {
      out << fmt::format("      {}: {} -> {}\n", figure.name, ChangedFigureText(figure.name, figure.before),
                         ChangedFigureText(figure.name, figure.after));
    }
  }
}

json FindingChangeToJson(const FindingChange& change) {
  auto value = [](double figure) { return Known(figure) ? json(figure) : json(nullptr); };
  json figures = json::object();
  for (const FigureChange& figure : change.figures) {
    figures[figure.name] = {{"before", value(figure.before)}, {"after", value(figure.after)}};
  }
  json object{{"pass", change.after.pass},
              {"subjects", change.after.subjects},
              {"figures", figures},
              {"before", change.before.message},
              {"after", change.after.message}};
  if (!change.after.topic.empty()) object["topic"] = change.after.topic;
  if (!change.subjects_added.empty() || !change.subjects_removed.empty()) {
    object["subjects_added"] = change.subjects_added;
    object["subjects_removed"] = change.subjects_removed;
  }
  return object;
}

json EdgeToJson(const PartnershipGraph& graph, EdgeId e, Date as_of) {
  const Edge& edge = graph.GetEdge(e);
  const EdgeDetails& details = graph.Details(edge);
  json object{{"from", graph.NodeName(edge.from)}, {"to", graph.NodeName(edge.to)}, {"type", EdgeTypeName(edge.type)}};
  auto number = [&](const char* key, double value) {
    if (Known(value)) object[key] = value;
  };
  number("amount_usd", edge.amount_usd);
  AddStatedAmount(graph, details, object);
  number("stake_pct", details.stake_pct);
  number("share_pct", details.share_pct);
  number("revenue_usd", details.revenue_usd);
  number("capacity_gw", details.capacity_gw);
  number("confidence", edge.confidence);
  if (edge.start.Known()) object["start"] = edge.start.ToString();
  if (edge.end.Known()) object["end"] = edge.end.ToString();
  if (details.reported.Known()) object["reported"] = details.reported.ToString();
  if (details.scope != kNoString) object["scope"] = graph.Text(details.scope);
  if (edge.source != kNoString) object["source"] = graph.Text(edge.source);
  const SourceFile& file = graph.Source(edge.origin.source);
  object["file"] = file.file;
  if (!file.sheet.empty()) object["sheet"] = file.sheet;
  object["line"] = edge.origin.line;
  if (const std::string_view status = EdgeTimeName(EdgeTimeAsOf(edge, as_of)); !status.empty()) {
    object["status"] = std::string(status);
  }
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

json FindingToJson(const PartnershipGraph& graph, const Finding& finding, Date as_of) {
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
      json edge = EdgeToJson(graph, e, as_of);
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

namespace {

json TalliesToJson(const std::vector<PassTally>& passes) {
  json object = json::object();
  for (const PassTally& tally : passes) {
    object[tally.pass] = {{"found", tally.found},
                          {"below_severity", tally.below_severity},
                          {"cut", tally.cut},
                          {"shown", tally.shown}};
  }
  return object;
}

/// DescribeEdge, with "[ended 2025-06]" or "[planned from 2027]" when the edge is not current.
std::string EvidenceLine(const PartnershipGraph& graph, EdgeId e, Date as_of) {
  const std::string label = EdgeTimeLabel(graph.GetEdge(e), as_of);
  return label.empty() ? DescribeEdge(graph, e) : fmt::format("{} [{}]", DescribeEdge(graph, e), label);
}

void PrintFinding(const PartnershipGraph& graph, const Finding& finding, bool why, Date as_of, std::ostream& out) {
  std::string severity(FindingSeverityName(finding.severity));
  for (char& c : severity) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  out << fmt::format("  {:<8} {}\n", severity, finding.message);
  // A terminal gets the first few caveats of a finding; --why and the JSON have them all.
  constexpr std::size_t kNotesShown = 5;
  const std::size_t notes = why ? finding.notes.size() : std::min(finding.notes.size(), kNotesShown);
  for (std::size_t i = 0; i < notes; ++i) out << fmt::format("  {:<8} note: {}\n", "", finding.notes[i]);
  if (notes < finding.notes.size()) {
    out << fmt::format("  {:<8} note: +{} more notes (--why or --format json lists them)\n", "",
                       finding.notes.size() - notes);
  }
  if (why) {
    for (EdgeId e : finding.related) out << fmt::format("  {:<8} why:  {}\n", "", EvidenceLine(graph, e, as_of));
    for (std::uint32_t m : finding.metrics) out << fmt::format("  {:<8} why:  {}\n", "", DescribeMetric(graph, m));
  }
}

}  // namespace

json FindingsToJson(const PartnershipGraph& graph, const Findings& findings, const std::vector<PassTally>* passes,
                    Date as_of) {
  json list = json::array();
  for (const Finding& finding : findings) list.push_back(FindingToJson(graph, finding, as_of));
  json document{{"as_of", as_of.Known() ? json(as_of.ToString()) : json(nullptr)}, {"findings", list}};
  if (passes) document["passes"] = TalliesToJson(*passes);
  return document;
}

void PrintFindingsTable(const PartnershipGraph& graph, const Findings& findings, bool why, std::ostream& out,
                        const std::vector<PassTally>* passes, Date as_of) {
  std::size_t index = 0;
  if (passes) {
    for (const PassTally& tally : *passes) {
      if (tally.found == 0) continue;
      out << fmt::format("\n{} ({} finding{}{})\n", tally.pass, tally.found, tally.found == 1 ? "" : "s",
                         tally.shown < tally.found ? fmt::format(", {} shown", tally.shown) : std::string());
      for (; index < findings.size() && findings[index].pass == tally.pass; ++index) {
        PrintFinding(graph, findings[index], why, as_of, out);
      }
      if (tally.cut > 0) out << fmt::format("  +{} more (--top 0 lists them all)\n", tally.cut);
      if (tally.below_severity > 0) out << fmt::format("  +{} below --min-severity\n", tally.below_severity);
    }
    return;
  }
  while (index < findings.size()) {
    const std::string_view current = findings[index].pass;
    std::size_t count = 0;
    for (std::size_t j = index; j < findings.size() && findings[j].pass == current; ++j) ++count;
    out << fmt::format("\n{} ({} finding{})\n", current, count, count == 1 ? "" : "s");
    for (; index < findings.size() && findings[index].pass == current; ++index) {
      PrintFinding(graph, findings[index], why, as_of, out);
    }
  }
}


namespace {

// Writes JSON the way nlohmann's dump(2) does: keys in std::map order (sorted bytes), two
// spaces per level, "[]" and "{}" for empty containers, floats by nlohmann's own to_chars.
class JsonStream {
 public:
  explicit JsonStream(std::ostream& out) : out_(out) { buffer_.reserve(kCapacity); }
  ~JsonStream() { Flush(); }

  void Raw(std::string_view text) { buffer_.append(text); }
  void Indent(int level) { buffer_.append(static_cast<std::size_t>(level) * 2, ' '); }
  void String(std::string_view text) {
    bool plain = true;
    for (const char c : text) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte < 0x20 || byte >= 0x80 || c == '"' || c == '\\') {
        plain = false;
        break;
      }
    }
    if (plain) {
      buffer_.push_back('"');
      buffer_.append(text);
      buffer_.push_back('"');
    } else {
      buffer_.append(JsonText(json(std::string(text)), -1));  // escapes; invalid UTF-8 becomes U+FFFD
    }
  }
  void Key(int level, std::string_view key) {
    Indent(level);
    String(key);
    buffer_.append(": ");
  }
  void Unsigned(std::uint64_t value) { fmt::format_to(std::back_inserter(buffer_), "{}", value); }
  void Number(double value) {
    if (!std::isfinite(value)) {
      buffer_.append("null");
      return;
    }
    char digits[64];
    char* end = nlohmann::detail::to_chars(digits, digits + sizeof digits, value);
    buffer_.append(digits, end);
  }
  /// Opens a container; `empty` writes "[]"/"{}" and returns false.
  bool Open(char bracket, bool empty) {
    buffer_.push_back(bracket);
    if (empty) {
      buffer_.push_back(bracket == '[' ? ']' : '}');
      return false;
    }
    buffer_.push_back('\n');
    return true;
  }
  void Close(int level, char bracket) {
    buffer_.push_back('\n');
    Indent(level);
    buffer_.push_back(bracket);
  }
  void Separator(bool first) {
    if (!first) buffer_.append(",\n");
  }
  void MaybeFlush() {
    if (buffer_.size() >= kFlushAt) Flush();
  }
  void Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  // Flushed after every element of a long list, so a finding with 20,000 evidence edges never
  // grows the buffer; the slack above the threshold takes a long message without reallocating.
  static constexpr std::size_t kFlushAt = 1 << 18;
  static constexpr std::size_t kCapacity = 1 << 20;
  std::ostream& out_;
  std::string buffer_;
};

// A JSON object's members as nlohmann keeps them: sorted by key, the last assignment wins.
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

void WriteFigures(JsonStream& js, int level, const std::vector<Figure>& figures) {
  // A part has one to three figures: sort them on the stack (stable insertion sort, the last
  // assignment of a name wins as in AsMap) instead of allocating per part.
  constexpr std::size_t kSmall = 8;
  if (figures.size() > kSmall) {
    std::vector<std::pair<std::string_view, double>> items;
    items.reserve(figures.size());
    for (const Figure& figure : figures) items.emplace_back(figure.name, figure.value);
    const auto members = AsMap(std::move(items));
    js.Open('{', false);
    bool first = true;
    for (const auto& [name, value] : members) {
      js.Separator(first);
      first = false;
      js.Key(level + 1, name);
      js.Number(value);
    }
    js.Close(level, '}');
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
  if (!js.Open('{', count == 0)) return;
  for (std::size_t k = 0; k < count; ++k) {
    js.Separator(k == 0);
    js.Key(level + 1, members[k].first);
    js.Number(members[k].second);
  }
  js.Close(level, '}');
}

void WriteStrings(JsonStream& js, int level, const std::vector<std::string>& strings) {
  if (!js.Open('[', strings.empty())) return;
  bool first = true;
  for (const std::string& text : strings) {
    js.Separator(first);
    first = false;
    js.Indent(level + 1);
    js.String(text);
    js.MaybeFlush();
  }
  js.Close(level, ']');
}

// EdgeToJson plus "edge", members in sorted key order.
void WriteEdge(JsonStream& js, int level, const PartnershipGraph& graph, EdgeId e, Date as_of) {
  const Edge& edge = graph.GetEdge(e);
  const EdgeDetails& details = graph.Details(edge);
  const SourceFile& file = graph.Source(edge.origin.source);
  bool first = true;
  auto key = [&](std::string_view name) {
    js.Separator(first);
    first = false;
    js.Key(level + 1, name);
  };
  auto number = [&](std::string_view name, double value) {
    if (!Known(value)) return;
    key(name);
    js.Number(value);
  };
  auto date = [&](std::string_view name, const Date& value) {
    if (!value.Known()) return;
    key(name);
    js.String(value.ToString());
  };
  auto text = [&](std::string_view name, StrId id) {
    if (id == kNoString) return;
    key(name);
    js.String(graph.Text(id));
  };
  js.Open('{', false);
  number("amount_usd", edge.amount_usd);
  number("capacity_gw", details.capacity_gw);
  number("confidence", edge.confidence);
  text("currency", details.currency);
  if (details.status != DealStatus::kUnknown) {
    key("deal_status");
    js.String(DealStatusName(details.status));
  }
  key("edge");
  js.Unsigned(e);
  date("end", edge.end);
  key("file");
  js.String(file.file);
  key("from");
  js.String(graph.NodeName(edge.from));
  key("line");
  js.Unsigned(edge.origin.line);
  number("original_amount", details.original_amount);
  if (details.qualifier != AmountQualifier::kExact) {
    key("qualifier");
    js.String(QualifierKey(details.qualifier));
  }
  date("reported", details.reported);
  number("revenue_usd", details.revenue_usd);
  text("scope", details.scope);
  number("share_pct", details.share_pct);
  if (!file.sheet.empty()) {
    key("sheet");
    js.String(file.sheet);
  }
  text("source", edge.source);
  number("stake_pct", details.stake_pct);
  date("start", edge.start);
  if (const std::string_view status = EdgeTimeName(EdgeTimeAsOf(edge, as_of)); !status.empty()) {
    key("status");
    js.String(status);
  }
  key("to");
  js.String(graph.NodeName(edge.to));
  key("type");
  js.String(EdgeTypeName(edge.type));
  js.Close(level, '}');
}

// A small value as nlohmann prints it at `level`: the metric rows keep a single definition
// (MetricToJson); only the bulky evidence edges are written by hand above.
void WriteValue(JsonStream& js, int level, const json& value) {
  const std::string text = JsonText(value, 2);
  const std::string indent(static_cast<std::size_t>(level) * 2, ' ');
  for (const char c : text) {
    js.Raw(std::string_view(&c, 1));
    if (c == '\n') js.Raw(indent);
  }
}

void WriteFinding(JsonStream& js, int level, const PartnershipGraph& graph, const Finding& finding, Date as_of) {
  const int inner = level + 1;
  js.Open('{', false);
  // facts
  js.Key(inner, "facts");
  {
    std::vector<std::pair<std::string_view, std::string_view>> items;
    for (const auto& [key, value] : finding.facts) items.emplace_back(key, value);
    const auto members = AsMap(std::move(items));
    if (js.Open('{', members.empty())) {
      bool first = true;
      for (const auto& [key, value] : members) {
        js.Separator(first);
        first = false;
        js.Key(inner + 1, key);
        js.String(value);
      }
      js.Close(inner, '}');
    }
  }
  js.Raw(",\n");
  js.Key(inner, "figures");
  WriteFigures(js, inner, finding.figures);
  js.Raw(",\n");
  js.Key(inner, "message");
  js.String(finding.message);
  js.MaybeFlush();
  js.Raw(",\n");
  js.Key(inner, "metrics");
  if (js.Open('[', finding.metrics.empty())) {
    bool first = true;
    for (std::uint32_t m : finding.metrics) {
      js.Separator(first);
      first = false;
      js.Indent(inner + 1);
      WriteValue(js, inner + 1, MetricToJson(graph, m));
    }
    js.Close(inner, ']');
  }
  js.Raw(",\n");
  js.Key(inner, "notes");
  WriteStrings(js, inner, finding.notes);
  js.Raw(",\n");
  js.Key(inner, "parts");
  if (js.Open('[', finding.parts.empty())) {
    bool first = true;
    for (const FindingPart& part : finding.parts) {
      js.Separator(first);
      first = false;
      js.Indent(inner + 1);
      js.Open('{', false);
      js.Key(inner + 2, "edges");
      if (js.Open('[', part.edges.empty())) {
        bool first_edge = true;
        for (EdgeId e : part.edges) {
          js.Separator(first_edge);
          first_edge = false;
          js.Indent(inner + 3);
          js.Unsigned(e);
        }
        js.Close(inner + 2, ']');
      }
      js.Raw(",\n");
      js.Key(inner + 2, "figures");
      WriteFigures(js, inner + 2, part.figures);
      js.Raw(",\n");
      js.Key(inner + 2, "node");
      js.String(part.node);
      js.Close(inner + 1, '}');
      js.MaybeFlush();
    }
    js.Close(inner, ']');
  }
  js.Raw(",\n");
  js.Key(inner, "pass");
  js.String(finding.pass);
  js.Raw(",\n");
  js.Key(inner, "related");
  if (js.Open('[', finding.related.empty())) {
    // Evidence edges are scattered over a million records, and each needs its record, then its
    // two nodes, then their names. Per chunk, a tight loop touches all of those first: its
    // iterations are independent, so their cache misses overlap instead of stalling the writer
    // one after another.
    const std::vector<EdgeId>& related = finding.related;
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
      js.Separator(k == 0);
      js.Indent(inner + 1);
      WriteEdge(js, inner + 1, graph, related[k], as_of);
      js.MaybeFlush();
    }
    js.Close(inner, ']');
  }
  js.Raw(",\n");
  js.Key(inner, "severity");
  js.String(FindingSeverityName(finding.severity));
  js.Raw(",\n");
  js.Key(inner, "subjects");
  WriteStrings(js, inner, finding.subjects);
  if (!finding.topic.empty()) {
    js.Raw(",\n");
    js.Key(inner, "topic");
    js.String(finding.topic);
  }
  js.Close(level, '}');
}

}  // namespace

void WriteFindingsJson(const PartnershipGraph& graph, const Findings& findings, std::ostream& out,
                       const std::vector<PassTally>* passes, Date as_of) {
  JsonStream js(out);
  js.Open('{', false);
  js.Key(1, "as_of");
  if (as_of.Known()) {
    js.String(as_of.ToString());
  } else {
    js.Raw("null");
  }
  js.Raw(",\n");
  js.Key(1, "findings");
  if (js.Open('[', findings.empty())) {
    bool first = true;
    for (const Finding& finding : findings) {
      js.Separator(first);
      first = false;
      js.Indent(2);
      WriteFinding(js, 2, graph, finding, as_of);
      js.MaybeFlush();
    }
    js.Close(1, ']');
  }
  if (passes) {
    js.Raw(",\n");
    js.Key(1, "passes");
    WriteValue(js, 1, TalliesToJson(*passes));
  }
  js.Close(0, '}');
  js.Raw("\n");
}

}  // namespace pg
