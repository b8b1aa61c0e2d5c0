#pragma once
// shared-channel: which channels distribute two or more rivals?
//
// A channel is the `from` of a `distributes` edge (Bedrock distributes OpenAI). For each
// channel, its suppliers are grouped into rivals (competes edges or a shared market). A finding
// names the channel (first subject), the rivals it carries, its owner rolled up through `owns`
// (Bedrock -> AWS -> Amazon) and, when known, revenue through the channel and the channel's take.
// When the owner also invests in those rivals, a note says so: one party on both sides.

#include "analysis/pass_registry.h"

namespace pg {

Findings RunSharedChannel(const GraphView& view, const PassOptions& options);

}  // namespace pg
