#!/usr/bin/env bash
# The benchmark in one command: installs the peers (omindex, sqlite3, wrk),
# builds, generates the corpus (default 20,000 documents) and prints the
# table that README.md quotes. Work files go to var/bench/.
#   scripts/bench.sh [DOCS]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --bench
scripts/build.sh
python3 tests/bench/run_bench.py --build build --docs "${1:-20000}"
