#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <new>

#include <fmt/format.h>

#include "io/snapshot.h"
#include "io/snapshot_codec.h"
#include "io/snapshot_format.h"
#include "io/xxh64.h"

namespace pg {
namespace {

using namespace snapshot;

/// The advice every refusal ends with.
std::string Recreate(const std::string& name) {
  std::string shown = std::filesystem::path(name).filename().string();
  if (shown.empty() || shown.front() == '<') shown = "big.pgraph";
  return fmt::format("re-create it with: partnergraph convert SOURCES -o {}", shown);
}

/// What is wrong with the header, or empty when it can be trusted.
std::string HeaderProblem(std::string_view bytes, const std::string& name) {
  if (bytes.empty()) return "empty file, not a partnergraph snapshot; " + Recreate(name);
  if (!HasSnapshotMagic(bytes)) {
    return "not a partnergraph snapshot (it does not start with \"PGRAPH\"); " + Recreate(name);
  }
  if (bytes.size() < offsetof(Header, fingerprint)) {
    return fmt::format("truncated snapshot ({} bytes, less than its header); {}", bytes.size(), Recreate(name));
  }
  Header header;
  std::memcpy(&header, bytes.data(), offsetof(Header, fingerprint));
  if (header.byte_order != kByteOrderMark) {
    return "written on a machine of the other byte order; " + Recreate(name);
  }
  if (header.version != kFormatVersion) {
    return fmt::format("written by {} partnergraph (format {}; this one reads format {}); {}",
                       header.version < kFormatVersion ? "an older" : "a newer", header.version, kFormatVersion,
                       Recreate(name));
  }
  if (bytes.size() < sizeof(Header)) {
    return fmt::format("truncated snapshot ({} bytes, less than its header); {}", bytes.size(), Recreate(name));
  }
  std::memcpy(&header, bytes.data(), sizeof header);
  if (header.header_checksum != Xxh64(bytes.substr(0, offsetof(Header, header_checksum)))) {
    return "corrupted snapshot (the header's checksum does not match); " + Recreate(name);
  }
  if (header.fingerprint != LayoutFingerprint()) {
    return "written by a partnergraph build with another model layout; " + Recreate(name);
  }
  if (header.file_bytes != bytes.size()) {
    return fmt::format("{} snapshot ({} bytes; it was written with {}); {}",
                       bytes.size() < header.file_bytes ? "truncated" : "damaged", bytes.size(), header.file_bytes,
                       Recreate(name));
  }
  if (header.section_count != kSectionCount || header.payload_offset != sizeof(Header)) {
    return "corrupted snapshot (its header does not describe this format's sections); " + Recreate(name);
  }
  return {};
}

/// Whether the data after a trusted header has the checksum the header gives.
bool PayloadMatches(std::string_view bytes) {
  Header header;
  std::memcpy(&header, bytes.data(), sizeof header);
  return header.payload_checksum == Xxh64(bytes.substr(sizeof(Header)));
}

std::string DataProblem(const std::string& name) {
  return "corrupted snapshot (the checksum of its data does not match); " + Recreate(name);
}

/// A read-only mapping of a whole file, unmapped on destruction.
class MappedFile {
 public:
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  /// Maps `path`; on failure Bytes() is empty and `*error` says why.
  MappedFile(const std::string& path, std::string* error) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat info {};
    if (fd < 0 || ::fstat(fd, &info) != 0) {
      *error = std::strerror(errno);
      if (fd >= 0) ::close(fd);
      return;
    }
    size_ = static_cast<std::size_t>(info.st_size);
    if (size_ > 0) {
      void* at = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (at == MAP_FAILED) {
        *error = std::strerror(errno);
        size_ = 0;
      } else {
        data_ = static_cast<const char*>(at);
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
  }
  std::string_view Bytes() const { return data_ ? std::string_view(data_, size_) : std::string_view(); }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

/// `bytes` copied to memory aligned as a mapping is, so that the graph can view its sections.
std::shared_ptr<const char> AlignedCopy(std::string_view bytes) {
  const std::size_t size = (bytes.size() + kAlignment - 1) / kAlignment * kAlignment;
  char* memory = static_cast<char*>(std::aligned_alloc(kAlignment, std::max<std::size_t>(size, kAlignment)));
  if (!memory) throw std::bad_alloc();
  std::memcpy(memory, bytes.data(), bytes.size());
  return std::shared_ptr<const char>(memory, [](const char* p) { std::free(const_cast<char*>(p)); });
}

/// The graph in `bytes`, kept alive by `keep_alive`, once the header is trusted.
std::optional<PartnershipGraph> Decode(std::string_view bytes, std::shared_ptr<const void> keep_alive,
                                       const std::string& name, Diagnostics* diagnostics, SnapshotCheck check) {
  if (check == SnapshotCheck::kChecksum && !PayloadMatches(bytes)) {
    diagnostics->Error({name}, DataProblem(name));
    return std::nullopt;
  }
  PartnershipGraph graph;
  std::string why;
  if (!SnapshotCodec::Decode(bytes, std::move(keep_alive), &graph, &why)) {
    diagnostics->Error({name}, fmt::format("corrupted snapshot ({}); {}", why, Recreate(name)));
    return std::nullopt;
  }
  return graph;
}

}  // namespace

bool HasSnapshotMagic(std::string_view first_bytes) {
  return first_bytes.size() >= sizeof kMagic && std::memcmp(first_bytes.data(), kMagic, sizeof kMagic) == 0;
}

std::optional<PartnershipGraph> ReadSnapshot(std::string_view bytes, const std::string& name, Diagnostics* diagnostics,
                                             SnapshotCheck check) {
  const std::string problem = HeaderProblem(bytes, name);
  if (!problem.empty()) {
    diagnostics->Error({name}, problem);
    return std::nullopt;
  }
  std::shared_ptr<const char> copy = AlignedCopy(bytes);
  const std::string_view aligned(copy.get(), bytes.size());
  return Decode(aligned, std::move(copy), name, diagnostics, check);
}

bool VerifySnapshotData(const std::string& path, Diagnostics* diagnostics) {
  std::error_code not_regular;
  if (!std::filesystem::is_regular_file(path, not_regular)) return true;
  std::string error;
  const MappedFile file(path, &error);
  if (!error.empty() || !HasSnapshotMagic(file.Bytes())) return true;  // not a snapshot: the loader says why
  std::string problem = HeaderProblem(file.Bytes(), path);
  if (problem.empty() && !PayloadMatches(file.Bytes())) problem = DataProblem(path);
  if (problem.empty()) return true;
  diagnostics->Error({path}, problem);
  return false;
}

std::optional<PartnershipGraph> ReadSnapshotFile(const std::string& path, Diagnostics* diagnostics,
                                                 SnapshotCheck check) {
  std::string error;
  auto file = std::make_shared<const MappedFile>(path, &error);
  if (!error.empty()) {
    diagnostics->Error({path}, "cannot read: " + error);
    return std::nullopt;
  }
  // The graph views the mapping: no copy of its arrays, and the mapping lives as long as it.
  const std::string_view bytes = file->Bytes();
  const std::string problem = HeaderProblem(bytes, path);
  if (!problem.empty()) {
    diagnostics->Error({path}, problem);
    return std::nullopt;
  }
  return Decode(bytes, std::move(file), path, diagnostics, check);
}

}  // namespace pg
