#!/usr/bin/env bash
# The main job on a fresh Debian machine: install dependencies, build, index
# the bundled corpus into the default database (var/db) and run an example
# search.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
build/indexer/indexer --db var/db corpus/
build/searcher/searcher --db var/db --limit 3 lægedækning almen praksis
