#!/usr/bin/env bash
# Sums the counters of every TRX file under a results folder and prints one line:
#   "N passed, N failed" (", N skipped" when any).
# Exits non-zero when a test failed, when no results exist, or when a test run aborted.
set -euo pipefail
dir=${1:-TestResults}
shopt -s nullglob globstar
files=("$dir"/**/*.trx)
if [ ${#files[@]} -eq 0 ]; then
  echo "0 passed, 0 failed (no test results found in $dir)"
  exit 1
fi
passed=0 failed=0 skipped=0 aborted=0
for f in "${files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
  get() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(get total); executed=$(get executed); p=$(get passed); fl=$(get failed)
  err=$(get error); to=$(get timeout); ab=$(get aborted); nr=$(get notExecuted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${fl:-0} + ${err:-0} + ${to:-0}))
  skipped=$((skipped + ${nr:-0} + ${total:-0} - ${executed:-0}))
  if [ "${ab:-0}" -gt 0 ] || grep -q 'outcome="Aborted"\|<ResultSummary outcome="Error"' "$f"; then
    aborted=1
  fi
done
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ] && [ "$aborted" -eq 0 ]
