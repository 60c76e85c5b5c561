# Sourced by the throughput scripts of bench/.
#
# timed_run UNIT COUNT INPUT COMMAND...
#   Runs COMMAND, which maps the file INPUT of COUNT records, and prints the count, the input's
#   size, the wall time of the whole command and the throughput in UNIT per second.
timed_run() {
  local unit=$1 count=$2 input=$3
  shift 3
  local bytes start end
  bytes=$(stat -c %s "$input")
  start=$(date +%s.%N)
  "$@"
  end=$(date +%s.%N)
  awk -v u="$unit" -v n="$count" -v b="$bytes" -v s="$start" -v e="$end" 'BEGIN {
    t = e - s
    printf "%s: %d\ninput: %.1f MB\nwall time: %.2f s (compile, read, map and write)\nthroughput: %.0f %s/s, %.1f MB/s\n", u, n, b / 1e6, t, n / t, u, b / 1e6 / t
  }'
}
