#!/usr/bin/env bash
# Before and after in one run: builds the benchmark at an earlier commit (default: the one before the performance
# fixes) in a temporary worktree, then runs its sandbox part and this checkout's, alternately, ROUNDS times each, so
# both meet the same machine. Usage: bench/before-after.sh [COMMIT] [ROUNDS] [extra benchmark options...]
# Build this checkout first (./mvnw -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:-ed14e14}
rounds=${2:-2}
shift $(( $# > 2 ? 2 : $# ))
java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
command -v "$java" >/dev/null || java=java
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/before" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add --detach "$tmp/before" "$before" >/dev/null
(cd "$tmp/before" && ./mvnw -q -DskipTests package)
args=(--fleets 45,250,1000 --skip strategy,memory,console,market "$@")
for i in $(seq 1 "$rounds"); do
  echo "== round $i: before ($before)"
  "$java" -jar "$tmp/before/bench/target/bench/flotilla-bench.jar" "${args[@]}" --markdown "$tmp/before-$i.md" | grep -v '^wrote'
  echo "== round $i: after ($(git rev-parse --short HEAD))"
  "$java" -jar bench/target/bench/flotilla-bench.jar "${args[@]}" --markdown "$tmp/after-$i.md" | grep -v '^wrote'
done
