#!/usr/bin/env bash
# The whole test suite built with AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DSAGSOEG_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$(nproc)"
# new_delete_type_mismatch: Xapian 1.4.22's own Database::check (run by the indexer before it
# writes, and by --check) allocates and frees one of its objects through mismatched
# types inside libxapian; nothing of ours is involved (new and delete are both in the
# library), and the library is not built with ASan.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:new_delete_type_mismatch=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export KILL_TEST_DOCS=600
ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -E 'e2e_browser|clang_format' "$@"
