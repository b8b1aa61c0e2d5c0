#include "analysis/revenue_basis.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "analysis/evidence.h"
#include "graph/display_name.h"
#include "graph/text.h"
#include "graph/value_parser.h"
#include "graph/counted_edges.h"

namespace pg {
namespace {

// One entity's revenue on one metric, as the view sees it.
struct Revenue {
  VertexId entity = kNoVertex;
  double gross = kMissing, net = kMissing, share = kMissing;
  bool gross_stated = false, net_stated = false;
  Date as_of;
  std::string share_from;
  std::vector<MetricId> metrics;
  std::vector<EdgeId> channels;
  std::vector<std::string> notes;
};

bool IsBasis(const PartnershipGraph& graph, const Metric& metric, std::string_view basis) {
  return EqualsIgnoreCase(Trim(graph.Text(metric.basis)), basis);
}

Revenue Collect(const GraphView& view, VertexId entity, StrId name) {
  const PartnershipGraph& graph = view.Graph();
  const auto& metrics = graph.Metrics();
  Revenue revenue;
  revenue.entity = entity;
  std::optional<MetricId> gross, net, pair_gross, pair_net;
  for (MetricId m : view.Metrics().Series(entity, name)) {
    if (IsBasis(graph, metrics[m], "gross")) gross = m;
    if (IsBasis(graph, metrics[m], "net")) net = m;
    if (gross && net && metrics[*gross].as_of == metrics[*net].as_of) {
      pair_gross = gross;
      pair_net = net;
    }
  }
  // A stated pair at the latest gross date wins; older pairs do not describe today's split.
  if (pair_gross && pair_gross == gross) net = pair_net;
  if (gross) {
    revenue.gross = metrics[*gross].value;
    revenue.gross_stated = true;
    revenue.as_of = metrics[*gross].as_of;
    revenue.metrics.push_back(*gross);
  }
  if (net) {
    revenue.net = metrics[*net].value;
    revenue.net_stated = true;
    if (!gross) revenue.as_of = metrics[*net].as_of;
    revenue.metrics.push_back(*net);
  }

  double channel_share = kMissing;
  ForCountedIn(view, entity, EdgeType::kDistributes, [&](VertexId, EdgeId e) {
    const EdgeDetails& details = graph.Details(graph.GetEdge(e));
    if (!Known(details.revenue_usd) || !Known(details.share_pct)) return;
    channel_share = (Known(channel_share) ? channel_share : 0) + details.revenue_usd * details.share_pct;
    revenue.channels.push_back(e);
  });

  if (gross && net && metrics[*gross].as_of == metrics[*net].as_of) {
    revenue.share = revenue.gross - revenue.net;
    revenue.share_from = "stated gross and net";
    if (Known(channel_share) && channel_share != revenue.share) {
      revenue.notes.push_back(fmt::format("channels' revenue x take gives a partner share of {}, not {}",
                                          FormatUsd(channel_share), FormatUsd(revenue.share)));
    }
  } else if (Known(channel_share)) {
    revenue.share = channel_share;
    revenue.share_from = "channels' revenue x take";
    if (gross && !net) {
      revenue.net = revenue.gross - channel_share;
    } else if (net && !gross) {
      revenue.gross = revenue.net + channel_share;
    }
    if (Known(revenue.net) && revenue.net < 0) {
      revenue.notes.push_back("the channels' share exceeds the stated gross revenue: check the rows");
    }
  }
  return revenue;
}

// A figure on one basis: the value, and whether it is only a bound taken from the other basis.
struct OnBasis {
  double value = kMissing;
  bool bound = false;
};

OnBasis Gross(const Revenue& r) { return Known(r.gross) ? OnBasis{r.gross, false} : OnBasis{r.net, true}; }
OnBasis Net(const Revenue& r) { return Known(r.net) ? OnBasis{r.net, false} : OnBasis{r.gross, true}; }

// Who leads on one basis. `lower_bounds`: a bound is a lower bound (gross from net) or an upper
// bound (net from gross). Returns the leader's index (0 or 1) and whether a bound was used.
struct Lead {
  int leader = 0;
  bool definite = true;
  bool bound = false;
};

Lead Compare(OnBasis a, OnBasis b, bool lower_bounds) {
  Lead lead;
  lead.leader = a.value >= b.value ? 0 : 1;
  lead.bound = a.bound || b.bound;
  if (a.bound && !b.bound) {
    // a's true figure is >= a.value (lower bound) or <= a.value (upper bound).
    lead.definite = lower_bounds ? a.value >= b.value : a.value <= b.value;
    if (!lead.definite) lead.leader = lower_bounds ? 1 : 0;
    if (lead.definite) lead.leader = lower_bounds ? 0 : 1;
  } else if (b.bound && !a.bound) {
    lead.definite = lower_bounds ? b.value >= a.value : b.value <= a.value;
    if (!lead.definite) lead.leader = lower_bounds ? 0 : 1;
    if (lead.definite) lead.leader = lower_bounds ? 1 : 0;
  } else if (a.bound && b.bound) {
    lead.definite = false;
  }
  return lead;
}

std::string Describe(const PartnershipGraph& graph, const Revenue& r, bool gross_basis) {
  const OnBasis figure = gross_basis ? Gross(r) : Net(r);
  const std::string name = DisplayName(graph, r.entity);
  if (!figure.bound) return fmt::format("{} ({})", name, FormatUsd(figure.value));
  return fmt::format("{} ({} {}, {} bound of its {})", name, FormatUsd(figure.value), gross_basis ? "net" : "gross",
                     gross_basis ? "a lower" : "an upper", gross_basis ? "gross" : "net");
}

Finding EntityFinding(const PartnershipGraph& graph, const Revenue& r, std::string_view name) {
  Finding finding;
  finding.pass = "revenue-basis";
  finding.subjects.emplace_back(graph.NodeName(r.entity));
  finding.topic = std::string(name);
  finding.figures.push_back({"gross_usd", r.gross});
  finding.figures.push_back({"net_usd", r.net});
  finding.figures.push_back({"partner_share_usd", r.share});
  const bool share_of_gross = Known(r.gross) && r.gross > 0;
  if (share_of_gross) finding.figures.push_back({"partner_share_of_gross", r.share / r.gross});
  if (r.as_of.Known()) finding.facts.emplace_back("as_of", r.as_of.ToString());
  finding.facts.emplace_back("share_from", r.share_from);
  finding.metrics = r.metrics;
  finding.related = r.channels;
  finding.notes = r.notes;
  finding.message = fmt::format(
      "{} books {} gross and {} net{}: partner share {}{} ({}{}{})", DisplayName(graph, r.entity), FormatUsd(r.gross),
      FormatUsd(r.net), r.as_of.Known() ? " as of " + r.as_of.ToString() : "", FormatUsd(r.share),
      share_of_gross ? fmt::format(" ({} of gross)", FormatPercent(r.share / r.gross)) : "", r.share_from,
      r.gross_stated ? "" : "; gross derived", r.net_stated ? "" : "; net derived");
  return finding;
}

Finding PairFinding(const PartnershipGraph& graph, const Revenue& a, const Revenue& b, std::string_view name) {
  const Revenue* pair[2] = {&a, &b};
  Finding finding;
  finding.pass = "revenue-basis";
  finding.topic = std::string(name) + " rivals";
  finding.subjects = {std::string(graph.NodeName(a.entity)), std::string(graph.NodeName(b.entity))};
  for (const Revenue* r : pair) {
    FindingPart part;
    part.node = graph.NodeName(r->entity);
    if (Known(r->gross)) part.figures.push_back({"gross_usd", r->gross});
    if (Known(r->net)) part.figures.push_back({"net_usd", r->net});
    part.edges = r->channels;
    finding.parts.push_back(std::move(part));
    finding.metrics.insert(finding.metrics.end(), r->metrics.begin(), r->metrics.end());
    finding.related.insert(finding.related.end(), r->channels.begin(), r->channels.end());
  }
  const Lead net = Compare(Net(a), Net(b), /*lower_bounds=*/false);
  const Lead gross = Compare(Gross(a), Gross(b), /*lower_bounds=*/true);
  auto sentence = [&](const Lead& lead, bool gross_basis) {
    const Revenue& leader = *pair[lead.leader];
    const Revenue& other = *pair[1 - lead.leader];
    return fmt::format("on a {} basis {} leads {}{}", gross_basis ? "gross" : "net", Describe(graph, leader, gross_basis),
                       Describe(graph, other, gross_basis), lead.definite ? "" : " on the figures stated");
  };
  finding.facts.emplace_back("net_leader", graph.NodeName(pair[net.leader]->entity));
  finding.facts.emplace_back("net_comparison", net.bound ? "bound" : "stated");
  finding.facts.emplace_back("gross_leader", graph.NodeName(pair[gross.leader]->entity));
  finding.facts.emplace_back("gross_comparison", gross.bound ? "bound" : "stated");
  finding.figures.push_back({"net_gap_usd", std::abs(Net(a).value - Net(b).value)});
  finding.figures.push_back({"gross_gap_usd", std::abs(Gross(a).value - Gross(b).value)});
  finding.severity = net.leader != gross.leader ? FindingSeverity::kWarning : FindingSeverity::kInfo;
  finding.message = fmt::format("{}; {}{}", sentence(net, false), sentence(gross, true),
                                net.leader != gross.leader ? ": the leader depends on the basis" : "");
  return finding;
}

}  // namespace

Findings RunRevenueBasis(const GraphView& view, const PassOptions& options) {
  const PartnershipGraph& graph = view.Graph();
  const auto& metrics = graph.Metrics();
  // Entities per revenue metric name, in first-seen order of the name.
  std::map<StrId, std::vector<VertexId>> entities;
  for (MetricId m : view.Metrics().CountedInOrder()) {
    const Metric& metric = metrics[m];
    if (!graph.Text(metric.metric).starts_with("revenue")) continue;
    if (!IsBasis(graph, metric, "gross") && !IsBasis(graph, metric, "net")) continue;
    std::vector<VertexId>& list = entities[metric.metric];
    if (list.empty() || list.back() != metric.entity) list.push_back(metric.entity);
  }
  Findings findings;
  for (const auto& [name, list] : entities) {
    const std::string_view metric_name = graph.Text(name);
    std::vector<Revenue> revenues;
    for (VertexId entity : list) revenues.push_back(Collect(view, entity, name));
    for (const Revenue& r : revenues) {
      if (Known(r.share) && Known(r.gross) && Known(r.net)) findings.push_back(EntityFinding(graph, r, metric_name));
    }
    for (std::size_t i = 0; i < revenues.size(); ++i) {
      for (std::size_t j = i + 1; j < revenues.size(); ++j) {
        if (view.Rivals().AreRivals(revenues[i].entity, revenues[j].entity)) {
          findings.push_back(PairFinding(graph, revenues[i], revenues[j], metric_name));
        }
      }
    }
  }
  return findings;
}

}  // namespace pg
