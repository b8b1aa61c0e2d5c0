# The two commands a new user needs: `make demo` and `make test`. Both install what is missing
# (tools/bootstrap.sh), configure, build and run.
BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PG := $(BUILD_DIR)/bin/partnergraph
EXAMPLE := examples/ai-cloud-2026

.PHONY: all bootstrap build test demo clean bench bench-quick

all: build

bootstrap:
	@bash tools/bootstrap.sh

$(BUILD_DIR)/build.ninja: CMakeLists.txt | bootstrap
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: bootstrap $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

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

clean:
	rm -rf $(BUILD_DIR)
