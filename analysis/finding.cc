#include "analysis/finding.h"

#include "graph/text.h"

namespace pg {

std::string_view FindingSeverityName(FindingSeverity severity) {
  switch (severity) {
    case FindingSeverity::kInfo: return "info";
    case FindingSeverity::kWarning: return "warning";
    case FindingSeverity::kCritical: return "critical";
  }
  return "info";
}

std::optional<FindingSeverity> ParseFindingSeverity(std::string_view text) {
  for (FindingSeverity s : {FindingSeverity::kInfo, FindingSeverity::kWarning, FindingSeverity::kCritical}) {
    if (EqualsIgnoreCase(Trim(text), FindingSeverityName(s))) return s;
  }
  return std::nullopt;
}

std::optional<double> Finding::FigureValue(std::string_view name) const {
  for (const Figure& figure : figures) {
    if (figure.name == name) return figure.value;
  }
  return std::nullopt;
}

const FindingPart* Finding::Part(std::string_view node) const {
  for (const FindingPart& part : parts) {
    if (part.node == node) return &part;
  }
  return nullptr;
}

}  // namespace pg
