#!/usr/bin/env bash
# A new kata is made by `./kata new` alone and passes every stage: in a scratch clone of the committed repository,
# `./kata new 99-scratch "..."` writes the kata from templates/kata/ (so the template cannot rot), adds its projects to
# Katas.slnx and its row to the README; then its reference passes its tests, the layout tests accept it, demo draws it,
# check shows its failing board on the stub, verify stubs and verify mutants pick it up. Bad names are refused (exit 2).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)/repo"
trap 'rm -rf "$(dirname "$scratch")"' EXIT
git clone -q "$repo" "$scratch"
cd "$scratch"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
fail() { echo "scratch kata: $*"; exit 1; }

echo "--- ./kata new refuses a bad name and a taken number (exit 2), then writes kata 99"
for bad in "6-x" "06-Image" "01-anything"; do
  set +e; out="$(./kata new "$bad" "a title" 2>&1)"; code=$?; set -e
  [ "$code" -eq 2 ] || fail "./kata new $bad should exit 2, got $code: $out"
done
./kata new 99-scratch "doubling a tensor (the scratch kata)"
git status --short
grep -q '| \[99-scratch\](katas/99-scratch/README.md) | doubling a tensor (the scratch kata) |' README.md || fail "the README's table has no row for 99-scratch"
for project in katas/99-scratch/Scratch.csproj solutions/99-scratch/Scratch.Solution.csproj tests/99-scratch/Scratch.Tests.csproj kits/99-scratch/Scratch.Kit.csproj; do
  grep -q "\"$project\"" Katas.slnx || fail "Katas.slnx does not list $project"
done
[ -s docs/99-scratch.md ] && [ -s katas/99-scratch/HINTS.md ] && [ -s tests/99-scratch/rubric.json ] || fail "the docs page, HINTS.md or rubric.json is missing"
changed="$(git status --porcelain | awk '{print $2}' | grep -v -E '^(katas|solutions|tests|kits)/99-scratch/$|^docs/99-scratch.md$|^README.md$|^Katas.slnx$' || true)"
[ -z "$changed" ] || fail "./kata new touched more than the kata's folders, its docs page, the README and Katas.slnx: $changed"

dotnet build Katas.slnx -nologo -clp:ErrorsOnly -v:q
katas() { ./kata "$@"; }

echo "--- the reference solution passes its tests, the layout tests accept the new kata"
dotnet test tests/99-scratch --no-build -nologo | tail -1
dotnet test tests/Katas.Cli.Tests --no-build -nologo --filter "FullyQualifiedName~KataLayoutTests" | tail -1

echo "--- demo draws it"
katas demo 99 | tail -3
[ -s artifacts/99-scratch/reference/doubled-line.png ] || fail "demo 99 did not write artifacts/99-scratch/reference/doubled-line.png"

echo "--- check shows its board (the stubs fail)"
set +e
board="$(katas check 99 2>&1)"; code=$?
set -e
echo "$board" | tail -8
[ "$code" -eq 1 ] || fail "check 99 on the stubs should exit 1, got $code"
echo "$board" | grep -q "99-scratch: 0/3 tests pass" || fail "check 99 did not show the kata's board"

echo "--- hint reads its HINTS.md"
katas hint 99 1 | grep -q "no loop needed" || fail "hint 99 1 did not show the template's first tier"

echo "--- verify stubs and verify mutants pick it up"
katas verify stubs 99
katas verify mutants 99
echo "scratch kata made by ./kata new and discovered by demo, check, hint, verify stubs, verify mutants and the layout tests"
