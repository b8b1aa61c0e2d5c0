#include "analysis/pass_registry.h"

#include "analysis/dual_backing.h"
#include "analysis/shared_channel.h"

namespace pg {
namespace {

constexpr PassInfo kPasses[] = {
    {"dual-backing", "which investors (rolled up to their ultimate parent) back two or more rivals?",
     RunDualBacking},
    {"shared-channel", "which channels distribute two or more rivals (with their rolled-up owner)?",
     RunSharedChannel},
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
