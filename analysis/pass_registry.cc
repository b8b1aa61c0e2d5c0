#include "analysis/pass_registry.h"

#include "analysis/brokerage.h"
#include "analysis/circular_deals.h"
#include "analysis/concentration.h"
#include "analysis/conflicts.h"
#include "analysis/control.h"
#include "analysis/dual_backing.h"
#include "analysis/exclusivity.h"
#include "analysis/metric_gap.h"
#include "analysis/revenue_basis.h"
#include "analysis/shared_channel.h"

namespace pg {
namespace {

constexpr PassInfo kPasses[] = {
    {"dual-backing", "which investors (rolled up to their ultimate parent) back two or more rivals?",
     RunDualBacking},
    {"shared-channel", "which channels distribute two or more rivals (with their rolled-up owner)?",
     RunSharedChannel},
    {"exclusivity", "which channels is each company blocked from by an exclusivity, by whom, and what do they carry?",
     RunExclusivity},
    {"control", "who ultimately owns each node, and how much each owner holds through chains (integrated ownership)?",
     RunControl},
    {"concentration", "how concentrated are each company's funders, channels and compute suppliers (HHI 0..10,000)?",
     RunConcentration},
    {"brokerage", "who sits between rival camps (betweenness centrality and Burt's constraint)?", RunBrokerage},
    {"revenue-basis", "gross vs net revenue through channels: partner share, and rivals compared on one basis",
     RunRevenueBasis},
    {"metric-gap", "ratio and gap between rivals on each shared metric, with a linear trend and crossover date",
     RunMetricGap},
    {"circular-deals", "where does money go round: an investor funding its own customer or supplier (rolled up)?",
     RunCircularDeals},
    {"conflicts", "which facts do sources disagree on (same edge or same metric, different figures)?",
     RunConflicts},
};

}  // namespace

std::span<const PassInfo> AllPasses() { return kPasses; }

const PassInfo* FindPass(std::string_view name) {
  for (const PassInfo& pass : kPasses) {
    if (pass.name == name) return &pass;
  }
  return nullptr;
}

}  // namespace pg
