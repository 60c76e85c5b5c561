#include "runtime/executor.h"

#include <deque>
#include <future>
#include <condition_variable>
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
  WorkerPool(const CompiledRule& rule, int threads) {
    for (int i = 0; i < threads; ++i) {
      workers_.emplace_back([this, &rule] { Work(rule); });
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

  void Work(const CompiledRule& rule) {
    BatchMapper mapper(rule);
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
  WorkerPool pool(rule, options.threads);
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
    pending.push_back({batch, pool.Submit(batch)});
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
