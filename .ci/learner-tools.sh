#!/usr/bin/env bash
# The learner's and the instructor's commands tried as processes, the slow ones that stay out of `dotnet test`:
# `./kata watch` on a scratch clone (a saved file changes the board; Ctrl+C stops it cleanly), and `./kata grade`
# on scratch clones (exact scores on a partly solved copy, not fooled by edited tests or rubric, survives an endless loop).
# Doctor, hint and reset are fast and tested in tests/Katas.Support.Tests.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
watcher=""
cleanup() { [ -n "$watcher" ] && kill "$watcher" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
tool="$(ls "$repo"/tools/Katas.Cli/bin/solutions/Debug/net10.0/*/katas.dll)"
katas() { dotnet "$tool" "$@"; }
fail() { echo "learner tools: $*"; [ -f "$work/watch.log" ] && tail -40 "$work/watch.log"; exit 1; }
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# Waits until FILE has at least COUNT lines matching PATTERN, for at most SECONDS.
wait_for() {
  local file="$1" pattern="$2" count="$3" seconds="$4" start; start=$(date +%s)
  until [ "$(grep -c -- "$pattern" "$file" 2>/dev/null || true)" -ge "$count" ]; do
    [ $(( $(date +%s) - start )) -lt "$seconds" ] || fail "waited $seconds s for $count line(s) matching \"$pattern\""
    sleep 0.5
  done
}

scratch_clone() { git clone -q "$repo" "$1"; }

echo "--- watch: a saved file re-runs the tests and changes the board; Ctrl+C stops it"
started=$(date +%s)
scratch_clone "$work/watch"
cd "$work/watch"
# Job control on: a background job of a script otherwise starts with SIGINT ignored, and Ctrl+C could not reach it.
set -m
katas watch 01 >"$work/watch.log" 2>&1 &
set +m
watcher=$!
wait_for "$work/watch.log" "Watching katas/ for your changes" 1 600
grep -q "01-linreg: 0/[0-9]* tests pass" "$work/watch.log" || fail "the first board should show no test passing on the stubs"
cp "$repo/solutions/01-linreg/Loss.cs" katas/01-linreg/Loss.cs
wait_for "$work/watch.log" "katas/01-linreg/Loss.cs changed" 1 30
wait_for "$work/watch.log" "Watching katas/ for your changes" 2 300
second_board="$(awk '/Loss.cs changed/{found=1} found' "$work/watch.log")"
echo "$second_board" | grep -v "tests done, running" | sed -n 1,12p
echo "$second_board" | grep -q "01-linreg: [1-9][0-9]*/[0-9]* tests pass" || fail "the board after the edit should show task 1's tests passing"
echo "$second_board" | grep -E "│ 1 +│" | grep -q "passed" || fail "task 1 should be passed on the second board"
kill -INT "$watcher"
set +e; wait "$watcher"; code=$?; set -e
watcher=""
[ "$code" -eq 0 ] || fail "watch should stop cleanly with exit code 0 on Ctrl+C (SIGINT), got $code"
tail -1 "$work/watch.log" | grep -q "Stopped watching." || fail "watch should say it stopped"
echo "watch: ok ($(( $(date +%s) - started )) s)"
cd "$repo"
