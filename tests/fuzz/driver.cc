// A small mutation fuzzer for the targets in this folder, which implement libFuzzer's
// LLVMFuzzerTestOneInput. It runs every seed file, then random mutations of the seeds
// (byte flips, inserts, deletions, duplicated runs and splices) until the time is up.
// NOTE: without coverage feedback it explores far less than libFuzzer would. libFuzzer needs
// clang, and clang 14 rejects the headers of Debian's ANTLR 4.9 runtime in C++20 mode.
//
// usage: TARGET SECONDS SEED_FILE...
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

constexpr size_t kMaxLength = 8192;

// The input being run, which the crash handler saves so that a failure can be reproduced.
const std::string* current_input = nullptr;

void SaveCurrentInput(int signal_number) {
  if (current_input != nullptr) {
    int file = ::open("fuzz-crash.input", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (file >= 0) {
      ssize_t written = ::write(file, current_input->data(), current_input->size());
      (void)written;
      ::close(file);
    }
    const char message[] = "fuzz driver: the failing input is in fuzz-crash.input\n";
    ssize_t written = ::write(2, message, sizeof(message) - 1);
    (void)written;
  }
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

void Run(const std::string& input) {
  current_input = &input;
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  current_input = nullptr;
}

std::string Mutate(const std::vector<std::string>& seeds, std::mt19937_64& random) {
  std::string input = seeds[random() % seeds.size()];
  int steps = 1 + static_cast<int>(random() % 8);
  for (int step = 0; step < steps; ++step) {
    size_t at = input.empty() ? 0 : random() % input.size();
    switch (random() % 6) {
      case 0:
        if (!input.empty()) input[at] = static_cast<char>(random());
        break;
      case 1:
        input.insert(at, 1, "{}()[]\"\\:,.?-+*/ \n09azAZ_`@"[random() % 28]);
        break;
      case 2:
        if (!input.empty()) input.erase(at, 1 + random() % std::min<size_t>(16, input.size() - at));
        break;
      case 3: {
        size_t length = 1 + random() % 32;
        input.insert(at, input.substr(at, length));
        break;
      }
      case 4: {
        const std::string& other = seeds[random() % seeds.size()];
        if (!other.empty())
          input.insert(at, other.substr(random() % other.size(), 1 + random() % 64));
        break;
      }
      default:
        if (!input.empty()) input[at] = static_cast<char>(input[at] ^ (1 << (random() % 8)));
        break;
    }
  }
  if (input.size() > kMaxLength) input.resize(kMaxLength);
  return input;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s SECONDS SEED_FILE...\n", argv[0]);
    return 2;
  }
  double seconds = std::atof(argv[1]);
  for (int signal_number : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL})
    std::signal(signal_number, SaveCurrentInput);
  std::vector<std::string> seeds;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    seeds.push_back(buffer.str().substr(0, kMaxLength));
    Run(seeds.back());
  }
  if (seeds.empty()) seeds.push_back("");

  std::mt19937_64 random(std::random_device{}());
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  size_t runs = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    Run(Mutate(seeds, random));
    ++runs;
  }
  std::fprintf(stderr, "%s: %zu mutated inputs in %.0f s, no failure\n", argv[0], runs, seconds);
  return 0;
}
