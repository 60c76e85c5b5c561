#include "runtime/executor.h"

#include <deque>
#include <future>
#include <mutex>

#include "runtime/batch_mapper.h"

namespace weft::runtime {
namespace {

// Writes a batch's output and adds its counts.
void Emit(BatchOutput& output, std::ostream& out, std::ostream& rejects, RunCounts& counts) {
  out.write(output.out.data(), static_cast<std::streamsize>(output.out.size()));
  rejects.write(output.rejects.data(), static_cast<std::streamsize>(output.rejects.size()));
  counts += output.counts;
}

// Mappers for the worker threads, each used by one batch at a time.
class MapperPool {
 public:
  explicit MapperPool(const CompiledRule& rule) : rule_(rule) {}

  std::unique_ptr<BatchMapper> Acquire() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (free_.empty()) return std::make_unique<BatchMapper>(rule_);
    std::unique_ptr<BatchMapper> mapper = std::move(free_.back());
    free_.pop_back();
    return mapper;
  }

  void Release(std::unique_ptr<BatchMapper> mapper) {
    std::lock_guard<std::mutex> lock(mutex_);
    free_.push_back(std::move(mapper));
  }

 private:
  const CompiledRule& rule_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<BatchMapper>> free_;
};

RunCounts ExecuteOnOneThread(const CompiledRule& rule, RecordSource& source, std::ostream& out,
                             std::ostream& rejects, const ExecuteOptions& options) {
  RunCounts counts;
  BatchMapper mapper(rule);
  Batch batch;
  BatchOutput output;
  while (source.Next(batch)) {
    output.out.clear();
    output.rejects.clear();
    output.counts = {};
    mapper.Map(batch, output);
    Emit(output, out, rejects, counts);
    if (options.progress) options.progress(counts, source.bytes_read());
  }
  return counts;
}

// The calling thread reads batches and writes their output in order, and the batches are mapped
// on other threads. Twice as many batches as threads are in flight, so that the workers still
// have batches to map while the calling thread waits for the oldest one. That bounds the memory.
RunCounts ExecuteOnThreads(const CompiledRule& rule, RecordSource& source, std::ostream& out,
                           std::ostream& rejects, const ExecuteOptions& options) {
  RunCounts counts;
  MapperPool pool(rule);
  struct InFlight {
    std::shared_ptr<Batch> batch;
    std::future<BatchOutput> output;
  };
  std::deque<InFlight> pending;
  // Batches whose output is written, kept so that their buffers are read into again.
  std::vector<std::shared_ptr<Batch>> spare;
  auto write_oldest = [&] {
    BatchOutput output = pending.front().output.get();
    spare.push_back(std::move(pending.front().batch));
    pending.pop_front();
    Emit(output, out, rejects, counts);
    if (options.progress) options.progress(counts, source.bytes_read());
  };
  while (true) {
    std::shared_ptr<Batch> batch;
    if (spare.empty()) {
      batch = std::make_shared<Batch>();
    } else {
      batch = std::move(spare.back());
      spare.pop_back();
    }
    if (!source.Next(*batch)) break;
    pending.push_back({batch, std::async(std::launch::async, [&pool, batch] {
                         std::unique_ptr<BatchMapper> mapper = pool.Acquire();
                         BatchOutput output;
                         mapper->Map(*batch, output);
                         pool.Release(std::move(mapper));
                         return output;
                       })});
    if (pending.size() >= 2 * static_cast<size_t>(options.threads)) write_oldest();
  }
  while (!pending.empty()) write_oldest();
  return counts;
}

}  // namespace

RunCounts Execute(const CompiledRule& rule, RecordSource& source, std::ostream& out,
                  std::ostream& rejects, const ExecuteOptions& options) {
  RunCounts counts = options.threads <= 1
                         ? ExecuteOnOneThread(rule, source, out, rejects, options)
                         : ExecuteOnThreads(rule, source, out, rejects, options);
  out.flush();
  rejects.flush();
  return counts;
}

}  // namespace weft::runtime
