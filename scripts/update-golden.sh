#!/usr/bin/env bash
# Regenerates tests/golden/ from the current build (after an intended change
# to what the programs print). Read `git diff tests/golden` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build -j"$(nproc)" >/dev/null
GOLDEN_UPDATE=1 ctest --test-dir build -R e2e_golden_test --output-on-failure | grep -E "updated|Passed|Failed" || true
git status --short tests/golden | head -20
