#pragma once
// XXH64 (Yann Collet's xxHash, 64-bit, seed 0): a checksum fast enough to verify a snapshot of a
// million edges in a few milliseconds. Written here because Debian's libxxhash-dev is not among
// the build dependencies; the figures match the reference (XXH64("") = 0xEF46DB3751D8E999).

#include <cstdint>
#include <string_view>

namespace pg {

/// The XXH64 hash of `bytes` with seed 0.
std::uint64_t Xxh64(std::string_view bytes);

}  // namespace pg
