#!/usr/bin/env bash
# Proves that adding a kata touches only its own folders plus the solution file: copies the throw-away
# kata in .ci/scratch-kata/ into a scratch clone of the committed repository, adds its projects to
# Katas.slnx with one `dotnet sln add`, and checks that the tool and the tests discover it.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)/repo"
trap 'rm -rf "$(dirname "$scratch")"' EXIT
git clone -q "$repo" "$scratch"
for folder in katas solutions tests kits; do
  cp -r "$repo/.ci/scratch-kata/$folder/99-scratch" "$scratch/$folder/"
done
cd "$scratch"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet sln Katas.slnx add katas/99-scratch/*.csproj solutions/99-scratch/*.csproj tests/99-scratch/*.csproj kits/99-scratch/*.csproj >/dev/null
dotnet build Katas.slnx -nologo -clp:ErrorsOnly -v:q
katas() { dotnet tools/Katas.Cli/bin/solutions/Debug/net10.0/*/katas.dll "$@"; }
fail() { echo "scratch kata: $*"; exit 1; }

echo "--- the reference solution passes its tests, the layout tests accept the new kata"
dotnet test tests/99-scratch --no-build -nologo | tail -1
dotnet test tests/Katas.Support.Tests --no-build -nologo --filter "FullyQualifiedName~KataLayoutTests" | tail -1

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

echo "--- verify stubs and verify mutants pick it up"
katas verify stubs 99
katas verify mutants 99
echo "scratch kata discovered by demo, check, verify stubs, verify mutants and the layout tests"
