// The C ABI of mappers: applying a rule to one record, an NDJSON buffer or a host's reader.
#include "api/c_handles.h"

namespace embed = weft::embed;
namespace internal = weft::embed::internal;

namespace {

static_assert(static_cast<int>(embed::OutcomeKind::kMapped) == WEFT_MAPPED &&
                  static_cast<int>(embed::OutcomeKind::kSkipped) == WEFT_SKIPPED &&
                  static_cast<int>(embed::OutcomeKind::kRejected) == WEFT_REJECTED,
              "ToC casts outcome kinds");

weft_outcome ToC(const embed::Outcome& outcome) {
  weft_outcome converted;
  converted.kind = static_cast<weft_outcome_kind>(outcome.kind);
  converted.json = outcome.json.c_str();
  converted.json_size = outcome.json.size();
  converted.reason = outcome.reason.c_str();
  converted.reason_size = outcome.reason.size();
  converted.field = outcome.field.c_str();
  converted.field_size = outcome.field.size();
  converted.value = outcome.value.c_str();
  converted.value_size = outcome.value.size();
  return converted;
}

weft_record ToC(const embed::RecordPosition& record) {
  return {record.number, record.line, record.offset, record.text.data(), record.text.size()};
}

// Calls a C sink or write callback; a NULL one accepts every record.
bool Deliver(weft_sink_fn sink, void* data, const embed::RecordPosition& record,
             const embed::Outcome& outcome) {
  if (sink == nullptr) return true;
  weft_record c_record = ToC(record);
  weft_outcome c_outcome = ToC(outcome);
  return sink(data, &c_record, &c_outcome) == 0;
}

// Reads records from a C read callback.
class CallbackReader : public embed::Reader {
 public:
  CallbackReader(weft_read_fn read, void* data) : read_(read), data_(data) {}

  bool Next(std::string_view& record, std::string& error) override {
    const char* text = nullptr;
    size_t size = 0;
    int status = read_(data_, &text, &size);
    if (status == 1 && text == nullptr && size > 0) {
      error = "the read callback returned 1 with a NULL text";
      return false;
    }
    if (status == 1) {
      record = std::string_view(text == nullptr ? "" : text, size);
      return true;
    }
    if (status != 0) error = "the read callback returned " + std::to_string(status);
    return false;
  }

 private:
  weft_read_fn read_;
  void* data_;
};

// Writes outcomes to a C write callback.
class CallbackWriter : public embed::Writer {
 public:
  CallbackWriter(weft_sink_fn write, void* data) : write_(write), data_(data) {}

  bool Write(const embed::RecordPosition& record, const embed::Outcome& outcome) override {
    return Deliver(write_, data_, record, outcome);
  }

 private:
  weft_sink_fn write_;
  void* data_;
};

// Copies a run's counts out and returns the status its end calls for.
weft_status Finish(const embed::RunResult& result, weft_counts* counts, char* message,
                   size_t size) {
  if (counts != nullptr) {
    *counts = {result.counts.in, result.counts.mapped, result.counts.skipped,
               result.counts.rejected};
  }
  if (result.error.empty()) return WEFT_OK;
  internal::WriteMessage(message, size, result.error);
  return result.stopped ? WEFT_STOPPED : WEFT_INPUT_FAILED;
}

}  // namespace

extern "C" {

weft_status weft_mapper_create(const weft_rule* rule, weft_mapper** mapper, char* message,
                               size_t message_size) {
  const char* function = "weft_mapper_create";
  if (mapper == nullptr)
    return internal::InvalidArgument(message, message_size, function, "mapper is NULL");
  *mapper = nullptr;
  if (rule == nullptr)
    return internal::InvalidArgument(message, message_size, function, "rule is NULL");
  internal::CheckHandle(rule, internal::kRuleType, function);
  return internal::Guard(message, message_size, [&] {
    auto* handle = new weft_mapper{embed::Mapper(rule->rule), {}};
    internal::RegisterHandle(handle, internal::kMapperType);
    *mapper = handle;
    return WEFT_OK;
  });
}

void weft_mapper_free(weft_mapper* mapper) {
  if (mapper == nullptr) return;
  internal::UnregisterHandle(mapper, internal::kMapperType, "weft_mapper_free");
  delete mapper;
}

weft_status weft_mapper_apply(weft_mapper* mapper, const char* record, size_t size,
                              weft_outcome* outcome, char* message, size_t message_size) {
  const char* function = "weft_mapper_apply";
  if (mapper == nullptr)
    return internal::InvalidArgument(message, message_size, function, "mapper is NULL");
  if (outcome == nullptr)
    return internal::InvalidArgument(message, message_size, function, "outcome is NULL");
  if (record == nullptr && size > 0)
    return internal::InvalidArgument(message, message_size, function, "record is NULL");
  internal::CheckHandle(mapper, internal::kMapperType, function);
  return internal::Guard(message, message_size, [&] {
    mapper->mapper.Apply(std::string_view(record == nullptr ? "" : record, size), mapper->outcome);
    *outcome = ToC(mapper->outcome);
    return WEFT_OK;
  });
}

weft_status weft_mapper_apply_ndjson(weft_mapper* mapper, const char* buffer, size_t size,
                                     weft_sink_fn sink, void* sink_data, weft_counts* counts,
                                     char* message, size_t message_size) {
  const char* function = "weft_mapper_apply_ndjson";
  if (mapper == nullptr)
    return internal::InvalidArgument(message, message_size, function, "mapper is NULL");
  if (buffer == nullptr && size > 0)
    return internal::InvalidArgument(message, message_size, function, "buffer is NULL");
  internal::CheckHandle(mapper, internal::kMapperType, function);
  return internal::Guard(message, message_size, [&] {
    embed::RunResult result = mapper->mapper.ApplyNdjson(
        std::string_view(buffer == nullptr ? "" : buffer, size),
        [&](const embed::RecordPosition& record, const embed::Outcome& outcome) {
          return Deliver(sink, sink_data, record, outcome);
        });
    return Finish(result, counts, message, message_size);
  });
}

weft_status weft_mapper_run(weft_mapper* mapper, weft_read_fn read, void* read_data,
                            weft_sink_fn write, void* write_data, weft_counts* counts,
                            char* message, size_t message_size) {
  const char* function = "weft_mapper_run";
  if (mapper == nullptr)
    return internal::InvalidArgument(message, message_size, function, "mapper is NULL");
  if (read == nullptr)
    return internal::InvalidArgument(message, message_size, function, "read is NULL");
  internal::CheckHandle(mapper, internal::kMapperType, function);
  return internal::Guard(message, message_size, [&] {
    CallbackReader reader(read, read_data);
    CallbackWriter writer(write, write_data);
    return Finish(mapper->mapper.Run(reader, writer), counts, message, message_size);
  });
}

}  // extern "C"
