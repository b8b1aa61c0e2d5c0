#pragma once
// The report page's only script (inline, no library): the filter box over the findings and the
// node details shown on a click, both driven by the JSON the page embeds. It writes text with
// textContent only, never as HTML, so no name from the data can become markup.

#include <string_view>

namespace pg {

/// The JavaScript of the report page. It contains no `</`, so it cannot close its <script>.
/// On load it also reads the address's fragment: `#q=TEXT` fills the filter, `#node=ID` opens
/// a node's details (links a reader can share, and what the headless-browser tests drive).
std::string_view HtmlReportScript();

}  // namespace pg
