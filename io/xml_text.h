#pragma once
// Text for the XML exports (GraphML, GEXF): whatever a model holds must give a well-formed
// file, so escaping also repairs what XML 1.0 cannot carry. The loader never lets bad bytes
// in, but a writer must not trust that (a graph built in code, a future reader).

#include <string>
#include <string_view>

namespace pg {

/// Appends `text` escaped for XML character data or a double-quoted attribute: `& < > " '`
/// as entities, tab, LF and CR as character references (so attribute values keep them),
/// bytes that are not UTF-8 and characters XML 1.0 forbids (other C0 controls, U+FFFE,
/// U+FFFF) as U+FFFD.
void AppendXmlText(std::string* out, std::string_view text);

/// The same, returned.
std::string XmlText(std::string_view text);

/// Length of the UTF-8 sequence at the start of `text`, or 0 when it is not one (overlong
/// forms, surrogates and code points past U+10FFFF included).
std::size_t Utf8SequenceLength(std::string_view text);

/// `text` with every byte that is not UTF-8 replaced by U+FFFD (for JSON and CSV exports).
std::string ValidUtf8(std::string_view text);

}  // namespace pg
