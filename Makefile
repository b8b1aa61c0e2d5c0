# The two commands a new user needs: `make demo` and `make test`. Both install what is missing
# (tools/bootstrap.sh), configure, build and run.
# Packaging: `make install` (PREFIX=DIR to choose where) and `make check-install` (installs into
# the build tree and builds examples/embed against it, see tests/package/check_install.sh).
# Hardening: `make check-sanitize` (the whole suite under ASan + UBSan), `make fuzz` and
# `make fuzz-smoke` (the libFuzzer targets in fuzz/, see fuzz/README.md).
BUILD_DIR ?= build
SANITIZE_DIR ?= build-sanitize
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 120
FUZZ_SMOKE_SECONDS ?= 10
CCACHE := $(if $(shell command -v ccache 2>/dev/null),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PG := $(BUILD_DIR)/bin/partnergraph
EXAMPLE := examples/ai-cloud-2026

.PHONY: all bootstrap build test demo clean bench bench-quick check-sanitize fuzz fuzz-smoke fuzz-build \
  install check-install

all: build

bootstrap:
	@bash tools/bootstrap.sh

$(BUILD_DIR)/build.ninja: CMakeLists.txt | bootstrap
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CCACHE)

build: bootstrap $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

install: build
	cmake --install $(BUILD_DIR) $(if $(PREFIX),--prefix $(PREFIX))

check-install: build
	bash tests/package/check_install.sh $(BUILD_DIR)

demo: build
	$(PG) analyze $(EXAMPLE)
	$(PG) render $(EXAMPLE) -o $(BUILD_DIR)/demo/ai-cloud-2026.svg --highlight dual-backing,shared-channel
	$(PG) render $(EXAMPLE) -o $(BUILD_DIR)/demo/ai-cloud-2026.png --highlight dual-backing,shared-channel
	@echo "diagrams written: $(BUILD_DIR)/demo/ai-cloud-2026.svg and .png"

bench: build
	@bash tools/bootstrap.sh --bench
	/usr/bin/python3 bench/run_bench.py --build $(BUILD_DIR) --sizes 10000,100000,1000000 --crunchbase

bench-quick: build
	@bash tools/bootstrap.sh --bench
	/usr/bin/python3 bench/run_bench.py --build $(BUILD_DIR) --sizes 10000,100000 --crunchbase

# Its own build: -O1 with debug info and assertions, every target instrumented; ctest passes the
# sanitizer options (CMakeLists.txt, tests/sanitize/lsan.supp) to each test and the CLI it runs.
check-sanitize: bootstrap
	cmake -S . -B $(SANITIZE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g" \
	  -DPG_SANITIZE=address,undefined -DPG_BUILD_BENCH=OFF $(CCACHE)
	cmake --build $(SANITIZE_DIR) -j $(JOBS)
	cd $(SANITIZE_DIR) && ctest --output-on-failure -j $(JOBS)

fuzz-build:
	@bash tools/bootstrap.sh --fuzz
	cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DPG_FUZZ=ON -DPG_BUILD_TESTS=OFF -DPG_BUILD_BENCH=OFF $(CCACHE)
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target fuzz_all

fuzz: fuzz-build
	bash fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

fuzz-smoke: fuzz-build
	bash fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SMOKE_SECONDS)

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR) $(FUZZ_DIR)
