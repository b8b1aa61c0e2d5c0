#pragma once
// A text document written as it is made: the writer appends to Text() and calls Spill() after each
// record, and every mebibyte or so goes to the stream. A million-edge export then needs the model
// plus a chunk, not the model plus the whole document (the document was 2-6 times the model).

#include <functional>
#include <ostream>
#include <string>

namespace pg {

class ChunkedText {
 public:
  explicit ChunkedText(std::ostream& out) : out_(out) { text_.reserve(kChunk + (kChunk >> 2)); }
  ChunkedText(const ChunkedText&) = delete;
  ChunkedText& operator=(const ChunkedText&) = delete;
  /// Writes what is left.
  ~ChunkedText() { Flush(); }

  /// Where to append.
  std::string* Text() { return &text_; }
  /// Hands the text to the stream once it holds a chunk.
  void Spill() {
    if (text_.size() >= kChunk) Flush();
  }
  void Flush() {
    out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
    text_.clear();
  }

 private:
  static constexpr std::size_t kChunk = std::size_t{1} << 20;

  std::ostream& out_;
  std::string text_;
};

/// Creates (truncates) `path`, writes the document `write` streams into it and fsyncs it; on
/// failure false with the errno text in `*why` (WriteAndSync for a document made as it goes).
bool WriteAndSyncStream(const std::string& path, const std::function<void(std::ostream&)>& write, std::string* why);

/// Writes the document `write` streams into `path` through an AtomicFile (a temporary file, fsynced,
/// then put in place; a FIFO or device gets it copied whole), so a failure or a fatal signal
/// leaves no partial output. False with "cannot write PATH: why".
bool WriteStreamAtomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           std::string* error);

}  // namespace pg
