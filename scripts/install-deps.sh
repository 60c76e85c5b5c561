#!/usr/bin/env bash
# Installs the Debian 12 packages that building and testing Weft need. With --sanitizers it also
# installs clang 19 and its runtimes (AddressSanitizer, UndefinedBehaviorSanitizer, libFuzzer),
# which `make sanitize` and `make fuzz` build with.
# Idempotent: when every package is already installed it only runs dpkg-query and exits.
#
# usage: scripts/install-deps.sh [--sanitizers]
set -euo pipefail

packages=(
  build-essential cmake make ninja-build ccache pkg-config git
  antlr4 libantlr4-runtime-dev uuid-dev
  llvm-19-dev zlib1g-dev libzstd-dev libxml2-dev libedit-dev libffi-dev libcurl4-openssl-dev
  nlohmann-json3-dev libfmt-dev libsimdjson-dev libcli11-dev libre2-dev libjemalloc-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  tzdata ca-certificates
  # The profile-guided build generates its training records with bench/peers/generate.py.
  python3
  # The date builtins take calendar arithmetic and time zones from Howard Hinnant's date library.
  libhowardhinnant-date-dev
  # The schema importers read YAML with libyaml, whose events carry line and column marks.
  libyaml-dev
  # The string builtins take case mappings and normalization from libutf8proc.
  libutf8proc-dev
)
case ${1:-} in
  "") ;;
  --sanitizers) packages+=(clang-19 libclang-rt-19-dev) ;;
  *)
    echo "usage: $0 [--sanitizers]" >&2
    exit 2
    ;;
esac

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) != 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
