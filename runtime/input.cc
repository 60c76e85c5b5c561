#include "runtime/input.h"

#include <fmt/format.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "runtime/input_framers.h"
#include "runtime/json_check.h"

namespace weft::runtime {
namespace {

class FdInput : public ByteInput {
 public:
  // A regular file can also be read at any offset, counted from the descriptor's position. It
  // is read up to the size it has now, so that a file that grows while it is read, even by this
  // run's own output, gives the same records on any number of threads. Files that report no
  // size, as those of /proc do, are read in order to their end.
  explicit FdInput(int fd) : fd_(fd) {
    struct stat status;
    if (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode) || status.st_size == 0) return;
    off_t at = ::lseek(fd, 0, SEEK_CUR);
    if (at < 0 || at > status.st_size) return;
    start_ = at;
    size_ = status.st_size - at;
  }

  int64_t PositionalSize() const override { return size_; }

  long ReadAt(uint64_t offset, char* into, size_t size, std::string& error) const override {
    if (offset >= static_cast<uint64_t>(size_)) return 0;
    size = std::min<uint64_t>(size, size_ - offset);
    while (true) {
      ssize_t got = ::pread(fd_, into, size, static_cast<off_t>(start_ + offset));
      if (got >= 0) return static_cast<long>(got);
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      return -1;
    }
  }

  long Read(char* into, size_t size, std::string& error) override {
    if (size_ >= 0) size = std::min<uint64_t>(size, size_ - read_);
    if (size == 0) return 0;
    while (true) {
      ssize_t got = ::read(fd_, into, size);
      if (got > 0 || (got == 0 && size_ < 0)) {
        read_ += static_cast<uint64_t>(got);
        return static_cast<long>(got);
      }
      if (got == 0) {
        error = CutShortReason(read_, static_cast<uint64_t>(size_));
        return -1;
      }
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      return -1;
    }
  }

 private:
  int fd_;
  // The bytes that Read has returned.
  uint64_t read_ = 0;
  uint64_t start_ = 0;
  int64_t size_ = -1;
};

// Reads the bytes of a view, which must outlive it.
class ViewInput : public ByteInput {
 public:
  explicit ViewInput(std::string_view text) : text_(text) {}

  long Read(char* into, size_t size, std::string&) override {
    size_t count = std::min(size, text_.size() - position_);
    std::memcpy(into, text_.data() + position_, count);
    position_ += count;
    return static_cast<long>(count);
  }

  int64_t PositionalSize() const override { return static_cast<int64_t>(text_.size()); }

  long ReadAt(uint64_t offset, char* into, size_t size, std::string&) const override {
    if (offset >= text_.size()) return 0;
    size_t count = std::min<uint64_t>(size, text_.size() - offset);
    std::memcpy(into, text_.data() + offset, count);
    return static_cast<long>(count);
  }

 protected:
  std::string_view text_;
  size_t position_ = 0;
};

class StringInput : public ViewInput {
 public:
  explicit StringInput(std::string text) : ViewInput({}), owned_(std::move(text)) {
    text_ = owned_;
  }

 private:
  std::string owned_;
};

}  // namespace

long ByteInput::ReadAt(uint64_t, char*, size_t, std::string& error) const {
  error = "the input cannot be read at an offset";
  return -1;
}

ByteBuffer::ByteBuffer(size_t capacity) { Reserve(capacity); }

void ByteBuffer::Reserve(size_t capacity) {
  if (capacity <= capacity_ && data_ != nullptr) return;
  // Left uninitialized, because zeroing megabytes per batch shows in profiles. Only the bytes up
  // to size() and the padding after them are ever read.
  std::unique_ptr<char[]> grown(new char[capacity + simdjson::SIMDJSON_PADDING]);
  if (size_ > 0) std::memcpy(grown.get(), data_.get(), size_);
  std::memset(grown.get() + size_, 0, simdjson::SIMDJSON_PADDING);
  data_ = std::move(grown);
  capacity_ = capacity;
}

std::unique_ptr<ByteInput> FileInput(int fd) { return std::make_unique<FdInput>(fd); }

std::unique_ptr<ByteInput> TextInput(std::string text) {
  return std::make_unique<StringInput>(std::move(text));
}

std::unique_ptr<ByteInput> TextViewInput(std::string_view text) {
  return std::make_unique<ViewInput>(text);
}

RecordSource::RecordSource(std::unique_ptr<ByteInput> input, SourceOptions options)
    : input_(std::move(input)), options_(options) {}

RecordSource::~RecordSource() = default;

uint64_t RecordSource::bytes_read() const {
  return framer_ == nullptr ? 0 : framer_->window().consumed_offset();
}

bool RecordSource::Start() {
  started_ = true;
  auto window = std::make_unique<Window>(*input_, options_);
  if (!window->FillFirst(error_)) return false;
  if (options_.format == InputFormat::Csv) {
    shape_ = InputShape::Csv;
    framer_ = MakeCsvFramer(std::move(window), options_, csv_header_);
    return true;
  }
  bool lines = false;
  switch (options_.format) {
    case InputFormat::Ndjson:
      lines = true;
      break;
    case InputFormat::Json:
    case InputFormat::Csv:
      lines = false;
      break;
    case InputFormat::Auto:
      // A document written on one line, as a REST query result often is, may be longer than
      // what was read, so its first line is read whole before deciding, up to the record limit.
      // Only the bytes each read adds are searched.
      size_t searched = 0;
      while (!window->at_end() && window->Unread().size() <= options_.max_record_bytes &&
             FindLineBreak(window->Unread().substr(searched)) == std::string_view::npos) {
        searched = window->Unread().size();
        if (!window->Fill(error_) && !error_.empty()) return false;
      }
      // The first read may have ended before the first line break.
      if (searched > 0) window->DetectLineBreak();
      lines = LooksLikeLines(window->Unread(), window->at_end());
      break;
  }
  if (lines) {
    shape_ = InputShape::Ndjson;
    framer_ = MakeLineFramer(std::move(window), options_);
  } else {
    framer_ = MakeDocumentFramer(std::move(window), options_, shape_);
  }
  return true;
}

void RecordSource::ReadFirstBatch() {
  if (started_) return;
  auto first = std::make_unique<Batch>();
  first_batch_found_ = Next(*first);
  first_batch_ = std::move(first);
}

bool RecordSource::Next(Batch& batch) {
  if (first_batch_ != nullptr) {
    // The records point into the buffer or the framer's window, which swapping does not move.
    std::swap(batch, *first_batch_);
    first_batch_.reset();
    return first_batch_found_;
  }
  batch.records.clear();
  batch.part.reset();
  if (finished_) return false;
  if (!started_ && !Start()) {
    finished_ = true;
    return false;
  }
  // A batch of blank lines alone contains no record, but records may follow it, so reading goes
  // on.
  while (batch.records.empty() && !finished_) finished_ = !framer_->Next(batch, error_);
  return !batch.records.empty();
}

bool RecordSource::SplitRest(SplitPoint& point) {
  if (!started_ || finished_ || shape_ != InputShape::Ndjson) return false;
  int64_t size = input_->PositionalSize();
  const Window& window = framer_->window();
  if (size < 0 || window.consumed_offset() >= static_cast<uint64_t>(size)) return false;
  split_ = true;
  finished_ = true;
  next_part_ = window.consumed_offset();
  parts_end_ = static_cast<uint64_t>(size);
  point.records = framer_->records_framed();
  point.line = window.line();
  return true;
}

bool RecordSource::NextPart(Batch& batch) {
  batch.records.clear();
  if (!split_ || next_part_ >= parts_end_) return false;
  InputPart part;
  part.begin = next_part_;
  part.end = std::min(parts_end_, next_part_ + std::max<size_t>(options_.batch_bytes, 1));
  // The first part begins where the framer stopped, after a line break.
  part.begins_line = next_part_ == framer_->window().consumed_offset();
  part.input_size = parts_end_;
  next_part_ = part.end;
  batch.part = part;
  return true;
}

bool RecordSource::ReadPart(Batch& batch, std::string& error) const {
  return FramePart(*input_, options_, framer_->window().line_break(), batch, error);
}

}  // namespace weft::runtime
