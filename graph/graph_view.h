#pragma once
// What the passes read: the graph as of a date, with ownership rolled up, rival groups and the
// counted claim of each fact (edges and metrics). Built once per command and shared by every pass.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/claims.h"
#include "graph/date.h"
#include "graph/metric_claims.h"
#include "graph/partnership_graph.h"
#include "graph/rivals.h"

namespace pg {

struct ViewOptions {
  Date as_of;  ///< unknown: every edge counts, whatever its dates
};

/// Where an edge stands in time as of the view's date: current, history or not yet begun.
enum class EdgeTime : std::uint8_t {
  kCurrent,  ///< started by the date (or undated) and not ended before it; always, without a date
  kEnded,    ///< its end's last day is before the date's first day (an end of `2025` ran through 2025-12-31)
  kPlanned,  ///< its start's first day is after the date's last day
};

class GraphView {
 public:
  explicit GraphView(const PartnershipGraph& graph, ViewOptions options = {});

  const PartnershipGraph& Graph() const { return graph_; }
  const ViewOptions& Options() const { return options_; }
  /// An edge is active as of D when it started by D (start's first day <= D's last day) and had
  /// not ended before D (end's last day >= D's first day). Without a date every edge is.
  bool Active(EdgeId e) const { return active_[e]; }
  /// Current, ended or planned as of the view's date; Active(e) exactly when current.
  EdgeTime TimeOf(EdgeId e) const;
  /// True when the edge is active and the counted claim of its fact (see claims.h).
  bool Counted(EdgeId e) const { return claims_.Counted(e); }
  /// Counted(e) and of type `type`, from one byte per edge: passes that walk CSR adjacency
  /// (targets and edge ids come with it) test their edges here without reading the 104-byte
  /// edge records, which on a million edges do not fit in any cache.
  bool CountedAs(EdgeId e, EdgeType type) const { return kinds_[e] == (static_cast<std::uint8_t>(type) | kCountedBit); }
  const ClaimSet& Claims() const { return claims_; }
  /// Metrics visible as of the view's date, grouped into facts with the counted claim of each.
  const MetricClaims& Metrics() const { return metric_claims_; }
  VertexId Parent(VertexId v) const { return parents_[v]; }
  VertexId Ultimate(VertexId v) const { return ultimate_[v]; }
  const RivalIndex& Rivals() const { return *rivals_; }

 private:
  /// What one pass over the edge records yields; the rest of the view is built from it.
  struct EdgeScan {
    std::vector<bool> active;
    std::vector<std::uint8_t> kinds;
    std::vector<EdgeId> owns;
    std::vector<std::pair<VertexId, VertexId>> competing;  ///< active competes, no self-loops
  };
  static constexpr std::uint8_t kCountedBit = 0x80;
  static EdgeScan ScanEdges(const PartnershipGraph& graph, Date as_of);
  GraphView(const PartnershipGraph& graph, ViewOptions options, EdgeScan scan);

  const PartnershipGraph& graph_;
  ViewOptions options_;
  std::vector<bool> active_;
  std::vector<std::uint8_t> kinds_;  ///< per edge: its EdgeType, | kCountedBit when counted
  std::vector<VertexId> parents_;
  std::vector<VertexId> ultimate_;
  std::unique_ptr<RivalIndex> rivals_;
  ClaimSet claims_;
  MetricClaims metric_claims_;
};

/// The rule behind GraphView::Active and TimeOf, for one edge.
EdgeTime EdgeTimeAsOf(const Edge& edge, Date as_of);
bool ActiveAsOf(const Edge& edge, Date as_of);

/// "ended" or "planned" (JSON `status`); empty for a current edge.
std::string_view EdgeTimeName(EdgeTime time);
/// For people: "ended 2025-06", "planned from 2027-01"; empty for a current edge.
std::string EdgeTimeLabel(const Edge& edge, Date as_of);

}  // namespace pg
