# The two commands of the README: `make demo` and `make test`.
# Both install missing Debian packages first, then configure and build.

BUILD_DIR ?= build
JOBS ?= $(shell nproc)
WEFT := $(BUILD_DIR)/tools/weft
DEMO_DIR := examples/salesforce-to-erp
DEMO_OUT := out/salesforce-to-erp

.PHONY: all deps configure build demo test clean autoupdate stdlib-doc bench bench-run bench-check \
  bench-jit bench-orders sanitize-deps sanitize tsan fuzz peers-deps bench-peers bench-peers-memory

all: build

deps:
	@scripts/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

demo: build
	@$(DEMO_DIR)/run-demo.sh $(WEFT) $(DEMO_OUT)
	@echo
	@examples/shopify-orders/run-demo.sh $(WEFT) out/shopify-orders

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD_DIR) out

# Builds a second tree with clang 19, AddressSanitizer and UndefinedBehaviorSanitizer, and runs
# every test in it. Its fuzz targets are libFuzzer programs (WEFT_LIBFUZZER), which `make fuzz`
# runs, so the libraries also record coverage. The Debug build keeps assertions on, and -O1 makes
# it faster. At -O0, clang's stack frames in the generated parser are so large that the deepest
# prefix chain that the parser accepts overflows the stack.
SANITIZE_DIR ?= build-sanitize
# clang's sanitizers print symbolized stack traces through llvm-symbolizer, which Debian's llvm-19
# installs under this path; the unversioned command may be missing or older.
SANITIZE_ENV := ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-19/bin/llvm-symbolizer \
  UBSAN_SYMBOLIZER_PATH=/usr/lib/llvm-19/bin/llvm-symbolizer
sanitize-deps:
	@scripts/install-deps.sh --sanitizers

sanitize: sanitize-deps
	cmake -S . -B $(SANITIZE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
	  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
	  -DWEFT_SANITIZE=address,undefined -DWEFT_LIBFUZZER=ON
	cmake --build $(SANITIZE_DIR) -j $(JOBS)
	$(SANITIZE_ENV) ASAN_OPTIONS=detect_leaks=1 \
	  ctest --test-dir $(SANITIZE_DIR) --output-on-failure -j $(JOBS)

# Builds a tree with ThreadSanitizer and runs every test in it, which covers the threads that
# share one compiled rule in the embedding API's tests.
TSAN_DIR ?= build-tsan
tsan: deps
	cmake -S . -B $(TSAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DWEFT_SANITIZE=thread
	cmake --build $(TSAN_DIR) -j $(JOBS)
	ctest --test-dir $(TSAN_DIR) --output-on-failure -j $(JOBS)

# Runs each fuzz target of tests/fuzz, a libFuzzer program in the sanitizer tree, for
# FUZZ_SECONDS with scripts/fuzz.sh, which knows each target's seeds: the golden tests, the demo's
# data, the importer test documents and the inputs under tests/fuzz. Every target runs even after
# one fails, and the failing ones are listed at the end.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := fuzz_check fuzz_lexer fuzz_input fuzz_differential fuzz_csv fuzz_text fuzz_schema
fuzz: sanitize
	@failed=; for target in $(FUZZ_TARGETS); do \
	  $(SANITIZE_ENV) SANITIZE_DIR=$(SANITIZE_DIR) scripts/fuzz.sh $$target $(FUZZ_SECONDS) || \
	    failed="$$failed $$target"; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: failed:$$failed" >&2; exit 1; fi

# Rewrites the expectations of the golden tests from the current output; review the diff.
autoupdate: build
	WEFT_AUTOUPDATE=1 $(BUILD_DIR)/tests/golden_test --gtest_filter='Golden/*'

# Rewrites docs/stdlib.md from the table of builtins in stdlib/builtins.cc.
stdlib-doc: build
	$(BUILD_DIR)/stdlib/weft_stdlib_reference > docs/stdlib.md

# Prints the benchmarks' figures; see docs/benchmarks.md.
bench: bench-check bench-jit bench-run

# Prints the throughput of weft run on one million synthetic account records.
bench-run: build
	bench/throughput.sh $(WEFT) 1000000

# Prints how long the JIT takes to compile the demo's rule, cold and from the object cache.
bench-orders: build
	bench/orders_throughput.sh $(WEFT) 200000

bench-jit: build
	$(BUILD_DIR)/bench/jit_speed $(DEMO_DIR)/accounts.map --rule Customer --repetitions 20

# Prints how long parsing and checking take on a generated project of 50 rules over records of
# 200 fields, on one thread.
bench-check: build
	$(BUILD_DIR)/bench/check_speed --rules 50 --fields 200 --repetitions 20

# Runs Weft, jq, gojq, Miller, JSONata, Python and a minimal simdjson program on the same
# generated accounts with the same mapping, checks each output against Weft's and prints a
# Markdown table; see docs/benchmarks.md. The generated data is cached in BENCH_DATA_DIR.
BENCH_RECORDS ?= 200000
BENCH_RUNS ?= 3
BENCH_DATA_DIR ?= $(HOME)/.cache/weft-bench-peers
# Passed to weft run as --threads when set, if the build accepts the option.
BENCH_THREADS ?=
BENCH_PEERS := /usr/bin/python3 bench/peers/run.py --weft $(WEFT) --data-dir $(BENCH_DATA_DIR) \
  --runs $(BENCH_RUNS) $(if $(BENCH_THREADS),--threads $(BENCH_THREADS))

peers-deps:
	@bench/peers/install-peers.sh

bench-peers: peers-deps build
	$(BENCH_PEERS) --limit $(BUILD_DIR)/bench/peers/peers_limit --records $(BENCH_RECORDS)

# Prints weft run's peak memory on about 20 MB and about 2 GB of NDJSON, and their ratio.
bench-peers-memory: peers-deps build
	$(BENCH_PEERS) --memory --memory-sizes 20MB,2GB
