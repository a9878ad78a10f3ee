# Sourced by the grading scripts. trusted_course REPO FOLDER: the course at REPO's HEAD, checked out at its full commit id
# into FOLDER without solutions/ (a sparse checkout, which leaves the checkout clean, as the grade workflows do), with its
# tool built. Sets course_commit.
trusted_course() {
  local repo="$1" folder="$2"
  course_commit="$(git -C "$repo" rev-parse HEAD)"
  echo "--- the trusted grader: the course at $course_commit, without solutions/, built against its stubs"
  git clone -q --no-checkout "$repo" "$folder"
  git -C "$folder" sparse-checkout set --no-cone '/*' '!/solutions/'
  git -C "$folder" checkout -q --detach "$course_commit"
  [ ! -e "$folder/solutions" ] || { echo "the course checkout holds solutions/"; return 1; }
  # Without solutions/, ./kata builds against the stubs by itself: no KataSource needed.
  (cd "$folder" && ./kata --help >/dev/null)
}
