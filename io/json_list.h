#pragma once
// JSON lists written a record at a time with nlohmann's dump(2) layout, so a streamed document is
// byte for byte the dump of the whole tree: each record is a small nlohmann object (members sorted
// by key as its std::map keeps them), dumped alone and indented to its depth.

#include <cstddef>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "io/chunked_text.h"

namespace pg {

/// Appends `value` as `dump(2, ' ', false, replace)` writes it `depth` levels down (invalid UTF-8
/// as U+FFFD): every line after the first indented by 2 * depth more spaces.
void AppendJsonAt(std::string* out, const nlohmann::json& value, int depth);

/// Writes a list of `count` records at `depth` ("[]" when empty): `make(i, record)` fills record
/// i into a cleared object. The text goes to `out` as the records are made.
void WriteJsonList(ChunkedText& out, int depth, std::size_t count,
                   const std::function<void(std::size_t, nlohmann::json&)>& make);

/// Appends `"key": ` after a newline and the indentation of a member `depth` levels down; a
/// comma first unless it is the object's `first` member.
void AppendJsonKey(std::string* out, std::string_view key, int depth, bool first);

}  // namespace pg
