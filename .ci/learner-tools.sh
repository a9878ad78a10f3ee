#!/usr/bin/env bash
# The learner's and the instructor's commands tried as processes, the slow ones that stay out of `dotnet test`:
# `./kata watch` on a scratch clone (a saved file changes the board; Ctrl+C stops it cleanly), and `./kata grade`
# on scratch clones (exact scores on a partly solved copy, not fooled by edited tests or rubric, survives an endless loop).
# Doctor, hint and reset are fast and tested in tests/Katas.Cli.Tests.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
watcher=""
cleanup() { [ -n "$watcher" ] && kill "$watcher" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
# The README's way in: ./kata (a Release build, built by the wrapper when stale), run inside the scratch clones below,
# where it tests the clone's katas (the tool finds its repository from the current folder).
katas() { "$repo/kata" "$@"; }
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

only="${1:-all}"   # watch, grade or all
if [ "$only" != grade ]; then
echo "--- watch: a saved file re-runs the tests and changes the board; all green moves on; Ctrl+C stops it"
started=$(date +%s)
scratch_clone "$work/watch"
cd "$work/watch"
# Job control on: a background job of a script otherwise starts with SIGINT ignored, and Ctrl+C could not reach it.
set -m
"$repo/kata" watch 01 >"$work/watch.log" 2>&1 &   # the wrapper execs dotnet, not a shell function: $! is its pid
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
echo "$second_board" | grep -q "^task 1 *passed" || fail "task 1 should be passed on the second board"
# The saved file's task runs first: its row comes before every other task's.
[ "$(echo "$second_board" | grep -m1 "^task [0-9]" | awk '{print $2}')" = 1 ] || fail "the saved file's task (1) should be the first row"
# The whole kata solved: the board is all green and watch moves on to kata 02 (Ctrl+C then arrives during 02's run).
cp "$repo"/solutions/01-linreg/*.cs katas/01-linreg/
wait_for "$work/watch.log" "On to 02-spread" 1 300
grep -q "01-linreg: \([0-9]*\)/\1 tests pass" "$work/watch.log" || fail "an all-green board of 01-linreg should come before moving on"
kill -INT "$watcher"
# Where the environment started this script with SIGINT ignored (a backgrounded or nohup'ed CI job), no
# process below it can receive Ctrl+C; then SIGTERM, which watch handles the same clean way, stops it.
for _ in $(seq 1 30); do kill -0 "$watcher" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$watcher" 2>/dev/null; then
  echo "watch: SIGINT is ignored in this environment; stopping watch with SIGTERM instead"
  kill -TERM "$watcher"
fi
set +e; wait "$watcher"; code=$?; set -e
watcher=""
[ "$code" -eq 0 ] || fail "watch should stop cleanly with exit code 0 on Ctrl+C (SIGINT) or SIGTERM, got $code"
tail -1 "$work/watch.log" | grep -q "Stopped watching." || fail "watch should say it stopped"
echo "watch: ok ($(( $(date +%s) - started )) s)"
cd "$repo"
fi

if [ "$only" != watch ]; then
echo "--- grade: exact scores on a partly solved student commit, not fooled by an edited test or rubric, survives an endless loop"
started=$(date +%s)
# The student's repository: a clone of the course in which the learner solves tasks 1 and 2, writes an endless loop for
# task 4, deletes task 3's tests and gives task 3 all the points, and commits. The course grades it from its own checkout.
scratch_clone "$work/student"
cd "$work/student"
cp "$repo/solutions/01-linreg/Loss.cs" "$repo/solutions/01-linreg/Gradients.cs" katas/01-linreg/
python3 - katas/01-linreg/GradientDescent.cs <<'PY'
import re, sys
path = sys.argv[1]; text = open(path).read()
new, count = re.subn(r'throw new NotImplementedException\([^;]*;', 'while (true) { }', text)
assert count == 1, f"{path}: expected one stub, found {count}"
open(path, 'w').write(new)
PY
rm tests/01-linreg/Task3GradientStepTests.cs
python3 - tests/01-linreg/rubric.json <<'PY'
import json, sys
path = sys.argv[1]; rubric = json.load(open(path))
for task in rubric["tasks"]:
    task["points"] = 100 if task["task"] == 3 else task["points"]
json.dump(rubric, open(path, "w"))
PY
git add -A && git -c user.name=student -c user.email=student@example.org commit -qm "tasks 1 and 2, and some tampering"
student_commit="$(git rev-parse HEAD)"
cd "$repo"
set +e
katas grade --student "$work/student" --katas 01 --format json --out "$work/results.json" >"$work/grade.log" 2>&1; code=$?
set -e
tail -3 "$work/grade.log"
[ "$code" -eq 0 ] || { cat "$work/grade.log"; fail "grade should exit 0, got $code"; }
cat artifacts/grade/report.md
# The expected score from the course's rubric (not the edited one): tasks 1 and 2.
expected="$(python3 -c 'import json; r=json.load(open("tests/01-linreg/rubric.json")); p={t["task"]:t["points"] for t in r["tasks"]}; print(p[1]+p[2], sum(p.values()))')"
read -r want total <<<"$expected"
grep -q "^# Katas grade: $want / $total points" artifacts/grade/report.md || fail "the report should score exactly $want / $total"
grep -q "| 01-linreg | 4 | 0 / [0-9]* | \*\*hung\*\*" artifacts/grade/report.md || fail "task 4's endless loop should be named as hung"
grep -q "did not finish within" artifacts/grade/report.md || fail "the report should say task 4 did not finish"
grep -q "$student_commit" artifacts/grade/report.md || fail "the report should name the student's commit"
grep -q "tests/01-linreg/Task3GradientStepTests.cs" artifacts/grade/report.md || fail "the report should name the deleted test file as ignored"
grep -q "tests/01-linreg/rubric.json" artifacts/grade/report.md || fail "the report should name the edited rubric as ignored"
python3 - "$work/results.json" artifacts/grade/junit.xml "$want" "$total" "$student_commit" <<'PY'
import json, sys, xml.etree.ElementTree as ET
results, junit, want, total, commit = json.load(open(sys.argv[1])), ET.parse(sys.argv[2]).getroot(), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
assert results["version"] == 3 and results["status"] == "fail", results["status"]
assert (results["points"], results["max_points"]) == (want, total), (results["points"], results["max_points"])
assert results["student"]["commit"] == commit, results["student"]
assert any(i["path"] == "tests/01-linreg/rubric.json" for i in results["ignored"]), results["ignored"]
tests = results["tests"]
assert all(set(t) >= {"name", "status", "message", "task_id"} for t in tests), "every test has name, status, message, task_id"
assert any(t["task_id"] == 3 and t["status"] == "fail" for t in tests), "task 3's course tests ran and failed on the stub"
assert all(t["status"] == "pass" for t in tests if t["task_id"] in (1, 2)), "tasks 1 and 2 pass"
cases = [c for c in junit.findall(".//testsuite") if not c.get("name").startswith("evidence")]
assert sum(len(s.findall("testcase")) for s in cases) == len(tests), "the JUnit file has the same tests"
props = {p.get("name"): p.get("value") for p in junit.find("testsuite").find("properties")}
assert props["student_commit"] == commit, props
print(f"results.json: version 3, {len(tests)} tests, {want}/{total} points; junit.xml: the same tests and the evidence")
PY
echo "grade: ok ($(( $(date +%s) - started )) s)"
cd "$repo"
fi
echo "learner tools: watch and grade behave"
