#!/usr/bin/env bash
# Installs Weft into a temporary prefix and builds examples/embed-c against the installed tree,
# with pkg-config and with find_package(Weft) against the shared and the static library, then
# runs each build and compares its output with the expected one.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR [SANITIZERS]
set -euo pipefail
build=$1
source=$2
sanitize=${3:-}
example=$source/examples/embed-c
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" > "$work/install.log"

# The example is built with the compilers that built the library, CC and CXX when set, because
# a library built with sanitizers needs the same compiler's sanitizer runtime in the program.
cc=${CC:-cc}
cflags=(-std=c11 -Wall -Wextra -Werror)
ldflags=()
if [[ -n $sanitize ]]; then
  cflags+=("-fsanitize=$sanitize")
  ldflags+=("-fsanitize=$sanitize")
  # clang links the C++ part of its sanitizer runtimes, which the library's C++ code needs, into
  # a C program only when asked to, and that part needs libstdc++.
  if "$cc" --version | grep -q clang; then
    ldflags+=(-fsanitize-link-c++-runtime -lstdc++)
  fi
fi

check_output() {
  local program=$1 name=$2
  "$program" "$example/orders.map" "$example/orders.ndjson" \
    "$work/cache" > "$work/output"
  if ! diff -u "$example/expected_output.txt" "$work/output"; then
    echo "FAIL: the example built with $name printed other output" >&2
    exit 1
  fi
}

pc_dir=$(dirname "$(find "$work/prefix" -name weft.pc)")
export PKG_CONFIG_PATH=$pc_dir
libdir=$(pkg-config --variable=libdir weft)
"$cc" "${cflags[@]}" "${ldflags[@]}" "$example/main.c" $(pkg-config --cflags --libs weft) \
  -Wl,-rpath,"$libdir" -o "$work/pkg-config-example"
check_output "$work/pkg-config-example" pkg-config
if [[ -z $(ls -A "$work/cache") ]]; then
  echo "FAIL: the example left its cache directory empty" >&2
  exit 1
fi

for linkage in shared static; do
  static=$([[ $linkage == static ]] && echo ON || echo OFF)
  cmake -S "$example" -B "$work/cmake-$linkage" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
    -DCMAKE_C_FLAGS="${cflags[*]}" -DCMAKE_EXE_LINKER_FLAGS="${ldflags[*]}" \
    -DWEFT_EXAMPLE_STATIC=$static > "$work/cmake-$linkage.log"
  cmake --build "$work/cmake-$linkage" > "$work/cmake-$linkage-build.log"
  check_output "$work/cmake-$linkage/embed_example" "CMake and libweft $linkage"
done
echo "ok: the installed C example builds and runs with pkg-config, and with CMake linking" \
  "libweft.so and libweft.a"
