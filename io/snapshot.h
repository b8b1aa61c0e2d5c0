#pragma once
// Binary snapshots (`.pgraph`): the built model written whole — strings with their index, nodes,
// edges with their details, metrics, sources, attributes and the topology — so that a query on a
// big input reads arrays instead of parsing text. A snapshot is a cache, not an archive: it is
// tied to the format version and the model layout of the build that wrote it, and any other one
// is refused with the command that re-creates it. Layout: io/snapshot_format.h.

#include <optional>
#include <string>
#include <string_view>

#include "graph/diagnostics.h"
#include "graph/partnership_graph.h"

namespace pg {

inline constexpr std::string_view kSnapshotExtension = ".pgraph";

/// Writes `graph` to `path` atomically (io/atomic_file.h); false with `*error` on failure.
bool WriteSnapshot(const PartnershipGraph& graph, const std::string& path, std::string* error);

/// True when `first_bytes` begin with the snapshot magic ("PGRAPH" and a NUL).
bool HasSnapshotMagic(std::string_view first_bytes);

/// How much of a snapshot is verified on reading. The header (with its checksum) and every
/// offset, length and index are always checked, so no file can make a reader stray; the
/// checksum of the data costs a pass over the whole file and is left to `validate`.
enum class SnapshotCheck { kStructure, kChecksum };

/// The graph a snapshot holds, read from `bytes`; `name` is how messages name the file.
/// Nullopt, with one error at `name` saying what to do, when the file is empty, foreign,
/// truncated, corrupted or written by another format version or model layout.
std::optional<PartnershipGraph> ReadSnapshot(std::string_view bytes, const std::string& name, Diagnostics* diagnostics,
                                             SnapshotCheck check = SnapshotCheck::kStructure);

/// For `validate`: when `path` is a snapshot (a regular file with the magic), checks its header
/// and the checksum of all its data, reporting a problem at `path`. True when it is not a
/// snapshot or the checks pass.
bool VerifySnapshotData(const std::string& path, Diagnostics* diagnostics);

/// The same for a file, mapped into memory rather than read.
std::optional<PartnershipGraph> ReadSnapshotFile(const std::string& path, Diagnostics* diagnostics,
                                                 SnapshotCheck check = SnapshotCheck::kStructure);

}  // namespace pg
