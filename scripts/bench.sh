#!/usr/bin/env bash
# The benchmark in one command: installs the peers (omindex, sqlite3, wrk),
# builds, generates the corpora (default 3,000 and 20,000 documents) and
# prints the tables README.md quotes (also in var/bench/results.md).
#   scripts/bench.sh [SIZES] [run_bench.py options]   e.g. scripts/bench.sh 3000,20000 --peers
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --bench
scripts/build.sh
python3 tests/bench/run_bench.py --build build --docs "${1:-3000,20000}" "${@:2}"
