#!/usr/bin/env bash
# The whole test suite: build, then every unit, integration and end-to-end
# test through CTest. .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh -DSAGSOEG_WERROR=ON
ctest --test-dir build --output-on-failure -j"$(nproc)" "$@"
