#!/usr/bin/env bash
# Grades that a student cannot fool. The course is this repository's HEAD, checked out at its full commit id into a
# folder of its own, without solutions/ (a sparse checkout) and the tool built against the stubs (the trusted path of docs/teaching.md).
# Each student repository is made from the course and commits one attack; the course grades it for kata 01 and every
# format (report.md, results.json, junit.xml) must score the attack 0 and name what it did. Honest work scores full
# marks, and a repository made from a template (no shared history, no tags) grades like any other.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
fail() { echo "grading: $*"; exit 1; }
started=$(date +%s)

source "$repo/.ci/lib/trusted-course.sh"
trusted_course "$repo" "$work/course"
# A learner's check works in a course copy without solutions/.
set +e; board="$(cd "$work/course" && ./kata check 01 --task 1 2>&1)"; code=$?; set -e
[ "$code" -eq 1 ] && echo "$board" | grep -q "^task 1 " || { echo "$board"; fail "check 01 in a course copy without solutions/ gave no board (exit $code)"; }
echo "check 01 --task 1 in the course copy without solutions/: a board, exit 1 (the stubs fail)"
[ -z "$(find "$work/course/tools" -name 'Katas.Linreg.dll' -path '*Katas.Worker*')" ] || fail "the worker's build holds a kata assembly"
echo "grader built in $(( $(date +%s) - started )) s"

# A student repository: the course at HEAD, with the change "$2" (a shell snippet run in it) committed.
student() {
  local name="$1" change="$2" folder="$work/students/$1"
  git clone -q "$repo" "$folder"
  (cd "$folder" && eval "$change" && git add -A && git -c user.name="$name" -c user.email="$name@example.org" commit -qm "$name" --allow-empty)
  echo "$folder"
}

# Grades student $1 for kata 01 from the trusted course; checks the points and that every format names "$3"...
grade() {
  local name="$1" want="$2"; shift 2
  local folder="$work/students/$name" out="$work/grades/$name"
  mkdir -p "$out"
  (cd "$work/course" && ./kata grade --student "$folder" --katas 01 --format json --out "$out/results.json" >"$out/log" 2>&1) \
    || { cat "$out/log"; fail "$name: grade failed"; }
  cp "$work/course/artifacts/grade/report.md" "$work/course/artifacts/grade/junit.xml" "$out/"
  python3 - "$out" "$want" "$(git -C "$folder" rev-parse HEAD)" "$course_commit" "$@" <<'PY'
import json, sys, xml.etree.ElementTree as ET
out, want, student, course, evidence = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5:]
results = json.load(open(f"{out}/results.json"))
report = open(f"{out}/report.md").read()
junit = ET.parse(f"{out}/junit.xml").getroot()
junit_text = ET.tostring(junit, encoding="unicode")
name = out.split("/")[-1]
assert "uncommitted" not in report, f"{name}: the course checkout is not clean: {report.splitlines()[:6]}"
assert results["points"] == want, f"{name}: results.json scores {results['points']}, expected {want}"
assert report.startswith(f"# Katas grade: {want} / {results['max_points']} points"), f"{name}: report.md scores otherwise: {report.splitlines()[0]}"
assert f'katas grade: {want} / {results["max_points"]} points' in junit.get("name"), f"{name}: junit scores otherwise: {junit.get('name')}"
for text, where in ((json.dumps(results), "results.json"), (report, "report.md"), (junit_text, "junit.xml")):
    assert student in text and course in text, f"{name}: {where} does not name both commits"
    for needle in evidence:
        assert needle in text, f"{name}: {where} does not name {needle!r}"
print(f"{name}: {want} / {results['max_points']} points, every format names " + (", ".join(repr(e) for e in evidence) or "both commits"))
PY
}

mkdir -p "$work/students"
# Attacks that add code do so on top of honest work: a 0 then proves that the refusal, not the stub, zeroed the kata.
solve='cp solutions/01-linreg/*.cs katas/01-linreg/'
insert() { printf 'sed -i "s|        return errors.square().mean();|        %s\\n        return errors.square().mean();|" katas/01-linreg/Loss.cs' "$1"; }
echo "--- honest work, and a repository made from a template (new history, no tags)"
student honest 'cp solutions/01-linreg/*.cs katas/01-linreg/' >/dev/null
grade honest 15
template="$work/students/template"
mkdir -p "$template" && git -C "$repo" archive HEAD | tar -x -C "$template"
(cd "$template" && git init -q && cp solutions/01-linreg/*.cs katas/01-linreg/ && git add -A && git -c user.name=t -c user.email=t@example.org commit -qm "from the template")
grade template 15
# The course did not change between the two grades: the second reuses the first's bundle instead of building it again.
grep -q "01-linreg: building the course's tests" "$work/grades/honest/log" || fail "the first grade did not build the bundle"
grep -q "01-linreg: the course's tests as built for commit .* (reused)" "$work/grades/template/log" \
  || { cat "$work/grades/template/log"; fail "the second grade of the same course commit built the bundle again"; }
echo "the second grade reused the bundle built for the course commit"

echo "--- attacks: each scores 0 for kata 01 and is named in every format"
student module-initializer "$solve"' && cat > katas/01-linreg/Results.cs <<EOF
namespace Katas.Linreg;
internal static class Results
{
    // On exit, rewrite any results file from Failed to Passed.
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void Init() => System.AppDomain.CurrentDomain.ProcessExit += (_, _) => { };
}
EOF' >/dev/null
grade module-initializer 0 "KATA001" "Results.cs"

student reflection-to-the-solution "$solve && $(insert 'var solution = System.Reflection.Assembly.LoadFrom(\"Katas.Linreg.dll\");')" >/dev/null
grade reflection-to-the-solution 0 "KATA001" "Loss.cs"

student symbolic-links 'for f in solutions/01-linreg/*.cs; do ln -sf "../../$f" "katas/01-linreg/$(basename "$f")"; done' >/dev/null
grade symbolic-links 0 "katas/01-linreg/Loss.cs" "symbolic link"

student edited-grader 'sed -i "s/string status = /string status = \"passed\"; _ = /" tools/Katas.Cli/Grading/GradeScoring.cs || true; echo "// the student was here" >> tools/Katas.Cli/Grading/GradeScoring.cs' >/dev/null
grade edited-grader 0 "tools/Katas.Cli/Grading/GradeScoring.cs"

student edited-tests-and-moved-tag 'rm tests/01-linreg/Task1MeanSquaredErrorTests.cs && sed -i "s/Assert\.That(/Assert.Pass(); Assert.That(/" tests/01-linreg/Task2GradientsTests.cs && python3 -c "
import json; p=\"tests/01-linreg/rubric.json\"; r=json.load(open(p))
[t.update(points=100) for t in r[\"tasks\"]]; json.dump(r, open(p, \"w\"))" && git tag -f course-2026' >/dev/null
git -C "$work/students/edited-tests-and-moved-tag" tag -f course-2026 HEAD
grade edited-tests-and-moved-tag 0 "tests/01-linreg/Task1MeanSquaredErrorTests.cs" "tests/01-linreg/rubric.json"

student reflection-into-the-tests "$solve && $(insert 'var oracle = typeof(Loss).Assembly.GetReferencedAssemblies();')" >/dev/null
grade reflection-into-the-tests 0 "KATA001" "Loss.cs"

student alias-and-exit "$solve"' && cat > katas/01-linreg/Quit.cs <<EOF
using Out = System.Environment;
namespace Katas.Linreg;
internal static class Quit
{
    internal static void Now() => Out.Exit(0);
}
EOF' >/dev/null
grade alias-and-exit 0 "KATA001" "Quit.cs"

# Lines that look like the worker's reports, with a guessed key, printed by kata code whose every test fails.
cat > "$work/forge.py" <<'PY'
path = "katas/01-linreg/Loss.cs"
text = open(path).read()
forged = '0 {"kind":"Finished","outcome":{"fullName":"x","passed":true}}'.replace('"', '\\"')
text = text.replace("throw new NotImplementedException(", 'Console.WriteLine("' + forged + '"); throw new NotImplementedException(', 1)
open(path, "w").write(text)
PY
student forged-report "python3 '$work/forge.py' && grep -q Finished katas/01-linreg/Loss.cs" >/dev/null
grade forged-report 0

echo "grading: every attack scored 0 and was named in every format; honest and template-made work scored full marks ($(( $(date +%s) - started )) s)"
