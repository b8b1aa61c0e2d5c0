#include "analysis/metric_gap.h"

#include <algorithm>
#include <array>
#include <functional>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/display_name.h"
#include "graph/text.h"
#include "graph/value_parser.h"

namespace pg {
namespace {

struct Observation {
  Date as_of;
  double gap = 0;      ///< a − b
  bool exact = false;  ///< both values reported at this date, none carried forward
  std::vector<MetricId> rows;
};

/// A change of leader between two observations: `to` leads from then on.
struct Crossover {
  Date from, to;
  bool a_leads = false;
};

std::string Lower(const PartnershipGraph& graph, StrId id) { return ToLower(Trim(graph.Text(id))); }

// The node a stated gap row compares against: its `versus` (or `vs`) attribute.
VertexId Versus(const PartnershipGraph& graph, const Metric& metric) {
  for (const auto& [key, value] : graph.AttributeSet(metric.attributes)) {
    const std::string_view name = Trim(graph.Text(key));
    if (EqualsIgnoreCase(name, "versus") || EqualsIgnoreCase(name, "vs")) {
      return graph.FindNode(Trim(graph.Text(value))).value_or(kNoVertex);
    }
  }
  return kNoVertex;
}

std::string Number(double value) { return fmt::format("{:g}", std::round(value * 1000) / 1000); }

std::string WithUnit(const PartnershipGraph& graph, const Metric& metric, double value) {
  const std::string_view unit = graph.Text(metric.unit);
  if (EqualsIgnoreCase(unit, "usd")) return FormatUsd(value);
  return unit.empty() ? Number(value) : fmt::format("{} {}", Number(value), unit);
}

// Least-squares slope of y over x.
double Slope(const std::vector<std::pair<double, double>>& points) {
  double mx = 0, my = 0;
  for (const auto& [x, y] : points) { mx += x; my += y; }
  mx /= points.size();
  my /= points.size();
  double sxy = 0, sxx = 0;
  for (const auto& [x, y] : points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) * (x - mx);
  }
  return sxx > 0 ? sxy / sxx : 0;
}

struct PairContext {
  const GraphView& view;
  VertexId a, b;
  StrId metric;
};

void Base(Finding& finding, const PartnershipGraph& graph, VertexId leader, VertexId other, StrId metric,
          const std::string& basis) {
  finding.pass = "metric-gap";
  finding.subjects = {std::string(graph.NodeName(leader)), std::string(graph.NodeName(other))};
  finding.topic = basis.empty() ? std::string(graph.Text(metric)) : fmt::format("{} {}", graph.Text(metric), basis);
  finding.facts.emplace_back("metric", graph.Text(metric));
  if (!basis.empty()) finding.facts.emplace_back("basis", basis);
}

void AddRatioAndGap(Finding& finding, double leader_value, double other_value) {
  finding.figures.push_back({"leader_value", leader_value});
  finding.figures.push_back({"other_value", other_value});
  if (other_value > 0) finding.figures.push_back({"ratio", leader_value / other_value});
  finding.figures.push_back({"gap", leader_value - other_value});
}

std::string RatioText(double leader_value, double other_value) {
  return other_value > 0 ? fmt::format("{}×, ", Number(leader_value / other_value)) : "";
}

std::optional<Finding> Forecast(const PairContext& c, const std::vector<MetricId>& a_rows,
                                const std::vector<MetricId>& b_rows, const std::string& basis) {
  const PartnershipGraph& graph = c.view.Graph();
  const auto& metrics = graph.Metrics();
  if (a_rows.empty() || b_rows.empty()) return std::nullopt;
  MetricId ma = a_rows.back(), mb = b_rows.back();  // series are by as_of: the latest forecast
  if (metrics[ma].value < metrics[mb].value) std::swap(ma, mb);
  const Metric &lead = metrics[ma], &other = metrics[mb];
  Finding finding;
  Base(finding, graph, lead.entity, other.entity, c.metric, basis);
  AddRatioAndGap(finding, lead.value, other.value);
  finding.facts.emplace_back("leader_as_of", lead.as_of.ToString());
  finding.facts.emplace_back("other_as_of", other.as_of.ToString());
  finding.metrics = {ma, mb};
  auto when = [](const Metric& m) { return m.as_of.Known() ? " by " + m.as_of.ToString() : std::string(); };
  finding.message = fmt::format("{} ({}): {} {}{} vs {} {}{}: {}gap {}", graph.Text(c.metric), basis,
                                DisplayName(graph, lead.entity), WithUnit(graph, lead, lead.value), when(lead),
                                DisplayName(graph, other.entity),
                                WithUnit(graph, other, other.value), when(other), RatioText(lead.value, other.value),
                                WithUnit(graph, lead, lead.value - other.value));
  return finding;
}

/// The last of `rows` (sorted by as_of, undated first) dated at or before `date`.
std::optional<MetricId> LatestAtOrBefore(std::span<const Metric> metrics, const std::vector<MetricId>& rows,
                                         Date date) {
  std::optional<MetricId> latest;
  for (MetricId m : rows) {
    if (metrics[m].as_of <= date) latest = m;
  }
  return latest;
}

/// One observation per date either rival reported, each side's latest value carried forward;
/// a stated gap fills a date without one or replaces carried values, and corroborates an equal
/// gap of two values reported that day.
std::map<Date, Observation> Observations(const PairContext& c, const std::vector<MetricId>& a_rows,
                                         const std::vector<MetricId>& b_rows, const std::vector<MetricId>& stated) {
  const auto& metrics = c.view.Graph().Metrics();
  std::map<Date, Observation> observations;
  for (const auto* rows : {&a_rows, &b_rows}) {
    for (MetricId m : *rows) {
      const Date date = metrics[m].as_of;
      if (!date.Known() || observations.count(date)) continue;
      const auto ma = LatestAtOrBefore(metrics, a_rows, date), mb = LatestAtOrBefore(metrics, b_rows, date);
      if (!ma || !mb) continue;
      const bool exact = metrics[*ma].as_of == date && metrics[*mb].as_of == date;
      observations[date] = Observation{date, metrics[*ma].value - metrics[*mb].value, exact, {*ma, *mb}};
    }
  }
  for (MetricId m : stated) {
    const Metric& metric = metrics[m];
    if (!metric.as_of.Known()) continue;
    const double gap = metric.entity == c.a ? metric.value : -metric.value;
    auto found = observations.find(metric.as_of);
    if (found == observations.end() || !found->second.exact) {
      observations[metric.as_of] = Observation{metric.as_of, gap, false, {m}};
    } else if (std::abs(found->second.gap - gap) < 1e-9 * std::max(1.0, std::abs(gap))) {
      found->second.rows.push_back(m);  // corroborates the computed gap
    }
  }
  return observations;
}

/// The last change of leader in the history, if any (a tie leads nobody and changes nothing).
std::optional<Crossover> LastCrossover(const std::map<Date, Observation>& observations) {
  std::optional<Crossover> last;
  int previous_sign = 0;
  Date previous_date;
  for (const auto& [date, o] : observations) {
    const int sign = std::abs(o.gap) < 1e-12 ? 0 : (o.gap > 0 ? 1 : -1);
    if (sign == 0) continue;
    if (previous_sign != 0 && sign != previous_sign) last = Crossover{previous_date, date, sign > 0};
    previous_sign = sign;
    previous_date = date;
  }
  return last;
}

/// "metric (basis, 2026-04): A v vs B v: " when both values share a date, else
/// "metric (basis): A v (2026-04) vs B v (2025-12): ".
std::string Comparison(const PartnershipGraph& graph, StrId metric, const std::string& basis, const Metric& lead,
                       const Metric& other) {
  auto value = [&](const Metric& m, bool dated) {
    const std::string text = fmt::format("{} {}", DisplayName(graph, m.entity), WithUnit(graph, m, m.value));
    return dated && m.as_of.Known() ? fmt::format("{} ({})", text, m.as_of.ToString()) : text;
  };
  const bool same = lead.as_of == other.as_of;
  std::vector<std::string> about;
  if (!basis.empty()) about.push_back(basis);
  if (same && lead.as_of.Known()) about.push_back(lead.as_of.ToString());
  const std::string heading = about.empty() ? std::string(graph.Text(metric))
                                            : fmt::format("{} ({})", graph.Text(metric), fmt::join(about, ", "));
  return fmt::format("{}: {} vs {}: ", heading, value(lead, !same), value(other, !same));
}

/// Trend of the leader's gap over the observations: a past crossover, or a projected one when
/// the gap is closing; appended to the finding and its message.
/// `show` prints a gap in the metric's unit; `names` are the subjects for people.
void AddTrend(const std::map<Date, Observation>& observations, double sign, const std::function<std::string(double)>& show,
              const std::array<std::string, 2>& names, Finding& finding, std::string& message) {
  std::vector<std::pair<double, double>> points;
  for (const auto& [date, o] : observations) points.emplace_back(date.MonthIndex(), sign * o.gap);
  const double slope = Slope(points);
  const Observation& first = observations.begin()->second;
  const Observation& latest = observations.rbegin()->second;
  finding.figures.push_back({"first_gap", sign * first.gap});
  finding.facts.emplace_back("first_as_of", first.as_of.ToString());
  finding.figures.push_back({"trend_per_month", slope});
  if (const std::optional<Crossover> crossover = LastCrossover(observations)) {
    const std::size_t now = crossover->a_leads == (sign > 0) ? 0 : 1;
    finding.facts.emplace_back("crossover_from", crossover->from.ToString());
    finding.facts.emplace_back("crossover_to", crossover->to.ToString());
    finding.facts.emplace_back("new_leader", finding.subjects[now]);
    finding.severity = FindingSeverity::kWarning;
    message += fmt::format("; {} overtook {} between {} and {}", names[now], names[1 - now], crossover->from.ToString(),
                           crossover->to.ToString());
    return;
  }
  const double months = latest.as_of.MonthIndex() - first.as_of.MonthIndex();
  message += fmt::format("; gap {} → {} from {} to {} ({} months, {}{} per month)", show(sign * first.gap),
                         show(sign * latest.gap), first.as_of.ToString(), latest.as_of.ToString(), Number(months),
                         slope < 0 ? "-" : "+", show(std::abs(slope)));
  const double gap = sign * latest.gap;
  // The fit can rise over a history whose last step fell (4.5 -> 12 -> 3.9): never call that
  // widening; say the gap narrowed since the previous observation.
  const Observation& previous = std::prev(observations.end(), 2)->second;
  const bool last_step_narrowed = gap < sign * previous.gap;
  if (slope > 0 && last_step_narrowed) {
    finding.facts.emplace_back("narrowing_since", previous.as_of.ToString());
    message += fmt::format(": narrowing since {} (from {}){}", previous.as_of.ToString(), show(sign * previous.gap),
                           gap > sign * first.gap ? ", still wider than at the start" : "");
    return;
  }
  if (slope < 0 && gap > 0) {
    const double crossover = gap / -slope;
    const Date when = DateAtMonthIndex(latest.as_of.MonthIndex() + crossover);
    finding.figures.push_back({"crossover_months", crossover});
    finding.facts.emplace_back("crossover_date", when.ToString());
    finding.severity = FindingSeverity::kWarning;
    message += fmt::format(": at that pace {} overtakes {} in about {} months ({})", names[1], names[0],
                           fmt::format("{:.1f}", crossover), when.ToString());
  } else {
    message += slope > 0 ? ": widening" : ": not closing";
  }
}

std::optional<Finding> Actual(const PairContext& c, const std::vector<MetricId>& a_rows,
                              const std::vector<MetricId>& b_rows, const std::vector<MetricId>& stated,
                              const std::string& basis) {
  const PartnershipGraph& graph = c.view.Graph();
  const auto& metrics = graph.Metrics();
  if (a_rows.empty() || b_rows.empty()) return std::nullopt;
  const Metric& a_value = metrics[a_rows.back()];  // series are by as_of: each rival's latest value
  const Metric& b_value = metrics[b_rows.back()];
  const bool a_leads = a_value.value >= b_value.value;
  const Metric& lead = a_leads ? a_value : b_value;
  const Metric& other = a_leads ? b_value : a_value;
  const Date latest_date = std::max(a_value.as_of, b_value.as_of);
  const std::map<Date, Observation> observations = Observations(c, a_rows, b_rows, stated);

  Finding finding;
  Base(finding, graph, lead.entity, other.entity, c.metric, basis);
  AddRatioAndGap(finding, lead.value, other.value);
  if (latest_date.Known()) finding.facts.emplace_back("as_of", latest_date.ToString());
  if (lead.as_of != other.as_of) {
    finding.facts.emplace_back("leader_as_of", lead.as_of.ToString());
    finding.facts.emplace_back("other_as_of", other.as_of.ToString());
  }
  std::vector<MetricId> rows;  // the history by date, then the latest values if not in it
  for (const auto& [date, o] : observations) rows.insert(rows.end(), o.rows.begin(), o.rows.end());
  rows.insert(rows.end(), {a_rows.back(), b_rows.back()});
  for (MetricId m : rows) {
    if (std::find(finding.metrics.begin(), finding.metrics.end(), m) == finding.metrics.end()) finding.metrics.push_back(m);
  }
  std::string message = Comparison(graph, c.metric, basis, lead, other) +
                        fmt::format("{}gap {}", RatioText(lead.value, other.value),
                                    WithUnit(graph, lead, lead.value - other.value));
  if (observations.size() >= 2 && observations.rbegin()->first == latest_date) {
    AddTrend(observations, a_leads ? 1.0 : -1.0, [&](double value) { return WithUnit(graph, lead, value); },
             {DisplayName(graph, lead.entity), DisplayName(graph, other.entity)}, finding, message);
  }
  finding.message = std::move(message);
  return finding;
}

}  // namespace

Date DateAtMonthIndex(double month_index) {
  const long whole = static_cast<long>(std::floor(month_index));
  return Date::FromParts(static_cast<int>(whole / 12), static_cast<int>(whole % 12) + 1);
}

Findings RunMetricGap(const GraphView& view, const PassOptions& options) {
  const PartnershipGraph& graph = view.Graph();
  const auto& metrics = graph.Metrics();
  // metric name -> entity -> basis -> counted rows by as_of; stated gaps apart.
  std::map<StrId, std::map<VertexId, std::map<std::string, std::vector<MetricId>>>> table;
  std::map<StrId, std::vector<MetricId>> stated_gaps;
  for (MetricId m : view.Metrics().CountedInOrder()) {
    const Metric& metric = metrics[m];
    const std::string basis = Lower(graph, metric.basis);
    if (basis == "gap") {
      if (Versus(graph, metric) != kNoVertex) stated_gaps[metric.metric].push_back(m);
      continue;
    }
    table[metric.metric][metric.entity][basis].push_back(m);
  }
  Findings findings;
  for (const auto& [name, by_entity] : table) {
    if (by_entity.size() < 2) continue;
    for (auto i = by_entity.begin(); i != by_entity.end(); ++i) {
      for (auto j = std::next(i); j != by_entity.end(); ++j) {
        const VertexId a = i->first, b = j->first;
        if (a == b || !view.Rivals().AreRivals(a, b)) continue;
        const PairContext context{view, a, b, name};
        std::vector<MetricId> stated;
        for (MetricId m : stated_gaps[name]) {
          const VertexId entity = metrics[m].entity, versus = Versus(graph, metrics[m]);
          if ((entity == a && versus == b) || (entity == b && versus == a)) stated.push_back(m);
        }
        for (const auto& [basis, a_rows] : i->second) {
          auto other = j->second.find(basis);
          if (other == j->second.end()) continue;
          std::optional<Finding> finding =
              IsForecastBasis(basis) ? Forecast(context, a_rows, other->second, basis)
                                     : Actual(context, a_rows, other->second, stated, basis);
          if (finding) findings.push_back(std::move(*finding));
        }
      }
    }
  }
  return findings;
}

}  // namespace pg
