#!/usr/bin/env bash
# The learner's loop, tried as a learner would: `./kata check 01 --source <copy>` on copies of kata 01
# broken in the ways of .ci/broken-katas/*.mutant, with output redirected (as in a log), checking what
# the board says. A crash, a hang or a warning must end as a clear line on the board.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
katas() { ./kata "$@"; }
fail() { echo "learner loop: $*"; exit 1; }

# Applies a .mutant file's hunks to a copy of the reference solution (the same format verify mutants reads).
broken_copy() {
  local name="$1" target="$work/$1"
  mkdir -p "$target"; cp -r solutions/01-linreg "$target/"; rm -rf "$target/01-linreg/bin" "$target/01-linreg/obj"
  python3 - "$repo/.ci/broken-katas/$name.mutant" "$target/01-linreg" <<'PY'
import sys
path, folder = sys.argv[1], sys.argv[2]
hunks, current = [], None
for line in open(path).read().split('\n'):
    if line.startswith('--- '):
        current = [line[4:].strip(), [], []]; hunks.append(current)
    elif current and line.startswith('-'):
        current[1].append(line[1:])
    elif current and line.startswith('+'):
        current[2].append(line[1:])
for file, find, replace in hunks:
    p = f"{folder}/{file}"; text = open(p).read(); old = '\n'.join(find)
    assert text.count(old) == 1, f"{path}: lines to replace occur {text.count(old)} times in {file}"
    open(p, 'w').write(text.replace(old, '\n'.join(replace)))
PY
  echo "$target"
}

check_case() {
  local name="$1"; shift
  local copy; copy="$(broken_copy "$name")"
  echo "--- $name: ./kata check 01 --source (a broken copy)"
  set +e
  board="$(katas check 01 --source "$copy" 2>&1)"; code=$?
  set -e
  echo "$board" | grep -v "tests done, running" | tail -25
  [ "$code" -eq 1 ] || fail "$name: check should exit 1 (tests fail), got $code"
  echo "$board" | grep -q "01-linreg: [0-9]*/[0-9]* tests pass" || fail "$name: no board"
  echo "$board" | grep -q "0/0 tests pass" && fail "$name: an empty board"
  local width; width="$(echo "$board" | python3 -c 'import sys; print(max(len(line.rstrip("\n")) for line in sys.stdin))')"
  [ "$width" -le 100 ] || fail "$name: a line of $width columns; the redirected board must fit in 100"
  # Every board keeps a row for each of kata 01's five tasks, whatever happened.
  for task in 1 2 3 4 5; do
    echo "$board" | grep -q "^task $task " || fail "$name: the board has no row for task $task"
  done
  for expected in "$@"; do
    # The board wraps long messages: read it as one line of words.
    echo "$board" | tr '\n' ' ' | tr -s ' ' | grep -q -- "$expected" || fail "$name: the board does not say \"$expected\""
  done
}

check_case native-crash "crashed" "TorchSharp's native library" "mat1 and mat2 shapes cannot be multiplied"
check_case stack-overflow "256 KiB deep into the stack in Loss.Recurse (Loss.cs, line 24)"
check_case stack-overflow-expression-bodied "256 KiB deep into the stack in Loss.Recurse (Loss.cs, line 24)"
check_case stack-overflow-lambda "crashed" "stack overflow in Katas.Linreg.Loss"
# Ending the process is refused before anything runs: the allow-list names the file, line and API.
copy="$(broken_copy environment-exit)"
echo "--- environment-exit: ./kata check 01 --source (a broken copy)"
set +e; board="$(katas check 01 --source "$copy" 2>&1)"; code=$?; set -e
echo "$board" | tail -8
[ "$code" -eq 1 ] || fail "environment-exit: check should exit 1, got $code"
echo "$board" | tr '\n' ' ' | tr -s ' ' | grep -q "Loss.cs(21,9): error KATA001: \`Environment\` reaches outside the kata" \
  || fail "environment-exit: the board does not name Loss.cs line 21 and Environment"
check_case endless-loop-with-warning "did not finish within 20 seconds: it was running GradientDescent.Run (GradientDescent.cs, line" \
  "passed (8)" "warning CS0219"
echo "learner loop: every broken copy ended as clear lines on a filled board"
