#include "io/json_list.h"

#include "io/findings_json.h"

namespace pg {

void AppendJsonAt(std::string* out, const nlohmann::json& value, int depth) {
  const std::string text = value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::size_t indent = static_cast<std::size_t>(depth) * 2;
  std::size_t begin = 0;
  // A dumped string holds no raw newline (it is escaped), so every newline starts a line.
  for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', begin)) {
    out->append(text, begin, end + 1 - begin);
    out->append(indent, ' ');
    begin = end + 1;
  }
  out->append(text, begin, std::string::npos);
}

void WriteJsonList(ChunkedText& out, int depth, std::size_t count,
                   const std::function<void(std::size_t, nlohmann::json&)>& make) {
  if (count == 0) {
    *out.Text() += "[]";
    return;
  }
  const std::size_t indent = static_cast<std::size_t>(depth + 1) * 2;
  *out.Text() += '[';
  nlohmann::json record;
  for (std::size_t i = 0; i < count; ++i) {
    record = nlohmann::json::object();
    make(i, record);
    *out.Text() += i == 0 ? "\n" : ",\n";
    out.Text()->append(indent, ' ');
    AppendJsonAt(out.Text(), record, depth + 1);
    out.Spill();
  }
  *out.Text() += '\n';
  out.Text()->append(indent - 2, ' ');
  *out.Text() += ']';
}

void AppendJsonKey(std::string* out, std::string_view key, int depth, bool first) {
  *out += first ? "\n" : ",\n";
  out->append(static_cast<std::size_t>(depth) * 2, ' ');
  AppendJsonString(*out, key);
  *out += ": ";
}

}  // namespace pg
