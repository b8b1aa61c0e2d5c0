#pragma once
// The findings output's records, each described once: a finding, its evidence edges and metric
// rows, a pass tally, the document around them. A writer receives the fields through FieldSink;
// the streamed JSON, the JSON tree and any other format share this one description.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "analysis/finding.h"
#include "graph/date.h"
#include "graph/partnership_graph.h"
#include "io/findings_tally.h"

namespace pg {

/// Receives a document's values in the order of its JSON text: an object's members sorted by key
/// (bytes, as nlohmann's std::map keeps them, so a streaming writer needs no sort), a list's
/// elements in order. `key` is ignored for a list element. Each Begin is closed by one End.
class FieldSink {
 public:
  virtual ~FieldSink() = default;
  virtual void Number(std::string_view key, double value) = 0;  ///< not finite: JSON null
  virtual void Count(std::string_view key, std::uint64_t value) = 0;
  virtual void Text(std::string_view key, std::string_view value) = 0;  ///< bytes as stored; a writer
                                                                        ///< replaces invalid UTF-8
  virtual void Null(std::string_view key) = 0;
  virtual void BeginObject(std::string_view key) = 0;
  virtual void BeginList(std::string_view key) = 0;
  virtual void End() = 0;
  /// After each element of a long list: a streaming writer flushes here.
  virtual void Pause() {}
};

/// An evidence edge's members: amount_usd, capacity_gw, confidence, currency, deal_status, edge
/// (with `with_id`), end, file, from, line, original_amount, qualifier, reported, revenue_usd,
/// scope, share_pct, sheet, source, stake_pct, start, status ("ended" | "planned" when not
/// current as of `as_of`), to, type; absent values are left out.
void EdgeFields(FieldSink& sink, const PartnershipGraph& graph, EdgeId e, Date as_of, bool with_id);

/// A metric row's members: as_of, basis, confidence, entity, file, line, metric, metric_row,
/// sheet, source, unit, value.
void MetricFields(FieldSink& sink, const PartnershipGraph& graph, std::uint32_t m);

/// A finding's members: facts, figures, labels (each subject's label, the id when it has none),
/// message, metrics, notes, parts, pass, related (EdgeFields with "edge"), severity, subjects,
/// topic (when set). Figures and facts named twice keep the last value.
void FindingFields(FieldSink& sink, const PartnershipGraph& graph, const Finding& finding, Date as_of);

/// A pass tally's members: below_severity, cut, found, shown.
void TallyFields(FieldSink& sink, const PassTally& tally);

/// The whole document as one object: as_of (null without a date), findings, and passes (a tally
/// per pass name) when `passes` is given.
void FindingsDocument(FieldSink& sink, const PartnershipGraph& graph, std::span<const Finding> findings,
                      const std::vector<PassTally>* passes, Date as_of);

}  // namespace pg
