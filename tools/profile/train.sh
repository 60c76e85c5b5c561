#!/usr/bin/env bash
# Records the runtime's profile for the profile-guided build (tools/profile_guided.cmake). The
# instrumented program maps generated Salesforce accounts on one thread, as NDJSON and as CSV.
# The counts are then copied to where GCC looks for them when it compiles the optimized objects.
#
# usage: train.sh WEFT_PROFILING SOURCE_DIR WORK_DIR INSTRUMENTED_OBJECTS OPTIMIZED_OBJECTS
set -euo pipefail

if (($# != 5)); then
  echo "usage: $0 WEFT_PROFILING SOURCE_DIR WORK_DIR INSTRUMENTED_OBJECTS OPTIMIZED_OBJECTS" >&2
  exit 2
fi
weft=$1
source_dir=$2
work=$3
instrumented=$4
optimized=$5

mkdir -p "$work"
# Counts add up over runs, so those of an earlier training go first.
find "$instrumented" -name '*.gcda' -delete

# 20,000 records, 23 MB, generated in about two seconds. They are drawn like the benchmark's, so
# a larger input would scale the counts without changing their proportions much.
accounts=$work/accounts
if ! python3 "$source_dir/bench/peers/generate.py" --out "$accounts.ndjson" --csv "$accounts.csv" \
  --records 20000 --seed 20260101 >/dev/null; then
  echo "train.sh: generating the training records failed" >&2
  echo "train.sh: configure with -DWEFT_PROFILE_GUIDED=OFF to build without the profile" >&2
  exit 1
fi
map=$source_dir/bench/peers/accounts.map
common=(--rule Customer --threads 1 --cache-dir "$work/cache" --rejects "$work/rejects")
log=$work/train.log
for input in "$accounts.ndjson" "$accounts.csv"; do
  if ! "$weft" run "$map" "${common[@]}" --in "$input" --out "$work/customers.${input##*.}" \
    2>"$log"; then
    echo "train.sh: the training run on $input failed:" >&2
    cat "$log" >&2
    echo "train.sh: configure with -DWEFT_PROFILE_GUIDED=OFF to build without the profile" >&2
    exit 1
  fi
done

find "$optimized" -name '*.gcda' -delete 2>/dev/null || true
copied=0
while IFS= read -r -d '' counts; do
  target=$optimized/${counts#"$instrumented"/}
  mkdir -p "$(dirname "$target")"
  cp "$counts" "$target"
  copied=$((copied + 1))
done < <(find "$instrumented" -name '*.gcda' -print0)
if ((copied == 0)); then
  echo "train.sh: the training run wrote no profile under $instrumented" >&2
  exit 1
fi
rm -f "$accounts.ndjson" "$accounts.csv" "$work"/customers.* "$work/rejects"
