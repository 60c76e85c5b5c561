#include "runtime/executor.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <utility>

#include "runtime/batch_mapper.h"
#include "runtime/thread_pool.h"

namespace weft::runtime {
namespace {

// Writes a batch's output and adds its counts. The rejects of a part are numbered from `before`.
void Emit(BatchOutput& output, const SplitPoint& before, std::ostream& out, std::ostream& rejects,
          RunCounts& counts) {
  out.write(output.out.data(), static_cast<std::streamsize>(output.out.size()));
  WriteRejects(output, before, rejects);
  counts += output.counts;
}

// A batch and its output, which are reused together, so that steady running allocates nothing.
struct Work {
  Batch batch;
  BatchOutput output;
};

// Maps batches on the threads of a ThreadPool, each with its own BatchMapper.
class WorkerPool {
 public:
  // The workers read the parts of split input from `source` themselves. `threads` has a thread
  // for each of `mappers`.
  WorkerPool(std::vector<std::unique_ptr<BatchMapper>> mappers, const RecordSource& source,
             ThreadPool& threads)
      : source_(source), mappers_(std::move(mappers)), threads_(threads) {
    for (auto& mapper : mappers_) threads_.Start([this, &owned = *mapper] { Run(owned); });
  }

  ~WorkerPool() {
    Finish();
    threads_.Wait();
  }

  // Tells the workers that no batch follows, so that each returns once the queue is empty rather
  // than sleep until the pool is destroyed and then need waking.
  void Finish() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
  }

  // Maps `work.batch` into `work.output` on a worker. The future is ready when it is done.
  std::future<void> Submit(std::shared_ptr<Work> work) {
    Job job{std::move(work), {}};
    std::future<void> output = job.done.get_future();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      jobs_.push_back(std::move(job));
    }
    ready_.notify_one();
    return output;
  }

  // Maps the oldest batch that no worker has taken yet on the calling thread, with `mapper` and
  // `part_input` as Run uses its own. Returns false when there is none.
  bool MapOneHere(BatchMapper& mapper, ByteBuffer& part_input) {
    Job job;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (jobs_.empty()) return false;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    MapJob(job, mapper, part_input);
    return true;
  }

 private:
  struct Job {
    std::shared_ptr<Work> work;
    std::promise<void> done;
  };

  void Run(BatchMapper& mapper) {
    // The parts of split input are read into this thread's own buffer, which then stays in its
    // core's cache from one part to the next. Only a batch's output waits to be written in order.
    ByteBuffer part_input;
    while (true) {
      Job job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      MapJob(job, mapper, part_input);
    }
  }

  void MapJob(Job& job, BatchMapper& mapper, ByteBuffer& part_input) {
    Batch& batch = job.work->batch;
    BatchOutput& output = job.work->output;
    if (batch.part) std::swap(batch.buffer, part_input);
    if (!batch.part || source_.ReadPart(batch, output.error)) mapper.Map(batch, output);
    if (batch.part) {
      // The records point into the buffer that the next part overwrites.
      batch.records.clear();
      std::swap(batch.buffer, part_input);
    }
    job.done.set_value();
  }

  const RecordSource& source_;
  std::vector<std::unique_ptr<BatchMapper>> mappers_;
  ThreadPool& threads_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Job> jobs_;
  bool stopping_ = false;
};

// Writes the header row of CSV output, which comes first even when no record follows.
bool WriteHeader(const CompiledRule& rule, const ExecuteOptions& options, std::ostream& out,
                 std::string& error) {
  if (options.output_format != OutputFormat::Csv) return true;
  auto writer = CsvRecordWriter::Create(*rule.target, options.csv_delimiter,
                                        options.csv_lf ? CsvLineEnd::Lf : CsvLineEnd::Crlf,
                                        rule.assigns_target_field, error);
  if (writer == nullptr) {
    error = "the target cannot be written as CSV: " + error;
    return false;
  }
  std::string header;
  writer->WriteHeader(header);
  out << header;
  return true;
}

void ExecuteOnOneThread(BatchMapper& mapper, RecordSource& source, Batch& batch, std::ostream& out,
                        std::ostream& rejects, const ExecuteOptions& options, RunResult& result) {
  BatchOutput output;
  do {
    output.Clear();
    mapper.Map(batch, output);
    Emit(output, {}, out, rejects, result);
    if (options.progress) options.progress(result, source.bytes_read());
    // Once an output cannot be written, such as on a full disk, reading on would only waste time.
  } while (out && rejects && source.Next(batch));
}

// The batches in flight per mapping thread. With two, the calling thread often waited for the
// oldest batch while a worker had nothing queued: two threads on two cores took 0.16 s for
// 200,000 accounts, against 0.14 s with three or more. Four keeps a margin, at about 1 MB each.
constexpr size_t kBatchesInFlightPerThread = 4;

// The calling thread reads batches and writes their output in order, and the batches are mapped
// on worker threads. A few batches per thread are in flight, so that the workers still have
// batches to map while the calling thread waits for the oldest one. That bounds the memory.
// After the first batch, input that can be split is read and framed by the workers too, part by
// part, and the calling thread only hands out the parts and writes. While it waits for the oldest
// batch, the calling thread maps queued batches itself. One of the mappers is its own, and each
// other mapper gets a worker, so as many threads map as there are mappers. With a worker per
// mapper, three threads on two cores took turns on one of them.
void ExecuteOnThreads(std::vector<std::unique_ptr<BatchMapper>> mappers, RecordSource& source,
                      Batch& first, std::ostream& out, std::ostream& rejects,
                      const ExecuteOptions& options, RunResult& result) {
  std::unique_ptr<BatchMapper> own_mapper = std::move(mappers.back());
  mappers.pop_back();
  ByteBuffer own_part_input;
  std::unique_ptr<ThreadPool> own_threads;
  ThreadPool* threads_to_use = options.thread_pool;
  if (threads_to_use == nullptr) {
    own_threads = std::make_unique<ThreadPool>(mappers.size());
    threads_to_use = own_threads.get();
  }
  // A mapper without a thread would wait for batches on the calling thread for good. With no
  // worker at all, the calling thread maps every batch itself while it waits for it.
  mappers.resize(std::min(mappers.size(), threads_to_use->size()));
  // The batches in flight are counted for the threads that map, so that a pool that started
  // fewer threads than asked for keeps no more memory than those threads use.
  const size_t threads = mappers.size() + 1;
  WorkerPool pool(std::move(mappers), source, *threads_to_use);
  struct InFlight {
    std::shared_ptr<Work> work;
    std::future<void> done;
  };
  std::deque<InFlight> pending;
  // Work whose output is written, kept so that its buffers are filled again.
  std::vector<std::shared_ptr<Work>> spare;
  // The records and lines before the next part to be written.
  SplitPoint written;
  auto write_oldest = [&] {
    std::future<void>& oldest = pending.front().done;
    while (oldest.wait_for(std::chrono::seconds(0)) != std::future_status::ready &&
           pool.MapOneHere(*own_mapper, own_part_input)) {
    }
    oldest.get();
    std::shared_ptr<Work> work = std::move(pending.front().work);
    pending.pop_front();
    spare.push_back(work);
    // Nothing is written after a part that could not be read.
    if (!result.error.empty()) return;
    if (!work->output.error.empty()) {
      result.error = work->output.error;
      return;
    }
    Emit(work->output, written, out, rejects, result);
    const Batch& batch = work->batch;
    if (batch.part) {
      written.records += work->output.counts.in;
      written.line += batch.part->line_breaks;
      result.error = batch.part->cut_short;
    }
    if (options.progress)
      options.progress(result, batch.part ? batch.part->end : source.bytes_read());
  };
  auto work = std::make_shared<Work>();
  work->batch = std::move(first);
  bool split = false;
  while (true) {
    pending.push_back({work, pool.Submit(work)});
    if (pending.size() >= kBatchesInFlightPerThread * threads) write_oldest();
    if (spare.empty()) {
      work = std::make_shared<Work>();
    } else {
      work = std::move(spare.back());
      spare.pop_back();
      work->output.Clear();
    }
    if (!out || !rejects || !result.error.empty()) break;
    if (!split) split = source.SplitRest(written);
    if (split ? !source.NextPart(work->batch) : !source.Next(work->batch)) break;
  }
  pool.Finish();
  while (!pending.empty()) write_oldest();
}

}  // namespace

RunResult Execute(const CompiledRule& rule, RecordSource& source, std::ostream& out,
                  std::ostream& rejects, const ExecuteOptions& options) {
  RunResult result;
  Batch first;
  bool any = WriteHeader(rule, options, out, result.error) && source.Next(first);
  // The mappers are made after the first batch, which is when a CSV header is known.
  std::vector<std::unique_ptr<BatchMapper>> mappers;
  for (int i = 0; any && i < std::max(1, options.threads); ++i) {
    mappers.push_back(BatchMapper::Create(rule, source, options, result.error));
    if (mappers.back() == nullptr) any = false;
  }
  if (any && options.threads <= 1) {
    ExecuteOnOneThread(*mappers.front(), source, first, out, rejects, options, result);
  } else if (any) {
    ExecuteOnThreads(std::move(mappers), source, first, out, rejects, options, result);
  }
  if (result.error.empty()) result.error = source.error();
  out.flush();
  rejects.flush();
  return result;
}

}  // namespace weft::runtime
