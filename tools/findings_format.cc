#include "tools/findings_format.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>

#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/display_name.h"
#include "graph/money.h"
#include "graph/value_parser.h"

namespace pg {

std::string JsonText(const nlohmann::json& value, int indent) {
  return value.dump(indent, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
}

using nlohmann::json;

namespace {

// A changed figure for people: money, shares and scores in their units; absent as "(none)".
std::string ChangedFigureText(const std::string& name, double value) {
  if (!Known(value)) return "(none)";
  if (name.ends_with("_usd")) return FormatUsd(value);
  if (name.ends_with("_share") || name == "score") return FormatPercent(value);
  return fmt::format("{:g}", value);
}

}  // namespace

void PrintFindingChanges(const PartnershipGraph& graph, const std::vector<FindingChange>& changes, std::ostream& out) {
  if (changes.empty()) return;
  out << fmt::format("\nfindings changed ({})\n", changes.size());
  for (const FindingChange& change : changes) {
    out << fmt::format("  ~ {}: {}\n", change.after.pass, change.after.message);
    if (!change.subjects_added.empty() || !change.subjects_removed.empty()) {
      std::vector<std::string> marked;
      for (const std::string& s : change.subjects_added) marked.push_back("+ " + DisplayNameOf(graph, s));
      for (const std::string& s : change.subjects_removed) marked.push_back("- " + DisplayNameOf(graph, s));
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

namespace {

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


}  // namespace pg
