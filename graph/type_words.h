#pragma once
// How a type written in a spreadsheet (`Invests In`, `supplies-chips`, `AI Lab`) is compared
// with ours: case, spacing and punctuation do not count. The synonym tables live in types.cc.

#include <string>
#include <string_view>

namespace pg {

/// Lower case, every run of spaces, `_`, `-` and other ASCII punctuation as one space, trimmed:
/// "Invests In", "invests_in" and "INVESTS-IN" all give "invests in". Non-ASCII bytes are kept.
std::string NormaliseTypeWord(std::string_view text);

/// Wordings of an acquisition (`acquires`, `acquired`, `acquisition`): read as `owns`, and the
/// loader says so, since an announced acquisition may not have closed.
bool IsAcquisitionWord(std::string_view text);

}  // namespace pg
