#pragma once
// A pass's answer, as plain data: the pass prints nothing; tools/ formats findings as a table
// or JSON, io/ highlights them in diagrams.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/partnership_graph.h"

namespace pg {

enum class FindingSeverity : std::uint8_t { kInfo, kWarning, kCritical };

std::string_view FindingSeverityName(FindingSeverity severity);
std::optional<FindingSeverity> ParseFindingSeverity(std::string_view text);

/// A named number: `total_usd`, `share_of_funding`, `rivals`.
struct Figure {
  std::string name;
  double value = 0;
};

/// One party's share of a finding (each rival an investor backs), with its evidence.
struct FindingPart {
  std::string node;  ///< node id
  std::vector<Figure> figures;
  std::vector<EdgeId> edges;
};

struct Finding {
  std::string pass;
  FindingSeverity severity = FindingSeverity::kInfo;
  /// Node ids; the first is the party the finding is about (the investor, the channel).
  std::vector<std::string> subjects;
  std::vector<Figure> figures;
  /// Named text facts, e.g. {"owner", "Amazon"}.
  std::vector<std::pair<std::string, std::string>> facts;
  std::vector<FindingPart> parts;
  /// Every edge the finding rests on (counted claims first, then conflicting ones).
  std::vector<EdgeId> related;
  /// Every metric row the finding rests on (MetricId into PartnershipGraph::Metrics()).
  std::vector<std::uint32_t> metrics;
  /// What the finding is about beyond its subjects (a metric name, an edge type), so findings
  /// of one pass about the same nodes stay apart; part of the identity `diff` compares.
  std::string topic;
  /// Caveats a reader must see, e.g. a conflicting claim that was not counted.
  std::vector<std::string> notes;
  std::string message;

  /// The figure named `name`, or nullopt.
  std::optional<double> FigureValue(std::string_view name) const;
  const FindingPart* Part(std::string_view node) const;
};

using Findings = std::vector<Finding>;

}  // namespace pg
