# hearsay: two commands do all the set-up on a fresh Debian 12 machine.
#   make demo   install what is missing, build, run hearsay on the sample news
#   make test   install what is missing, build, run every test
# Other targets: make (build), make debug (ASan+UBSan build and tests),
# make fuzz (build fuzzers; FUZZ_SECONDS=N runs each), make bench, make format.

JOBS ?= $(shell nproc)
FUZZ_SECONDS ?= 20

.PHONY: all build deps demo test debug fuzz bench format tidy clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

demo: build
	@scripts/demo.sh

test: build
	@ctest --preset release -j $(JOBS)

debug: deps
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS)
	@ctest --preset debug -j $(JOBS)

fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS) --target fuzzers
	@scripts/run-fuzzers.sh $(FUZZ_SECONDS)

bench: build
	@scripts/run-benchmarks.sh

format:
	@git ls-files '*.cc' '*.h' | xargs clang-format -i

tidy: build
	@git ls-files 'src/*.cc' 'tools/*.cc' | grep -v _test.cc | xargs clang-tidy -p build --quiet

clean:
	rm -rf build
