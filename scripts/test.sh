#!/usr/bin/env bash
# The whole test suite: build, then every unit, integration and end-to-end
# test through CTest (the browser test needs playwright-core from npm).
# .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -d tests/e2e/browser/node_modules/playwright-core || ! -d tests/e2e/browser/node_modules/axe-core ]]; then
  npm ci --prefix tests/e2e/browser --no-audit --no-fund --loglevel=error
fi
scripts/build.sh -DSAGSOEG_WERROR=ON
ctest --test-dir build --output-on-failure -j"$(nproc)" "$@"
