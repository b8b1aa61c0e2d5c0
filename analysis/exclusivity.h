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
// subjects grantor, holder, then the blocked channels; one part per blocked channel with its
// rolled-up owner, how many suppliers it carries (figure `carries`, 0 for (b) channels that
// distribute nothing on record) and up to 10 of its distributes edges. A blocked channel that
// already distributes the grantor gets a note (the exclusivity limits rather than prevents it).
// Self-exclusivity (holder == grantor) is ignored.

#include "analysis/pass_registry.h"

namespace pg {

Findings RunExclusivity(const GraphView& view, const PassOptions& options);

}  // namespace pg
