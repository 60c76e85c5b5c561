#!/usr/bin/env bash
# Installs the programs that bench/peers/run.py compares Weft with: jq 1.6, gojq and Miller from
# Debian 12, GNU time, Python 3, Node.js with npm, and JSONata from npm into bench/peers/node_modules.
# Idempotent: when everything is installed it only runs dpkg-query and compares two files.
# Node.js counts as installed when `node` and `npm` run, because other packagings than Debian's
# (such as NodeSource's nodejs, which contains npm) conflict with Debian's npm package.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)

packages=(jq gojq miller time python3)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$package")
done
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi

if ((${#missing[@]} > 0)); then
  echo "install-peers: installing ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || { echo "install-peers: run as root or install sudo" >&2; exit 1; }
    sudo_cmd=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# After `npm ci` succeeds, the lock file it installed is copied into node_modules. While that
# copy matches the committed lock file, the installed packages are the locked ones.
stamp=$here/node_modules/.installed-package-lock.json
if ! cmp -s "$here/package-lock.json" "$stamp" 2>/dev/null; then
  echo "install-peers: installing the npm packages of $here/package-lock.json"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$here/package-lock.json" "$stamp"
fi
