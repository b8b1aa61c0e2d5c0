#pragma once
// exclusivity: which channels is each company blocked from, by whom, and what do they reach?
//
// An `exclusive` edge holder -> grantor gives the holder exclusive rights over the grantor's
// distribution (its `scope` says which). The grantor is then blocked from every channel the
// holder does not own. Channels are (a) nodes that distribute something (the `from` of an active
// `distributes` edge) and (b) other nodes of type or role platform or cloud. Ownership compares
// rolled-up owners (GraphView::Ultimate): Azure is Microsoft's, so Microsoft's exclusivity does
// not block OpenAI from Azure; Bedrock is Amazon's, so it does. Left out: channels of the
// holder's owner, channels of the grantor's own owner (OpenAI's product Frontier is not a channel
// OpenAI is blocked from), and a node of type (b) whose only role here is parent of a listed
// channel (Amazon is represented by AWS and Bedrock). A finding per counted exclusive edge:
// figures `blocked_channels` (all of them; the message states the same number),
// `distributing_channels` (those carrying a supplier), `other_channels` (the (b) channels that
// distribute nothing on record), `listed_channels` and `already_distributing`; subjects grantor,
// holder, then the listed channels. Listed: the 5 best by how many suppliers they carry (then by
// id), "+N more" in the message for the rest; with PassOptions::full_detail every blocked channel.
// One part per listed channel with its rolled-up owner, figure `carries` and up to 10 of its
// distributes edges. A blocked channel that already distributes the grantor gets a note (the
// exclusivity limits rather than prevents it; at most 5, then a count).
// Cost: channels are found, ranked and grouped by owner once; each exclusivity then costs what it
// lists plus the channels of its two owners, and the grantor's degree for the notes.
// Self-exclusivity (holder == grantor) is ignored.

#include "analysis/pass_registry.h"

namespace pg {

Findings RunExclusivity(const GraphView& view, const PassOptions& options);

}  // namespace pg
