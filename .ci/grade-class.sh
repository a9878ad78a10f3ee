#!/usr/bin/env bash
# A whole class graded in one report, as a CI matrix does it: the course is this repository's HEAD without solutions/ (the
# trusted grader of .ci/grading.sh); three student repositories (honest, partial, tampered with links to the solutions) and one
# that does not exist are on a roster; grade-class grades it as two shards and a merge. class.csv must score honest 15, partial
# in between, tampered and unreachable 0; class.md and class.html name every student, and the page's table is still there
# after its script ran in a headless Chromium. Prints the time per student and for the whole run.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
fail() { echo "grade-class: $*"; exit 1; }
started=$(date +%s)

source "$repo/.ci/lib/trusted-course.sh"
trusted_course "$repo" "$work/course"
echo "grader built in $(( $(date +%s) - started )) s"

# A student repository: the course at HEAD with the change "$2" (a shell snippet run in it) committed.
student() {
  local name="$1" change="$2" folder="$work/students/$1"
  git clone -q "$repo" "$folder"
  (cd "$folder" && eval "$change" && git add -A && git -c user.name="$name" -c user.email="$name@example.org" commit -qm "$name" --allow-empty)
}
mkdir -p "$work/students"
student honest 'cp solutions/01-linreg/*.cs katas/01-linreg/'
student partial 'cp solutions/01-linreg/Loss.cs katas/01-linreg/'
student tampered 'for f in solutions/01-linreg/*.cs; do ln -sf "../../$f" "katas/01-linreg/$(basename "$f")"; done'
cat > "$work/roster.csv" <<CSV
name,repository,deadline
honest,$work/students/honest,2099-01-01T00:00:00Z
partial,"$work/students/partial",
tampered,$work/students/tampered,
unreachable,$work/students/no-such-repository,
CSV

echo "--- two shards, then a merge"
graded=$(date +%s)
for k in 1 2; do
  (cd "$work/course" && ./kata grade-class "$work/roster.csv" --katas 01 --shard "$k/2" --out "$work/shard$k" 2>&1 | tee "$work/shard$k.log") \
    || fail "shard $k/2 failed"
done
(cd "$work/course" && ./kata grade-class "$work/roster.csv" --merge "$work/shard1" --merge "$work/shard2" --out "$work/class") \
  || fail "the merge failed"
echo "grading the class (two shards and a merge) took $(( $(date +%s) - graded )) s"
[ ! -e "$work/shard1/class.csv" ] || fail "a shard wrote a class report"
ls "$work/shard1/students" "$work/shard2/students"

python3 - "$work/class" "$course_commit" <<'PY'
import csv, sys
from html.parser import HTMLParser
out, course = sys.argv[1], sys.argv[2]
rows = {row["name"]: row for row in csv.DictReader(open(f"{out}/class.csv", newline=""))}
assert list(rows) == ["honest", "partial", "tampered", "unreachable"], f"class.csv lists {list(rows)}"
points = {name: int(row["total"]) for name, row in rows.items()}
assert points["honest"] == 15 and int(rows["honest"]["01-linreg"]) == 15, points
assert 0 < points["partial"] < 15, points
assert points["tampered"] == 0 and points["unreachable"] == 0, points
assert all(int(row["max"]) == 15 for row in rows.values())
assert rows["unreachable"]["status"] == "unreachable" and rows["unreachable"]["commit"] == "", rows["unreachable"]
assert len(rows["honest"]["commit"]) == 40
markdown = open(f"{out}/class.md").read()
page = open(f"{out}/class.html").read()
for name in rows:
    assert name in markdown and name in page, f"{name} is missing from class.md or class.html"
assert course in markdown and course in page, "the course commit is not named"
tampered_row = next(line for line in markdown.splitlines() if line.startswith("| tampered |"))
assert "refused katas/01-linreg/" in tampered_row, f"class.md does not show what was refused: {tampered_row}"
assert rows["honest"]["commit"][:12] in page and rows["honest"]["commit"][:12] in markdown

class Table(HTMLParser):
    def __init__(self):
        super().__init__(); self.body = False; self.rows = 0; self.titles = []; self.external = []
    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.body |= tag == "tbody"
        self.rows += tag == "tr" and self.body
        if tag == "td" and "title" in attrs: self.titles.append(attrs["title"])
        self.external += [v for k, v in attrs.items() if k in ("src", "href") and v and v.startswith("http")]
table = Table(); table.feed(page)
assert table.rows == 4, f"class.html has {table.rows} student rows"
assert not table.external, f"class.html loads {table.external}"
assert any("symbolic link" in title or "not implemented" in title.lower() for title in table.titles), "no tooltip carries a first problem"
print("class.csv: " + ", ".join(f"{name} {p}" for name, p in points.items()) + "; class.md and class.html name every student (python's html.parser)")
PY

# The page as a browser shows it: Chromium runs its script; the rows must still be there and no script error logged.
if ! command -v chromium >/dev/null && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 || true
fi
if command -v chromium >/dev/null; then
  chromium --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 --dump-dom "file://$work/class/class.html" >"$work/dom.html" 2>"$work/chromium.log" || true
  rows=$(python3 -c "import re,sys; body=open(sys.argv[1]).read().split('<tbody>')[1]; print(len(re.findall('<tr', body)))" "$work/dom.html")
  [ "$rows" = 4 ] || { cat "$work/chromium.log"; fail "Chromium's DOM of class.html has $rows student rows, not 4"; }
  ! grep -q "Uncaught" "$work/chromium.log" || { grep "Uncaught" "$work/chromium.log"; fail "class.html's script failed in Chromium"; }
  echo "chromium --headless --dump-dom: 4 student rows after the script ran, no script error"
else
  echo "chromium could not be installed: class.html was checked with python's html.parser only"
fi

echo "--- time per student (grading only; the bundle is built once per shard)"
grep -h "^  [a-z]" "$work/shard1.log" "$work/shard2.log" | grep " s " || true
echo "grade-class: 4 students graded in two shards and merged; honest 15, partial between, tampered and unreachable 0 ($(( $(date +%s) - started )) s in all)"
