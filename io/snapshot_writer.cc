#include "io/atomic_file.h"
#include "io/snapshot.h"
#include "io/snapshot_codec.h"

namespace pg {

bool WriteSnapshot(const PartnershipGraph& graph, const std::string& path, std::string* error) {
  return WriteFileAtomically(path, SnapshotCodec::Encode(graph), error);
}

}  // namespace pg
