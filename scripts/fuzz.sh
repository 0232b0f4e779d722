#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for
# SECONDS (default 60), seeded with the corpus and the saved regressions.
# New crashes are written to tests/fuzz/regressions/<target>/ -- fix them and
# commit the input: the replay tests run it from then on.
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAGSOEG_FUZZ=ON \
  -DSAGSOEG_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target parser_fuzzer query_fuzzer
run() {
  local target="$1" max_len="$2"; shift 2
  local work; work="$(mktemp -d)"
  mkdir -p "tests/fuzz/regressions/$target"
  # The first corpus folder receives new inputs: a scratch copy, not the repo.
  build-fuzz/tests/fuzz/"$target"_fuzzer "$work" "$@" "tests/fuzz/regressions/$target" \
    -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="tests/fuzz/regressions/$target/" -print_final_stats=1 2>&1 | tail -n 12
  rm -rf "$work"
}
run parser 65536 corpus tests/data
run query 512 tests/relevance
