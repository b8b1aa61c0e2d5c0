#include "analysis/pass_registry.h"

#include "analysis/conflicts.h"
#include "analysis/dual_backing.h"
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
    {"revenue-basis", "gross vs net revenue through channels: partner share, and rivals compared on one basis",
     RunRevenueBasis},
    {"metric-gap", "ratio and gap between rivals on each shared metric, with a linear trend and crossover date",
     RunMetricGap},
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
