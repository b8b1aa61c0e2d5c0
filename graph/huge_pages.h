#pragma once
// Large arrays that are filled once in random or streaming order (edges, the string index) are
// advised as transparent huge pages: on virtual machines each 4 KiB page fault costs microseconds,
// and a million-edge load otherwise spends a quarter of its time faulting pages in.

#include <cstddef>

namespace pg {

/// Asks the kernel to back the 2 MiB-aligned part of [data, data + bytes) with huge pages.
/// A hint only: ignored where transparent huge pages are off, and for ranges under 2 MiB.
void AdviseHugePages(const void* data, std::size_t bytes);

/// Reserves `count` elements in `vector` and advises the new storage as huge pages.
template <typename Vector>
void ReserveHuge(Vector& vector, std::size_t count) {
  vector.reserve(count);
  AdviseHugePages(vector.data(), vector.capacity() * sizeof(typename Vector::value_type));
}

}  // namespace pg
