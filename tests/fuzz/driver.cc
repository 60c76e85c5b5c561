// A small mutation fuzzer for the targets in this folder, which implement libFuzzer's
// LLVMFuzzerTestOneInput. It runs every seed file, then random mutations of the seeds
// (byte flips, inserts, deletions, duplicated runs, splices and, given a dictionary, inserted
// or overwritten dictionary entries) until the time is up.
// Builds without WEFT_LIBFUZZER link it, so that GCC builds replay the seeds in ctest. Without
// coverage feedback it explores far less than libFuzzer, which the sanitizer build
// (`make sanitize`, clang 19) links instead and which `make fuzz` runs.
//
// usage: TARGET [-dict=FILE] SECONDS SEED_FILE...
// The dictionary has libFuzzer's format: one entry a line, as an optional name and `=`, then a
// string in double quotes with the escapes \\, \" and \xHH; lines starting with `#` are
// comments.
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

// Reads the quoted string of one dictionary line, or returns false when the line has none.
bool ParseDictionaryLine(const std::string& line, std::string& entry) {
  size_t open = line.find('"');
  size_t close = line.rfind('"');
  if (line.empty() || line[0] == '#' || open == std::string::npos || close <= open) return false;
  entry.clear();
  for (size_t i = open + 1; i < close; ++i) {
    if (line[i] != '\\' || i + 1 >= close) {
      entry += line[i];
    } else if (line[i + 1] == 'x' && i + 3 < close) {
      entry += static_cast<char>(std::stoi(line.substr(i + 2, 2), nullptr, 16));
      i += 3;
    } else {
      entry += line[++i];
    }
  }
  return !entry.empty();
}

std::vector<std::string> ReadDictionary(const char* path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "fuzz driver: cannot read the dictionary %s\n", path);
    std::exit(2);
  }
  std::vector<std::string> entries;
  std::string entry;
  for (std::string line; std::getline(in, line);) {
    if (ParseDictionaryLine(line, entry)) entries.push_back(entry);
  }
  return entries;
}

void Run(const std::string& input) {
  current_input = &input;
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  current_input = nullptr;
}

std::string Mutate(const std::vector<std::string>& seeds,
                   const std::vector<std::string>& dictionary, std::mt19937_64& random) {
  std::string input = seeds[random() % seeds.size()];
  int steps = 1 + static_cast<int>(random() % 8);
  // Two more kinds of mutation use the dictionary, when there is one.
  int kinds = dictionary.empty() ? 6 : 8;
  for (int step = 0; step < steps; ++step) {
    size_t at = input.empty() ? 0 : random() % input.size();
    switch (random() % kinds) {
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
      case 5:
        if (!input.empty()) input[at] = static_cast<char>(input[at] ^ (1 << (random() % 8)));
        break;
      case 6:
        input.insert(at, dictionary[random() % dictionary.size()]);
        break;
      default: {
        const std::string& entry = dictionary[random() % dictionary.size()];
        input.replace(at, std::min(entry.size(), input.size() - at), entry);
        break;
      }
    }
  }
  if (input.size() > kMaxLength) input.resize(kMaxLength);
  return input;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> dictionary;
  int first = 1;
  if (argc > 1 && std::string(argv[1]).starts_with("-dict=")) {
    dictionary = ReadDictionary(argv[1] + 6);
    first = 2;
  }
  if (argc < first + 2) {
    std::fprintf(stderr, "usage: %s [-dict=FILE] SECONDS SEED_FILE...\n", argv[0]);
    return 2;
  }
  double seconds = std::atof(argv[first]);
  for (int signal_number : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL})
    std::signal(signal_number, SaveCurrentInput);
  std::vector<std::string> seeds;
  for (int i = first + 1; i < argc; ++i) {
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
    Run(Mutate(seeds, dictionary, random));
    ++runs;
  }
  std::fprintf(stderr, "%s: %zu seeds and %zu mutated inputs in %.0f s, no failure\n", argv[0],
               seeds.size(), runs, seconds);
  return 0;
}
