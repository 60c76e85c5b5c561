#!/usr/bin/env bash
# Feeds `weft run` input that breaks in every way a real export breaks, and checks that only the
# affected records are rejected, with a reason, and that the counts add up.
# usage: bad_input.sh WEFT_BINARY
set -euo pipefail

weft=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/checks.sh"

# Runs the mapping over $work/in and keeps stdout, rejects and the summary line.
run() {
  "$weft" run "$here/bad_input.map" --rule Out --in "$work/in" --out "$work/out" \
    --rejects "$work/rejects" --no-cache "$@" 2> "$work/summary" || echo "exit $?" >> "$work/summary"
}

# One bad record of each kind between good ones.
{
  printf '{"id": 1, "name": "good"}\n'
  printf '{"id": 2, "name": "truncated\n'
  printf '{"id": 3, "name": "bad \xff\xfe utf-8"}\n'
  printf '{"id": 4, "name": "nul \\u0000 inside"}\n'
  printf '{"id": 5, "name": "huge", "amount": 1e400}\n'
  printf '{"id": 6, "name": "wide", "amount": 123456789012345678901234567890}\n'
  printf '{"id": 7, "name": "far", "weight": 1e400}\n'
  printf '{"id": 123456789012345678901234567890, "name": "id"}\n'
  printf '{"id": 9, "name": "last"}\n'
} > "$work/in"
run
expect_summary "in 9 / mapped 3 / skipped 0 / rejected 6"
expect_reject '"record":2,"line":2,"offset":26,"rule":"Out","reason":"invalid JSON'
expect_reject '"record":3,.*"reason":"invalid JSON: The input is not valid UTF-8'
grep -q '"name":"nul \\u0000 inside"' "$work/out" || fail "U+0000 not written as \\u0000: $(cat "$work/out")"
expect_reject '"record":5,.*"field":"amount","value":"1e400"'
expect_reject '"record":6,.*"field":"amount",.*too many digits'
expect_reject '"record":7,.*"field":"weight",.*out of range'
expect_reject '"record":8,.*"field":"id",.*outside -2^63 to 2^63-1'
grep -q '"id":9' "$work/out" || fail "the record after the bad ones is missing"

# Invalid JSON in fields the rule reads is rejected, not read as null or as a number.
{
  printf '{"id": 1, "name": "a", "amount": nothing}\n'
  printf '{"id": 2, "name": "a", "amount": 01.5}\n'
  printf '{"id": 3, "name": "a", "amount": 1.}\n'
  printf '{"id": 4, "name": "a", "weight": nul}\n'
  printf '   {"id": 5, "name": "indented"}\n'
} > "$work/in"
run
expect_summary "in 5 / mapped 1 / skipped 0 / rejected 4"
expect_reject '"record":1,.*"reason":"invalid JSON'
expect_reject '"record":2,.*"reason":"invalid JSON: `01.5` is not a number'
expect_reject '"record":3,.*"reason":"invalid JSON: `1.` is not a number'
expect_reject '"record":4,.*"reason":"invalid JSON'
grep -q '"name":"indented"' "$work/out" || fail "the indented record is missing"

# Every record over --max-record-bytes is rejected, wherever it falls in the read buffer.
for i in $(seq 1 20); do printf '{"id": %d, "name": "%s"}\n' "$i" "$(head -c 3000 /dev/zero | tr '\0' x)"; done > "$work/in"
printf '{"id": 21, "name": "short"}\n' >> "$work/in"
run --max-record-bytes 1000
expect_summary "in 21 / mapped 1 / skipped 0 / rejected 20"

# A 100 MB line is over the default record limit: it alone is rejected, shown cut short.
{
  printf '{"id": 1, "name": "before"}\n'
  printf '{"id": 2, "name": "'
  head -c 100000000 /dev/zero | tr '\0' 'x'
  printf '"}\n'
  printf '{"id": 3, "name": "after"}\n'
} > "$work/in"
run
expect_summary "in 3 / mapped 2 / skipped 0 / rejected 1"
expect_reject '"record":2,.*longer than 67108864 bytes'
[ "$(stat -c %s "$work/rejects")" -lt 2000 ] || fail "the rejected long line was not cut short"

# A line that cannot start a JSON value is named in the reason, as an invalid literal is.
printf '{"id": 1, "name": "a"}\nBAD line\n@{"id": 2}\n{"id": 3, "name": "c"}\n' > "$work/in"
run
expect_summary "in 4 / mapped 2 / skipped 0 / rejected 2"
expect_reject '"record":2,"line":2,.*"reason":"invalid JSON: `BAD` is not a value"'
expect_reject '"record":3,"line":3,.*"reason":"invalid JSON: `@` is not a value"'

# Lines end with the input's first kind of line break. A lone CR in a file of LF lines joins two
# records, and the reason names the CR, while CRLF lines still read as LF lines.
printf '{"id": 1, "name": "a"}\n{"id": 2, "name": "b"}\r{"id": 3, "name": "c"}\n{"id": 4, "name": "d"}\r\n' > "$work/in"
run
expect_summary "in 3 / mapped 2 / skipped 0 / rejected 1"
expect_reject '"record":2,"line":2,.*follows a carriage return (CR). The input.s lines end with LF or CRLF'
printf '{"id": 1, "name": "a"}\r{"id": 2, "name": "b"}\n{"id": 3, "name": "c"}\r' > "$work/in"
run
expect_summary "in 2 / mapped 1 / skipped 0 / rejected 1"
expect_reject '"record":2,"line":2,.*follows a line feed (LF). The input.s lines end with a lone CR'

# A CSV record over the limit is rejected alone, also when it is longer than a read and its
# quoted cell contains line breaks, and the records after it keep their lines. A quote that never
# closes makes the rest of the input one record, which is rejected with that reason.
{
  printf 'id,name\r\n1,before\r\n2,"'
  for i in 1 2 3; do printf 'first line\r\n'; head -c 1000000 /dev/zero | tr '\0' 'x'; done
  printf ' ""quoted"" end"\r\n3,after\r\n4,ragged,extra\r\n'
} > "$work/in"
for threads in 1 2; do
  run --in-format csv --max-record-bytes 100000 --threads $threads
  expect_summary "in 4 / mapped 2 / skipped 0 / rejected 2"
  expect_reject '"record":2,"line":3,"offset":19,.*longer than 100000 bytes'
  expect_reject '"record":4,"line":8,"offset":3000085,'
  grep -q '"id":3,"name":"after"' "$work/out" || fail "the CSV record after the long one is missing"
done
{
  printf 'id,name\n1,before\n2,"'
  head -c 300000 /dev/zero | tr '\0' 'x'
  printf '\n3,after\n'
} > "$work/in"
run --in-format csv --max-record-bytes 100000
expect_summary "in 2 / mapped 1 / skipped 0 / rejected 1"
expect_reject '"record":2,"line":3,.*quoted cell that opens on line 3 is never closed'

# A JSON array cut off in the middle: the records before the break are mapped and counted.
printf '[{"id": 1, "name": "a"},\n {"id": 2, "name": "b"},\n {"id": 3, "na' > "$work/in"
run
expect_summary "in 2 / mapped 2 / skipped 0 / rejected 0"
expect_summary "the input ends"
expect_summary "exit 1"

# A `records` document cut off before it closes is a document, although some of its lines are
# complete values, and so is one written on one line. The records before the end are mapped, and
# the run stops where the input ends.
cut_documents=(
  '{"records": [\n {"id": 1, "name": "a"},\n {"id": 2, "name": "b"}\n'
  '{"done": true,\n "records": [\n {"id": 1, "name": "a"},\n {"id": 2, "name": "b"}\n'
  '{"records": [\n {"id": 1, "name": "a"},\n {"id": 2, "name": "b"}\n]\n'
  '{"records": [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}'
  '{"records": [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}\n'
)
for document in "${cut_documents[@]}"; do
  printf "$document" > "$work/in"
  for threads in 1 2; do
    run --threads "$threads"
    expect_summary "in 2 / mapped 2 / skipped 0 / rejected 0"
    expect_summary "byte $(stat -c %s "$work/in"): the input ends before the document does"
    expect_summary "exit 1"
  done
done

# NDJSON whose first line is not closed is still NDJSON: that line alone is rejected.
printf '{"id": 1, "name": "a"\n{"id": 2, "name": "b"}\n{"id": 3, "name": "c"}\n' > "$work/in"
run
expect_summary "in 3 / mapped 2 / skipped 0 / rejected 1"
expect_reject '"record":1,"line":1,.*"reason":"invalid JSON'

# Stray bytes before an element stop the run where they start, on one thread or two, and no
# piece of the element after them becomes a record.
for stray in 'x' '\0'; do
  printf '[{"id": 1, "name": "a"}, '"$stray"'{"id": 2, "name": "b"}, {"id": 3, "name": "c"}]' > "$work/in"
  for threads in 1 2; do
    run --threads "$threads"
    expect_summary "in 1 / mapped 1 / skipped 0 / rejected 0"
    expect_summary "near line 1, byte 25: expected a value, found stray bytes"
    expect_summary "exit 1"
  done
done

# A JSON array of 60000 elements with one element over --max-record-bytes as element $1, read
# from the file $2. Writes the byte offset of that element to $work/offset.
long_element_document() {
  awk -v at="$1" -v long="$2" -v offset_file="$work/offset" 'BEGIN {
    offset = 0
    for (i = 1; i <= 60000; i++) {
      separator = i == 1 ? "[\n  " : ",\n  "
      printf "%s", separator
      offset += length(separator)
      if (i == at) {
        print offset > offset_file
        fflush()
        system("cat \"" long "\"")
        continue
      }
      element = sprintf("{\"id\": %d, \"name\": \"n%d\", \"amount\": %d.25}", i, i, i)
      printf "%s", element
      offset += length(element)
    }
    printf "\n]\n"
  }' > "$work/in"
}

# A long string full of escaped quotes, backslashes and brackets, and a deep array.
{
  printf '{"id": 0, "name": "'
  awk 'BEGIN { for (i = 0; i < 500000; i++) printf "\\\"]}\\\\[{ab" }'
  printf '"}'
} > "$work/long_string"
{
  printf '{"id": 0, "name": "deep", "extra": '
  head -c 2500000 /dev/zero | tr '\0' '['
  head -c 2500000 /dev/zero | tr '\0' ']'
  printf '}'
} > "$work/long_deep"

# The long element alone is rejected, at the start, in the middle and at the end of a document
# of several megabytes, on one thread and on two, and the elements after it are mapped.
for long in long_string long_deep; do
  for at in 1 30000 60000; do
    long_element_document "$at" "$work/$long"
    for threads in 1 2; do
      run --max-record-bytes 1000000 --threads "$threads"
      expect_summary "in 60000 / mapped 59999 / skipped 0 / rejected 1"
      expect_reject "^{\"record\":$at,\"line\":$((at + 1)),\"offset\":$(cat "$work/offset"),.*longer than 1000000 bytes"
      [ "$(stat -c %s "$work/rejects")" -lt 2000 ] || fail "the rejected $long element was not cut short"
      last=$((at == 60000 ? 59999 : 60000))
      grep -q "\"id\":$last," "$work/out" || fail "the record after the $long element at $at is missing"
    done
  done
done

# An element over --max-record-bytes is still validated as it is read past, so one that is not
# valid JSON is rejected for what breaks it. A broken member beside the records stops the run, as
# a shorter one does, at the line and byte where it breaks.
{
  printf '{"records": [\n {"id": 1, "name": "a"},\n {"id": 2, "name": "'
  head -c 3000000 /dev/zero | tr '\0' 'x'
  printf '", "weight": tru},\n {"id": 3, "name": "c"}\n],\n "meta": {"note": "'
  head -c 3000000 /dev/zero | tr '\0' 'x'
  printf '",\n  "done": tru}}\n'
} > "$work/in"
run --max-record-bytes 1000000
expect_summary "in 3 / mapped 2 / skipped 0 / rejected 1"
expect_reject '^{"record":2,"line":3,"offset":40,.*"reason":"invalid JSON at byte 3000033 of the record: `tru` is not a value. The record is also longer than 1000000 bytes'
expect_summary 'near line 7, byte 6000137: `tru` is not a value (the value starts on line 6 at byte 3000114)'
expect_summary "exit 1"

# A document that ends inside its long element stops where it ends, after the records before.
{
  printf '[{"id": 1, "name": "a"},\n {"id": 2, "name": "'
  head -c 5000000 /dev/zero | tr '\0' 'x'
} > "$work/in"
run --max-record-bytes 1000000
expect_summary "in 1 / mapped 1 / skipped 0 / rejected 0"
expect_summary "the input ends inside a value (the value starts on line 2 at byte 26)"
expect_summary "exit 1"

# A document of one object over --max-record-bytes is rejected as a record, whether it is small
# enough to be read whole or not.
for size in 5000 5000000; do
  {
    printf '\n{\n  "id": 1,\n  "name": "'
    head -c "$size" /dev/zero | tr '\0' 'x'
    printf '"\n}\n'
  } > "$work/in"
  run --max-record-bytes $((size / 5))
  expect_summary "in 1 / mapped 0 / skipped 0 / rejected 1"
  expect_reject "^{\"record\":1,\"line\":2,\"offset\":1,.*longer than $((size / 5)) bytes"
  run --max-record-bytes $((size * 2))
  expect_summary "in 1 / mapped 1 / skipped 0 / rejected 0"
done

# A document of one object of 10 MB, many batches long but within --max-record-bytes, is read
# whole as one record from a file or a pipe. Malformed inside, it alone is rejected with the
# reason.
for weight in '' ',\n  "weight": nul'; do
  {
    printf '\n{\n  "id": 1,\n  "name": "'
    head -c 10000000 /dev/zero | tr '\0' 'x'
    printf '"'"$weight"'\n}\n'
  } > "$work/in"
  counts="in 1 / mapped 1 / skipped 0 / rejected 0"
  if [ -n "$weight" ]; then counts="in 1 / mapped 0 / skipped 0 / rejected 1"; fi
  run
  expect_summary "$counts"
  "$weft" run "$here/bad_input.map" --rule Out --in - --out "$work/out" --rejects "$work/rejects" \
    --no-cache < "$work/in" 2> "$work/summary" || echo "exit $?" >> "$work/summary"
  expect_summary "$counts"
done
expect_reject '^{"record":1,"line":2,"offset":1,"rule":"Out","reason":"invalid JSON'

# The same input through a pipe gives the same result.
{
  printf '{"id": 1, "name": "good"}\n'
  printf '{"id": 2, "name": \n'
} > "$work/in"
"$weft" run "$here/bad_input.map" --rule Out --in - --out "$work/out" --rejects "$work/rejects" \
  --no-cache < "$work/in" 2> "$work/summary"
expect_summary "in 2 / mapped 1 / skipped 0 / rejected 1"

# Several megabytes of NDJSON from a file are split into parts that the mapping threads read
# themselves. Records, lines and offsets in the rejects must be those of one thread, also with
# blank lines, CRLF and lines over the limit around the parts' edges.
awk 'BEGIN {
  for (i = 1; i <= 40000; i++) {
    if (i % 997 == 0) printf "{\"id\": %d, \"name\": \"cut\n", i
    else if (i % 1009 == 0) printf "\n  \r\n"
    else if (i % 1013 == 0) printf "{\"id\": %d, \"name\": \"%0900d\"}\n", i, 0
    else if (i % 7 == 0) printf "{\"id\": %d, \"name\": \"crlf\"}\r\n", i
    else printf "{\"id\": %d, \"name\": \"n%d\", \"amount\": %d.25}\n", i, i, i
  }
}' > "$work/in"
run --threads 1 --max-record-bytes 800
mv "$work/out" "$work/out.one"
mv "$work/rejects" "$work/rejects.one"
grep -o 'in [0-9]* / .*rejected [0-9]*' "$work/summary" > "$work/summary.one"
run --threads 2 --max-record-bytes 800
cmp -s "$work/out" "$work/out.one" || fail "two threads mapped records differently from one"
cmp -s "$work/rejects" "$work/rejects.one" ||
  fail "two threads wrote other rejects than one: $(diff "$work/rejects" "$work/rejects.one" | head -c 600)"
expect_summary "$(cat "$work/summary.one")"
expect_reject '"record":1012,"line":1014,.*"reason":"the record is longer than 800 bytes'
expect_reject '"record":29881,"line":29939,.*"reason":"invalid JSON: A string is opened'

# Lines at both sides of --max-record-bytes, most of them long enough that the parts and the
# read buffers end inside them. The limit counts a line's bytes before its line break, blanks
# included but not the CR of a CRLF, wherever the break is found. A blank line over the limit is
# rejected as a record. One thread, two, three and a pipe give the same
# records, lines and offsets. The awk program writes the expected summary and the position of
# the first blank line over the limit to $work/expected.
awk -v limit=100000 -v expected="$work/expected" '
function pad(count, char,   text) {
  text = char
  while (length(text) < count) text = text text
  return substr(text, 1, count)
}
function object(size,   head) {
  head = sprintf("{\"id\": %d, \"name\": \"", ++id)
  return head pad(size - length(head) - 2, "x") "\"}"
}
function put(line, kind) {
  if (kind == "mapped" || kind == "rejected") {
    ++records
    counts[kind]++
  }
  if (kind == "rejected" && line ~ /^ *\n$/ && !blank_reject) {
    blank_reject = sprintf("\"record\":%d,\"line\":%d,\"offset\":%d,", records, lines + 1, bytes)
  }
  printf "%s", line
  bytes += length(line)
  lines++
}
BEGIN {
  for (round = 1; round <= 45; round++) {
    for (i = 0; i < round * 7 % 4 + 1; i++) put(sprintf("{\"id\": %d, \"name\": \"s\"}\n", ++id), "mapped")
    kind = round % 9
    if (kind == 0) put(object(limit) "\r\n", "mapped")
    if (kind == 1) put(object(limit + 1) "\r\n", "rejected")
    if (kind == 2) put(object(limit - 3) " \t \n", "mapped")
    if (kind == 3) put(object(limit - 2) "  \t\r\n", "rejected")
    if (kind == 4) put(pad(60000, " ") object(limit - 60000) "\n", "mapped")
    if (kind == 5) put(pad(60000, " ") object(limit - 59999) "\n", "rejected")
    if (kind == 6) put(pad(limit, " ") "\r\n", "blank")
    if (kind == 7) put(pad(limit + 5000, " ") "\n", "rejected")
    if (kind == 8) put(pad(limit + 1, " ") object(50) "\n", "rejected")
  }
  printf "in %d / mapped %d / skipped 0 / rejected %d\n%s\n", records, counts["mapped"],
    counts["rejected"], blank_reject > expected
}' > "$work/in"
run --threads 1 --max-record-bytes 100000
mv "$work/out" "$work/out.one"
mv "$work/rejects" "$work/rejects.one"
expect_summary "$(sed -n 1p "$work/expected")"
cp "$work/rejects.one" "$work/rejects"
expect_reject "^{$(sed -n 2p "$work/expected").*longer than 100000 bytes"
for threads in 2 3 pipe; do
  if [ "$threads" = pipe ]; then
    "$weft" run "$here/bad_input.map" --rule Out --in - --out "$work/out" \
      --rejects "$work/rejects" --no-cache --max-record-bytes 100000 < "$work/in" 2> "$work/summary"
  else
    run --threads "$threads" --max-record-bytes 100000
  fi
  expect_summary "$(sed -n 1p "$work/expected")"
  cmp -s "$work/out" "$work/out.one" || fail "$threads: mapped records differ from one thread's"
  cmp -s "$work/rejects" "$work/rejects.one" ||
    fail "$threads: rejects differ from one thread's: $(diff "$work/rejects" "$work/rejects.one" | head -c 600)"
done

# A run replaces the outputs of an earlier, longer run, and writes into outputs that exist and are
# empty.
printf '{"id": 1, "name": "first"}\n{"id": 2, "name": "second"}\n{"id": 3}\n' > "$work/in"
run
printf '{"id": 4, "name": "only"}\n' > "$work/in"
run
[ "$(wc -l < "$work/out")" = 1 ] && grep -q '"id":4' "$work/out" ||
  fail "the output of the earlier run was not replaced: $(cat "$work/out")"
[ -s "$work/rejects" ] && fail "the rejects of the earlier run were not replaced"
rm "$work/out" "$work/rejects"
: > "$work/out"
: > "$work/rejects"
run
grep -q '"id":4' "$work/out" || fail "an empty output that existed was not written"

# A FIFO given as the input is opened only once the rule is ready, so that a run that stops before,
# here at an unknown rule, ends although nothing writes to the FIFO. With a writer it is read.
mkfifo "$work/fifo"
status=0
timeout 20 "$weft" run "$here/bad_input.map" --rule Nope --in "$work/fifo" --out "$work/out" \
  --rejects "$work/rejects" --no-cache --threads 2 2> "$work/summary" || status=$?
[ "$status" = 2 ] || fail "an unknown rule with an unwritten FIFO as input ended with $status"
printf '{"id": 1, "name": "piped"}\n' > "$work/fifo" &
timeout 20 "$weft" run "$here/bad_input.map" --rule Out --in "$work/fifo" --out "$work/out" \
  --rejects "$work/rejects" --no-cache --threads 2 2> "$work/summary" || echo "exit $?" >> "$work/summary"
wait
expect_summary "in 1 / mapped 1 / skipped 0 / rejected 0"

# An output that cannot be written fails the run, also when the records go to standard output.
"$weft" run "$here/bad_input.map" --rule Out --in "$work/in" --out /dev/full \
  --rejects "$work/rejects" --no-cache 2> "$work/summary" && fail "writing /dev/full succeeded"
expect_summary 'writing `/dev/full` failed'
"$weft" run "$here/bad_input.map" --rule Out --in "$work/in" --out - \
  --rejects "$work/rejects" --no-cache > /dev/full 2> "$work/summary" &&
  fail "writing standard output to /dev/full succeeded"
expect_summary 'writing `standard output` failed'

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all bad-input checks passed"
