#!/usr/bin/env bash
# Installs everything the project needs on Debian 12 (apt only). Used by the
# README's quick start and by .ci/run. Safe to run again.
#   scripts/install-deps.sh          build, run and test
#   scripts/install-deps.sh --bench  also the peers the benchmarks compare with
set -euo pipefail
packages=(
  build-essential cmake pkg-config clang clang-format
  libxapian-dev xapian-tools libstemmer-dev hunspell-da wdanish libboost-program-options-dev zlib1g-dev
  libgtest-dev nlohmann-json3-dev libcpp-httplib-dev libxml2-dev libpoppler-cpp-dev
  libgoogle-perftools-dev libcurl4-openssl-dev python3 chromium nodejs npm help2man
)
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(xapian-omega sqlite3 wrk gnuplot-nox)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The machine's own node/npm may come from outside apt; do not replace them.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
filtered=()
for p in "${missing[@]}"; do [[ -n "$p" ]] && filtered+=("$p"); done
if (( ${#filtered[@]} )); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${filtered[@]}"
fi
echo "install-deps: all packages present"
