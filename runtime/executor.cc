#include "runtime/executor.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>

#include "runtime/batch_mapper.h"

namespace weft::runtime {
namespace {

// Writes a batch's output and adds its counts.
void Emit(BatchOutput& output, std::ostream& out, std::ostream& rejects, RunCounts& counts) {
  out.write(output.out.data(), static_cast<std::streamsize>(output.out.size()));
  rejects.write(output.rejects.data(), static_cast<std::streamsize>(output.rejects.size()));
  counts += output.counts;
}

// Worker threads that map batches, each with its own BatchMapper. Threads are started once,
// because a thread per batch costs kernel time for its stack and a cold allocator cache.
class WorkerPool {
 public:
  explicit WorkerPool(std::vector<std::unique_ptr<BatchMapper>> mappers) {
    for (auto& mapper : mappers) {
      workers_.emplace_back([this, owned = std::shared_ptr<BatchMapper>(std::move(mapper))] {
        Work(*owned);
      });
    }
  }

  ~WorkerPool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread& worker : workers_) worker.join();
  }

  std::future<BatchOutput> Submit(std::shared_ptr<const Batch> batch) {
    Job job{std::move(batch), {}};
    std::future<BatchOutput> output = job.output.get_future();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      jobs_.push_back(std::move(job));
    }
    ready_.notify_one();
    return output;
  }

 private:
  struct Job {
    std::shared_ptr<const Batch> batch;
    std::promise<BatchOutput> output;
  };

  void Work(BatchMapper& mapper) {
    while (true) {
      Job job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      BatchOutput output;
      mapper.Map(*job.batch, output);
      job.output.set_value(std::move(output));
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Job> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
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

void ExecuteOnOneThread(BatchMapper& mapper, RecordSource& source, Batch& batch,
                        std::ostream& out, std::ostream& rejects, const ExecuteOptions& options,
                        RunResult& result) {
  BatchOutput output;
  do {
    output.out.clear();
    output.rejects.clear();
    output.counts = {};
    mapper.Map(batch, output);
    Emit(output, out, rejects, result);
    if (options.progress) options.progress(result, source.bytes_read());
    // Once an output cannot be written, such as on a full disk, reading on would only waste time.
  } while (out && rejects && source.Next(batch));
}

// The batches in flight per mapping thread. With two, the calling thread often waited for the
// oldest batch while a worker had nothing queued: two threads on two cores took 0.16 s for
// 200,000 accounts, against 0.14 s with three or more. Four keeps a margin, at about 1 MB each.
constexpr size_t kBatchesInFlightPerThread = 4;

// The calling thread reads batches and writes their output in order, and the batches are mapped
// on other threads. A few batches per thread are in flight, so that the workers still have
// batches to map while the calling thread waits for the oldest one. That bounds the memory.
void ExecuteOnThreads(std::vector<std::unique_ptr<BatchMapper>> mappers, RecordSource& source,
                      std::shared_ptr<Batch> first, std::ostream& out, std::ostream& rejects,
                      const ExecuteOptions& options, RunResult& result) {
  size_t threads = mappers.size();
  WorkerPool pool(std::move(mappers));
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
    Emit(output, out, rejects, result);
    if (options.progress) options.progress(result, source.bytes_read());
  };
  std::shared_ptr<Batch> batch = std::move(first);
  while (true) {
    pending.push_back({batch, pool.Submit(batch)});
    if (pending.size() >= kBatchesInFlightPerThread * threads) write_oldest();
    if (spare.empty()) {
      batch = std::make_shared<Batch>();
    } else {
      batch = std::move(spare.back());
      spare.pop_back();
    }
    if (!out || !rejects || !source.Next(*batch)) break;
  }
  while (!pending.empty()) write_oldest();
}

}  // namespace

RunResult Execute(const CompiledRule& rule, RecordSource& source, std::ostream& out,
                  std::ostream& rejects, const ExecuteOptions& options) {
  RunResult result;
  auto first = std::make_shared<Batch>();
  bool any = WriteHeader(rule, options, out, result.error) && source.Next(*first);
  // The mappers are made after the first batch, which is when a CSV header is known.
  std::vector<std::unique_ptr<BatchMapper>> mappers;
  for (int i = 0; any && i < std::max(1, options.threads); ++i) {
    mappers.push_back(BatchMapper::Create(rule, source, options, result.error));
    if (mappers.back() == nullptr) any = false;
  }
  if (any && options.threads <= 1) {
    ExecuteOnOneThread(*mappers.front(), source, *first, out, rejects, options, result);
  } else if (any) {
    ExecuteOnThreads(std::move(mappers), source, std::move(first), out, rejects, options, result);
  }
  if (result.error.empty()) result.error = source.error();
  out.flush();
  rejects.flush();
  return result;
}

}  // namespace weft::runtime
