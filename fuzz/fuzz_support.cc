#include "fuzz/fuzz_support.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "analysis/pass_registry.h"
#include "graph/graph_builder.h"
#include "graph/graph_view.h"
#include "io/table_loader.h"

namespace pg::fuzz {

MemFile::MemFile(const char* name) : fd_(memfd_create(name, MFD_CLOEXEC)) {
  if (fd_ < 0) {
    std::perror("memfd_create");
    std::abort();
  }
  path_ = "/proc/self/fd/" + std::to_string(fd_);
}

MemFile::~MemFile() { close(fd_); }

void MemFile::Write(const std::uint8_t* data, std::size_t size) {
  if (ftruncate(fd_, 0) != 0) std::abort();
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = pwrite(fd_, data + done, size - done, static_cast<off_t>(done));
    if (n <= 0) std::abort();
    done += static_cast<std::size_t>(n);
  }
}

void LoadBuildAnalyze(const ReadFunction& read, bool lenient) {
  Diagnostics diagnostics;
  GraphBuilder builder(&diagnostics);
  TableLoader loader(&builder, &diagnostics, lenient);
  const bool ok = read(loader, &diagnostics);
  loader.AddPendingNodes();
  const PartnershipGraph graph = builder.Build();
  // Formatting re-reads CSV rows for character columns: part of what a user's run does.
  for (const Diagnostic& diagnostic : diagnostics.All()) FormatDiagnostic(diagnostic);
  if (!ok || diagnostics.HasErrors()) return;
  const GraphView view(graph);
  for (const PassInfo& pass : AllPasses()) pass.run(view, PassOptions{});
}

bool ValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xe0) == 0xc0) {
      length = 2, code = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      length = 3, code = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      length = 4, code = c & 0x07;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const unsigned char next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xc0) != 0x80) return false;
      code = (code << 6) | (next & 0x3f);
    }
    static constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[length] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
    i += length;
  }
  return true;
}

}  // namespace pg::fuzz
