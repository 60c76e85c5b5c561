#!/usr/bin/env bash
# Checks that libweft.so exports the embedding API and nothing else, and that it links LLVM as
# the shared libLLVM-19.so. Usage: exported_symbols.sh LIBWEFT_SO
set -euo pipefail
library=$1

exported=$(nm -D --defined-only "$library" | awk '{print $3}' | c++filt)
if ! grep -qx 'weft_version' <<<"$exported"; then
  echo "FAIL: $library does not export weft_version" >&2
  exit 1
fi
if ! grep -q '^weft::embed::Program::CompileSources' <<<"$exported"; then
  echo "FAIL: $library does not export weft::embed::Program::CompileSources" >&2
  exit 1
fi

# The C functions of weft/c_api.h, the classes of weft/weft.h outside `internal`, their type
# information and vtables.
allowed='^(weft_(version|program_[a-z_]+|rule_[a-z_]+|mapper_[a-z_]+)|((typeinfo|typeinfo name|vtable) for )?weft::embed::)'
internal=$(grep -Ev "$allowed" <<<"$exported" || true)
internal+=$(grep -E '^((typeinfo|typeinfo name|vtable) for )?weft::embed::internal::' <<<"$exported" || true)
if [[ -n $internal ]]; then
  echo "FAIL: $library exports symbols outside the embedding API:" >&2
  echo "$internal" >&2
  exit 1
fi

if ! readelf -d "$library" | grep -q 'NEEDED.*libLLVM'; then
  echo "FAIL: $library does not link the shared libLLVM" >&2
  exit 1
fi
echo "ok: $(wc -l <<<"$exported") exported symbols, all of the embedding API"
