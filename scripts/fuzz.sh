#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each,
# seeded with the corpus and the saved regressions.
#   scripts/fuzz.sh [SECONDS]   explore: random seed, SECONDS (default 60) per target
#   scripts/fuzz.sh --ci        what CI runs: a fixed seed and a fixed number of
#                               inputs, so a commit that passes here passes there
# New crashes are written to tests/fuzz/regressions/<target>/ -- fix them and
# commit the input: the replay tests run it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--ci" ]]; then
  limits=(-seed=1)
  parser_limit=(-runs=8000)
  query_limit=(-runs=4000)
else
  limits=(-max_total_time="${1:-60}")
  parser_limit=()
  query_limit=()
fi
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAGSOEG_FUZZ=ON \
  -DSAGSOEG_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target parser_fuzzer query_fuzzer
run() {
  local target="$1" max_len="$2"; shift 2
  local work; work="$(mktemp -d)"
  mkdir -p "tests/fuzz/regressions/$target"
  # The first corpus folder receives new inputs: a scratch copy, not the repo.
  local status=0
  build-fuzz/tests/fuzz/"$target"_fuzzer "$work" "$@" \
    -max_len="$max_len" -timeout=30 -rss_limit_mb=4096 \
    -artifact_prefix="tests/fuzz/regressions/$target/" -print_final_stats=1 >"$work.log" 2>&1 || status=$?
  tail -n 12 "$work.log"
  rm -rf "$work" "$work.log"
  return "$status"
}
run parser 65536 corpus tests/data tests/fuzz/regressions/parser "${limits[@]}" "${parser_limit[@]}"
run query 512 tests/relevance tests/fuzz/regressions/query "${limits[@]}" "${query_limit[@]}"
