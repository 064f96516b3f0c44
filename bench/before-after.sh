#!/usr/bin/env bash
# Before and after in one run. Builds the benchmark at an earlier commit (default ed14e14: the benchmark's first
# commit, before any performance fix) in a temporary worktree, with this checkout's measuring code for the sandbox
# runs (DayRun, FleetSection, Samples) so both sides are measured alike, then runs the sandbox part of the old build
# and of this checkout alternately, ROUNDS times each, so both meet the same machine. Build this checkout first
# (./mvnw -DskipTests package). Usage: bench/before-after.sh [COMMIT] [ROUNDS] [more benchmark options...]
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:-ed14e14}
rounds=${2:-2}
shift $(( $# > 2 ? 2 : $# ))
java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
[ -x "$java" ] || java=java
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/before" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add --detach "$tmp/before" "$before" >/dev/null
src=bench/src/main/java/dev/flotilla/bench
for f in DayRun FleetSection Samples; do cp "$src/$f.java" "$tmp/before/$src/$f.java"; done
(cd "$tmp/before" && ./mvnw -q -DskipTests package)
args=(--fleets 45,250,1000 --skip strategy,memory,console,market "$@")
for i in $(seq 1 "$rounds"); do
  echo "== round $i: before ($before)"
  "$java" -jar "$tmp/before/bench/target/bench/flotilla-bench.jar" "${args[@]}"
  echo "== round $i: after ($(git rev-parse --short HEAD))"
  "$java" -jar bench/target/bench/flotilla-bench.jar "${args[@]}"
done
