// Frames one part of split NDJSON input on a mapping thread. RecordSource::SplitRest explains
// the parts.
#include <simdjson.h>

#include <algorithm>
#include <cstring>

#include "runtime/input_framers.h"

namespace weft::runtime {
namespace {

// Read past the part's end with its bytes, so that the line that crosses the end is usually
// complete without a second read.
constexpr size_t kReadPastEnd = 16 * 1024;

// Frames the lines that start in a part. The buffer contains the input from `first_`, which is
// the part's first byte, or the byte before it when that byte decides whether a line starts there.
class PartFramer {
 public:
  PartFramer(const ByteInput& input, const SourceOptions& options, char line_break, Batch& batch)
      : input_(input),
        options_(options),
        line_break_(line_break),
        batch_(batch),
        part_(*batch.part),
        first_(part_.begins_line ? part_.begin : part_.begin - 1) {}

  bool Frame(std::string& error) {
    batch_.records.clear();
    batch_.buffer.Resize(0);
    part_.line_breaks = 0;
    part_.cut_short.clear();
    if (!ReadMore(part_.end - first_ + kReadPastEnd, error)) return false;
    size_t at = 0;
    if (!part_.begins_line) {
      // The byte before the part ends a line, or the part's first line starts after a break.
      size_t next = FindBreak(0, EndIndex());
      if (next == kNone) {
        CutBefore(part_.end - first_);
        return true;
      }
      at = next + 1;
      if (at > 1) ++part_.line_breaks;
    }
    while (at < EndIndex()) {
      size_t next = FindBreak(at, size());
      const size_t head_end = at + LineHeadBytes(options_.max_record_bytes);
      while (next == kNone && !at_end_ && size() < head_end) {
        size_t searched = size();
        if (!ReadMore(std::min(head_end, size() + std::max(size(), kReadPastEnd)), error))
          return false;
        next = FindBreak(searched, size());
      }
      if (next == kNone) {
        // A line whose break is not among its head bytes is over the limit. Its break lies past
        // the part's end, so the lines after it belong to later parts. The last line of the
        // input may lack its line break, but a line cut off by a shrinking file is dropped.
        if (CutBefore(part_.input_size - first_)) return true;
        AddLine(at, size() - at);
        return true;
      }
      AddLine(at, next - at);
      if (next < EndIndex()) ++part_.line_breaks;
      at = next + 1;
    }
    CutBefore(part_.end - first_);
    return true;
  }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  size_t size() const { return batch_.buffer.size(); }

  // Returns whether the input ended before `needed` bytes of the buffer, because the file was
  // cut short while it was read, and then notes it in the part. The lines before the cut are
  // mapped, and the run stops after them.
  bool CutBefore(size_t needed) {
    if (!at_end_ || size() >= needed) return false;
    part_.cut_short = "cannot read the input: " +
                      CutShortReason(first_ + size(), part_.input_size, /*at_most=*/size() == 0);
    return true;
  }
  // The index at which the part ends, or the end of the buffer when the input ended first.
  size_t EndIndex() const { return std::min<size_t>(part_.end - first_, size()); }

  size_t FindBreak(size_t from, size_t to) const {
    if (from >= to) return kNone;
    const char* data = batch_.buffer.data();
    const void* found = std::memchr(data + from, line_break_, to - from);
    return found == nullptr ? kNone : static_cast<const char*>(found) - data;
  }

  // Reads until the buffer contains `target` bytes or the input ends. The records framed so far
  // point into the buffer, so they are moved with it when it grows.
  bool ReadMore(size_t target, std::string& error) {
    ByteBuffer& buffer = batch_.buffer;
    const char* before = buffer.data();
    buffer.Reserve(target);
    if (buffer.data() != before) {
      for (InputRecord& record : batch_.records)
        record.text = {buffer.data() + (record.text.data() - before), record.text.size()};
    }
    auto read = [this](char* into, size_t size, std::string& reason) {
      return input_.ReadAt(first_ + this->size(), into, size, reason);
    };
    if (!FillBuffer(buffer, target, read, at_end_, error)) return false;
    // simdjson may read the padding after a record at the end of the buffer, so it is zeroed.
    std::memset(buffer.data() + size(), 0, simdjson::SIMDJSON_PADDING);
    return true;
  }

  // Adds the line of `length` bytes at `index` as a record, unless it is blank and within the
  // limit.
  void AddLine(size_t index, size_t length) {
    std::string_view line(batch_.buffer.data() + index, length);
    // Its number and line count within the part, as Batch::part explains.
    size_t lines_before = part_.line_breaks;
    LineContent content = FindLineRecord(line, options_.max_record_bytes);
    if (content == LineContent::Blank) return;
    InputRecord& record = batch_.records.emplace_back();
    record.number = batch_.records.size();
    record.line = lines_before;
    record.offset = first_ + static_cast<uint64_t>(line.data() - batch_.buffer.data());
    record.text = line;
    if (content == LineContent::TooLong) CutLongRecord(record, options_.max_record_bytes);
  }

  const ByteInput& input_;
  const SourceOptions& options_;
  const char line_break_;
  Batch& batch_;
  InputPart& part_;
  const uint64_t first_;
  bool at_end_ = false;
};

}  // namespace

bool FramePart(const ByteInput& input, const SourceOptions& options, char line_break, Batch& batch,
               std::string& error) {
  return PartFramer(input, options, line_break, batch).Frame(error);
}

}  // namespace weft::runtime
